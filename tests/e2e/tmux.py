"""A private tmux server as the real terminal: panes of fixed size, keys in, screen and bytes out.

Used by the end-to-end tests and by the startup benchmark. tmux runs on its own socket with its
own config, so it never touches a tmux server of the user's.
"""

from __future__ import annotations

import errno
import os
import shlex
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.e2e.procs import Owned

# What every pane gets: no status bar (it would steal a row), dead panes kept so the last
# screen stays readable, no delay after Escape.
TMUX_CONF = """\
set -g status off
set -g remain-on-exit on
set -s escape-time 0
set -g history-limit 5000
"""

# Runs in the pane: waits on a FIFO so pipe-pane is attached before the command starts,
# then records the command's exit status in a file (tmux 3.3a can lose #{pane_dead_status}).
GATE = 'read _go < "$1"; rc=$2; shift 2; "$@"; echo $? > "$rc.tmp"; mv "$rc.tmp" "$rc"'

_META = ("#{pane_dead}|#{cursor_x}|#{cursor_y}|#{pane_width}|#{pane_height}|#{alternate_on}"
         "|#{mouse_any_flag}|#{cursor_flag}|#{keypad_cursor_flag}")


@dataclass(frozen=True)
class Screen:
    """One capture of a pane: its text and the terminal's state."""

    text: str
    dead: bool
    cursor: tuple[int, int]
    size: tuple[int, int]
    alternate: bool
    """Still on the alternate screen (a full-screen app is running, or left it behind)."""
    mouse: bool
    """Some mouse-reporting mode is on."""
    cursor_visible: bool
    keypad_cursor: bool
    """Application cursor keys mode is on."""

    @property
    def lines(self) -> list[str]:
        """The rows, trailing blanks removed."""
        return [line.rstrip() for line in self.text.split("\n")]

    def has(self, *needles: str) -> bool:
        """Does every needle appear on screen? (Rows are joined so wrapped text matches.)"""
        return all(needle in self.text for needle in needles)

    def __str__(self) -> str:
        width = self.size[0]
        rule = "+" + "-" * width + "+"
        lines = self.lines
        while lines and not lines[-1]:
            lines.pop()
        body = "\n".join(f"|{line}" for line in lines)
        return f"{rule}\n{body}\n{rule} cursor={self.cursor} dead={self.dead}"


Expect = str | Sequence[str] | Callable[[Screen], bool]


def _matcher(expect: Expect) -> Callable[[Screen], bool]:
    if isinstance(expect, str):
        return lambda screen: expect in screen.text
    if callable(expect):
        return expect
    needles = tuple(expect)
    return lambda screen: screen.has(*needles)


class Tmux:
    """A tmux server of our own, on a private socket under workdir."""

    def __init__(self, workdir: Path, owned: Owned) -> None:
        self.workdir = workdir
        self.owned = owned
        self.socket = workdir / "tmux.sock"
        self.config = workdir / "tmux.conf"
        self.config.write_text(TMUX_CONF, encoding="utf-8")
        # tmux must read and write UTF-8 whatever the caller's locale (-u alone is not enough
        # for capture-pane's output).
        self.env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
                    "HOME": os.environ.get("HOME", "/"), "TERM": "xterm-256color"}
        self.pid: int | None = None
        self._count = 0

    def __call__(self, *args: str, check: bool = True) -> str:
        """Run one tmux command against our server; its stdout."""
        result = subprocess.run(
            ["tmux", "-u", "-S", str(self.socket), "-f", str(self.config), *args],
            capture_output=True, text=True, encoding="utf-8", errors="replace",
            env=self.env, timeout=20, check=False)
        if check and result.returncode:
            raise RuntimeError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def start(self) -> None:
        """Start the server with one idle session that keeps it alive."""
        self("new-session", "-d", "-s", "keeper", "-x", "20", "-y", "5", "cat")
        self.pid = int(self("display-message", "-p", "#{pid}").strip())
        self.owned.add(self.pid)

    def stop(self) -> None:
        """Stop our server (and with it every pane's process)."""
        if self.pid is None:
            return
        self.owned.add_tree(self.pid)
        self("kill-server", check=False)
        self.owned.terminate([self.pid])

    def pane(self, argv: Sequence[str], size: tuple[int, int] = (100, 30),
             name: str | None = None) -> Pane:
        """A new session of the given size running argv, started once the byte log is on."""
        self._count += 1
        return Pane(self, name or f"p{self._count}", argv, size)


