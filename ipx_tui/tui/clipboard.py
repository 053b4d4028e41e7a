"""What ``y`` can honestly say: the text went to the terminal as OSC 52, and (inside tmux)
into tmux's paste buffer, which tmux forwards to the terminal's clipboard when allowed.

A terminal never answers an OSC 52, so whether the text reached the reader's clipboard is
unknown; the message names what was sent, and ``Y`` shows the text to select by hand.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence

Run = Callable[[Sequence[str], bytes | None], tuple[int, bytes]]
"""Runs a command with input; its exit status and standard output."""

HAND = "Y shows it to select by hand"


def _run(argv: Sequence[str], data: bytes | None) -> tuple[int, bytes]:
    try:
        done = subprocess.run(list(argv), input=data, capture_output=True, timeout=2,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return 1, b""
    return done.returncode, done.stdout


def send(text: str, name: str, *, kiosk: bool, environ: Mapping[str, str] | None = None,
         run: Run = _run) -> str:
    """Hand text to tmux when inside it (the app has already sent OSC 52); what to tell the
    reader, one line."""
    env = os.environ if environ is None else environ
    sent = f"Sent {name} ({len(text)} characters) to the terminal's clipboard (OSC 52)"
    if not env.get("TMUX"):
        return f"{sent}; if your terminal ignores OSC 52, {HAND}"
    if kiosk or shutil.which("tmux") is None:
        # the kiosk opens no other program: tmux passes OSC 52 on only when told to
        return (f"{sent}; inside tmux it reaches your terminal only with "
                f"`set -g set-clipboard on`; {HAND}")
    data = text.encode("utf-8")
    # -w: tmux also sets the terminal's clipboard (tmux 3.2 and later); else a buffer only
    code, _ = run(["tmux", "load-buffer", "-w", "-"], data)
    if code != 0:
        code, _ = run(["tmux", "load-buffer", "-"], data)
        if code != 0:
            return f"{sent}; tmux did not take it as a buffer; {HAND}"
    _, option = run(["tmux", "show-options", "-gv", "set-clipboard"], None)
    setting = option.decode("utf-8", "replace").strip()
    buffer = (f"Put {name} ({len(text)} characters) in tmux's paste buffer (prefix ] pastes)"
              " and sent it to the terminal's clipboard (OSC 52)")
    if setting == "off":
        return f"{buffer}; tmux has set-clipboard off, so only the buffer holds it; {HAND}"
    return f"{buffer}; {HAND}"
