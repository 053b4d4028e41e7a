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

from ipx_tui.core.i18n import N_, _

Run = Callable[[Sequence[str], bytes | None], tuple[int, bytes]]
"""Runs a command with input; its exit status and standard output."""

HAND = N_("Y shows it")
"""The way to the text when the clipboard did not get it (a view to select by hand)."""

def _run(argv: Sequence[str], data: bytes | None) -> tuple[int, bytes]:
    try:
        done = subprocess.run(list(argv), input=data, capture_output=True, timeout=2,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return 1, b""
    return done.returncode, done.stdout


def send(text: str, name: str, *, kiosk: bool, web: bool = False,
         environ: Mapping[str, str] | None = None, run: Run = _run) -> str:
    """Hand text to tmux when inside it (the app has already sent OSC 52, or, in a web page,
    asked the browser); what to tell the reader, one line of about 70 cells, so that the
    notice fits the bottom line of an 80-column screen."""
    env = os.environ if environ is None else environ
    if web:  # the page's script writes it to the browser's clipboard, if the browser lets it
        return _("Sent {name} to the browser's clipboard; not there? {hand}").format(
            name=name, hand=_(HAND))
    if not env.get("TMUX"):
        return _("Sent {name} to the terminal's clipboard (OSC 52); not there? {hand}").format(
            name=name, hand=_(HAND))
    if kiosk or shutil.which("tmux") is None:
        # the kiosk opens no other program: tmux passes OSC 52 on only when told to
        return _("Sent {name} by OSC 52; tmux passes it on only with set-clipboard on; {hand}"
                 ).format(name=name, hand=_(HAND))
    data = text.encode("utf-8")
    # -w: tmux also sets the terminal's clipboard (tmux 3.2 and later); else a buffer only
    code, _out = run(["tmux", "load-buffer", "-w", "-"], data)
    if code != 0:
        code, _out = run(["tmux", "load-buffer", "-"], data)
        if code != 0:
            return _("Sent {name} by OSC 52; tmux did not take it as a buffer; {hand}").format(
                name=name, hand=_(HAND))
    _code, option = run(["tmux", "show-options", "-gv", "set-clipboard"], None)
    if option.decode("utf-8", "replace").strip() == "off":
        return _("Put {name} in tmux's paste buffer only (set-clipboard is off); {hand}").format(
            name=name, hand=_(HAND))
    return _("Put {name} in tmux's paste buffer (prefix ]) and sent it by OSC 52; {hand}"
             ).format(name=name, hand=_(HAND))
