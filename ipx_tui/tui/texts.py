"""Text on screen in the reader's script, without ever sending shipped text through OpenCC."""

from __future__ import annotations

import re
from itertools import takewhile
from typing import overload

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from ipx_tui.core.script import Script, normalize, to_simplified

_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

MORE = "⋯"
"""Marks cut text, everywhere in the browser (through :func:`fit`).

Not "…" (U+2026): Unicode gives it East Asian Width "Ambiguous", so a CJK terminal (or one
set to draw ambiguous characters wide, as many Chinese readers' are) draws it two cells
wide, while Rich and Textual count it as one (``rich.cells.cell_len("…") == 1``): the line
runs a cell long and pushes the border or scrollbar after it. ⋯ (U+22EF, MIDLINE
HORIZONTAL ELLIPSIS) has width "Neutral", one cell in every terminal (``cell_len`` 1 too),
and sits mid-line like the ellipsis of Chinese typesetting (GB/T 15834 ⋯⋯)."""

ROLE_MARK = {"lead": "●", "participant": "○"}
"""The marks for an agency's role in a task, in the sidebar, the pages and the matrix."""


def tr(text: str, script: Script) -> str:
    """Shipped text in the chosen script.

    Only whole shipped strings are looked up (content/simplified.json has each of them);
    a string with no ideograph (an id, a count, a separator) is returned as it is, so that
    composing a line never sends a new string through OpenCC.
    """
    if script == "traditional" or not _IDEOGRAPH.search(text):
        return text
    return to_simplified(text)


def find_terms(text: str, terms: tuple[str, ...] | list[str]) -> list[tuple[int, int]]:
    """Where the terms occur in text, compared as search compares (width, script, case folded).

    Returns sorted, non-overlapping (start, end) offsets into text.
    """

    whole = normalize(text)
    if len(whole) != len(text):  # folding changed the length: fold each character alone
        whole = "".join(n if len(n := normalize(c)) == 1 else c for c in text)
    found: list[tuple[int, int]] = []
    for term in terms:
        needle = normalize(term)
        if not needle:
            continue
        at = whole.find(needle)
        while at >= 0:
            found.append((at, at + len(needle)))
            at = whole.find(needle, at + len(needle))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def common_prefix(texts: list[str]) -> str:
    """The longest text every one of ``texts`` begins with."""
    if not texts:
        return ""
    return "".join(c[0] for c in takewhile(lambda c: len(set(c)) == 1, zip(*texts, strict=False)))


@overload
def fit(text: str, cells: int, *, pad: bool = False) -> str: ...
@overload
def fit(text: Text, cells: int, *, pad: bool = False) -> Text: ...


def fit(text: str | Text, cells: int, *, pad: bool = False) -> str | Text:
    """text (plain or styled) cut to at most ``cells`` terminal cells, with MORE where it was
    cut (and padded with spaces to exactly ``cells`` when ``pad``).

    Every cut line in the browser goes through here, so each ends in the same mark.
    """
    if isinstance(text, Text):
        if cells <= 0:
            return Text()
        if text.cell_len <= cells and not pad:
            return text
        plain = fit(text.plain, cells, pad=pad)
        kept = len(common_prefix([plain, text.plain]))
        out = text[:kept]  # the styles of what is kept
        out.append(plain[kept:])  # the mark, or the padding
        return out
    if cells <= 0:
        return ""
    if cell_len(text) > cells:
        return set_cell_size(text, cells - 1) + MORE
    return set_cell_size(text, cells) if pad else text
