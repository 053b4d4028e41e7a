"""The detail pane: a page of text wrapped for Chinese, with links to agencies and nodes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widget import Widget

from ipx_tui.tui.pages import Block, Page, Target
from ipx_tui.tui.texts import find_terms
from ipx_tui.tui.wrap import break_offsets

TAGS = ("crumb", "heading", "label", "dim", "text", "lead", "participant", "count")


@dataclass(frozen=True, slots=True)
class Layout:
    """A page laid out at one width."""

    lines: list[Content]
    link_lines: list[int]
    """The line each link starts on, in link order."""


class ProseVisual(Visual):
    """Lines already broken by :func:`ipx_tui.tui.wrap.break_offsets`, drawn as they are."""

    def __init__(self, layout: Callable[[int], Layout]) -> None:
        self._layout = layout

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        lines = self._layout(width).lines
        if height is not None:
            lines = lines[:height]
        return Content("\n").join(lines).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self._layout(width).lines)


class Prose(Widget):
    """A page: blocks of tagged runs, wrapped to the widget's width."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"prose--{tag}" for tag in TAGS),
        "prose--link", "prose--link-selected", "prose--filter", "prose--highlight",
    }

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.page = Page((), "")
        self.highlight: tuple[str, ...] = ()
        self.selected = -1
        """The selected link, or -1."""
        self.show_selection = False
        self._layouts: dict[tuple[int, int, bool], Layout] = {}

    def set_page(self, page: Page, highlight: Sequence[str] = ()) -> None:
        """Show a page, with these terms highlighted in its text."""
        self.page = page
        self.highlight = tuple(t for t in highlight if t)
        self.selected = -1
        self._changed()

    def select(self, index: int) -> None:
        """Select a link by its index (-1 for none)."""
        self.selected = index
        self._changed()

    def set_show_selection(self, show: bool) -> None:
        """Draw the selected link as selected (only while the pane has focus)."""
        if show != self.show_selection:
            self.show_selection = show
            self._changed()

    def _changed(self) -> None:
        self._layouts.clear()
        self.refresh(layout=True)

    def render(self) -> Visual:
        return ProseVisual(self.layout_at)

    def layout_at(self, width: int) -> Layout:
        """The page broken into lines for a width (cached)."""
        key = (width, self.selected, self.show_selection)
        found = self._layouts.get(key)
        if found is None:
            found = self._layouts[key] = self._lay_out(width)
        return found

    def _lay_out(self, width: int) -> Layout:
        lines: list[Content] = []
        link_lines: list[int] = []
        link_index = 0
        for block in self.page.blocks:
            if block.gap and lines:
                lines.append(Content(""))
            content, starts = self._styled(block, link_index)
            link_index += len(starts)
            indent, hang = block.indent, block.hang
            if width - indent - hang < 8:  # too narrow to indent: use every cell
                indent = hang = 0
            offsets = break_offsets(content.plain, max(width - indent - hang, 1),
                                    max(width - indent, 1))
            first_line = len(lines)
            bounds = [0, *offsets]
            for n, piece in enumerate(content.divide(offsets) if offsets else [content]):
                pad = indent if n == 0 else indent + hang
                lines.append(piece.rstrip().pad_left(pad) if pad else piece.rstrip())
            for start in starts:
                line = first_line
                for n, bound in enumerate(bounds):
                    if start >= bound:
                        line = first_line + n
                link_lines.append(line)
        return Layout(lines, link_lines)

    def _styled(self, block: Block, first_link: int) -> tuple[Content, list[int]]:
        """The block as styled content, and where each of its links starts."""
        content = Content("")
        starts: list[int] = []
        link = first_link
        for run in block.runs:
            piece = Content(run.text)
            if run.tag:
                piece = piece.stylize(self._style(f"prose--{run.tag}"))
            if run.link is not None:
                starts.append(len(content.plain))
                if run.tag != "crumb":  # the place line stays quiet; its parts still select
                    piece = piece.stylize(self._style("prose--link"))
                if run.filtered:
                    piece = piece.stylize(self._style("prose--filter"))
                if link == self.selected and self.show_selection:
                    piece = piece.stylize(self._style("prose--link-selected"))
                link += 1
            content = content + piece
        if self.highlight:
            for start, end in find_terms(content.plain, self.highlight):
                content = content.stylize(self._style("prose--highlight"), start, end)
        return content, starts

    def _style(self, component: str) -> Style:
        return self.get_visual_style(component, partial=True)


class Detail(VerticalScroll, can_focus=True):
    """The scrolling pane around a :class:`Prose` page; moves between links and opens them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "scroll_up", "Scroll up", show=False, id="detail.up"),
        Binding("down,j", "scroll_down", "Scroll down", show=False, id="detail.down"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="detail.page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="detail.page-up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="detail.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="detail.bottom"),
        Binding("right,l", "next_link", "Link", key_display="←→", tooltip="Next link",
                id="detail.next-link"),
        Binding("left,h", "previous_link", "Previous link (at the first: sidebar)", show=False,
                id="detail.previous-link"),
        Binding("enter", "open_link", "Open", tooltip="Open the selected link",
                id="detail.open-link"),
    ]

    class LinkChosen(Message):
        """The reader opened a link."""

        def __init__(self, target: Target) -> None:
            super().__init__()
            self.target = target

    class LeftEdge(Message):
        """The reader went left from the first link: back to the sidebar."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.prose = Prose(id="prose")

    def compose(self):  # type: ignore[no-untyped-def]
        yield self.prose

    @property
    def page(self) -> Page:
        """The page shown."""
        return self.prose.page

    @property
    def selected_link(self) -> Target | None:
        """Where the selected link leads, if one is selected."""
        links = self.prose.page.links
        index = self.prose.selected
        return links[index] if 0 <= index < len(links) else None

    def show(self, page: Page, highlight: Sequence[str] = (), *, keep_scroll: bool = False) -> None:
        """Show a page from its top (or where it was, when only its looks changed)."""
        selected = self.prose.selected
        self.prose.set_page(page, highlight)
        if keep_scroll:
            if 0 <= selected < len(page.links):
                self.prose.select(selected)
        else:
            self.scroll_home(animate=False, immediate=True)

    def on_focus(self) -> None:
        self.prose.set_show_selection(True)

    def on_blur(self) -> None:
        self.prose.set_show_selection(False)

    def _select(self, index: int) -> None:
        self.prose.select(index)
        layout = self.prose.layout_at(self.prose.size.width or self.size.width)
        if 0 <= index < len(layout.link_lines):
            line = layout.link_lines[index]
            top = self.prose.virtual_region.y
            self.scroll_to_region(Region(0, top + line, 1, 1), animate=False, immediate=True,
                                  spacing=None)

    def action_next_link(self) -> None:
        """Select the next link."""
        count = len(self.prose.page.links)
        if count:
            self._select(min(self.prose.selected + 1, count - 1))

    def action_previous_link(self) -> None:
        """Select the previous link; from the first (or with none), go back to the sidebar."""
        if self.prose.selected <= 0:
            self.prose.select(-1)
            self.post_message(self.LeftEdge())
            return
        self._select(self.prose.selected - 1)

    def action_open_link(self) -> None:
        """Open the selected link."""
        target = self.selected_link
        if target is not None:
            self.post_message(self.LinkChosen(target))
