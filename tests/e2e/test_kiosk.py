"""Kiosk mode through sshd's `ForceCommand ipx-tui --kiosk`: the session can only browse."""

from __future__ import annotations

import base64
import fcntl
import os
import struct
import subprocess
import termios
import time
from pathlib import Path

from tests.e2e.conftest import LoginFactory, Rig
from tests.e2e.screens import (
    FIRST_PAGE,
    TITLE,
    detail_shows,
    first_screen,
    leftover_modes,
    osc52,
)
from tests.e2e.sshd import PROMPT
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


def _app_pid(rig: Rig) -> int:
    """The kiosk's own process (the console script sshd's ForceCommand execs)."""
    end = time.monotonic() + 15
    while time.monotonic() < end:
        for pid in rig.sshd.sessions():
            try:
                argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"--kiosk" in argv and any(a.endswith(b"/ipx-tui") for a in argv):
                return pid
        time.sleep(0.05)
    raise AssertionError("no kiosk process below sshd")


def _status(pid: int, field: str) -> int:
    """A kB figure from /proc/PID/status (VmHWM: the peak resident memory)."""
    for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise AssertionError(f"no {field} for {pid}")


def _set_window(pid: int, columns: int, rows: int) -> None:
    """Give the process's terminal a size, as sshd does on a client's window-change: the
    kernel sends it SIGWINCH."""
    fd = os.open(os.readlink(f"/proc/{pid}/fd/0"), os.O_RDWR | os.O_NOCTTY)
    try:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    finally:
        os.close(fd)


def test_a_hostile_size_cannot_exhaust_the_server(rig: Rig) -> None:
    """The in-band size report of 40000×40000 (24 bytes), a click after it (0 pixels), then a
    window of 10000×10000: the app lays out its cap, stays small and still answers."""
    pane = _kiosk(rig)
    pid = _app_pid(rig)
    pane.send_bytes(b"\x1b[48;40000;40000;0;0t")
    pane.send_bytes(b"\x1b[<0;5;5M\x1b[<0;5;5m")
    pane.wait_quiet(1.0, timeout=30)
    _set_window(pid, 10000, 10000)
    pane.wait_quiet(1.0, timeout=30)
    assert not pane.snap().dead
    peak_kb = _status(pid, "VmHWM")
    assert peak_kb < 200 * 1024, f"peak RSS {peak_kb} kB"

    _set_window(pid, 100, 30)  # back to the pane's size: the app must answer keys
    pane.wait_for(first_screen, timeout=30)
    pane.keys("/")
    pane.wait_for("search: words in either script")
    pane.type("物联网")
    pane.wait_for("11 nodes")
    _away(pane, "11 nodes")
    pane.keys("q")
    assert pane.exit_status() == 0
    assert _files(rig.sshd.kiosk_home) == []
    pane.close()


def test_ctrl_backslash_and_ctrl_z_at_the_start_end_nothing(rig: Rig) -> None:
    """Pressed while the session starts (before raw mode) they are signals: ignored, and a core
    file could never be written."""
    argv = rig.sshd.ssh_argv(kiosk=True, setenv={"LANG": "C.UTF-8"})
    pane = rig.tmux.pane(argv, (100, 30))
    # From the moment the kiosk's process exists (ssh has the local terminal in raw mode by
    # then, so the keys reach the server) until its first screen is drawn.
    pid = _app_pid(rig)
    while not first_screen(pane.snap()):
        pane.keys("C-\\", "C-z")
        assert Path(f"/proc/{pid}").exists() and not pane.snap().dead
        if time.monotonic() - pane.started > 30:
            raise AssertionError(f"no first screen; screen:\n{pane.snap()}")
    limits = Path(f"/proc/{pid}/limits").read_text(encoding="ascii")
    (core,) = [line for line in limits.splitlines() if line.startswith("Max core file size")]
    assert core.split()[4:6] == ["0", "0"], core
    pane.keys("C-\\", "C-z")  # in raw mode they are keys, and mean nothing
    pane.wait_quiet(0.5)
    screen = pane.snap()
    assert first_screen(screen) and not screen.dead
    pane.keys("q")
    assert pane.exit_status() == 0
    assert _files(rig.sshd.kiosk_home) == []  # no core file, nothing else
    pane.close()


def test_an_idle_session_says_goodbye_and_gives_the_terminal_back(login: LoginFactory) -> None:
    session = login()
    session.start_app("ipx-tui --kiosk --idle-timeout 0.03")  # 1.8 s
    started = time.monotonic()
    session.keys("Down")  # a key: the 1.8 s start again
    session.wait_for(detail_shows("前言"))
    screen = session.at_prompt(timeout=30)
    assert time.monotonic() - started >= 1.8
    rows = [row for row in screen.lines if row]
    assert rows[-3:] == [PROMPT + session.command,
                         "ipx-tui: no key pressed for 0.03 minutes; goodbye.", PROMPT.rstrip()]
    assert leftover_modes(session.app_output()) == []
