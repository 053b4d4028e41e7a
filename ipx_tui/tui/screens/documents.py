"""The document switcher (``d``): the library's documents, Enter opens one.

Closes with the chosen document's id, or None. The documents are listed as `ipx-tui
documents` lists them: the shipped one first, then those imported, each with its number,
title, date and counts; the one shown is marked.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ipx_tui.core.library import SHIPPED, Entry, documents
from ipx_tui.core.script import Script
from ipx_tui.tui.texts import tr

HEADING = "Documents · Enter opens one · Esc closes"
"""The switcher's first line."""


def entry_text(entry: Entry, script: Script, current: bool) -> Text:
    """One document: ``▸ id  number · title`` and, under it, its date, counts and origin."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{'▸' if current else ' '} {entry.id:<10} ", "bold")
    text.append(f"{tr(entry.number, script)} · {tr(entry.title, script)}",
                "bold" if current else "")
    origin = "shipped" if entry.shipped else "imported"
    text.append(f"\n  {'':<10} {entry.date} · {entry.parts} parts, {entry.sections} "
                f"sections, {entry.items} items · {origin}", "dim")
    return text


class DocumentPicker(ModalScreen[str | None]):
    """The library's documents; Enter opens the highlighted one."""

    DEFAULT_CSS = """
    DocumentPicker { align: center middle; }
    DocumentPicker > #documents {
        width: 90%; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    DocumentPicker #documents-list { height: auto; max-height: 30; border: none; }
    DocumentPicker #documents-problems { color: $warning; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="documents.close"),
    ]

    def __init__(self, current: str | None, script: Script) -> None:
        """``current``: the imported document shown (its id), or None for the shipped one."""
        super().__init__()
        entries, problems = documents()
        shown = current or SHIPPED
        self.entries = entries
        self.options = OptionList(
            *(Option(entry_text(e, script, e.id == shown), id=e.id) for e in entries),
            id="documents-list")
        self.problems = Static("\n".join(problems), id="documents-problems", markup=False)
        self.problems.display = bool(problems)
        self.start = next((i for i, e in enumerate(entries) if e.id == shown), 0)

    def compose(self) -> ComposeResult:
        with Vertical(id="documents"):
            yield Static(HEADING, id="documents-heading", markup=False)
            yield self.options
            yield self.problems
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.options.highlighted = self.start
        self.options.focus()

    @on(OptionList.OptionSelected, "#documents-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        """Close, staying in the document shown."""
        self.dismiss(None)
