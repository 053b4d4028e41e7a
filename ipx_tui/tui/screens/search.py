"""Search in the browser: ``/`` opens the bar, results follow every keystroke, ``n``/``N`` walk.

The engine (:mod:`ipx_tui.core.search`) is built in a worker when the bar first opens (about
20 ms), never before the first frame; a keystroke that comes sooner is answered when it is
ready. After that a search costs tens of microseconds, so results are computed on the UI
thread, in the keystroke's own frame.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar, Protocol

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ipx_tui.core import labels
from ipx_tui.core import search as core
from ipx_tui.core.i18n import N_, _, ngettext
from ipx_tui.core.script import Script
from ipx_tui.core.search import Engine, Hit, SearchResult
from ipx_tui.tui.bounds import SEARCH_CHARS
from ipx_tui.tui.cursor import RowList
from ipx_tui.tui.host import host_of
from ipx_tui.tui.searching import SearchOutcome
from ipx_tui.tui.texts import MORE, fit, tr
from ipx_tui.tui.widgets.chrome import KeysFooter
from ipx_tui.tui.widgets.field import Field

INDENT = 9
"""Cells before a result's title and snippet: the id column."""
MATCH_STYLE = "black on yellow"
"""A match in a snippet: the detail pane's highlight colours (the terminal's own yellow)."""
PLACEHOLDER = N_("search: words in either script (all must occur), an agency by any name")
WIDEN_KEY = "tab"
"""Widens a search within the agency filter to the whole document (and narrows it again)."""


@dataclass(frozen=True, slots=True)
class Within:
    """The agency filter a search can be narrowed to."""

    key: str
    """The filter: an agency's registry name or today's name of several."""
    tasks: tuple[str, ...]
    """Its tasks (the ids the filtered sidebar lists)."""
    narrow: bool = True
    """Whether the bar searches only them (else the whole document)."""
    lead: frozenset[str] = frozenset()
    """The tasks it leads (the rest of ``tasks`` it takes part in)."""

    def role_text(self, node_id: str, script: Script) -> str:
        """``[網信辦 牽頭]`` for one of its tasks; empty for any other node."""
        if node_id not in self.tasks:
            return ""
        role = labels.LEADS if node_id in self.lead else labels.JOINS
        return f"[{tr(self.key, script)} {tr(role, script)}]"


def within_text(within: Within, script: Script) -> str:
    """``within 網信辦's tasks``."""
    return _("within {agency}'s tasks").format(agency=tr(within.key, script))


def status_text(result: SearchResult, script: Script, within: Within | None = None) -> str:
    """The line under the bar: how many nodes, what an alias stands for, or why nothing; and,
    with a filter on, whether the search is within it and how to widen or narrow it."""
    line = _status(result, script)
    if within is None:
        return line
    if within.narrow:
        whole = result.whole_total
        more = (_(" ({total} in the whole document)").format(total=whole)
                if result.words and whole is not None else "")
        return _("{within}: {line}{more} · Tab: the whole document").format(
            within=within_text(within, script), line=line, more=more)
    return _("whole document: {line} · Tab: only {agency}'s tasks").format(
        line=line, agency=tr(within.key, script))



def _status(result: SearchResult, script: Script) -> str:
    if not result.words:
        return _("Enter opens the highlighted result · n/N then walk the matches · Esc closes")
    shown = fit(" ".join(core.clean(result.query).split()), 40)
    notes = []
    for note in result.aliases:
        names = "、".join(tr(a, script) for a in note.agencies)
        notes.append(_("{word}: today's name of {names}").format(word=note.word, names=names)
                     if note.today else f"{note.word} = {names}")
    if result.partial and result.hits:
        head = ngettext("no node contains {query}; {total} contains some of its words "
                        "({words}), marked ~",
                        "no node contains {query}; {total} contain some of its words "
                        "({words}), marked ~", result.total).format(
            query=shown, total=result.total, words="、".join(result.fallback_words))
        head += "".join(_(" · {word} not found").format(word=w) for w in result.not_found)
    elif result.partial:
        head = _("no node contains {query}, nor any of its words of two or more characters"
                 ).format(query=shown)
    else:
        head = ngettext("{total} node", "{total} nodes", result.total).format(
            total=result.total)
    return " · ".join([head, *notes])


class Source(Protocol):
    """An imported document's search engine (the shipped document's is the process's)."""

    def engine(self) -> Engine:
        """The engine, built on first use."""

    def ready(self) -> bool:
        """Whether the engine is built."""


