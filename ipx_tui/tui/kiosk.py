"""The browser's part of kiosk mode (:mod:`ipx_tui.core.kiosk`): what Textual itself offers
that leaves the document is turned off.

Nothing is written to disk (the store keeps bookmarks and settings in memory), no file is
exported, the app cannot be suspended, and nothing opens a shell or another program. Copying
to the clipboard still works: OSC 52 goes to the reader's own terminal, not to the server.

What the reader's terminal sends cannot stop or crash the process either: Textual's handler of
SIGTSTP (which stops the process) is left out of the driver, a mouse report after a terminal
claimed zero pixels is dropped instead of dividing by zero, and an error ends the session with
one line, never a traceback with the server's paths and variables.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from textual._xterm_parser import XTermParser
from textual.app import App, SuspendNotSupported, SystemCommand
from textual.driver import Driver
from textual.message import Message
from textual.screen import Screen

from ipx_tui.core.i18n import N_, _
from ipx_tui.core.kiosk import REFUSED

#: Textual's own palette commands that write a file ("Screenshot" saves an SVG).
BLOCKED_SYSTEM_COMMANDS = frozenset({"Screenshot"})

ENDED = N_("ipx-tui: something went wrong and the session ended")
"""All a kiosk's reader sees of an error (Textual would show a traceback with its locals)."""


class SteadyParser(XTermParser):
    """Textual's input parser, less one crash."""

    def parse_mouse_code(self, code: str) -> Message | None:
        """A mouse event; None for one that cannot be placed. The in-band size report
        ``CSI 48;rows;cols;0;0t`` says the terminal has 0 pixels, and Textual then divided by
        zero on the next mouse report, in its input thread: the app died with a traceback
        (https://github.com/Textualize/textual/issues/6706)."""
        try:
            return super().parse_mouse_code(code)
        except ZeroDivisionError:
            return None


def steady_driver(driver: type[Driver]) -> type[Driver]:
    """The driver class, with the steady parser and without a handler of SIGTSTP."""
    module = sys.modules[driver.__module__]
    # Both of Textual's drivers that a kiosk runs (linux, web) build their parser from the
    # name in their module, in the input thread's function: that name is the only way in.
    if getattr(module, "XTermParser", None) is XTermParser:
        module.XTermParser = SteadyParser  # type: ignore[attr-defined]
    if not hasattr(driver, "_sigtstp_application"):
        return driver

    class Steady(driver):  # type: ignore[valid-type, misc]
        """The driver without its SIGTSTP handler: kiosk.harden() ignores that signal, and
        Textual's handler, installed when the driver is made, would stop the process."""

        def _sigtstp_application(self, *_: object) -> None:
            return None

    return Steady


class KioskApp(App[Any]):
    """Mix in before the app class: `class Kiosk(KioskApp, IpxApp)`."""

    def _refuse(self, what: str) -> None:
        self.notify(f"{_(what)}: {_(REFUSED)}", severity="warning")

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver, made steady (see :func:`steady_driver`)."""
        return steady_driver(super().get_driver_class())

    def panic(self, *renderables: Any) -> None:
        """End the session with one line: a traceback would show the server's paths."""
        super().panic(_(ENDED))

    def _fatal_error(self) -> None:
        # Textual's handler of an unexpected error prints a traceback with its locals; in a
        # kiosk that goes to a stranger's terminal.
        self.bell()
        super().panic(_(ENDED))

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
