"""The browser's App: a shell of bindings, global actions and the handlers of typed messages.

It holds the reader's state (the script, the history, the agency filter) and routes what
screens ask for (:mod:`ipx_tui.tui.messages`). The work lives in the rooms named after each
feature: the browser screen shows pages (:mod:`~ipx_tui.tui.pages`), the matrix, the picker,
search and bookmarks each have a screen module, settings are saved by
:mod:`~ipx_tui.tui.settings`. Screens read this app only through :class:`~ipx_tui.tui.host.Host`.

Start-up is kept to what the first frame needs: the document, the outline and one page. The
registry, the store and OpenCC are loaded in a worker after the first frame; the matrix, the
picker, search, bookmarks and help are imported when first opened.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.geometry import Size
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input

from ipx_tui.core import i18n, locations
from ipx_tui.core.agencies import (
    Involvement,
    Registry,
    combined_involvement,
    involvement,
    load_registry,
    merged_bodies,
)
from ipx_tui.core.document import Document
from ipx_tui.core.export import node_text
from ipx_tui.core.i18n import N_, Lang, _, lang_of, script_of
from ipx_tui.core.parse import load
from ipx_tui.core.script import Script
from ipx_tui.core.store import Store
from ipx_tui.tui import bounds, matrix_routes
from ipx_tui.tui.history import History, Location
from ipx_tui.tui.messages import BookmarksChanged, MatrixMoved, OpenAgency, OpenNode
from ipx_tui.tui.overlays import keep_wide_characters_whole
from ipx_tui.tui.pages import Page, page_for
from ipx_tui.tui.palette import BrowserCommands
from ipx_tui.tui.screens.browser import BrowserScreen
from ipx_tui.tui.screens.too_small import TooSmall, too_small
from ipx_tui.tui.searching import Searches
from ipx_tui.tui.settings import Remembered, Saver, Settings, Values
from ipx_tui.tui.texts import tr
from ipx_tui.tui.theme import THEME, no_color
from ipx_tui.tui.widgets.detail import Detail
from ipx_tui.tui.widgets.outline import Outline

if TYPE_CHECKING:
    from ipx_tui.core.library import Opened
    from ipx_tui.tui.pages import Elsewhere, Keywords

STARTED = time.perf_counter()

SYSTEM_COMMANDS_KEPT = frozenset({"Theme"})
"""Textual's palette commands that stay (the rest duplicate ours or write files)."""

VIEW_ACTIONS = frozenset({
    "agency_picker", "clear_filter", "matrix", "history_back", "history_forward", "copy",
    "copy_view", "cite", "search",
    "next_hit", "prev_hit", "bookmark", "bookmarks", "toggle_script", "help", "toggle_sidebar",
    "documents",
})
"""App actions that act on a view; only screens with ALLOWS_VIEW_KEYS let them through."""