def option_text(hit: Hit, result: SearchResult, script: Script, cells: int,
                within: Within | None = None, engine: Engine | None = None) -> Text:
    """A result: ``id  title`` and, under it, a snippet with the matches highlighted; with a
    filter on, the filter's role in it (unless the query's own agencies say how)."""
    title = tr(hit.title, script)
    how = result.how(hit, script) or (within.role_text(hit.node_id, script)
                                            if within is not None else "")
    if how:
        title += "  " + how
    mark = "~" if hit.partial else " "
    text = Text(no_wrap=True, overflow="crop")
    text.append(f"{mark}{hit.node_id:<{INDENT - 2}} ", "bold")
    text.append(fit(title, cells - INDENT), "bold" if hit.title_hit else "")
    text.append("\n" + " " * INDENT)
    room = max(8, (cells - INDENT) // 2)  # the text is double-width
    snippet = (engine or core.engine()).snippet(hit.node_id, result.terms, script, room - 2,
                                                MORE)
    line = Text(fit(snippet.text, cells - INDENT))
    for a, b in snippet.spans:
        line.stylize(MATCH_STYLE, a, b)
    text.append_text(line)
    return text


class SearchScreen(ModalScreen[SearchOutcome]):
    """The search bar and its results; closes with the query and the hit opened, if any."""

    CSS_PATH = "search.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Close"), id="search.close"),
        Binding("enter", "open", N_("Open"), id="search.open"),
        Binding("down", "move(1)", N_("Next result"), show=False, id="search.down"),
        Binding("up", "move(-1)", N_("Previous result"), show=False, id="search.up"),
        Binding("pagedown", "move(5)", N_("Page down"), show=False, id="search.page-down"),
        Binding("pageup", "move(-5)", N_("Page up"), show=False, id="search.page-up"),
        Binding(WIDEN_KEY, "widen", N_("Whole document / filter"), show=False,
                tooltip=N_("With an agency filter on: search the whole document, or only its "
                           "tasks"),
                id="search.widen"),
    ]

    def __init__(self, script: Script, query: str = "", within: Within | None = None,
                 source: Source | None = None) -> None:
        super().__init__()
        self.source = source
        """An imported document's engine; None for the shipped document's."""
        self.script = script
        self.within = within
        self.input = Field(query, max_length=SEARCH_CHARS, id="search-input",
                           placeholder=_(PLACEHOLDER))
        self.input.cursor_blink = False  # nothing blinks, so an idle screen sends nothing
        self.status = Static("", id="search-status", markup=False)
        self.results = RowList(id="search-results")
        self.results.can_focus = False  # typing always goes to the bar; arrows move the list
        self.result: SearchResult | None = None
        self.pending: str | None = None
        """A query typed before the engine was ready."""
        self.generation = 0
        """Counts the result lists shown, so rows meant for an older one are not added."""

    def compose(self) -> ComposeResult:
        with Vertical(id="search"):
            yield self.input
            yield self.status
            yield self.results
        yield KeysFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "script", self._script_changed, init=False)
        self.input.focus()
        if self._ready():
            self.show_results(self.input.value)
        else:
            self.pending = self.input.value
            self.status.update(_("indexing…"))
            self._build()

    def _ready(self) -> bool:
        return core.ready() if self.source is None else self.source.ready()

    def _engine(self) -> Engine:
        return core.engine() if self.source is None else self.source.engine()

    @work(thread=True, exclusive=True, group="search-index")
    def _build(self) -> None:
        self._engine()
        self.app.call_from_thread(self._built)

    def _built(self) -> None:
        if self.pending is not None:
            self.pending = None
            self.show_results(self.input.value)

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        if self._ready():
            self.show_results(event.value)
        else:
            self.pending = event.value

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        self.action_open()

    @on(OptionList.OptionSelected, "#search-results")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.results.highlighted = event.option_index
        self.action_open()

    def show_results(self, query: str) -> None:
        """Search and list the results, best first, the first one highlighted.

        The rows a screen can show go in now, in the keystroke's frame; the rest (a
        one-character query can match 80 nodes) are added once that frame is drawn.
        """
        result = core.search(query) if self.source is None else self._engine().search(query)
        within = self.within
        if within is not None and within.narrow:
            result = self._engine().restrict(result, within.tasks, (within.key,))
        self.result = result
        self.generation += 1
        self.status.update(status_text(result, self.script, within))
        self.results.clear_options()
        first = self.first_rows()
        self.results.add_options(self._options(result, 0, first))
        if result.hits:
            self.results.highlighted = 0
        if len(result.hits) > first:
            self.call_after_refresh(self._add_rest, self.generation, first)

    def first_rows(self) -> int:
        """How many results fill the list (two lines each), and a few more."""
        lines = self.results.size.height or self.app.size.height
        return lines // 2 + 2

    def _add_rest(self, generation: int, start: int) -> None:
        if generation == self.generation and self.result is not None:
            self.results.add_options(self._options(self.result, start, None))

    def _options(self, result: SearchResult, start: int, end: int | None) -> list[Option]:
        cells = (self.results.size.width or int(self.app.size.width * 0.9)) - 3
        engine = self._engine()
        return [Option(option_text(hit, result, self.script, cells, self.within, engine),
                       id=hit.node_id)
                for hit in result.hits[start:end]]

    def _script_changed(self) -> None:
        self.script = host_of(self).script
        self.show_results(self.input.value)

    def action_move(self, step: int) -> None:
        """Move the highlight in the results."""
        count = self.results.option_count
        if count:
            at = self.results.highlighted or 0
            self.results.highlighted = max(0, min(count - 1, at + step))

    def action_widen(self) -> None:
        """Search the whole document instead of the filter's tasks, or the other way."""
        if self.within is None:
            self.app.bell()
            return
        self.within = replace(self.within, narrow=not self.within.narrow)
        if self._ready():
            self.show_results(self.input.value)

    @property
    def _within_key(self) -> str | None:
        return self.within.key if self.within is not None and self.within.narrow else None

    def action_open(self) -> None:
        """Open the highlighted result."""
        at = self.results.highlighted
        if self.result is None or at is None or not self.result.hits:
            self.app.bell()
            return
        self.dismiss(SearchOutcome(self.input.value, self.result, at, self._within_key))

    def action_close(self) -> None:
        """Close, back to where the reader was."""
        self.dismiss(SearchOutcome(self.input.value, within=self._within_key))
