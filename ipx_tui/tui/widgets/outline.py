"""The sidebar: the document's outline as a tree, whole or narrowed to one agency's tasks."""

from __future__ import annotations

from contextlib import nullcontext
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets._tree import TOGGLE_STYLE
from textual.widgets.tree import TreeNode

from ipx_tui.core.agencies import Involvement
from ipx_tui.core.document import Document, Node
from ipx_tui.core.i18n import N_
from ipx_tui.core.script import Script
from ipx_tui.tui.cursor import point_at
from ipx_tui.tui.pages import heading_of
from ipx_tui.tui.texts import ROLE_MARK, common_prefix, fit, tr

BOOKMARK_MARK = "⚑"
"""The mark before a bookmarked node (a narrow character in every locale)."""


def shared_prefix(document: Document, node: Node) -> str:
    """The quoted term that opens the titles of the node and all its siblings, if any: the
    eleven sections of 二 all begin 「互聯網+」, which tells them apart from nothing."""
    parent = document.ancestors(node.id)[-1].id if document.ancestors(node.id) else None
    siblings = document.children(parent) if parent is not None else document.roots
    titles = [s.title for s in siblings]
    if len(titles) < 2:
        return ""
    common = common_prefix(titles)
    close = max(common.rfind("」"), common.rfind("』"))
    return common[: close + 1] if common.startswith(("「", "『")) and close > 0 else ""


