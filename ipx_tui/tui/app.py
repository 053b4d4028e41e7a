"""The Textual app: global keys, where the reader is (history, filter, script), screen routing.

Start-up is kept to what the first frame needs: the document (already parsed by the CLI),
the outline and one page. The agency registry, the settings store and OpenCC are loaded in a
worker after the first frame; the matrix, picker and help screens are imported when opened.

Hooks for other features (search, bookmarks):

* ``App.open_node(node_id, highlight=[...])`` shows a node with those terms highlighted
  (compared as search compares); ``App.browser.detail.scroll_to_first_highlight()`` then
  brings the first one into view;
* ``App.browser.outline.mark_bookmarked(ids)`` marks nodes in the sidebar;
* ``App.settings.store()`` is the shared :class:`~ipx_tui.core.store.Store` (or None);
* ``App.history.current`` is the view shown (a node, an agency page or the matrix);
* a screen whose class sets ``ALLOWS_VIEW_KEYS = True`` lets the app's view keys act on it;
* the ``action_search`` … ``action_bookmarks`` methods are each one small method.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.geometry import Size
from textual.reactive import reactive
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer
from textual.widgets import Input

from ipx_tui.core.agencies import Involvement, Registry, involvement, load_registry
from ipx_tui.core.document import Document
from ipx_tui.core.export import node_text
from ipx_tui.core.ids import UnknownNode, check_node_id
from ipx_tui.core.parse import load
from ipx_tui.core.script import Script
from ipx_tui.tui.commands import BrowserCommands
from ipx_tui.tui.history import History, Location
from ipx_tui.tui.pages import Page, agency_page, has_keywords, node_page
from ipx_tui.tui.screens.browser import BrowserScreen
from ipx_tui.tui.settings import Remembered, Settings
from ipx_tui.tui.texts import tr
from ipx_tui.tui.widgets.detail import Detail
from ipx_tui.tui.widgets.outline import Outline

if TYPE_CHECKING:
    from ipx_tui.launch import BrowseOptions
    from ipx_tui.tui.screens.matrix import MatrixScreen

STARTED = time.perf_counter()

_MATRIX_MODULE = "ipx_tui.tui.screens.matrix"

MIN_WIDTH, MIN_HEIGHT = 40, 10
"""Below this the app shows only a message saying the size it needs."""

SAVE_DELAY = 1.0
"""Seconds of quiet before the last node is saved (every key would be too many writes)."""

KEEP: Any = object()
"""For ``open_node(agency=KEEP)``: leave the agency filter as it is."""

SYSTEM_COMMANDS_KEPT = frozenset({"Theme"})
"""Textual's palette commands that stay (the rest duplicate ours or write files)."""

VIEW_ACTIONS = frozenset({
    "agency_picker", "clear_filter", "matrix", "history_back", "history_forward", "copy", "search",
    "next_hit", "prev_hit", "bookmark", "bookmarks", "toggle_script", "help", "toggle_sidebar",
})
"""App actions that act on a view; only screens with ALLOWS_VIEW_KEYS let them through."""

# Colours from the terminal's own 16-colour palette, so the app looks right on 16, 256 and
# true-colour terminals alike, on a dark or a light background.
THEME = Theme(
    name="ipx",
    ansi=True,
    primary="ansi_blue",
    secondary="ansi_cyan",
    accent="ansi_yellow",
    warning="ansi_yellow",
    error="ansi_red",
    success="ansi_green",
    foreground="ansi_default",
    background="ansi_default",
    surface="ansi_default",
    panel="ansi_default",
    boost="ansi_default",
    dark=True,
    variables={
        "ansi-background": "ansi_black",
        "ansi-foreground": "ansi_white",
        "block-cursor-foreground": "ansi_black",
        "block-cursor-background": "ansi_cyan",
        "block-cursor-blurred-foreground": "ansi_default",
        "block-cursor-blurred-background": "ansi_default",
        "border": "ansi_cyan",
        "border-blurred": "ansi_bright_black",
        "footer-key-foreground": "ansi_yellow",
        "footer-background": "ansi_default",
        "footer-foreground": "ansi_default",
        "footer-description-foreground": "ansi_default",
        "input-cursor-background": "ansi_white",
        "input-cursor-foreground": "ansi_black",
        "input-selection-background": "ansi_blue",
        "scrollbar": "ansi_bright_black",
        "scrollbar-background": "ansi_default",
        "scrollbar-corner-color": "ansi_default",
        "link-color": "ansi_default",
    },
)


