"""The detail pane: a page of text wrapped for Chinese, with links to agencies and nodes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from ipx_tui.core.i18n import N_
from ipx_tui.tui.cursor import point_at
from ipx_tui.tui.pages import Block, Page, Target
from ipx_tui.tui.texts import find_terms
from ipx_tui.tui.wrap import break_offsets

LAYOUTS_KEPT = 64
"""Layouts of the page shown kept at once (width, link, focus, match): a reader moving through
links and matches reuses them; a terminal resized to every width cannot grow them."""
TAGS = ("crumb", "heading", "label", "dim", "text", "lead", "participant", "count")
"""The run tags of :mod:`ipx_tui.tui.pages`, each styled by ``prose--<tag>`` in app.tcss."""


def breaks(block: Block, width: int) -> tuple[list[int], int, int]:
    """Where a block's lines break at a width, and the indent of its first and later lines."""
    indent, hang = block.indent, block.hang
    if width - indent - hang < 8:  # too narrow to indent: use every cell
        indent = hang = 0
    offsets = break_offsets(block.plain, max(width - indent - hang, 1), max(width - indent, 1),
                            block.whole)
    return offsets, indent, indent + hang


def plain_lines(page: Page, width: int) -> list[str]:
    """The page laid out at a width as plain text, one string a line (what the pane draws,
    without styles)."""
    out: list[str] = []
    for block in page.blocks:
        if block.gap and out:
            out.append("")
        offsets, first, later = breaks(block, width)
        text = block.plain
        for n, (a, b) in enumerate(pairwise([0, *offsets, len(text)])):
            out.append(" " * (first if n == 0 else later) + text[a:b].rstrip())
    return out


@dataclass(frozen=True, slots=True)
class Layout:
    """A page laid out at one width."""

    lines: list[Content]
    link_lines: list[int]
    """The line each link starts on, in link order."""
    match_lines: list[int]
    """The line each highlighted match starts on, in reading order (what n and N step through)."""


