"""Help: every key, made from the bindings themselves, and what the marks mean."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from ipx_tui.core import labels
from ipx_tui.core.i18n import N_, _
from ipx_tui.core.script import Script
from ipx_tui.tui.keys import key_help
from ipx_tui.tui.texts import ROLE_MARK, tr
from ipx_tui.tui.widgets.chrome import KeysFooter

KEY_CELLS = 16
"""The width of the keys column."""


class HelpScreen(ModalScreen[None]):
    """The keys of every part of the browser, grouped by where they act."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", N_("Close help"), id="help.close"),
        Binding("down,j", "scroll('down')", N_("Scroll down"), show=False, id="help.down"),
        Binding("up,k", "scroll('up')", N_("Scroll up"), show=False, id="help.up"),
        Binding("pagedown,space", "scroll('page_down')", N_("Page down"), show=False,
                id="help.page-down"),
        Binding("pageup", "scroll('page_up')", N_("Page up"), show=False, id="help.page-up"),
        Binding("g,home", "scroll('home')", N_("Top"), show=False, id="help.top"),
        Binding("G,end", "scroll('end')", N_("Bottom"), show=False, id="help.bottom"),
    ]

    def __init__(self, groups: list[tuple[str, type[DOMNode]]], script: Script) -> None:
        super().__init__()
        self.groups = groups
        self.script = script
        self.body = Static("", id="help-text", markup=False)
        self.scroller = VerticalScroll(self.body, id="help")
        self.scroller.can_focus = False

    def compose(self) -> ComposeResult:
        yield self.scroller
        yield KeysFooter()

    def on_mount(self) -> None:
        self.body.update(self.help_text())

    def help_text(self) -> Content:
        """The help as styled text."""
        lines: list[Content] = [Content.styled(_("ipx-tui keys"), "bold"), Content("")]
        for title, owner in self.groups:
            lines.append(Content.styled(title, "bold underline"))
            for entry in key_help(self.app, owner):
                keys = " ".join(entry.keys)
                pad = " " * max(1, KEY_CELLS - cell_len(keys))
                lines.append(Content.assemble((keys, "bold"), pad, entry.description))
            lines.append(Content(""))
        lead, joins = tr(labels.LEADS, self.script), tr(labels.JOINS, self.script)
        lines += [
            Content.styled(_("Marks"), "bold underline"),
            Content(f"{ROLE_MARK['lead']} {lead}  " + _("the agency leads the task")),
            Content(f"{ROLE_MARK['participant']} {joins}  "
                    + _("the agency takes part in the task")),
        ]
        return Content("\n").join(lines)

    def action_scroll(self, how: str) -> None:
        """Scroll the help text."""
        s = self.scroller
        {"down": s.scroll_down, "up": s.scroll_up, "page_down": s.scroll_page_down,
         "page_up": s.scroll_page_up, "home": s.scroll_home, "end": s.scroll_end}[how](
            animate=False)


def groups() -> list[tuple[str, type[DOMNode]]]:
    """The help's groups after the app's own: a title and the class whose bindings it lists."""
    # deferred: each screen's module is imported when the help is first opened, not at start
    from ipx_tui.tui.screens.agency_picker import AgencyPicker
    from ipx_tui.tui.screens.bookmarks import BookmarksScreen
    from ipx_tui.tui.screens.browser import BrowserScreen
    from ipx_tui.tui.screens.matrix import MatrixScreen, MatrixTable
    from ipx_tui.tui.screens.search import SearchScreen
    from ipx_tui.tui.widgets.detail import Detail
    from ipx_tui.tui.widgets.dialogs import BookmarkChoice
    from ipx_tui.tui.widgets.outline import Outline

    # The note prompt and the yes/no question show their few keys in their own box.
    listed: list[tuple[str, type[DOMNode]]] = [
        (N_("Browser"), BrowserScreen), (N_("Sidebar (outline)"), Outline),
        (N_("Text (detail pane)"), Detail), (N_("Matrix"), MatrixTable),
        (N_("Matrix screen"), MatrixScreen), (N_("Agency picker"), AgencyPicker),
        (N_("Search bar"), SearchScreen), (N_("Bookmarks list"), BookmarksScreen),
        (N_("A bookmarked node (b)"), BookmarkChoice), (N_("Help"), HelpScreen)]
    return [(_(title), owner) for title, owner in listed]
