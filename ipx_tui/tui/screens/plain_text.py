"""The text ``y`` copies, shown plain, for a reader whose clipboard OSC 52 does not reach:
select it with the terminal (Shift and the mouse in most terminals, tmux's copy mode)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ipx_tui.core.i18n import N_, _


class PlainTextScreen(ModalScreen[None]):
    """One text, unstyled, scrollable; Esc or q closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,Y", "dismiss", N_("Close"), id="plain.close"),
        Binding("down,j", "scroll('down')", N_("Scroll down"), show=False, id="plain.down"),
        Binding("up,k", "scroll('up')", N_("Scroll up"), show=False, id="plain.up"),
        Binding("pagedown,space", "scroll('page_down')", N_("Page down"), show=False,
                id="plain.page-down"),
        Binding("pageup", "scroll('page_up')", N_("Page up"), show=False, id="plain.page-up"),
    ]

    DEFAULT_CSS = """
    PlainTextScreen {
        background: $background;
    }
    #plain-hint {
        color: $text-muted;
        height: 1;
    }
    #plain-scroll {
        height: 1fr;
    }
    """

    def __init__(self, name: str, text: str) -> None:
        super().__init__()
        self.title_name = name
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(_("{name}: select with the terminal (Shift+mouse, or tmux's copy mode)"
                       " · Esc closes").format(name=self.title_name), id="plain-hint",
                     markup=False)
        with VerticalScroll(id="plain-scroll"):
            yield Static(self.text, id="plain-text", markup=False)

    def action_scroll(self, where: str) -> None:
        """Scroll the text."""
        getattr(self.query_one("#plain-scroll", VerticalScroll), f"scroll_{where}")()