class IpxApp(App[None]):
    """The ipx-tui browser."""

    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {BrowserCommands}
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", N_("Quit"), id="app.quit"),
        # as in less, man and htop; a text field's own ctrl+c (copy) is nearer and wins there
        Binding("ctrl+c", "quit", N_("Quit"), show=False, id="app.ctrl-c"),
        Binding("question_mark", "help", N_("Help"), tooltip=N_("This help: every key"),
                id="app.help"),
        Binding("a", "agency_picker", N_("Agency"),
                tooltip=N_("Agency picker: filter on one agency"),
                id="app.agency"),
        Binding("A", "clear_filter", N_("All"), show=False,
                tooltip=N_("Clear the agency filter"),
                id="app.clear-filter"),
        Binding("m", "matrix", N_("Matrix"), tooltip=N_("The 分工 matrix: agencies × sections"),
                id="app.matrix"),
        Binding("t", "toggle_script", N_("繁/简"), tooltip=N_("Switch between 繁 and 简"),
                id="app.script"),
        Binding("left_square_bracket", "history_back", N_("Back"),
                tooltip=N_("Back to the previous view"),
                id="app.back"),
        Binding("right_square_bracket", "history_forward", N_("Fwd"), show=False,
                tooltip=N_("Forward again"), id="app.forward"),
        Binding("y", "copy", N_("Copy"), show=False,
                tooltip=N_("Send the text shown to the clipboard (OSC 52)"),
                id="app.copy"),
        Binding("c", "cite", N_("Cite"), show=False,
                tooltip=N_("Send the citation to the clipboard (OSC 52)"),
                id="app.cite"),
        Binding("Y", "copy_view", N_("Select"), show=False,
                tooltip=N_("Show the text plain, to select by hand"),
                id="app.copy-view"),
        Binding("s", "toggle_sidebar", N_("Sidebar"), show=False,
                tooltip=N_("Hide or show the sidebar"),
                id="app.sidebar"),
        Binding("ctrl+p", "command_palette", N_("Palette"), show=False, priority=True,
                tooltip=N_("The command palette: every action, node and agency"),
                id="app.palette"),
        Binding("slash", "search", N_("Search"), tooltip=N_("Search the document"),
                id="app.search"),
        Binding("n", "next_hit", N_("Next hit"), show=False,
                tooltip=N_("Next search match: in this node, then the next"), id="app.next-hit"),
        Binding("N", "prev_hit", N_("Prev hit"), show=False, tooltip=N_("Previous search match"),
                id="app.prev-hit"),
        Binding("b", "bookmark", N_("Mark"), show=False, tooltip=N_("Bookmark this node"),
                id="app.bookmark"),
        Binding("B", "bookmarks", N_("Marks"), show=False, tooltip=N_("List the bookmarks"),
                id="app.bookmarks"),
        Binding("d", "documents", N_("Documents"), show=False,
                tooltip=N_("Switch to another document of the library"), id="app.documents"),
    ]

    script: reactive[Script] = reactive("traditional", init=False)
    """The script every text is shown in (screens watch it)."""

    def __init__(self, *, script: Script = "traditional", goto: str | None = None,
                 agency: str | None = None, agency_query: str | None = None,
                 kiosk: bool = False, remember: bool = True,
                 script_given: bool = False, document: str | None = None,
                 lang: Lang | None = None, idle_minutes: float | None = None) -> None:
        """Args:
            script: the script to start in.
            goto: the node to start at (a checked id).
            agency: the agency (registry name) to start filtered on.
            agency_query: a name that stands for several agencies: open the picker with it.
            kiosk: keep settings in memory only.
            remember: restore the last session's script, node and filter (unless given here).
            script_given: the script was asked for (--traditional too): keep it.
            document: the imported document to open (its id); None for the shipped one.
            lang: the interface's language asked for (--lang); None: the remembered one,
                else the locale's. A Chinese interface is written in the document's script.
            idle_minutes: end the session after this long without input (None: never).
        """
        # NO_COLOR: native ANSI colours, so that Textual filters them with NoColor, not
        # Monochrome, and attributes in place of colours (see theme.no_color); the rules for it
        # are in a file of their own, so that a colour start parses and matches none of them
        plain = no_color()
        keep_wide_characters_whole()  # a Chinese notice over the footer, drawn whole
        super().__init__(ansi_color=True if plain else None,
                         css_path=["app.tcss", "nocolor.tcss"] if plain else None)
        self.doc_id: str | None = document
        """The imported document shown (its id), or None for the shipped one."""
        self.document: Document = load() if document is None else self.opened().document
        self.settings = Settings(kiosk=kiosk, document=document)
        self._elsewhere: dict[str, dict[str, Involvement]] = {}
        """Each other document's involvement table, by id (for an agency's page)."""
        self.saver = Saver(self, self.settings)
        self.searches = Searches()
        self.start = (script, goto, agency, agency_query, remember)
        self._script_given = script_given
        self._lang_given = lang is not None
        self._lang_chosen = lang is not None
        """Whether the language was chosen (--lang, remembered, t): then it is saved."""
        if lang is None and remember and not kiosk:
            lang = i18n.remembered_lang(locations.store_path())
            self._lang_chosen = lang is not None
        self.lang: Lang = lang or i18n.locale_language()
        """The interface's language (messages follow :func:`ipx_tui.core.i18n.use`)."""
        if script_of(self.lang) is not None:
            if script_given and not self._lang_given:
                self.lang = lang_of(script)  # --simplified under zh_TW: a 简体 interface
            elif not script_given:
                script = script_of(self.lang) or script
                self.start = (script, *self.start[1:])
        i18n.use(self.lang)
        first: Location
        if goto is not None:
            first = Location("node", goto, agency)
        elif agency is not None:
            first = Location("agency", agency, agency)
        else:
            first = Location("node", self.document.nodes[0].id, None)
        self.history = History(first)
        self.agency_filter: str | None = None
        self.browser = BrowserScreen(self.document)
        self.highlight: list[str] | None = None
        """The terms highlighted in the page shown (set by open_node)."""
        self.first_frame_ms: float | None = None
        self._bare_first_page = False
        """Whether a page was built before the first frame, without its keywords."""
        self._touched = False
        """Whether the reader has moved or switched anything yet (then nothing is restored)."""
        self._table: dict[str, Involvement] | None = None
        self._combined: dict[str, Involvement] | None = None
        self._kept_notice = False
        """A notice the next walk line must leave on screen (the filter was turned off)."""
        self.idle = bounds.Idle(idle_minutes)
        self.set_reactive(IpxApp.script, script)
        # The theme before the first frame, not in on_mount: changing it there re-parsed every
        # stylesheet just before the first frame (about 10 ms of the start).
        self.register_theme(THEME)
        self.theme = "ipx"

    # --- what screens read (the Host protocol) ------------------------------------------

    def opened(self) -> Opened:
        """The document shown, with its registry, search engine and keywords."""
        # deferred: the library (about 2 ms) is for imported documents and switching; the
        # shipped document is read as it always was
        from ipx_tui.core.library import SHIPPED, open_document

        return open_document(self.doc_id or SHIPPED)

    def registry(self) -> Registry:
        """The agency registry (an imported document's has the bodies it alone names)."""
        return load_registry() if self.doc_id is None else self.opened().registry()

    def keyword_source(self) -> Keywords | None:
        """None for the shipped document's keywords; an imported document's own."""
        return None if self.doc_id is None else self.opened()

    def elsewhere(self, agencies: tuple[str, ...]) -> tuple[Elsewhere, ...]:
        """The tasks of agencies (registry names) in the library's other documents."""
        from ipx_tui.core.library import all_opened
        from ipx_tui.tui.pages import Elsewhere

        out = []
        for other in all_opened():
            if (None if other.shipped else other.id) == self.doc_id:
                continue
            table = self._elsewhere.get(other.id)
            if table is None:
                table = self._elsewhere[other.id] = involvement(other.document,
                                                                other.registry())
            roles: dict[str, Any] = {}
            for name in agencies:
                if name in table:
                    roles.update(dict.fromkeys(table[name].participant, "participant"))
            for name in agencies:
                if name in table:
                    roles.update(dict.fromkeys(table[name].lead, "lead"))  # the strongest
            if roles:
                doc = other.document
                tasks = tuple((t.id, t.label + t.title, roles[t.id]) for t in doc.tasks
                              if t.id in roles)
                out.append(Elsewhere(other.id, doc.number, tasks))
        return tuple(out)

    def involvement_table(self) -> dict[str, Involvement]:
        """Each agency's tasks by role."""
        if self._table is None:
            self._table = involvement(self.document, self.registry())
        return self._table

    def combined_table(self) -> dict[str, Involvement]:
        """Today's names that stand for several bodies, each with their tasks as one."""
        if self._combined is None:
            table = self.involvement_table()
            self._combined = {
                name: combined_involvement(self.document, table, name, bodies)
                for name, bodies in merged_bodies(self.registry()).items()}
        return self._combined

    def involvement_of(self, key: str) -> Involvement:
        """The tasks of what a filter names: an agency, or today's name of several."""
        table = self.involvement_table()
        return table[key] if key in table else self.combined_table()[key]

    def members_of(self, key: str) -> tuple[str, ...]:
        """The registry names a filter covers: the agency, or the bodies today's name merged."""
        if key in self.involvement_table():
            return (key,)
        return tuple(a.name for a in merged_bodies(self.registry()).get(key, ()))

    def store(self) -> Store | None:
        """The store of the document's bookmarks, and the settings (None when it could not be
        opened)."""
        return self.settings.store_for(self.doc_id)

    # --- start-up -----------------------------------------------------------------------

    def get_default_screen(self) -> BrowserScreen:
        return self.browser

    def on_mount(self) -> None:
        self._set_titles()
        location = self._fit_filter(self.history.current)
        self.history.replace(location)
        self._apply_filter(location.agency)
        self._show(location)
        if self.start[3]:
            self.call_after_refresh(self.action_agency_picker, self.start[3])
        self.call_after_refresh(self._after_first_frame)
        self._watch_idle()

    def _after_first_frame(self) -> None:
        gc.enable()  # off since tui.start, so that the start paid for no collection
        self.first_frame_ms = (time.perf_counter() - STARTED) * 1000
        self.log(f"first frame after {self.first_frame_ms:.0f} ms")
        self._check_size()
        self._warm_up()

    @work(thread=True, exclusive=True, group="warm-up")
    def _warm_up(self) -> None:
        """Load what later keys need, off the UI thread: registry, settings, OpenCC."""
        self.involvement_table()
        remembered = self.settings.read() if self.start[4] else Remembered()
        if self._lang_given and self.start[4]:
            self.settings.write_lang(self.lang)  # --lang is remembered, even if nothing else is
        from ipx_tui.core.keywords import keywords

        keywords("preamble")  # the keywords table: pages after the first need it
        from ipx_tui.core.metadata import load_errata, load_metadata

        load_metadata(), load_errata()  # the first page shows them; read off the UI thread
        self.call_from_thread(self._complete_first_page)
        self.call_from_thread(self._restore, remembered)
        from ipx_tui.core.script import t2s

        t2s("")  # OpenCC reads its dictionaries now, not on the first key typed in a picker

    def _complete_first_page(self) -> None:
        """Show the first page again with the keywords it went without (see _page)."""
        if self._bare_first_page:
            self._bare_first_page = False
            shown = self.history.current
            if shown.kind != "matrix":
                page = self._page(shown)
                if page != self.browser.detail.page:  # unchanged: no repaint while idle
                    self.browser.show_page(page, self.highlight, keep_scroll=True)

    def _restore(self, remembered: Remembered) -> None:
        """Apply the last session's choices, unless the command line or the reader chose."""
        self.post_message(BookmarksChanged())  # the store is open now (read in the warm-up)
        for problem in self.settings.problems:
            self.notify(problem, severity="warning", timeout=8)
        self.settings.problems.clear()
        if self._touched:
            return
        script, goto, agency, query, _remember = self.start
        lang = self.lang
        if remembered.lang is not None and not self._lang_given:
            lang = remembered.lang
            self._lang_chosen = True
        wanted = script if self._script_given else remembered.script or script
        if script_of(lang) is not None and not self._script_given:
            wanted = script_of(lang) or wanted  # a Chinese interface: the document's script
        if lang != self.lang or wanted != self.script:
            if lang != self.lang:
                self._set_lang(lang)
            self.set_reactive(IpxApp.script, wanted)
            self._script_changed()
        if goto is not None or agency is not None or query:
            return
        node_id = remembered.last_node
        if node_id is not None and node_id not in self.document:
            node_id = None
        known = self.registry().by_name.keys() | self.combined_table().keys()
        filter_on = remembered.agency if remembered.agency in known else None
        if node_id is None and filter_on is None:
            return
        location = self._fit_filter(Location("node", node_id or self.history.current.key,
                                             filter_on), quiet=True)
        self.history.replace(location)
        self._apply_filter(filter_on)
        self._show(location)

    # --- where the reader is ------------------------------------------------------------

    def open_node(self, node_id: str, highlight: list[str] | None = None, *,
                  agency: str | None = None, keep_filter: bool | None = None,
                  from_outline: bool = False) -> None:
        """Show a node, with terms highlighted, under the current filter or ``agency``'s."""
        keep = agency is None if keep_filter is None else keep_filter
        location = Location("node", node_id, self.agency_filter if keep else agency)
        if from_outline and location == self.history.current and not self.highlight:
            return
        self.navigate(location, highlight=highlight)

    def open_agency(self, name: str, *, filter_on: bool = False) -> None:
        """Show an agency's page (and filter the sidebar on it if asked)."""
        self.navigate(Location("agency", name, name if filter_on else self.agency_filter))

    def navigate(self, location: Location, *, record: bool = True,
                 highlight: list[str] | None = None) -> None:
        """Show a location, and record it in the history unless going back or forward."""
        self._touched = True
        self.highlight = highlight
        if record:
            location = self._fit_filter(location)
            self.history.visit(location)
        self._apply_filter(location.agency)
        self._show(location)
        self.saver.later(self._remembered)

    def _show(self, location: Location) -> None:
        if location.kind == "matrix":
            matrix_routes.show(self, location.key)
            return
        matrix_routes.close(self)
        self.browser.show_location(location, self._page(location), self.highlight)

    def _page(self, location: Location) -> Page:
        # Before the first frame a page goes without its keywords (reading their table costs
        # about 5 ms); _complete_first_page adds them right after.
        extras = self.first_frame_ms is not None
        page, bare = page_for(self, location, extras=extras)
        self._bare_first_page = self._bare_first_page or bare
        return page

    def filter_ids(self, key: str) -> set[str]:
        """The nodes a filtered sidebar shows: the filter's tasks and their part and section."""
        found = self.involvement_of(key)
        ids = {*found.lead, *found.participant}
        for task_id in tuple(ids):
            ids.update(a.id for a in self.document.ancestors(task_id))
        return ids

    def _fit_filter(self, location: Location, *, quiet: bool = False) -> Location:
        """The location, with its agency filter off when its node is not among the filter's
        (a search hit, a link or --goto outside it); says so in one line unless ``quiet``."""
        key = location.agency
        if location.kind != "node" or key is None or location.key in self.filter_ids(key):
            return location
        if not quiet:
            self._kept_notice = True  # the walk's own line must not clear this one
            self.notify(_("{agency} filter off: {node} is outside it · [ back").format(
                agency=tr(key, self.script), node=location.key), timeout=6)
        return location.with_filter(None)

    def _apply_filter(self, agency: str | None) -> None:
        if agency == self.agency_filter and self.browser.outline.node_ids:
            return
        self.agency_filter = agency
        self.browser.build_outline(self.script, self._filtered())

    def _filtered(self) -> Involvement | None:
        return self.involvement_of(self.agency_filter) if self.agency_filter else None

    def _last_page_location(self) -> Location:
        for location in reversed(self.history.entries[: self.history.index + 1]):
            if location.kind != "matrix":
                return location
        return Location("node", self.document.nodes[0].id, self.agency_filter)

    def _remembered(self) -> Values | None:
        """What the settings keep: the script, the last node shown, the filter, the language
        chosen (None: nothing to save, the reader has not moved)."""
        if not self._touched:
            return None
        last = next((loc.key for loc in reversed(self.history.entries[: self.history.index + 1])
                     if loc.kind == "node"), None)
        return self.script, last, self.agency_filter, self.lang if self._lang_chosen else None

    # --- messages from the screens -------------------------------------------------------

    @on(OpenNode)
    def _open_node_asked(self, message: OpenNode) -> None:
        self.open_node(message.node_id, message.highlight, agency=message.agency,
                       keep_filter=message.keep_filter, from_outline=message.from_outline)
        if message.scroll_to_hit:
            # after the refresh, so the pane has its size; it lays out at its own text width
            self.call_after_refresh(self.browser.detail.scroll_to_first_highlight)

    @on(OpenAgency)
    def _open_agency_asked(self, message: OpenAgency) -> None:
        self.open_agency(message.name, filter_on=message.filter_on)

    @on(MatrixMoved)
    def _matrix_moved(self, message: MatrixMoved) -> None:
        current = self.history.current
        if current.kind == "matrix":
            self.history.replace(Location("matrix", message.key, current.agency))

    @on(BookmarksChanged)
    def _bookmarks_changed(self, message: BookmarksChanged) -> None:
        ids = message.ids
        if ids is None:
            store = self.store()
            if store is None:
                return
            ids = {b.node_id for b in store.bookmarks()}
        self.browser.outline.mark_bookmarked(ids)

    # --- script -------------------------------------------------------------------------

    def watch_script(self) -> None:
        self._touched = True
        self._script_changed()
        self.saver.later(self._remembered)

    def _script_changed(self) -> None:
        self._set_titles()
        self.browser.outline.relabel(self.script)
        self.browser.set_filter_line(self.script, self._filtered())
        shown = self.history.current
        if shown.kind == "matrix":
            shown = self._last_page_location()
        self.browser.show_page(self._page(shown), self.highlight, keep_scroll=True)

    def _set_titles(self) -> None:
        self.title = tr(self.document.title, self.script)
        self.sub_title = tr(self.document.number, self.script)

    # --- size and keys ------------------------------------------------------------------

    @property
    def size(self) -> Size:
        """The size laid out: the terminal's, up to the cap (bounds.MAX_WIDTH × MAX_HEIGHT)."""
        return bounds.capped(super().size)

    async def on_event(self, event: events.Event) -> None:
        """Every event from the terminal passes here first: sizes are capped, input is
        the reader being there."""
        if isinstance(event, events.Resize):
            bounds.cap_resize(event)
        elif isinstance(event, events.InputEvent | events.Paste):
            self.idle.touch()
            if isinstance(event, events.Paste):
                bounds.cut_paste(event)
        await super().on_event(event)

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """A notice, always as plain text: notices carry notes, queries and file names, and
        Textual would read ``[@click=app.quit]`` in them as markup (an action the reader names)
        or crash on ``[/nope]``."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def _watch_idle(self) -> None:
        left = self.idle.left()
        if left is None:
            return
        if left > 0:
            self.set_timer(left, self._watch_idle)
            return
        minutes = self.idle.seconds / 60 if self.idle.seconds else 0
        self.saver.now(self._remembered)
        self.exit(message="ipx-tui: " + _("no key pressed for {minutes} minutes; goodbye.")
                  .format(minutes=f"{minutes:g}"))

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size)

    def _check_size(self, size: Size | None = None) -> None:
        size = size or self.size
        small = too_small(size)
        if small and not isinstance(self.screen, TooSmall):
            self.push_screen(TooSmall())
            self.call_after_refresh(self._tell_size, size)
        elif small:
            self._tell_size(size)
        elif isinstance(self.screen, TooSmall):
            self.pop_screen()

    def _tell_size(self, size: Size) -> None:
        if isinstance(self.screen, TooSmall):
            self.screen.show(size)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in VIEW_ACTIONS and not getattr(self.screen, "ALLOWS_VIEW_KEYS", False):
            return False
        return True

    def action_owners(self) -> list[tuple[type[DOMNode], DOMNode]]:
        """The classes whose bindings the palette offers, with the object each acts on."""
        # IpxApp, not type(self): the kiosk's class declares no bindings of its own, and
        # keys.bindings_of lists only those a class declares (the kiosk's help was empty)
        return [(IpxApp, self), (BrowserScreen, self.browser),
                (Outline, self.browser.outline), (Detail, self.browser.detail)]

    def help_groups(self) -> list[tuple[str, type[DOMNode]]]:
        """The help screen's groups: a title and the class whose bindings it lists."""
        from ipx_tui.tui.screens.help import groups

        return [(_("Everywhere"), IpxApp), *groups()]

    # --- actions ------------------------------------------------------------------------

    def action_help(self) -> None:
        """Show every key."""
        from ipx_tui.tui.screens.help import HelpScreen  # deferred: opened on ? only

        self.push_screen(HelpScreen(self.help_groups(), self.script))

    def action_agency_picker(self, query: str = "") -> None:
        """Choose an agency to filter the sidebar on."""
        from ipx_tui.tui.screens.agency_picker import AgencyPicker  # deferred: Input, OptionList

        current = self.history.current
        here = current.key if current.kind == "agency" else self.agency_filter
        combined = self.combined_table()
        self.push_screen(AgencyPicker(self.registry(), self.involvement_table(), self.script,
                                      query=query, current=here, combined=combined,
                                      bodies={k: self.members_of(k) for k in combined}),
                         self._picked)

    def _picked(self, name: str | None) -> None:
        if name is not None:
            self.open_agency(name, filter_on=True)

    def action_clear_filter(self) -> None:
        """Show the whole outline again."""
        if self.agency_filter is not None:
            self.navigate(self.history.current.with_filter(None))

    def action_matrix(self) -> None:
        """Open the 分工 matrix (or close it)."""
        if matrix_routes.shown(self) is not None:
            self.action_close_matrix()
            return
        last = next((loc.key for loc in reversed(self.history.entries)
                     if loc.kind == "matrix"), "")
        self.navigate(Location("matrix", last, self.agency_filter))

    def action_close_matrix(self) -> None:
        """Leave the matrix: back to the view before it."""
        if self.history.can_back:
            self.action_history_back()
        else:
            self.navigate(self._last_page_location())

    def action_toggle_sidebar(self) -> None:
        """Hide or show the sidebar (in a narrow terminal: swap the panes)."""
        if self.screen is self.browser:
            self.browser.action_toggle_sidebar()

    def action_toggle_script(self) -> None:
        """Switch between traditional and simplified; a Chinese interface switches with it."""
        script: Script = "simplified" if self.script == "traditional" else "traditional"
        if script_of(self.lang) is not None:
            self._lang_chosen = True
            self._set_lang(lang_of(script))
        self.script = script

    def _set_lang(self, lang: Lang) -> None:
        """Show every message in ``lang`` from now on: the footer at once, the rest as the
        script's watchers redraw (the caller changes the script or redraws)."""
        self.lang = lang
        i18n.use(lang)
        self.refresh_bindings()

    def action_history_back(self) -> None:
        """Go back to the previous view."""
        self._walk_history(self.history.back(), _("Nothing earlier"))

    def action_history_forward(self) -> None:
        """Go forward again."""
        self._walk_history(self.history.forward(), _("Nothing later"))

    def _walk_history(self, location: Location | None, none_left: str) -> None:
        if location is None:
            self.notify(none_left, timeout=2)
        else:
            self.navigate(location, record=False)

    def copy_text(self) -> tuple[str, str]:
        """What ``y`` copies: a short name and the text of the view shown; a node's text is
        followed by its short citation, so that a quotation says where it is from."""
        location = self._last_page_location()
        if location.kind == "node":
            node = self.document.node(location.key)
            text = node_text(self.document, node, self.script)
            return location.key, f"{text}\n{self.citation(location.key)}\n"
        return location.key, self._page(location).plain

    def citation(self, node_id: str) -> str:
        """The short citation of a node in the reader's script (core/cite.py)."""
        # deferred: core.cite reads content/document.toml (tomllib); only y and c need it
        from ipx_tui.core.cite import cite

        return cite(self.document, node_id, "short", self.script)

    def action_cite(self) -> None:
        """Send a citation of the node shown to the clipboard: 《title》（number）二（九）1."""
        from ipx_tui.tui.clipboard import send  # deferred: only when copying

        location = self._last_page_location()
        if location.kind != "node":
            self.notify(_("Open a node first: c cites the node shown"), timeout=4)
            return
        text = self.citation(location.key)
        self.copy_to_clipboard(text)  # OSC 52, as y: the kiosk's reader gets it too
        said = send(text, _("a citation"), kiosk=self.settings.kiosk, web=self.is_web)
        self.notify(said, timeout=8)

    def action_copy(self) -> None:
        """Send the text shown to the clipboard, saying exactly how far it went."""
        from ipx_tui.tui.clipboard import send  # deferred: only when copying

        name, text = self.copy_text()
        self.copy_to_clipboard(text)  # OSC 52: the terminal may or may not honour it
        said = send(text, tr(name, self.script), kiosk=self.settings.kiosk, web=self.is_web)
        self.notify(said, timeout=8)

    def action_copy_view(self) -> None:
        """The text shown, plain, in a view where the terminal can select it by hand."""
        from ipx_tui.tui.screens.plain_text import PlainTextScreen  # deferred: only when used

        name, text = self.copy_text()
        self.push_screen(PlainTextScreen(tr(name, self.script), text))

    def action_search(self) -> None:
        """Search: results as you type, in either script; Enter opens one. With a filter on,
        within its tasks (Tab in the bar widens to the whole document)."""
        from ipx_tui.tui.screens.search import SearchScreen, Within  # deferred: on / only

        within = None
        if self.agency_filter is not None:
            found = self.involvement_of(self.agency_filter)
            within = Within(self.agency_filter, (*found.lead, *found.participant),
                            narrow=self.searches.within, lead=frozenset(found.lead))
        source = None if self.doc_id is None else self.opened()
        self.push_screen(SearchScreen(self.script, self.searches.query, within, source),
                         self._searched)

    def _searched(self, outcome: Any) -> None:
        if outcome is not None and self.agency_filter is not None:
            self.searches.within = outcome.within is not None  # the bar opens as it closed
        if self.searches.closed(outcome):
            self._show_hit()

    def action_next_hit(self) -> None:
        """The next match of the last search: in the node shown, then in the next result."""
        self._step_hit(1)

    def action_prev_hit(self) -> None:
        """The previous match of the last search, back to the previous result's last."""
        self._step_hit(-1)

    def _step_hit(self, step: int) -> None:
        searches = self.searches
        if not searches.active:
            self.notify(_("No search yet: / searches"), timeout=3)
            return
        if searches.step_match(step):
            self.browser.detail.scroll_to_match(searches.match)
            self._say_where()
            return
        searches.step(step)
        self._show_hit()

    def _show_hit(self) -> None:
        hit, _where = self.searches.current()
        self.open_node(hit.node_id, list(hit.terms))
        # counted now (the count does not depend on the width), so a key pressed before the
        # next frame walks from here; scrolled after the refresh, when the pane has its size
        self.searches.shown(self.browser.detail.match_count())
        self.call_after_refresh(self._scroll_to_match)

    def _scroll_to_match(self) -> None:
        detail = self.browser.detail
        detail.scroll_to_match(self.searches.shown(detail.match_count()))
        self._say_where()

    def _say_where(self) -> None:
        _hit, where = self.searches.current()
        if not self._kept_notice:
            self.clear_notifications()  # one line for the walk, not a stack of them
        self._kept_notice = False
        self.notify(where, timeout=2)

    def action_bookmark(self) -> None:
        """Bookmark the node shown (with a note), or edit or remove its bookmark."""
        from ipx_tui.tui.screens.bookmarks import bookmark_node  # deferred: only when used

        location = self.history.current
        node_id = location.key if location.kind == "node" else self.browser.outline.current_id
        if node_id is None:
            self.notify(_("Move to a node in the outline first: b bookmarks a node"), timeout=4)
            return
        store = self._bookmark_store()
        if store is not None:
            bookmark_node(self, store, self.document, node_id, self.script)

    def action_bookmarks(self) -> None:
        """List the bookmarks: Enter goes to one; e, d, u; typing filters."""
        from ipx_tui.tui.screens.bookmarks import BookmarksScreen  # deferred: only when used

        store = self._bookmark_store()
        if store is not None:
            self.push_screen(BookmarksScreen(store, self.document, self.script,
                                             read_only=self.saver.problem),
                             self._bookmarks_closed)

    def _bookmarks_closed(self, node_id: str | None) -> None:
        self.post_message(BookmarksChanged())  # another session may have changed them
        if node_id is not None:
            self.open_node(node_id)

    def _bookmark_store(self) -> Store | None:
        store = self.store()
        if store is None:
            self.notify(_("Bookmarks are unavailable: the store could not be opened"),
                        severity="error", timeout=8)
        return store

    def action_documents(self) -> None:
        """Switch to another document of the library: its outline, place, filter, bookmarks."""
        from ipx_tui.tui.screens.documents import DocumentPicker  # deferred: opened on d only

        self.push_screen(DocumentPicker(self.doc_id, self.script), self._switch_to)

    def _switch_to(self, doc_id: str | None) -> None:
        from ipx_tui.core.library import SHIPPED

        if doc_id is None:
            return
        wanted = None if doc_id == SHIPPED else doc_id
        if wanted != self.doc_id:
            self.switch_document(wanted)

    def switch_document(self, doc_id: str | None) -> None:
        """Show another document (None: the shipped one), where the reader last left it."""
        from ipx_tui.core.errors import UserError
        from ipx_tui.core.library import SHIPPED, open_document

        try:
            opened = open_document(doc_id or SHIPPED)
        except UserError as error:  # removed or damaged since the list was shown
            self.notify(str(error), severity="error", timeout=8)
            return
        self.saver.now(self._remembered)  # this document's place, under its own keys
        matrix_routes.close(self)
        self.doc_id, self.document = doc_id, opened.document
        self.settings.document = doc_id
        self._table = self._combined = None
        self.searches = Searches()
        self.highlight = None
        remembered = self.settings.read()
        node_id = remembered.last_node if remembered.last_node in self.document else None
        known = self.registry().by_name.keys() | self.combined_table().keys()
        filter_on = remembered.agency if remembered.agency in known else None
        self.history = History(Location("node", node_id or self.document.nodes[0].id, None))
        location = self._fit_filter(self.history.current.with_filter(filter_on), quiet=True)
        self.history.replace(location)
        self.browser.outline.document = self.document
        self.agency_filter = None
        self.browser.build_outline(self.script, None)
        self._apply_filter(location.agency)
        self._touched = True
        self._set_titles()
        self._show(location)
        self.post_message(BookmarksChanged())
        self.notify(f"{tr(self.document.number, self.script)} · "
                    f"{tr(self.document.title, self.script)}", timeout=4)

    async def action_quit(self) -> None:
        """Leave, saving where the reader was."""
        self.saver.now(self._remembered)
        self.exit()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own palette commands, less those the browser does itself or should not
        offer (Quit twice, Keys beside our help, a screenshot file written to the server)."""
        for command in super().get_system_commands(screen):
            if command.title in SYSTEM_COMMANDS_KEPT:
                yield command

    def action_command_palette(self) -> None:
        """The command palette, with a steady cursor (nothing blinks while idle)."""
        from textual.command import CommandInput, CommandPalette

        super().action_command_palette()
        palette = self.screen
        if isinstance(palette, CommandPalette):
            palette.call_after_refresh(self._steady_palette_cursor, palette, CommandInput)

    @staticmethod
    def _steady_palette_cursor(palette: Screen[Any], kind: type[Input]) -> None:
        for widget in palette.query(kind):
            widget.cursor_blink = False
            widget.max_length = bounds.PALETTE_CHARS