class Pane:
    """One tmux session with a single pane: keys in, screen and output bytes out."""

    def __init__(self, tmux: Tmux, name: str, argv: Sequence[str],
                 size: tuple[int, int]) -> None:
        self.tmux, self.name = tmux, name
        self.bytes_log = tmux.workdir / f"{name}.bytes"
        self.rc_file = tmux.workdir / f"{name}.rc"
        gate = tmux.workdir / f"{name}.go"
        for stale in (self.bytes_log, self.rc_file, gate):
            stale.unlink(missing_ok=True)
        os.mkfifo(gate)
        width, height = size
        tmux("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height),
             "sh", "-c", GATE, "sh", str(gate), str(self.rc_file), *argv)
        tmux("pipe-pane", "-t", name, "-o", f"cat >> {shlex.quote(str(self.bytes_log))}")
        self.pid = int(tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())
        tmux.owned.add(self.pid)
        screen = self.snap()
        if screen.size != size:
            raise RuntimeError(f"pane is {screen.size}, wanted {size}")
        self._release(gate)
        self.started = time.monotonic()

    @staticmethod
    def _release(gate: Path, timeout: float = 10.0) -> None:
        end = time.monotonic() + timeout
        while True:
            try:
                fd = os.open(gate, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as error:  # ENXIO: the pane's shell is not reading yet
                if error.errno != errno.ENXIO or time.monotonic() > end:
                    raise
                time.sleep(0.002)
                continue
            os.write(fd, b"go\n")
            os.close(fd)
            return

    # -- reading -------------------------------------------------------------------------

    def snap(self, escapes: bool = False) -> Screen:
        """The screen now (with escapes=True, with SGR colour codes kept)."""
        out = self.tmux("capture-pane", "-p", *(["-e"] if escapes else []), "-t", self.name,
                        ";", "display-message", "-p", "-t", self.name, "@@" + _META)
        text, _, meta = out.rpartition("@@")
        f = meta.strip().split("|")
        return Screen(text=text.removesuffix("\n"), dead=f[0] == "1",
                      cursor=(int(f[1]), int(f[2])), size=(int(f[3]), int(f[4])),
                      alternate=f[5] == "1", mouse=f[6] == "1", cursor_visible=f[7] == "1",
                      keypad_cursor=f[8] == "1")

    def wait_for(self, expect: Expect, timeout: float = 15.0, what: str = "",
                 escapes: bool = False, interval: float = 0.01) -> Screen:
        """Poll until the whole expected state is on screen; fail with the last screen."""
        ok = _matcher(expect)
        end = time.monotonic() + timeout
        while True:
            screen = self.snap(escapes)
            if ok(screen):
                return screen
            if time.monotonic() > end:
                label = what or (expect if isinstance(expect, str | list | tuple) else "state")
                raise AssertionError(f"timed out after {timeout}s waiting for {label!r} "
                                     f"in pane {self.name}; screen:\n{screen}")
            time.sleep(interval)

    def output_size(self) -> int:
        """How many bytes the pane's program has written so far."""
        try:
            return self.bytes_log.stat().st_size
        except FileNotFoundError:
            return 0

    def output(self) -> bytes:
        """Everything the pane's program has written so far."""
        try:
            return self.bytes_log.read_bytes()
        except FileNotFoundError:
            return b""

    def wait_quiet(self, quiet: float = 0.3, timeout: float = 10.0) -> int:
        """Wait until the output has not grown for `quiet` seconds; the byte count then."""
        end = time.monotonic() + timeout
        last, since = self.output_size(), time.monotonic()
        while time.monotonic() < end:
            time.sleep(0.01)
            now = self.output_size()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return now
        raise AssertionError(f"pane {self.name} kept writing for {timeout}s "
                             f"(last {last} bytes)")

    def exit_status(self, timeout: float = 15.0) -> int:
        """Wait for the pane's command to end; its exit status."""
        end = time.monotonic() + timeout
        while not self.rc_file.exists():
            if time.monotonic() > end:
                raise AssertionError(f"pane {self.name} did not exit; screen:\n{self.snap()}")
            time.sleep(0.01)
        return int(self.rc_file.read_text(encoding="ascii").strip())

    # -- writing -------------------------------------------------------------------------

    def keys(self, *keys: str) -> None:
        """Press keys by tmux name: "Down", "Enter", "C-z", "q"."""
        self.tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        """Type text literally (Chinese included)."""
        self.tmux("send-keys", "-t", self.name, "-l", text)

    def send_bytes(self, data: bytes) -> None:
        """Send raw bytes, as a terminal would (escape sequences, reports)."""
        self.tmux("send-keys", "-t", self.name, "-H", *(f"{b:02x}" for b in data))

    def resize(self, width: int, height: int) -> None:
        """Resize the terminal, as a user dragging the window would (SIGWINCH)."""
        self.tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))

    def close(self) -> None:
        """Kill the session (hangs up whatever still runs in it)."""
        self.tmux.owned.add_tree(self.pid)
        self.tmux("kill-session", "-t", self.name, check=False)
