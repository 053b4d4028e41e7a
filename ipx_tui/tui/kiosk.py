"""The browser's part of kiosk mode (:mod:`ipx_tui.core.kiosk`): what Textual itself offers
that leaves the document is turned off.

Nothing is written to disk (the store keeps bookmarks and settings in memory), no file is
exported, the app cannot be suspended, and nothing opens a shell or another program. Copying
to the clipboard still works: OSC 52 goes to the reader's own terminal, not to the server.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from textual.app import App, SuspendNotSupported, SystemCommand
from textual.screen import Screen

from ipx_tui.core.i18n import N_, _
from ipx_tui.core.kiosk import REFUSED

#: Textual's own palette commands that write a file ("Screenshot" saves an SVG).
BLOCKED_SYSTEM_COMMANDS = frozenset({"Screenshot"})


class KioskApp(App[Any]):
    """Mix in before the app class: `class Kiosk(KioskApp, IpxApp)`."""

    def _refuse(self, what: str) -> None:
        self.notify(f"{_(what)}: {_(REFUSED)}", severity="warning")

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette's commands, less those that write files."""
        for command in super().get_system_commands(screen):
            if command.title not in BLOCKED_SYSTEM_COMMANDS:
                yield command

    def action_screenshot(self, *args: Any, **kwargs: Any) -> None:
        """Refused: it writes a file."""
        self._refuse(N_("screenshot"))

    def save_screenshot(self, *args: Any, **kwargs: Any) -> str:
        """Refused: it writes a file."""
        raise PermissionError(f"saving a screenshot is {REFUSED}")

    def deliver_screenshot(self, *args: Any, **kwargs: Any) -> str | None:
        """Refused: it writes a file."""
        self._refuse(N_("screenshot"))
        return None

    def deliver_text(self, *args: Any, **kwargs: Any) -> str | None:
        """Refused: it writes a file."""
        self._refuse(N_("saving a file"))
        return None

    def deliver_binary(self, *args: Any, **kwargs: Any) -> str | None:
        """Refused: it writes a file."""
        self._refuse(N_("saving a file"))
        return None

    def open_url(self, *args: Any, **kwargs: Any) -> None:
        """Refused: it starts a browser on the server."""
        self._refuse(N_("opening a link"))

    def action_suspend_process(self) -> None:
        """Refused: suspending would leave a stopped process and, in a shell, a prompt."""
        self._refuse(N_("suspend"))

    @contextmanager
    def suspend(self) -> Iterator[None]:
        """Refused: a suspended app is how a program would get the terminal."""
        raise SuspendNotSupported(f"suspend is {REFUSED}")
        yield  # pragma: no cover - makes this a generator
