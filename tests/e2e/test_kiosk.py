"""Kiosk mode through sshd's `ForceCommand ipx-tui --kiosk`: the session can only browse."""

from __future__ import annotations

import base64
import os
import subprocess
from pathlib import Path

from tests.e2e.conftest import Rig
from tests.e2e.screens import FIRST_PAGE, TITLE, first_screen, osc52
from tests.e2e.tmux import Pane


def _files(root: Path) -> list[str]:
    return sorted(str(Path(d, f).relative_to(root)) for d, _, fs in os.walk(root) for f in fs)


def _kiosk(rig: Rig, *asked: str) -> Pane:
    argv = rig.sshd.ssh_argv(*asked, kiosk=True, setenv={"LANG": "C.UTF-8"})
    pane = rig.tmux.pane(argv, (100, 30))
    pane.wait_for(first_screen, timeout=30)
    return pane


def _away(pane: Pane, gone: str) -> None:
    pane.keys("Escape")
    pane.wait_for(lambda s: gone not in s.text and s.has(TITLE), what=f"{gone!r} closed")


def test_a_forced_kiosk_session_can_only_browse(rig: Rig) -> None:
    home = rig.sshd.kiosk_home
    intruder = home / "home" / "asked-for-a-shell"
    # The command the client asks for is ignored: sshd runs the forced one.
    pane = _kiosk(rig, "touch", str(intruder))
    pane.wait_quiet(0.5)

    pane.keys("C-z")  # no suspend, so no way out to a shell
    # the refusals are notices on the footer's line, over the palette key, for a few seconds
    screen = pane.wait_for(first_screen, timeout=15)
    assert not screen.dead

    pane.keys("C-p")  # the palette offers nothing that writes a file
    pane.wait_for("Search for commands")
    pane.type("screenshot")
    screen = pane.wait_for(lambda s: "screenshot" in s.text)
    assert "Screenshot" not in screen.text and "SVG" not in screen.text
    _away(pane, "🔎")

    pane.keys("/")  # search works (its index is built in memory)
    pane.wait_for("search: words in either script")
    pane.type("物联网")
    pane.wait_for("11 nodes")
    _away(pane, "11 nodes")

    pane.keys("Down")  # browsing works, and so do bookmarks and settings: in memory
    pane.wait_for("▕  前言")
    pane.keys("b")
    pane.wait_for("a note (optional)")
    pane.type("只在這次")
    pane.keys("Enter")
    pane.wait_for("Bookmarked: preamble")
    pane.keys("B")
    pane.wait_for(("Bookmarks (1)", "只在這次"))
    _away(pane, "Bookmarks (1)")
    pane.keys("t")
    pane.wait_for("国务院关于积极推进")

    pane.keys("y")  # the clipboard still works: OSC 52 goes to the reader's terminal
    pane.wait_for("Sent preamble")
    (copied,) = osc52(pane.output())
    # simplified, with the mainland's quotation marks (“互联网+”)
    assert "\u201c互联网+\u201d是把互联网的创新成果" in base64.b64decode(copied).decode("utf-8")

    pane.keys("q")  # the connection ends with the app: no shell prompt, ever
    assert pane.exit_status() == 0
    assert _files(home) == []  # nothing written: no store, no cache, no .pyc, no intruder
    pane.close()

    again = _kiosk(rig)  # a new session remembers nothing
    again.keys("B")
    again.wait_for("Bookmarks (0)")
    _away(again, "Bookmarks (0)")
    again.keys("C-c")  # ctrl+c leaves as q does: the session ends, never in a shell
    assert again.exit_status() == 0
    again.close()


def test_a_kiosk_login_without_a_terminal_is_refused(rig: Rig) -> None:
    argv = rig.sshd.ssh_argv("sh", kiosk=True, tty=False)
    proc = subprocess.run(argv, input="echo escaped\n", capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 2
    assert "escaped" not in proc.stdout
    assert proc.stderr.startswith("ipx-tui: the browser needs a terminal")
    assert FIRST_PAGE not in proc.stdout
