"""The main screen: the outline on the left, the detail pane on the right."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static, Tree

from ipx_tui.core.agencies import Involvement
from ipx_tui.core.document import Document
from ipx_tui.core.i18n import N_
from ipx_tui.core.script import Script
from ipx_tui.tui.bounds import prune_watchers
from ipx_tui.tui.history import Location
from ipx_tui.tui.messages import OpenAgency, OpenNode
from ipx_tui.tui.pages import Page, count_runs
from ipx_tui.tui.widgets.chrome import KeysFooter, TitleHeader
from ipx_tui.tui.widgets.detail import Detail
from ipx_tui.tui.widgets.outline import Outline

NARROW = 60
"""Below this many columns only one pane shows at a time; Tab swaps them."""

FOLLOW_DELAY = 0.08
"""Seconds the outline's cursor rests before the text pane follows it.

A page of Chinese costs 4-5 KB on the wire at 100x30; a held Down key repaints it once
when the key is let go instead of at every step (the sidebar itself moves at once).
"""


class BrowserScreen(Screen[None]):
    """The outline and the detail pane; the app tells it what to show, and it posts
    :class:`~ipx_tui.tui.messages.OpenNode` and ``OpenAgency`` for what the reader opens."""

    AUTO_FOCUS = "#outline"

    ALLOWS_VIEW_KEYS: ClassVar[bool] = True
    """The app's view keys ([ ] a m t …) act on this screen (see IpxApp.check_action)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab,shift+tab", "switch_pane", N_("Sidebar ⇄ text"), show=False,
                id="browser.switch-pane"),
        Binding("escape", "app.clear_filter", N_("Clear the agency filter"), show=False,
                id="browser.clear-filter"),
    ]

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.outline = Outline(document, id="outline")
        self.detail = Detail(id="detail")
        self.filter_line = Static("", id="filter-line", markup=False)
        self._follow: Timer | None = None

    def compose(self) -> ComposeResult:
        yield TitleHeader(icon="≡")
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                yield self.filter_line
                yield self.outline
            yield self.detail
        yield KeysFooter()

    def on_mount(self) -> None:
        self.outline.focus()

    def on_screen_resume(self) -> None:
        # A screen above this one has closed: let go of what it left watching (after the
        # refresh, when it has been taken apart), or each one opened would stay in memory.
        self.call_after_refresh(prune_watchers, self.app)

    # --- what the app asks for --------------------------------------------------------

    def build_outline(self, script: Script, involvement: Involvement | None) -> None:
        """Show the whole outline, or one agency's tasks, and the filter line."""
        self.outline.build(script, involvement)
        self.set_filter_line(script, involvement)

    def set_filter_line(self, script: Script, involvement: Involvement | None) -> None:
        """``科技部 · 24 項任務 · 牽頭 6`` above the outline, or nothing."""
        self.set_class(involvement is not None, "-filtered")
        if involvement is None:
            self.filter_line.update("")
            return
        runs = count_runs(involvement.agency, involvement, script)
        self.filter_line.update(Content("".join(r.text for r in runs)))

    def show_page(self, page: Page, highlight: list[str] | None = None,
                  *, keep_scroll: bool = False) -> None:
        """Put a page in the detail pane."""
        self.detail.show(page, highlight or (), keep_scroll=keep_scroll)

    def show_location(self, location: Location, page: Page,
                      highlight: list[str] | None = None) -> None:
        """Show a location's page, and point the outline's cursor at its node (or, when the
        filtered outline lacks it, at its nearest ancestor that is there)."""
        self.show_page(page, highlight)
        if location.kind != "node" or self.outline.current_id == location.key:
            return
        if self.outline.select_id(location.key):
            return
        for ancestor in reversed(self.outline.document.ancestors(location.key)):
            if self.outline.select_id(ancestor.id):
                break

    # --- what the reader does ---------------------------------------------------------

    @on(Tree.NodeHighlighted, "#outline")
    def _highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        node_id = event.node.data
        if self._follow is not None:
            self._follow.stop()
            self._follow = None
        if node_id is not None:
            self._follow = self.set_timer(FOLLOW_DELAY, lambda: self._follow_cursor(node_id))

    @property
    def following(self) -> bool:
        """Whether the text pane is about to follow the outline's cursor."""
        return self._follow is not None

    def _follow_cursor(self, node_id: str) -> None:
        self._follow = None
        if self.outline.current_id == node_id:
            self.post_message(OpenNode(node_id, from_outline=True))

    @on(Outline.OpenLeaf)
    def _open_leaf(self, event: Outline.OpenLeaf) -> None:
        self.focus_detail()

    @on(Detail.LinkChosen)
    def _link(self, event: Detail.LinkChosen) -> None:
        kind, key = event.target
        if kind == "node":
            self.post_message(OpenNode(key))
            self.outline.focus()
        else:
            self.post_message(OpenAgency(key))

    @on(Detail.LeftEdge)
    def _left_edge(self) -> None:
        self.focus_outline()

    def focus_outline(self) -> None:
        """Focus the sidebar, showing it if it was hidden."""
        # Only change classes that are set: a class change restyles the whole screen.
        if self.has_class("-no-sidebar") or self.has_class("-reading"):
            self.remove_class("-no-sidebar", "-reading")
        self.outline.focus()

    def focus_detail(self) -> None:
        """Focus the detail pane (in a narrow terminal it then fills the screen)."""
        if self.has_class("-narrow"):
            self.add_class("-reading")
        self.detail.focus()

    def action_switch_pane(self) -> None:
        """Tab: move between the sidebar and the detail pane."""
        if self.detail.has_focus or self.outline.display is False:
            if self.has_class("-no-sidebar"):
                return
            self.focus_outline()
        else:
            self.focus_detail()

    def action_toggle_sidebar(self) -> None:
        """Hide or show the sidebar (in a narrow terminal: swap the panes)."""
        if self.has_class("-narrow"):
            self.action_switch_pane()
        elif self.has_class("-no-sidebar"):
            self.focus_outline()
        else:
            self.add_class("-no-sidebar")
            self.detail.focus()

    def action_scroll_text_down(self) -> None:
        """Scroll the detail pane a page down (from the sidebar)."""
        self.detail.scroll_page_down(animate=False)

    def action_scroll_text_up(self) -> None:
        """Scroll the detail pane a page up (from the sidebar)."""
        self.detail.scroll_page_up(animate=False)

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            self.set_class(narrow and self.detail.has_focus, "-reading")
