"""Processes the end-to-end harness started, identified by pid and start time, never by name."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterable


def _stat(pid: int) -> tuple[str, int, int] | None:
    """(state, parent pid, start time) from /proc, or None if the process is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return fields[0], int(fields[1]), int(fields[19])
    except (OSError, IndexError, ValueError):
        return None


def descendants(root: int) -> list[int]:
    """Every process below root, children first."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat:
                children.setdefault(stat[1], []).append(int(entry))
    found: list[int] = []
    stack = [root]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


class Owned:
    """The processes we started. A pid is only signalled while its start time still matches,
    so a recycled pid is never touched."""

    def __init__(self) -> None:
        self._started: dict[int, int] = {}

    def add(self, pid: int) -> None:
        """Record pid (if it is still alive) as ours."""
        stat = _stat(pid)
        if stat:
            self._started.setdefault(pid, stat[2])

    def add_tree(self, root: int) -> None:
        """Record root and everything below it."""
        for pid in (root, *descendants(root)):
            self.add(pid)

    def alive(self, pid: int) -> bool:
        """Is this one of ours, and still running (not a zombie)?"""
        stat = _stat(pid)
        return stat is not None and stat[2] == self._started.get(pid) and stat[0] != "Z"

    def survivors(self) -> list[int]:
        """Our processes that are still running."""
        return [pid for pid in self._started if self.alive(pid)]

    def terminate(self, pids: Iterable[int], grace: float = 2.0) -> None:
        """SIGTERM our listed processes, then SIGKILL what is left after grace seconds."""
        mine = [pid for pid in pids if self.alive(pid)]
        for sig in (signal.SIGTERM, signal.SIGKILL):
            for pid in mine:
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    pass
            end = time.monotonic() + grace
            while time.monotonic() < end and any(self.alive(pid) for pid in mine):
                time.sleep(0.02)
            mine = [pid for pid in mine if self.alive(pid)]
            if not mine:
                return
