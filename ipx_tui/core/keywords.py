"""Keywords and related nodes of each section and item, computed at build time.

jieba.analyse TF-IDF on the simplified text, made by tools/search_build.py into
content/derived/keywords.json; read on first use, without the search index.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ipx_tui.core import content
from ipx_tui.core.script import Script

KINDS = ("section", "item")
"""Nodes that get keywords and related nodes (with the preamble)."""


@cache
def _keyword_table() -> dict[str, Any]:
    # its own small file, so the detail pane can show keywords without the search index
    return content.read_nodes(content.KEYWORDS)


def keywords(node_id: str, script: Script = "traditional") -> list[str]:
    """The keywords of a section or item (and of the preamble), most characteristic first.

    jieba.analyse TF-IDF on the simplified text, computed at build time; empty for parts and
    front matter. Reads content/derived/keywords.json on first use (under 1 ms); builds no index.
    """
    entry = _keyword_table().get(node_id)
    rows = entry.get("keywords", []) if isinstance(entry, dict) else []
    column = 0 if script == "traditional" else 1
    return [str(row[column]) for row in rows if isinstance(row, list) and len(row) == 2]


def related(node_id: str) -> list[str]:
    """The ids of the nodes sharing the most keywords with this one, most related first."""
    entry = _keyword_table().get(node_id)
    ids = entry.get("related", []) if isinstance(entry, dict) else []
    return [str(i) for i in ids]