class TooSmall(Screen[None]):
    """Shown instead of everything when the terminal is too small to use."""

    def compose(self):  # type: ignore[no-untyped-def]
        from textual.widgets import Static

        yield Static(id="too-small", markup=False)

    def show(self, width: int, height: int) -> None:
        """Say what size is needed."""
        from textual.widgets import Static

        self.query_one("#too-small", Static).update(
            f"too small:\nneed at least\n{MIN_WIDTH}x{MIN_HEIGHT}\n(now {width}x{height})")


class IpxApp(App[None]):
    """The ipx-tui browser."""

    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {BrowserCommands}
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", tooltip="This help: every key", id="app.help"),
        Binding("a", "agency_picker", "Agency", tooltip="Agency picker: filter on one agency",
                id="app.agency"),
        Binding("A", "clear_filter", "All", show=False, tooltip="Clear the agency filter",
                id="app.clear-filter"),
        Binding("m", "matrix", "Matrix", tooltip="The 分工 matrix: agencies × sections",
                id="app.matrix"),
        Binding("t", "toggle_script", "繁/简", tooltip="Switch between 繁 and 简",
                id="app.script"),
        Binding("left_square_bracket", "history_back", "Back", tooltip="Back to the previous view",
                id="app.back"),
        Binding("right_square_bracket", "history_forward", "Fwd", show=False,
                tooltip="Forward again", id="app.forward"),
        Binding("y", "copy", "Copy", show=False,
                tooltip="Copy the text shown to the clipboard (OSC 52)", id="app.copy"),
        Binding("s", "toggle_sidebar", "Sidebar", show=False, tooltip="Hide or show the sidebar",
                id="app.sidebar"),
        Binding("ctrl+p", "command_palette", "Palette", show=False, priority=True,
                tooltip="The command palette: every action, node and agency", id="app.palette"),
        # Reserved for the search feature, which replaces these methods.
        Binding("slash", "search", "Search", tooltip="Search the document", id="app.search"),
        Binding("n", "next_hit", "Next hit", show=False, tooltip="Next search hit",
                id="app.next-hit"),
        Binding("N", "prev_hit", "Prev hit", show=False, tooltip="Previous search hit",
                id="app.prev-hit"),
        # Reserved for the bookmarks feature, which replaces these methods.
        Binding("b", "bookmark", "Mark", show=False, tooltip="Bookmark this node",
                id="app.bookmark"),
        Binding("B", "bookmarks", "Marks", show=False, tooltip="List the bookmarks",
                id="app.bookmarks"),
    ]

    script: reactive[Script] = reactive("traditional", init=False)
    """The script every text is shown in."""

    def __init__(self, *, script: Script = "traditional", goto: str | None = None,
                 agency: str | None = None, agency_query: str | None = None,
                 kiosk: bool = False, remember: bool = True) -> None:
        """Args:
            script: the script to start in.
            goto: the node to start at.
            agency: the agency (registry name) to start filtered on.
            agency_query: a name that stands for several agencies: open the picker with it.
            kiosk: keep settings in memory only.
            remember: restore the last session's script, node and filter (unless given here).
        """
        super().__init__()
        self.document: Document = load()
        self.settings = Settings(kiosk=kiosk)
        self.start = (script, goto, agency, agency_query, remember)
        first: Location
        if goto is not None:
            first = Location("node", goto, agency)
        elif agency is not None:
            first = Location("agency", agency, agency)
        else:
            first = Location("node", self.document.nodes[0].id, None)
        self.history = History(first)
        self.agency_filter: str | None = None
        self.browser: BrowserScreen | None = None
        self.highlight: list[str] | None = None
        """The terms highlighted in the page shown (set by open_node)."""
        self.first_frame_ms: float | None = None
        self._bare_first_page = False
        """Whether a page was built before the first frame, without its keywords."""
        self._save_timer: Timer | None = None
        self._touched = False
        """Whether the reader has moved or switched anything yet (then nothing is restored)."""
        self.set_reactive(IpxApp.script, script)
        # The theme before the first frame, not in on_mount: changing it there re-parsed every
        # stylesheet just before the first frame (about 10 ms of the start).
        self.register_theme(THEME)
        self.theme = "ipx"

    # --- start-up ---------------------------------------------------------------------

    def get_default_screen(self) -> BrowserScreen:
        return BrowserScreen(self.document)

    def on_mount(self) -> None:
        self._set_titles()
        self.call_after_refresh(self._after_first_frame)

    def browser_ready(self, browser: BrowserScreen) -> None:
        """The browser screen is mounted: fill it for the first location."""
        self.browser = browser
        location = self.history.current
        self._apply_filter(location.agency)
        self._show(location)
        query = self.start[3]
        if query:
            self.call_after_refresh(self.action_agency_picker, query)

    def _after_first_frame(self) -> None:
        gc.enable()  # off since cli._browse, so that the start paid for no collection
        self.first_frame_ms = (time.perf_counter() - STARTED) * 1000
        self.log(f"first frame after {self.first_frame_ms:.0f} ms")
        self._check_size()
        self._warm_up()

    @work(thread=True, exclusive=True, group="warm-up")
    def _warm_up(self) -> None:
        """Load what later keys need, off the UI thread: registry, settings, OpenCC."""
        self.involvement_table()
        remembered = self.settings.read() if self.start[4] else Remembered()
        from ipx_tui.core.search import keywords

        keywords("preamble")  # the keywords table: pages after the first need it
        self.call_from_thread(self._complete_first_page)
        self.call_from_thread(self._restore, remembered)
        from ipx_tui.core.script import t2s

        t2s("")  # OpenCC reads its dictionaries now, not on the first key typed in a picker

    def _complete_first_page(self) -> None:
        """Show the first page again with the keywords it went without (see page_for)."""
        if self._bare_first_page:
            self._bare_first_page = False
            shown = self.history.current
            if self.browser is not None and shown.kind != "matrix":
                self.browser.show_page(self.page_for(shown), self.highlight, keep_scroll=True)

    def _restore(self, remembered: Remembered) -> None:
        """Apply the last session's choices, unless the command line or the reader chose."""
        from ipx_tui.tui.screens.bookmarks import mark_sidebar

        mark_sidebar(self)  # the store is open now (read in the warm-up)
        for problem in self.settings.problems:
            self.notify(problem, severity="warning", timeout=8)
        self.settings.problems.clear()
        if self._touched:
            return
        script, goto, agency, query, _ = self.start
        if script == "traditional" and remembered.script == "simplified":
            self.set_reactive(IpxApp.script, "simplified")
            self._script_changed()
        if goto is not None or agency is not None or query:
            return
        node_id = remembered.last_node
        if node_id is not None and node_id not in self.document:
            node_id = None
        filter_on = remembered.agency if remembered.agency in self.registry().by_name else None
        if node_id is None and filter_on is None:
            return
        location = Location("node", node_id or self.history.current.key, filter_on)
        self.history.replace(location)
        self._apply_filter(filter_on)
        self._show(location)

    # --- the agency data (loaded after the first frame, or when first needed) ----------

    def registry(self) -> Registry:
        """The agency registry."""
        return load_registry()

    def involvement_table(self) -> dict[str, Involvement]:
        """Each agency's tasks by role."""
        table: dict[str, Involvement] | None = getattr(self, "_table", None)
        if table is None:
            table = involvement(self.document, self.registry())
            self._table = table
        return table

    # --- where the reader is ----------------------------------------------------------

    def open_node(self, node_id: str, highlight: list[str] | None = None, *,
                  agency: str | None = KEEP, from_outline: bool = False) -> None:
        """Show a node (the hook for search and bookmarks).

        Args:
            node_id: the node to show.
            highlight: terms to highlight in its text (compared as search compares).
            agency: the agency filter to show it under; by default the current one.
            from_outline: the outline's cursor moved here (the outline need not move).
        """
        filter_on = self.agency_filter if agency is KEEP else agency
        location = Location("node", node_id, filter_on)
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
            self.history.visit(location)
        self._apply_filter(location.agency)
        self._show(location)
        self._save_later()

    def _show(self, location: Location) -> None:
        if location.kind == "matrix":
            self._show_matrix(location.key)
            return
        self._close_matrix()
        browser = self.browser
        if browser is None:
            return
        browser.show_page(self.page_for(location), self.highlight)
        browser.point_at(location)
        if location.kind == "node" and browser.outline.current_id != location.key:
            # not in the filtered outline: point at its nearest ancestor that is
            for ancestor in reversed(self.document.ancestors(location.key)):
                if browser.outline.select_id(ancestor.id):
                    break

    def page_for(self, location: Location) -> Page:
        """The detail page of a node or agency location."""
        if location.kind == "agency":
            return agency_page(self.document, self.involvement_table()[location.key],
                               self.script)
        table = self.involvement_table() if location.agency else None
        # Before the first frame a page goes without its keywords (importing the module that
        # reads them costs about 5 ms); _complete_first_page adds them right after.
        extras = self.first_frame_ms is not None
        if not extras and has_keywords(self.document.node(location.key)):
            self._bare_first_page = True
        return node_page(self.document, location.key, self.script, location.agency, table,
                         extras=extras)

    def _apply_filter(self, agency: str | None) -> None:
        browser = self.browser
        if browser is None:
            return
        if agency == self.agency_filter and browser.outline.node_ids:
            return
        self.agency_filter = agency
        browser.build_outline(self.script,
                              self.involvement_table()[agency] if agency is not None else None)

    def _show_matrix(self, key: str) -> None:
        from ipx_tui.tui.screens.matrix import MatrixScreen  # deferred: DataTable

        if isinstance(self.screen, MatrixScreen):
            self.screen.move_to(key)
        else:
            self.push_screen(MatrixScreen(key))

    def _close_matrix(self) -> None:
        if _MATRIX_MODULE not in sys.modules:
            return  # never opened; importing it would cost the first frame a DataTable
        from ipx_tui.tui.screens.matrix import MatrixScreen

        while isinstance(self.screen, MatrixScreen):
            self.pop_screen()

    def matrix_moved(self, key: str) -> None:
        """The matrix cursor moved: remember it in the matrix's history entry."""
        current = self.history.current
        if current.kind == "matrix":
            self.history.replace(Location("matrix", key, current.agency))

    @property
    def matrix(self) -> MatrixScreen | None:
        """The matrix screen, when it is shown."""
        if _MATRIX_MODULE not in sys.modules:
            return None  # never opened (see _close_matrix)
        from ipx_tui.tui.screens.matrix import MatrixScreen

        return self.screen if isinstance(self.screen, MatrixScreen) else None

    # --- script -----------------------------------------------------------------------

    def watch_script(self) -> None:
        self._touched = True
        self._script_changed()
        self._save_later()

    def _script_changed(self) -> None:
        self._set_titles()
        browser = self.browser
        if browser is not None:
            browser.outline.relabel(self.script)
            inv = self.involvement_table()[self.agency_filter] if self.agency_filter else None
            browser.set_filter_line(self.script, inv)
            shown = self.history.current
            if shown.kind == "matrix":
                shown = self._last_page_location()
            browser.show_page(self.page_for(shown), self.highlight, keep_scroll=True)
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_script", None)
            if callable(refresh):
                refresh()

    def _last_page_location(self) -> Location:
        for location in reversed(self.history.entries[: self.history.index + 1]):
            if location.kind != "matrix":
                return location
        return Location("node", self.document.nodes[0].id, self.agency_filter)

    def _set_titles(self) -> None:
        self.title = tr(self.document.title, self.script)
        self.sub_title = tr(self.document.number, self.script)

    # --- settings ---------------------------------------------------------------------

    def _remembered_node(self) -> str | None:
        """The last node shown (an agency page or the matrix is not a place to return to)."""
        for location in reversed(self.history.entries[: self.history.index + 1]):
            if location.kind == "node":
                return location.key
        return None

    def _save_later(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self._save_in_background)

    def _save_in_background(self) -> None:
        self._save_timer = None
        self._save(self.script, self._remembered_node(), self.agency_filter)

    @work(thread=True, exclusive=True, group="settings")
    def _save(self, script: Script, node_id: str | None, agency: str | None) -> None:
        problem = self.settings.write(script, node_id, agency)
        if problem:
            self.call_from_thread(self.notify, problem, severity="warning")

    def save_now(self) -> None:
        """Save the settings before leaving (a pending save would be lost)."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self._touched:
            self.settings.write(self.script, self._remembered_node(), self.agency_filter)

    # --- size -------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size)

    def _check_size(self, size: Size | None = None) -> None:
        width, height = size or self.size
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        if small:
            if not isinstance(self.screen, TooSmall):
                self.push_screen(TooSmall())
                self.call_after_refresh(self._tell_size, Size(width, height))
            else:
                self._tell_size(Size(width, height))
        elif isinstance(self.screen, TooSmall):
            self.pop_screen()

    def _tell_size(self, size: Size | None = None) -> None:
        if isinstance(self.screen, TooSmall):
            self.screen.show(*(size or self.size))

    # --- which keys act where ---------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in VIEW_ACTIONS and not getattr(self.screen, "ALLOWS_VIEW_KEYS", False):
            return False
        return True

    def action_owners(self) -> list[tuple[type[DOMNode], DOMNode]]:
        """The classes whose bindings the palette offers, with the object each acts on."""
        owners: list[tuple[type[DOMNode], DOMNode]] = [(type(self), self)]
        if self.browser is not None:
            owners += [(BrowserScreen, self.browser), (Outline, self.browser.outline),
                       (Detail, self.browser.detail)]
        return owners

    def help_groups(self) -> list[tuple[str, type[DOMNode]]]:
        """The help screen's groups: a title and the class whose bindings it lists."""
        from ipx_tui.tui.screens.bookmarks import BookmarkChoice, BookmarksScreen
        from ipx_tui.tui.screens.help import HelpScreen
        from ipx_tui.tui.screens.matrix import MatrixScreen, MatrixTable
        from ipx_tui.tui.screens.picker import AgencyPicker
        from ipx_tui.tui.screens.search import SearchScreen

        # The note prompt and the yes/no question show their few keys in their own box.
        return [("Everywhere", type(self)), ("Browser", BrowserScreen),
                ("Sidebar (outline)", Outline), ("Text (detail pane)", Detail),
                ("Matrix", MatrixTable), ("Matrix screen", MatrixScreen),
                ("Agency picker", AgencyPicker), ("Search bar", SearchScreen),
                ("Bookmarks list", BookmarksScreen), ("A bookmarked node (b)", BookmarkChoice),
                ("Help", HelpScreen)]

    # --- actions ----------------------------------------------------------------------

    def action_help(self) -> None:
        """Show every key."""
        from ipx_tui.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.help_groups(), self.script))

    def action_agency_picker(self, query: str = "") -> None:
        """Choose an agency to filter the sidebar on."""
        from ipx_tui.tui.screens.picker import AgencyPicker  # deferred: Input, OptionList

        current = self.history.current
        here = current.key if current.kind == "agency" else self.agency_filter
        self.push_screen(AgencyPicker(self.registry(), self.involvement_table(), self.script,
                                      query=query, current=here), self._picked)

    def _picked(self, name: str | None) -> None:
        if name is not None:
            self.open_agency(name, filter_on=True)

    def action_clear_filter(self) -> None:
        """Show the whole outline again."""
        if self.agency_filter is None:
            return
        self.navigate(self.history.current.with_filter(None))

    def action_matrix(self) -> None:
        """Open the 分工 matrix (or close it)."""
        if self.matrix is not None:
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
        if self.browser is not None and self.screen is self.browser:
            self.browser.action_toggle_sidebar()

    def action_toggle_script(self) -> None:
        """Switch between traditional and simplified."""
        self.script = "simplified" if self.script == "traditional" else "traditional"

    def action_history_back(self) -> None:
        """Go back to the previous view."""
        location = self.history.back()
        if location is None:
            self.notify("Nothing earlier", timeout=2)
            return
        self.navigate(location, record=False)

    def action_history_forward(self) -> None:
        """Go forward again."""
        location = self.history.forward()
        if location is None:
            self.notify("Nothing later", timeout=2)
            return
        self.navigate(location, record=False)

    def copy_text(self) -> tuple[str, str]:
        """What ``y`` copies: a short name and the text of the view shown."""
        location = self._last_page_location()
        if location.kind == "node":
            node = self.document.node(location.key)
            return location.key, node_text(self.document, node, self.script)
        return location.key, self.page_for(location).plain

    def action_copy(self) -> None:
        """Copy the text shown to the clipboard (OSC 52 reaches the reader's own terminal)."""
        name, text = self.copy_text()
        self.copy_to_clipboard(text)
        self.notify(f"Copied {tr(name, self.script)}: {len(text)} characters", timeout=3)

    async def action_quit(self) -> None:
        """Leave, saving where the reader was."""
        self.save_now()
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

    # --- reserved for the search and bookmarks features --------------------------------

    def action_search(self) -> None:
        """Search: results as you type, in either script; Enter opens one."""
        from ipx_tui.tui.screens.search import search_key  # deferred: only when searching

        search_key(self)

    def action_next_hit(self) -> None:
        """Open the next result of the last search (rank order, like less's n)."""
        from ipx_tui.tui.screens.search import walk_hits

        walk_hits(self, 1)

    def action_prev_hit(self) -> None:
        """Open the previous result of the last search."""
        from ipx_tui.tui.screens.search import walk_hits

        walk_hits(self, -1)

    def action_bookmark(self) -> None:
        """Bookmark the node shown (with a note), or edit or remove its bookmark."""
        from ipx_tui.tui.screens.bookmarks import bookmark_key  # deferred: only when used

        bookmark_key(self)

    def action_bookmarks(self) -> None:
        """List the bookmarks: Enter goes to one; e, d, u; typing filters."""
        from ipx_tui.tui.screens.bookmarks import bookmarks_key

        bookmarks_key(self)