class Outline(Tree[str]):
    """The outline; each tree node's data is a document node id."""

    # ▶ ▼ are East Asian "ambiguous" width: two cells in many CJK terminals. ▸ ▾ are not.
    ICON_NODE = "▸ "
    ICON_NODE_EXPANDED = "▾ "

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", N_("Up"), show=False, id="outline.up"),
        Binding("down,j", "cursor_down", N_("Down"), show=False, id="outline.down"),
        Binding("right,l,enter", "open", N_("Open or expand"), show=False, id="outline.open"),
        Binding("left,h", "close", N_("Collapse or go to parent"), show=False, id="outline.close"),
        Binding("g,home", "first", N_("First node"), show=False, id="outline.first"),
        Binding("G,end", "last", N_("Last node"), show=False, id="outline.last"),
        Binding("pagedown,space", "screen.scroll_text_down", N_("Scroll text down"), show=False,
                id="outline.page-down"),
        Binding("pageup", "screen.scroll_text_up", N_("Scroll text up"), show=False,
                id="outline.page-up"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "outline--lead", "outline--participant", "outline--bookmark", "outline--context",
    }

    class OpenLeaf(Message):
        """Open was pressed on a node with no children: the reader wants its text."""

        def __init__(self, node_id: str) -> None:
            super().__init__()
            self.node_id = node_id

    def __init__(self, document: Document, *, id: str | None = None) -> None:  # noqa: A002
        self._short: dict[str, Text] = {}
        """Labels without their siblings' shared prefix, for a narrow sidebar (set first: the
        tree measures its root's label as it is made)."""
        self._fitted: dict[tuple[int, int, int], Text] = {}
        """Fitted labels by (tree node, its label's version, pane width)."""
        super().__init__("", id=id)
        self.show_root = False
        self.guide_depth = 2
        self.document = document
        self.script: Script = "traditional"
        self.agency_filter: str | None = None
        self.involvement: Involvement | None = None
        """The filtered agency's tasks (None when the outline is whole)."""
        self.bookmarked: set[str] = set()
        self._by_id: dict[str, TreeNode[str]] = {}

    # --- building ---------------------------------------------------------------------

    def build(self, script: Script, involvement: Involvement | None = None,
              expanded: set[str] | None = None) -> None:
        """Fill the tree: the whole outline, or only one agency's tasks with their context.

        Args:
            script: the script to show the labels in.
            involvement: the agency's tasks, or None for the whole outline.
            expanded: node ids to expand; by default the parts, or everything when filtered.
        """
        self.script = script
        self.involvement = involvement
        refiltered = self.agency_filter != (involvement.agency.name if involvement else None)
        self.agency_filter = involvement.agency.name if involvement else None
        wanted: set[str] | None = None
        if involvement is not None:
            wanted = set()
            for task_id in (*involvement.lead, *involvement.participant):
                wanted.add(task_id)
                wanted.update(a.id for a in self.document.ancestors(task_id))
        with self.prevent(Tree.NodeHighlighted):
            self.clear()
            self._by_id = {}
            self._short = {}
            self._fitted = {}  # clear() numbers the new tree nodes from 0 again
            for node in self.document.roots:
                self._add(self.root, node, wanted, expanded)
            # Tree numbers its lines lazily and then re-places the cursor, posting
            # NodeHighlighted for whatever node is now on the old line; read them here so that
            # stale highlight stays quiet instead of opening, say, the filter's last task over
            # the agency page just shown.
            self._tree_lines  # noqa: B018
            if refiltered:
                self.cursor_line = self._first_task_line()  # a new set of lines: its top
        if refiltered:
            # from its top, so the first part and section headings show above the cursor
            # (the old scroll offset would hide them, and the cursor with them)
            self.scroll_to(0, 0, animate=False, immediate=True)

    def _first_task_line(self) -> int:
        """The line of the filter's first task (0 for the whole outline)."""
        if self.involvement is None:
            return 0
        tasks = (*self.involvement.lead, *self.involvement.participant)
        order = {node_id: i for i, node_id in enumerate(self._by_id)}
        first = min(tasks, key=lambda t: order.get(t, len(order)), default=None)
        node = self._by_id.get(first) if first is not None else None
        return max(0, node.line) if node is not None else 0

    def _add(self, parent: TreeNode[str], node: Node, wanted: set[str] | None,
             expanded: set[str] | None) -> None:
        if wanted is not None and node.id not in wanted:
            return
        label = self._label(node)
        if not node.children:
            self._by_id[node.id] = parent.add_leaf(label, data=node.id)
            return
        if expanded is not None:
            expand = node.id in expanded
        else:
            expand = wanted is not None or node.kind == "part"
        branch = parent.add(label, data=node.id, expand=expand)
        self._by_id[node.id] = branch
        for child in self.document.children(node.id):
            self._add(branch, child, wanted, expanded)

    def _label(self, node: Node) -> Text:
        full = self._marked(node, heading_of(node, self.document, self.script))
        shared = shared_prefix(self.document, node)
        if shared:
            # sliced, not converted: t2s keeps the length, and only whole shipped strings
            # are looked up (texts.tr)
            short = tr(node.label, self.script) + tr(node.title, self.script)[len(shared):]
            self._short[node.id] = self._marked(node, short)
        return full

    def _marked(self, node: Node, heading: str) -> Text:
        text = Text()
        if node.id in self.bookmarked:
            text.append(BOOKMARK_MARK + " ", self._style("outline--bookmark"))
        if self.involvement is not None and node.kind == "item":
            role = self.involvement.role_in(node.id)
            if role is not None:
                text.append(ROLE_MARK[role] + " ", self._style(f"outline--{role}"))
        if self.involvement is not None and node.kind != "item":
            text.append(heading, self._style("outline--context"))
        else:
            text.append(heading)
        return text

    def _style(self, component: str) -> Style:
        return self.get_component_rich_style(component, partial=True, default=Style())

    def watch_cursor_line(self, previous_line: int, line: int) -> None:
        super().watch_cursor_line(previous_line, line)
        self.call_after_refresh(self.point_cursor)  # once the line is scrolled into view

    def on_focus(self) -> None:
        self.point_cursor()

    def point_cursor(self) -> None:
        """The terminal's cursor on the cursor's row, for screen readers (tui/cursor.py)."""
        if self.has_focus and self.cursor_line >= 0:
            point_at(self, self.cursor_line)

    def render_label(self, node: TreeNode[str], base_style: Style, style: Style) -> Text:
        """The label fitted to its room: without the prefix its siblings share (「互聯網+」)
        when too long, and cut with the mark when even that does not fit."""
        width = self.scrollable_content_region.width
        # Tree asks twice a line (to measure, then to draw): fit each label once a width
        key = (node._id, node._updates, width)
        label = self._fitted.get(key)
        if label is None:
            if len(self._fitted) > 4096:
                self._fitted.clear()
            room = self._label_room(node, width)
            label = node._label
            if node.data in self._short and self._crowded(node, room):
                label = self._short[node.data]  # as all its siblings, so they still align
            label = self._fitted[key] = fit(label, room)
        shown = label.copy()
        shown.stylize(style)
        if node._allow_expand:
            icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
            return Text.assemble((icon, base_style + TOGGLE_STYLE), shown)
        return shown

    def _crowded(self, node: TreeNode[str], room: int) -> bool:
        """Whether a label among the node and its siblings is longer than its room."""
        siblings = node.parent.children if node.parent is not None else [node]
        return any(s._label.cell_len > room for s in siblings)

    def _label_room(self, node: TreeNode[str], width: int | None = None) -> int:
        """The cells a node's label has: the pane (``width``) less the guides and the icon."""
        if width is None:
            width = self.scrollable_content_region.width
        depth = 0
        parent = node.parent
        while parent is not None and parent is not self.root:
            depth += 1
            parent = parent.parent
        icon = cell_len(self.ICON_NODE) if node._allow_expand else 0
        return max(1, width - self.guide_depth * depth - icon)

    def relabel(self, script: Script | None = None) -> None:
        """Show every label again (after the script or the bookmarks change)."""
        if script is not None:
            self.script = script
        for node_id, tree_node in self._by_id.items():
            tree_node.set_label(self._label(self.document.node(node_id)))

    def mark_bookmarked(self, ids: set[str]) -> None:
        """Mark these node ids as bookmarked (and no others); for the bookmarks feature."""
        self.bookmarked = set(ids)
        self.relabel()

    # --- where the cursor is ----------------------------------------------------------

    @property
    def node_ids(self) -> tuple[str, ...]:
        """The ids in the tree now, in document order."""
        return tuple(self._by_id)

    def label_of(self, node_id: str) -> str:
        """The text of a node's line in the tree (KeyError if the tree lacks it)."""
        return str(self._by_id[node_id].label)

    @property
    def expanded_ids(self) -> set[str]:
        """The ids of the expanded branches."""
        return {i for i, n in self._by_id.items() if n.is_expanded}

    @property
    def current_id(self) -> str | None:
        """The id under the cursor."""
        node = self.cursor_node
        return node.data if node is not None else None

    def visible_ids(self) -> list[str]:
        """The ids of the lines the tree shows now (expanded branches only), top to bottom."""
        out: list[str] = []

        def walk(node: TreeNode[str]) -> None:
            for child in node.children:
                if child.data is not None:
                    out.append(child.data)
                if child.is_expanded:
                    walk(child)

        walk(self.root)
        return out

    def select_id(self, node_id: str, *, quiet: bool = True) -> bool:
        """Put the cursor on a node, expanding its ancestors; False if the tree lacks it.

        Args:
            node_id: the document node id.
            quiet: True to post no NodeHighlighted (the app moved the cursor, not the reader).
        """
        target = self._by_id.get(node_id)
        if target is None:
            return False
        parent = target.parent
        while parent is not None and parent is not self.root:
            parent.expand()
            parent = parent.parent
        # Tree numbers its lines lazily; read the lines so the node's line is current.
        # Reading them re-places the cursor on its old node and posts NodeHighlighted for
        # it, which would pull the app back there: that must be quiet too.
        with self.prevent(Tree.NodeHighlighted) if quiet else nullcontext():
            self._tree_lines  # noqa: B018
            self.move_cursor(target)
        # A jump (not a step) shows the node mid-pane, with its context above it; after the
        # next refresh, when the tree knows its height (at start it does not yet).
        self.call_after_refresh(self.center_cursor)
        return True

    def center_cursor(self) -> None:
        """Scroll so the cursor's line is in the middle of the pane (if the tree is taller)."""
        if self.cursor_line >= 0 and self.size.height:
            self.scroll_to(y=max(0, self.cursor_line - self.size.height // 2), animate=False)

    # --- actions ----------------------------------------------------------------------

    def action_open(self) -> None:
        """Expand a closed branch, step into an open one, or read a leaf."""
        node = self.cursor_node
        if node is None or node.data is None:
            return
        if node.children:
            if node.is_collapsed:
                node.expand()
            else:
                self._tree_lines  # noqa: B018
                self.move_cursor(node.children[0])
        else:
            self.post_message(self.OpenLeaf(node.data))

    def action_close(self) -> None:
        """Collapse an open branch, or go to the parent."""
        node = self.cursor_node
        if node is None:
            return
        if node.children and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_first(self) -> None:
        """Go to the first line."""
        if self.last_line >= 0:
            self.move_cursor_to_line(0)

    def action_last(self) -> None:
        """Go to the last line."""
        if self.last_line >= 0:
            self.move_cursor_to_line(self.last_line)
