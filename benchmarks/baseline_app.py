"""The startup benchmark's baseline: a bare Textual app with the widgets of ipx-tui's first
screen (an Input, a Tree of the 89 numbered nodes and a Static), and nothing else.

It imports only Textual and json: the benchmark writes the outline to a JSON file first, so
the baseline pays nothing for ipx-tui's own code. Usage: python baseline_app.py OUTLINE.json
"""

from __future__ import annotations

import json
import sys
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Static, Tree


class Baseline(App[None]):
    """Input on top; the tree and a text pane side by side; q quits."""

    CSS = """
    Tree { width: 40%; }
    Static { width: 1fr; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "quit", "Quit")]

    def __init__(self, outline: dict[str, object]) -> None:
        super().__init__()
        self.outline = outline

    def compose(self) -> ComposeResult:
        yield Input(placeholder="/")
        with Horizontal():
            yield Tree(str(self.outline["title"]))
            yield Static(str(self.outline["text"]))

    def on_mount(self) -> None:
        tree: Tree[str] = self.query_one(Tree)
        tree.root.expand()
        nodes = {None: tree.root}
        for node in self.outline["nodes"]:  # type: ignore[attr-defined]
            parent = nodes[node["parent"]]
            nodes[node["id"]] = parent.add(node["label"], data=node["id"], expand=True,
                                           allow_expand=node["children"])
        tree.focus()  # as ipx-tui starts with the sidebar focused: no blinking cursor


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        Baseline(json.load(handle)).run()
