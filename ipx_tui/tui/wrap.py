"""Line breaking for Chinese prose in a terminal, where every ideograph takes two cells.

Rich wraps CJK text at any cell, so a line can start with 。 or ， and a paragraph can end
with one stranded character. This follows the common rules of Chinese typesetting
(禁則, as in JIS X 4051 and the W3C's clreq): closing punctuation never starts a line,
opening punctuation never ends one, a run of Latin letters and digits is never split, and
the last line of a paragraph keeps at least two characters. Spans the caller names (an
agency's name, a keyword) are kept whole, so a list such as 發展改革委、工業和信息化部 breaks
only after its 、.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from rich.cells import cell_len

NO_LINE_START = frozenset("。，、；：？！）」』》〉】〕〗〙〛｝］’”…‥—–～・·%％‰+›")
"""Characters that must not begin a line: closing marks, pauses, the + of 互聯網+, and the
place line's separator ›."""

NO_LINE_END = frozenset("（「『《〈【〔〖〘〚｛［‘“")
"""Characters that must not end a line: opening marks."""

MIN_LAST_LINE = 2
"""The fewest units (characters with their punctuation) a paragraph's last line keeps."""

Span = tuple[int, int]
"""A (start, end) offset pair into a paragraph."""


def _is_word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "._-/")


def units(text: str, whole: Sequence[Span] = ()) -> list[Span]:
    """The text cut into unbreakable units, as (start, end) offsets.

    A unit is one character, or a run of ASCII letters and digits, with any closing
    punctuation after it and any opening punctuation before it; the units that a span of
    ``whole`` touches are one unit.
    """
    raw: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        j = i + 1
        if _is_word_char(text[i]):
            while j < len(text) and _is_word_char(text[j]):
                j += 1
        raw.append((i, j))
        i = j
    glued: list[tuple[int, int]] = []
    pending_open: int | None = None
    for start, end in raw:
        first = text[start]
        if first in NO_LINE_END and end - start == 1:
            if pending_open is None:
                pending_open = start
            continue
        if pending_open is not None:
            start, pending_open = pending_open, None
        elif first in NO_LINE_START and glued:
            glued[-1] = (glued[-1][0], end)
            if len(glued) > 1 and text[glued[-1][0]].isspace():  # " ·": keep the word too,
                glued[-2:] = [(glued[-2][0], end)]  # or the break at the space starts with ·
            continue
        glued.append((start, end))
    if pending_open is not None:  # opening marks at the very end stay together
        glued.append((pending_open, len(text)))
    return _join(glued, whole) if whole else glued


def _join(found: list[Span], whole: Sequence[Span]) -> list[Span]:
    """The units with those that a span of ``whole`` touches joined into one."""
    inside = {i for start, end in whole for i in range(start + 1, end)}
    out: list[Span] = []
    for start, end in found:
        if out and start in inside:  # the boundary falls inside a name: no break there
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def break_offsets(text: str, width: int, first_width: int | None = None,
                  whole: Sequence[Span] = ()) -> list[int]:
    """Where to break text so each line fits; offsets into text, ready for ``Content.divide``.

    Args:
        text: one paragraph, without newlines.
        width: the cells available on every line after the first.
        first_width: the cells available on the first line (defaults to width).
        whole: spans never to break inside (one longer than a line is broken as plain text).
    """
    width = max(width, 2)
    limit = max(first_width if first_width is not None else width, 2)
    keep = [(s, e) for s, e in whole if cell_len(text[s:e]) <= min(width, limit)]
    lines: list[list[tuple[int, int]]] = [[]]
    used = 0
    for start, end in units(text, keep):
        piece = text[start:end]
        size = cell_len(piece)
        if piece.isspace():  # a space never starts a line; at a break it hangs and is trimmed
            lines[-1].append((start, end))
            used += size
            continue
        if used + size > limit and any(not text[s:e].isspace() for s, e in lines[-1]):
            lines.append([])
            used, limit = 0, width
        if size > limit:  # longer than a whole line (a long Latin run): cut it by cells
            for sub_start, sub_end in _hard_split(text, start, end, limit - used, width):
                sub_size = cell_len(text[sub_start:sub_end])
                if used + sub_size > limit and lines[-1]:
                    lines.append([])
                    used, limit = 0, width
                lines[-1].append((sub_start, sub_end))
                used += sub_size
            continue
        lines[-1].append((start, end))
        used += size
    _keep_last_line(text, lines, width)
    # a space moved down to the last line stays at the end of the one above (and is trimmed)
    return [next((s for s, e in line if not text[s:e].isspace()), line[0][0])
            for line in lines[1:] if line]


def _hard_split(text: str, start: int, end: int, room: int, width: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    piece_start, used = start, 0
    budget = room if room > 0 else width
    for i in range(start, end):
        size = cell_len(text[i])
        if used + size > budget and i > piece_start:
            pieces.append((piece_start, i))
            piece_start, used, budget = i, 0, width
        used += size
    pieces.append((piece_start, end))
    return pieces


def _keep_last_line(text: str, lines: list[list[tuple[int, int]]], width: int) -> None:
    """Move units down from the line above so the last line is not a stranded fragment."""
    if len(lines) < 2:
        return
    last, above = lines[-1], lines[-2]
    solid = [u for u in last if not text[u[0]:u[1]].isspace()]
    while len(solid) < MIN_LAST_LINE and len(above) > MIN_LAST_LINE + 1:
        moved = above.pop()
        if cell_len(text[moved[0]:last[-1][1]]) > width:
            above.append(moved)
            return
        last.insert(0, moved)
        if not text[moved[0]:moved[1]].isspace():
            solid.insert(0, moved)


def wrap(text: str, width: int, first_width: int | None = None,
         whole: Sequence[Span] = ()) -> list[str]:
    """The text broken into lines (for tests and plain output); trailing spaces dropped."""
    offsets = [0, *break_offsets(text, width, first_width, whole), len(text)]
    return [text[a:b].rstrip(" ") for a, b in pairwise(offsets)]
