"""Small boxes in the middle of the screen: a note prompt, a yes/no question, a choice."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ipx_tui.core.i18n import N_, _
from ipx_tui.core.store import MAX_NOTE
from ipx_tui.tui.widgets.field import Field

ResultType = TypeVar("ResultType")


class BookmarkDialog(ModalScreen[ResultType]):
    """A small box in the middle of the screen: a title, its content, a line of keys."""

    DEFAULT_CSS = """
    BookmarkDialog {
        align: center middle;
    }
    BookmarkDialog > .dialog {
        width: 72;
        max-width: 100%;
        height: auto;
        border: round $accent;
        background: $panel;
        padding: 0 1;
    }
    BookmarkDialog .dialog-title {
        text-style: bold;
    }
    BookmarkDialog .dialog-note {
        text-style: none;  /* not italic: many terminals slant or garble CJK in italics */
    }
    BookmarkDialog .dialog-hint {
        color: $text-muted;
    }
    """



class NotePrompt(BookmarkDialog[str | None]):
    """One line for a bookmark's note: Enter saves (an empty note is fine), Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="note.cancel"),
    ]

    def __init__(self, heading: str, note: str = "", *, session_only: bool = False) -> None:
        super().__init__()
        self.heading = heading
        self.note = note
        self.session_only = session_only

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.heading, classes="dialog-title", markup=False)
            note = Field(self.note, placeholder=_("a note (optional)"), max_length=MAX_NOTE,
                         id="note-input")
            note.cursor_blink = False  # a blinking cursor redraws (writes) while idle
            yield note
            hint = _("Enter save · Esc cancel")
            if self.session_only:
                hint += " · " + _("kept for this session only")
            yield Static(hint, classes="dialog-hint", markup=False)

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)


class Confirm(BookmarkDialog[bool]):
    """A yes-or-no question: y says yes; n or Esc says no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", N_("Yes"), id="confirm.yes"),
        Binding("n,escape", "answer(False)", N_("No"), id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-title", markup=False)
            yield Static(_("y yes · n no"), classes="dialog-hint", markup=False)

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)


class BookmarkChoice(BookmarkDialog[str | None]):
    """b on a bookmarked node: e edits the note, d removes the bookmark (after a y)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "choose('edit')", N_("Edit the note"), id="choice.edit"),
        Binding("d", "choose('remove')", N_("Remove the bookmark"), id="choice.remove"),
        Binding("escape,b", "choose(None)", N_("Cancel"), id="choice.cancel"),
    ]

    def __init__(self, heading: str, note: str) -> None:
        super().__init__()
        self.heading = heading
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Bookmarked: {heading}").format(heading=self.heading),
                         classes="dialog-title", markup=False)
            if self.note:
                yield Static(self.note, classes="dialog-note", markup=False)
            yield Static(_("e edit the note · d remove the bookmark · Esc cancel"),
                         classes="dialog-hint", markup=False)

    def action_choose(self, choice: str | None) -> None:
        """Close with what the reader chose."""
        self.dismiss(choice)
