"""繁/简: the simplified form of shipped text, and the normal form search compares in.

The simplified form of every string the document and the registry hold is made once,
by ``python -m tools.regen``, into content/derived/simplified.json; OpenCC is
imported only for text that is not in that table (a query, a label made at run time).
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from typing import TYPE_CHECKING, Literal

from ipx_tui.core import content

if TYPE_CHECKING:
    from opencc import OpenCC

Script = Literal["traditional", "simplified"]
"""Which script text is shown in: the source's (traditional) or simplified."""


@cache
def _converter() -> OpenCC:
    # deferred: OpenCC reads its dictionaries on first use (about 15 ms)
    from opencc import OpenCC

    return OpenCC("t2s")


@cache
def _table() -> dict[str, str]:
    try:
        data = json.loads(content.read_text(content.SIMPLIFIED))
    except (OSError, ValueError):
        return {}  # still correct, only slower: every string goes through OpenCC
    table = data.get("strings", {}) if isinstance(data, dict) else {}
    return table if isinstance(table, dict) else {}


QUOTES = str.maketrans("「」『』", "\u201c\u201d\u2018\u2019")
"""Corner brackets → the quotation marks simplified text uses: 「」 → “”, 『』 → ‘’.

OpenCC's t2s leaves punctuation alone, but the mainland's standard (GB/T 15834) and the
State Council's own simplified text write “互联网+”; the traditional view keeps 「」.
"""


def t2s(text: str) -> str:
    """Convert traditional to simplified with OpenCC's t2s and simplified quotation marks,
    without the shipped table."""
    return str(_converter().convert(text)).translate(QUOTES)


def to_simplified(text: str) -> str:
    """The simplified form of text: from the shipped table, or converted with OpenCC."""
    found = _table().get(text)
    return found if found is not None else t2s(text)


def render(text: str, script: Script) -> str:
    """Text in the chosen script."""
    return text if script == "traditional" else to_simplified(text)


def normalize(text: str) -> str:
    """The form search compares in: NFKC width folding, then t2s, then casefold.

    Never s2t: it picks forms the source does not use (平台 → 平臺).
    """
    folded = unicodedata.normalize("NFKC", text)
    return to_simplified(folded).casefold()
