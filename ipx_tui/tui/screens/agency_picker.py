"""The agency picker: every agency with its counts; typing narrows the list."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ipx_tui.core import labels
from ipx_tui.core.agencies import Involvement, Registry, by_involvement
from ipx_tui.core.i18n import N_, _
from ipx_tui.core.script import Script, normalize
from ipx_tui.tui.bounds import PICKER_CHARS
from ipx_tui.tui.cursor import RowList
from ipx_tui.tui.texts import fit, tr
from ipx_tui.tui.widgets.chrome import KeysFooter
from ipx_tui.tui.widgets.field import Field

NAME_CELLS = 18
"""The widest name as written (人力資源社會保障部), so the full names line up after it."""


def option_text(inv: Involvement, script: Script, bodies: tuple[str, ...] = (),
                cells: int = 0) -> Text:
    """One line of the list: tasks led, tasks in all, the name, the full name (and today's);
    for today's name of several bodies, ``← 質檢總局、食品藥品監管總局、工商總局``; cut with
    the mark to ``cells`` (0: not cut)."""
    agency = inv.agency
    name = tr(agency.name, script)
    text = Text(f"{len(inv.lead):>4} {inv.total:>4}  ", no_wrap=True, overflow="crop")
    text.append(name + " " * max(1, NAME_CELLS + 1 - cell_len(name)), "bold")
    full = tr(agency.full_name, script)
    if agency.renamed:
        full += " → " + tr(agency.successor_short, script)
    if bodies:
        full += " ← " + "、".join(tr(b, script) for b in bodies)
    if full != name:
        text.append(full, "dim")
    return fit(text, cells) if cells > 0 else text


def header_text(script: Script) -> str:
    """The column heads: 牽頭 and 合計 over the counts."""
    return f"{tr(labels.LEADS, script)} {tr(labels.TOTAL, script)}"


class AgencyPicker(ModalScreen[str | None]):
    """Choose an agency to filter on; the result is its registry name (or today's name of
    several bodies, a key of ``combined``), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", N_("Cancel"), id="picker.cancel"),
        Binding("down", "move(1)", N_("Next"), show=False, id="picker.down"),
        Binding("up", "move(-1)", N_("Previous"), show=False, id="picker.up"),
        Binding("pagedown", "move(10)", N_("Page down"), show=False, id="picker.page-down"),
        Binding("pageup", "move(-10)", N_("Page up"), show=False, id="picker.page-up"),
        Binding("enter", "choose", N_("Filter on it"), id="picker.choose"),
    ]

    def __init__(self, registry: Registry, table: dict[str, Involvement], script: Script,
                 query: str = "", current: str | None = None,
                 combined: dict[str, Involvement] | None = None,
                 bodies: dict[str, tuple[str, ...]] | None = None) -> None:
        """``combined``: today's names of several bodies, with their tasks as one;
        ``bodies``: the registry names each stands for."""
        super().__init__()
        self.registry = registry
        self.combined = combined or {}
        self.bodies = bodies or {}
        self.ranked = by_involvement({**table, **self.combined})
        self.script = script
        self.current = current
        self.input = Field(query, max_length=PICKER_CHARS, id="picker-input",
                           placeholder=_("any name, alias, full or today's name, either script"))
        self.input.cursor_blink = False  # nothing blinks while idle (see the SSH issue)
        self.list = RowList(id="picker-list")
        self.list.can_focus = False  # typing always goes to the input; arrows move the list
        self.head = Static("", id="picker-head", markup=False)
        self.shown: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield self.input
            yield self.head
            yield self.list
        yield KeysFooter()

    def on_mount(self) -> None:
        self.refill()
        self.input.focus()
        self.call_after_refresh(self.refit)  # the list knows its width after the first layout

    def on_resize(self) -> None:
        self.call_after_refresh(self.refit)

    @property
    def line_cells(self) -> int:
        """The cells an option's line has (0 before the list is laid out)."""
        return self.list.scrollable_content_region.width

    def refit(self) -> None:
        """Cut each option's line to the list's width again, keeping the highlight."""
        by_name = {inv.agency.name: inv for inv in self.ranked}
        for name in self.shown:
            self.list.replace_option_prompt(name, option_text(
                by_name[name], self.script, self.bodies.get(name, ()), self.line_cells))

    def refill(self) -> None:
        """Show the agencies whose names contain what was typed, most involved first."""
        query = self.input.value
        found = None
        if query.strip():
            # any part of a name (NDRC, market regulation), or English words in any order
            # (regulation market)
            found = {a.name for a in (*self.registry.search(query),
                                      *self.registry.search_english(query))}
            needle = normalize(query.strip())
            found |= {name for name, inv in self.combined.items()
                      if any(needle in normalize(n) for n in (
                          name, inv.agency.full_name, *inv.agency.english_names))
                      or Registry([inv.agency]).search_english(query)}
        keep = [inv for inv in self.ranked if found is None or inv.agency.name in found]
        if found is not None:  # today's name first when typed: it is what the reader asked for
            keep.sort(key=lambda inv: inv.agency.name not in self.combined)
        self.shown = [inv.agency.name for inv in keep]
        self.list.clear_options()
        self.list.add_options(
            Option(option_text(inv, self.script, self.bodies.get(inv.agency.name, ()),
                               self.line_cells),
                   id=inv.agency.name) for inv in keep)
        head = header_text(self.script)
        if not keep:
            head = _("no agency matches {query!r}").format(query=query.strip())
        self.head.update(head)
        if keep:
            at = self.shown.index(self.current) if self.current in self.shown else 0
            self.list.highlighted = at

    @on(Input.Changed)
    def _typed(self) -> None:
        self.current = None
        self.refill()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_choose()

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        """Move the highlight in the list."""
        if not self.shown:
            return
        at = self.list.highlighted if self.list.highlighted is not None else 0
        self.list.highlighted = max(0, min(len(self.shown) - 1, at + step))

    def action_choose(self) -> None:
        """Apply the highlighted agency."""
        at = self.list.highlighted
        if at is None or not self.shown:
            self.app.bell()
            return
        self.dismiss(self.shown[at])

    def action_dismiss_none(self) -> None:
        """Close without changing the filter."""
        self.dismiss(None)

    @property
    def chosen(self) -> str | None:
        """The highlighted agency."""
        at = self.list.highlighted
        return self.shown[at] if at is not None and self.shown else None
