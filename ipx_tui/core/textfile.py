"""A text file of unknown encoding, as readers bring documents: decoded, or refused in one line.

Tried in order: UTF-8 (with or without a byte-order mark; UTF-16 with one), then GB18030 (a
superset of GBK and GB2312) and Big5 (HKSCS, a superset of Big5 and most of CP950). Big5
bytes are nearly always valid GB18030 too (both are two-byte codes over the same ranges), so
when both decode, the one whose text has more of the characters every document of this kind
is made of wins (see :data:`COMMON`).
"""

from __future__ import annotations

import codecs

from ipx_tui.core.errors import UserError

LEGACY = ("gb18030", "big5hkscs")
"""The legacy Chinese encodings tried after UTF-8."""
SHOWN = {"gb18030": "GB18030", "big5hkscs": "Big5"}
"""Their names as a summary says them."""

COMMON = frozenset("，。、：；（）的和在與与為为發发展國国務务院關关於于部門门一二三四五六七八九十"
                   "年月日等加強强推進进建設设作工業业")
"""Characters nearly every line of a Chinese policy document has, in either script: a text
decoded with the wrong legacy encoding has almost none of them."""

_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f", "\v"}


class NotText(UserError):
    """The bytes are not a text file in an encoding we read."""


def decode(raw: bytes) -> tuple[str, str]:
    """The text of a file and the encoding it was read in; NotText (one line) otherwise."""
    if raw.startswith(codecs.BOM_UTF8):
        return _check(_strict(raw[3:], "utf-8", "UTF-8")), "UTF-8 with BOM"
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            return _check(_strict(raw[2:], name, "UTF-16")), "UTF-16"
    nul = raw.find(b"\x00")
    if nul != -1:
        line = raw[:nul].count(b"\n") + 1
        raise NotText(f"line {line}: expected text, found a NUL byte: this is not a text file")
    try:
        return _check(raw.decode("utf-8")), "UTF-8"
    except UnicodeDecodeError:
        pass
    decoded = []
    for name in LEGACY:
        try:
            decoded.append((raw.decode(name), name))
        except UnicodeDecodeError:
            continue
    if not decoded:
        raise NotText("line 1: expected text in UTF-8, GB18030 (GBK) or Big5, and it is "
                      "none of them: this is not a text file we can read")
    # max keeps the first of equals: GB18030 when the text says nothing either way
    text, name = max(decoded, key=lambda pair: sum(c in COMMON for c in pair[0]))
    return _check(text), SHOWN[name]


def _strict(raw: bytes, codec: str, shown: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise NotText(f"line {line}: expected {shown}, as its byte-order mark says, and found "
                      "bytes that are not") from None


def _check(text: str) -> str:
    """Text with no control characters but layout ones (a binary that happened to decode)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if any(c in _CONTROL for c in line):
            raise NotText(f"line {number}: expected text, found control characters: "
                          "this is not a text file")
    return text
