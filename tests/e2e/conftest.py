"""The end-to-end rig: one throwaway sshd and one private tmux server for the whole run.

Each test logs in over SSH inside a tmux pane of fixed size and types `ipx-tui` at a shell
prompt, as a user would. Without sshd or tmux the tests skip and say why; under CI=true they
fail instead, so CI can never pass by skipping them.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.procs import Owned
from tests.e2e.screens import first_screen, leftover_modes
from tests.e2e.sshd import PROMPT, SSHD, SSHServer
from tests.e2e.tmux import Expect, Pane, Screen, Tmux

CONSOLE_SCRIPT = Path(sys.executable).parent / "ipx-tui"


def _missing() -> list[str]:
    missing = [tool for tool in ("tmux", "ssh", "ssh-keygen") if shutil.which(tool) is None]
    if not os.access(SSHD, os.X_OK):
        missing.append(f"{SSHD} (Debian package openssh-server)")
    if not CONSOLE_SCRIPT.exists():
        missing.append(f"{CONSOLE_SCRIPT} (install the project: pip install -e .)")
    return missing


@dataclass
class Rig:
    """What every end-to-end test shares."""

    sshd: SSHServer
    tmux: Tmux
    owned: Owned


@pytest.fixture(scope="session")
def rig(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    """Start sshd and tmux once; stop exactly the processes started here."""
    missing = _missing()
    if missing:
        reason = "end-to-end tests need " + ", ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (CI=true: these tests may not be skipped)")
        pytest.skip(reason)
    workdir = tmp_path_factory.mktemp("e2e")
    owned = Owned()
    sshd, tmux = SSHServer(workdir, CONSOLE_SCRIPT, owned), Tmux(workdir, owned)
    try:
        sshd.start()
        tmux.start()
        yield Rig(sshd, tmux, owned)
    finally:
        tmux.stop()
        sshd.stop()
    survivors = owned.survivors()
    assert not survivors, f"processes outlived the end-to-end rig: {survivors}"


class Login:
    """One SSH login in one tmux pane, at the test shell's prompt."""

    def __init__(self, rig: Rig, pane: Pane) -> None:
        self.rig, self.pane = rig, pane
        self.command = ""
        self.app_output_from = 0

    def screen(self, escapes: bool = False) -> Screen:
        """The screen now."""
        return self.pane.snap(escapes)

    def wait_for(self, expect: Expect, timeout: float = 15.0, what: str = "") -> Screen:
        """Poll until the whole expected state is on screen."""
        return self.pane.wait_for(expect, timeout=timeout, what=what)

    def at_prompt(self, timeout: float = 15.0) -> Screen:
        """Wait until the shell prompt is the last non-empty line and the app has left."""
        def ready(screen: Screen) -> bool:
            rows = [row for row in screen.lines if row]
            return bool(rows) and rows[-1] == PROMPT.rstrip() and not screen.alternate
        return self.pane.wait_for(ready, timeout=timeout, what="the shell prompt")

    def run(self, command: str) -> None:
        """Type a command at the prompt and press Enter."""
        self.pane.type(command)
        self.pane.keys("Enter")

    def start_app(self, command: str = "ipx-tui", expect: Expect = first_screen,
                  timeout: float = 30.0) -> Screen:
        """Type the command at the prompt; wait for the app's whole first screen."""
        self.command = command
        self.app_output_from = self.pane.output_size()
        self.run(command)
        return self.wait_for(expect, timeout=timeout, what=f"the first screen of {command!r}")

    def app_output(self) -> bytes:
        """What the terminal received since the app was started."""
        return self.pane.output()[self.app_output_from:]

    def quit_app(self, key: str = "q") -> Screen:
        """Quit and check the shell got a clean terminal back: the prompt right below the
        command, nothing stray on screen, every mode the app set undone, input echoed."""
        self.keys(key)
        screen = self.at_prompt()
        rows = [row for row in screen.lines if row]
        assert rows[-2:] == [PROMPT + self.command, PROMPT.rstrip()], screen
        assert not (screen.mouse or screen.keypad_cursor) and screen.cursor_visible, screen
        assert leftover_modes(self.app_output()) == []
        self.run("echo ok-$((6 * 7))")  # the answer only appears if the shell got the line
        self.wait_for(lambda s: [r for r in s.lines if r][-2:] == ["ok-42", PROMPT.rstrip()],
                      what="the shell answering")
        return screen

    def keys(self, *keys: str) -> None:
        """Press keys by tmux name."""
        self.pane.keys(*keys)

    def type(self, text: str) -> None:
        """Type text literally."""
        self.pane.type(text)


LoginFactory = Callable[..., Login]


@pytest.fixture
def login(rig: Rig, tmp_path: Path) -> Iterator[LoginFactory]:
    """Open SSH logins: login(size=(100, 30), term="xterm-256color", setenv={"LANG": "C"}).

    Every login of one test shares one data directory (as one user's sessions do). At the end
    the panes are closed and the server must have no session left behind."""
    panes: list[Pane] = []

    def open_login(size: tuple[int, int] = (100, 30), term: str = "xterm-256color",
                   setenv: Mapping[str, str] | None = None) -> Login:
        argv = rig.sshd.login_argv(tmp_path / "data", tmp_path / "cache", term=term,
                                   setenv=setenv)
        pane = rig.tmux.pane(argv, size)
        panes.append(pane)
        session = Login(rig, pane)
        session.at_prompt()
        return session

    yield open_login
    for pane in panes:
        pane.close()
    end = time.monotonic() + 10
    while rig.sshd.sessions() and time.monotonic() < end:
        time.sleep(0.02)
    left = rig.sshd.sessions()
    for pid in left:  # below our own sshd, so ours to stop
        rig.owned.add(pid)
    rig.owned.terminate(left)
    assert not left, f"remote processes outlived their SSH session: {left}"