def app_from_args(args: BrowseOptions) -> IpxApp:
    """The app for the command line's options (already checked by the CLI)."""
    document = load()
    goto = check_node_id(document, args.goto) if args.goto else None
    agency = query = None
    if args.agency:
        found = load_registry().resolve(args.agency)
        if len(found) == 1:
            agency = found[0].name
        else:
            query = args.agency.strip()  # a name used today for several: let the reader pick
    script: Script = "simplified" if args.simplified else "traditional"
    kiosk = bool(args.kiosk)
    cls: type[IpxApp] = IpxApp
    if kiosk:
        from ipx_tui.tui.kiosk import KioskApp, enter_kiosk, in_kiosk

        enter_kiosk()
        kiosk = in_kiosk()
        # __module__ given: Textual finds CSS_PATH beside the class's module, and a class made
        # by type() through Textual's metaclass would say textual.message_pump.
        cls = type("KioskIpxApp", (KioskApp, IpxApp), {"__module__": __name__})
    return cls(script=script, goto=goto, agency=agency, agency_query=query, kiosk=kiosk)


def run(args: BrowseOptions) -> int:
    """Start the browser; the exit status."""
    from ipx_tui.tui.terminal import prepare_terminal

    prepare_terminal()
    try:
        app = app_from_args(args)
    except UnknownNode as error:  # the CLI checks first; this is for callers that do not
        raise SystemExit(f"ipx-tui: {error}") from None
    app.run()
    return app.return_code or 0