class Detail(ScrollView, can_focus=True):
    """The detail pane: a page wrapped to the pane's width, scrolled, with selectable links.

    It draws its own lines (Textual's line API), so showing another page repaints the pane
    without laying out the screen again: a key in the sidebar costs one repaint.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "scroll_up", N_("Scroll up"), show=False, id="detail.up"),
        Binding("down,j", "scroll_down", N_("Scroll down"), show=False, id="detail.down"),
        Binding("pagedown,space", "page_down", N_("Page down"), show=False, id="detail.page-down"),
        Binding("pageup", "page_up", N_("Page up"), show=False, id="detail.page-up"),
        Binding("g,home", "scroll_home", N_("Top"), show=False, id="detail.top"),
        Binding("G,end", "scroll_end", N_("Bottom"), show=False, id="detail.bottom"),
        Binding("right,l", "next_link", N_("Link"), key_display="←→", tooltip=N_("Next link"),
                id="detail.next-link"),
        Binding("left,h", "previous_link", N_("Previous link (at the first: sidebar)"), show=False,
                id="detail.previous-link"),
        Binding("enter", "open_link", N_("Open"), tooltip=N_("Open the selected link"),
                id="detail.open-link"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"prose--{tag}" for tag in TAGS),
        "prose--link", "prose--link-selected", "prose--filter", "prose--highlight",
        "prose--highlight-current",
    }

    class LinkChosen(Message):
        """The reader opened a link."""

        def __init__(self, target: Target) -> None:
            super().__init__()
            self.target = target

    class LeftEdge(Message):
        """The reader went left from the first link: back to the sidebar."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.page = Page((), "")
        """The page shown."""
        self.highlight: tuple[str, ...] = ()
        """The terms highlighted in the page's text."""
        self.selected = -1
        """The selected link, or -1."""
        self.current_match = -1
        """The highlighted match n and N are at (an index into the page's matches), or -1."""
        self._layouts: dict[tuple[int, int, bool, int], Layout] = {}

    @property
    def prose(self) -> Detail:
        """The pane itself (it was once a widget inside the pane; kept for older callers)."""
        return self

    @property
    def selected_link(self) -> Target | None:
        """Where the selected link leads, if one is selected."""
        links = self.page.links
        return links[self.selected] if 0 <= self.selected < len(links) else None

    @property
    def text_width(self) -> int:
        """The cells a line of text has."""
        return self.scrollable_content_region.width

    def show(self, page: Page, highlight: Sequence[str] = (), *, keep_scroll: bool = False) -> None:
        """Show a page from its top (or where it was, when only its looks changed)."""
        keep = keep_scroll and 0 <= self.selected < len(page.links)
        self.page = page
        self.highlight = tuple(t for t in highlight if t)
        self.selected = self.selected if keep else -1
        self.current_match = -1
        self._changed()
        if not keep_scroll:
            self.scroll_to(0, 0, animate=False, immediate=True)

    def first_highlight_line(self) -> int | None:
        """The first line with a highlighted term, if any."""
        style = self._style("prose--highlight")
        for number, line in enumerate(self.layout_at(self.text_width).lines):
            if any(span.style == style for span in line.spans):
                return number
        return None

    def scroll_to_first_highlight(self, above: int = 2) -> None:
        """Scroll so the first highlighted line is near the top (``above`` lines under it)."""
        number = self.first_highlight_line()
        if number is not None:
            self.scroll_to(0, max(0, number - above), animate=False, immediate=True)

    def match_count(self) -> int:
        """How many highlighted matches the page shows."""
        return len(self.layout_at(self.text_width).match_lines)

    def scroll_to_match(self, index: int, above: int = 2) -> None:
        """Mark the index-th highlighted match as the current one and scroll it near the top
        (``above`` lines over it)."""
        lines = self.layout_at(self.text_width).match_lines
        if self.current_match != index:
            self.current_match = index
            self.refresh()
        if 0 <= index < len(lines):
            self.scroll_to(0, max(0, lines[index] - above), animate=False, immediate=True)
            point_at(self, lines[index])  # where a screen reader starts reading

    def _changed(self) -> None:
        self._layouts.clear()
        self._update_virtual_size()
        self.refresh()

    def _update_virtual_size(self) -> None:
        width = self.text_width
        if width <= 0:
            return
        size = Size(width, len(self.layout_at(width).lines))
        if size != self.virtual_size:
            # Only the scrollable height changed. With the scrollbar always there (app.tcss:
            # overflow-y: scroll) that needs new scrollbar figures, not a layout of the whole
            # screen; this is Textual's own path for a size change without layout.
            self.set_reactive(Detail.virtual_size, size)
            self._scroll_update(size)

    def on_resize(self) -> None:
        self._update_virtual_size()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.text_width
        style = self.rich_style
        lines = self.layout_at(width).lines
        if scroll_y + y >= len(lines):
            return Strip.blank(width, style)
        segments = lines[scroll_y + y].render_segments(self.visual_style)
        return Strip(segments).crop_extend(scroll_x, scroll_x + width, style)

    # --- laying out -------------------------------------------------------------------

    def layout_at(self, width: int) -> Layout:
        """The page broken into lines for a width (cached)."""
        key = (width, self.selected, self.has_focus, self.current_match)
        found = self._layouts.get(key)
        if found is None:
            if len(self._layouts) >= LAYOUTS_KEPT:  # a terminal resized to every width
                self._layouts.clear()
            found = self._layouts[key] = self._lay_out(width)
        return found

    def _lay_out(self, width: int) -> Layout:
        lines: list[Content] = []
        link_lines: list[int] = []
        match_lines: list[int] = []
        link_index = 0
        for block in self.page.blocks:
            if block.gap and lines:
                lines.append(Content(""))
            content, starts, matches = self._styled(block, link_index, len(match_lines))
            link_index += len(starts)
            offsets, first, later = breaks(block, width)
            first_line = len(lines)
            for n, piece in enumerate(content.divide(offsets) if offsets else [content]):
                pad = first if n == 0 else later
                lines.append(piece.rstrip().pad_left(pad) if pad else piece.rstrip())
            for start in starts:
                link_lines.append(first_line + sum(1 for bound in offsets if start >= bound))
            for start in matches:
                match_lines.append(first_line + sum(1 for bound in offsets if start >= bound))
        return Layout(lines, link_lines, match_lines)

    def _styled(self, block: Block, first_link: int, first_match: int = 0
                ) -> tuple[Content, list[int], list[int]]:
        """The block as styled content, where each of its links starts, and where each
        highlighted match does (``first_match``: how many the blocks above hold)."""
        pieces: list[Content] = []
        starts: list[int] = []
        at = 0
        link = first_link
        for run in block.runs:
            piece = Content(run.text)
            if run.tag:
                piece = piece.stylize(self._style(f"prose--{run.tag}"))
            if run.link is not None:
                starts.append(at)
                if run.tag != "crumb":  # the place line stays quiet; its parts still select
                    piece = piece.stylize(self._style("prose--link"))
                if run.filtered:
                    piece = piece.stylize(self._style("prose--filter"))
                if link == self.selected and self.has_focus:
                    piece = piece.stylize(self._style("prose--link-selected"))
                link += 1
            pieces.append(piece)
            at += len(run.text)
        content = Content("").join(pieces)
        matches: list[int] = []
        if self.highlight:
            for start, end in find_terms(content.plain, self.highlight):
                content = content.stylize(self._style("prose--highlight"), start, end)
                if first_match + len(matches) == self.current_match:
                    content = content.stylize(self._style("prose--highlight-current"), start,
                                              end)
                matches.append(start)
        return content, starts, matches

    def _style(self, component: str) -> Style:
        style = self.get_visual_style(component, partial=True)
        # Textual's visual style keeps bold, dim, italic, underline and strike but drops
        # reverse, which the selected link and (under NO_COLOR) the search hits are drawn in
        if self.get_component_styles(component).text_style.reverse:
            style += Style(reverse=True)
        return style

    # --- links ------------------------------------------------------------------------

    def on_focus(self) -> None:
        self.refresh()  # the selected link is drawn only while the pane has focus
        layout = self.layout_at(self.text_width)
        if 0 <= self.selected < len(layout.link_lines):
            point_at(self, layout.link_lines[self.selected])
        else:
            point_at(self, int(self.scroll_offset.y))  # the first line in view

    def on_blur(self) -> None:
        self.refresh()

    def _select(self, index: int) -> None:
        self.selected = index
        self.refresh()
        layout = self.layout_at(self.text_width)
        if 0 <= index < len(layout.link_lines):
            self.scroll_to_region(Region(0, layout.link_lines[index], 1, 1), animate=False,
                                  immediate=True)
            point_at(self, layout.link_lines[index])

    def action_next_link(self) -> None:
        """Select the next link."""
        count = len(self.page.links)
        if count:
            self._select(min(self.selected + 1, count - 1))

    def action_previous_link(self) -> None:
        """Select the previous link; from the first (or with none), go back to the sidebar."""
        if self.selected <= 0:
            self._select(-1)
            self.post_message(self.LeftEdge())
            return
        self._select(self.selected - 1)

    def action_open_link(self) -> None:
        """Open the selected link."""
        target = self.selected_link
        if target is not None:
            self.post_message(self.LinkChosen(target))
