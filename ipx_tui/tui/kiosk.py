"""Kiosk mode (`ipx-tui --kiosk`, for `ForceCommand` in sshd_config): browse, nothing else.

Nothing is written to disk (bookmarks and settings live in memory for the session), no file is
exported, the app cannot be suspended, and nothing opens a shell or another program. Copying
to the clipboard still works: OSC 52 goes to the reader's own terminal, not to the server.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from textual.app import App, SuspendNotSupported, SystemCommand
from textual.screen import Screen

ENV = "IPX_TUI_KIOSK"
"""Set in kiosk mode; the store and the export command check it too."""

REFUSED = "turned off in kiosk mode"

#: Textual's own palette commands that write a file ("Screenshot" saves an SVG).
BLOCKED_SYSTEM_COMMANDS = frozenset({"Screenshot"})


def enter_kiosk() -> None:
    """Put the whole process in kiosk mode; call before the app starts."""
    os.environ[ENV] = "1"
    # Modules imported later (the search engine, the store) must not leave .pyc files behind.
    sys.dont_write_bytecode = True


def in_kiosk() -> bool:
    """Is this process in kiosk mode?"""
    return bool(os.environ.get(ENV))


class KioskApp(App[Any]):
    """Mix in before the app class: `class Kiosk(KioskApp, IpxApp)`.

    Turns off what Textual itself offers that leaves the document: saving screenshots and
    other files, opening URLs in a browser, suspending to the shell."""

    def _refuse(self, what: str) -> None:
        self.notify(f"{what}: {REFUSED}", severity="warning")

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette's commands, less those that write files."""
        for command in super().get_system_commands(screen):
            if command.title not in BLOCKED_SYSTEM_COMMANDS:
                yield command

    def action_screenshot(self, *args: Any, **kwargs: Any) -> None:
        """Refused: it writes a file."""
        self._refuse("screenshot")

    def save_screenshot(self, *args: Any, **kwargs: Any) -> str:
        """Refused: it writes a file."""
        raise PermissionError(f"saving a screenshot is {REFUSED}")

    def deliver_screenshot(self, *args: Any, **kwargs: Any) -> str | None:
        """Refused: it writes a file."""
        self._refuse("screenshot")
        return None

    def deliver_text(self, *args: Any, **kwargs: Any) -> str | None:
        """Refused: it writes a file."""
        self._refuse("saving a file")
        return None

    def deliver_binary(self, *args: Any, **kwargs: Any) -> str | None:
        """Refused: it writes a file."""
        self._refuse("saving a file")
        return None

    def open_url(self, *args: Any, **kwargs: Any) -> None:
        """Refused: it starts a browser on the server."""
        self._refuse("opening a link")

    def action_suspend_process(self) -> None:
        """Refused: suspending would leave a stopped process and, in a shell, a prompt."""
        self._refuse("suspend")

    @contextmanager
    def suspend(self) -> Iterator[None]:
        """Refused: a suspended app is how a program would get the terminal."""
        raise SuspendNotSupported(f"suspend is {REFUSED}")
        yield  # pragma: no cover - makes this a generator
