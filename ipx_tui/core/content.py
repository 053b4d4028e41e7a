"""The shipped content: where it lives and the name of every file in it.

Hand-written facts sit in content/; files made from them by ``python -m tools.regen`` sit in
content/derived/ (a test fails when one is stale). Each file is parsed, once per process, by
the module that owns it: the document by :mod:`~ipx_tui.core.parse`, the registry by
:mod:`~ipx_tui.core.agencies`, the script table by :mod:`~ipx_tui.core.script`, the search
index by :mod:`~ipx_tui.core.search`, the keywords by :mod:`~ipx_tui.core.keywords`, the
dictionary by :mod:`~ipx_tui.core.segment`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

DOCUMENT = "document.txt"
"""The document's text (the Wikisource copy, official punctuation restored)."""
AGENCIES = "agencies.toml"
"""The registry of every body the document names."""
KEYWORD_WORDS = "keyword_words.txt"
"""Terms jieba's default dictionary lacks, added when cutting the text for keywords."""
KEYWORD_STOPLIST = "keyword_stoplist.txt"
"""Words never shown as keywords."""

SIMPLIFIED = "derived/simplified.json"
"""The simplified form of every shipped string (made with OpenCC t2s)."""
JIEBA_DICT = "derived/jieba_dict.txt"
"""The words of jieba's default dictionary that occur in the document."""
SEARCH_INDEX = "derived/search_index.json"
"""The document segmented by jieba, for ranking."""
KEYWORDS = "derived/keywords.json"
"""Each section's and item's keywords and related nodes."""

DERIVED = (SIMPLIFIED, JIEBA_DICT, SEARCH_INDEX, KEYWORDS)
"""Every generated file, in the order tools/regen.py writes them."""

INDEX_VERSION = 1
"""The format version of the JSON files in derived/ (a newer one is refused, never misread)."""


@cache
def content_dir() -> Path:
    """The content/ folder: inside the installed package, or at the top of a checkout."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "content"  # put there by the wheel build (pyproject force-include)
    if installed.is_dir():
        return installed
    return here.parent / "content"


def path(name: str) -> Path:
    """A shipped file by its name above (read only: nothing writes into the package)."""
    return content_dir() / name


def read_text(name: str) -> str:
    """A shipped text file."""
    return path(name).read_text(encoding="utf-8")


def read_lines(name: str) -> list[str]:
    """A shipped list: its lines without comments (``#``) and blank lines, stripped."""
    lines = (line.split("#", 1)[0].strip() for line in read_text(name).splitlines())
    return [line for line in lines if line]


def read_nodes(name: str, version: int = INDEX_VERSION) -> dict[str, Any]:
    """A derived JSON table's "nodes"; empty if missing, unreadable or of another version.

    Tolerant: what reads it still works without it (search by substring alone, no keywords).
    """
    try:
        data = json.loads(read_text(name))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != version:
        return {}
    nodes = data.get("nodes")
    return nodes if isinstance(nodes, dict) else {}
