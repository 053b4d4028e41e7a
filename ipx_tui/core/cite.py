"""Citations of the document or of one of its nodes, in three styles.

A node is cited in the document's own numbering: a part as 二, a section as 二（九）, an item
as 二（九）1. Front matter (front, preamble, closing) cites the document alone.

``short``
    《國務院關於積極推進「互聯網+」行動的指導意見》（國發〔2015〕40號）二（九）1 — the title in
    《》, the number in （）, then the place. In simplified script the title's 「」 become “”,
    as the official (simplified) text writes them:
    《国务院关于积极推进“互联网+”行动的指导意见》（国发〔2015〕40号）二（九）1.
``gbt7714``
    A reference-list entry in the form GB/T 7714-2015 gives an electronic resource:
    主要責任者. 題名: 其他題名信息[文獻類型標識/載體標識]. (更新或修改日期)[引用日期].
    獲取和訪問路徑.
    The responsible body is the issuer (國務院), the other title information is the document
    number, the type is EB/OL (電子公告, online: a document read on a website; A, 檔案, is
    for records held in an archive), the date in () is gov.cn's 發布日期 and the date in []
    the day it was accessed (today unless given). Like every reference-list entry it names
    the work, not a place in it: the place (二（九）1) goes with the citation in the text, so
    the entry is the same for every node. Western punctuation, as the standard has it.
``en``
    An English reference: issuer, the English title in common use, the number as English
    references write it (Guo Fa [2015] No. 40), the date it bears, the place as "part II,
    section (9), item 1", and the address. Script does not apply.
"""

from __future__ import annotations

import datetime
from typing import Literal

from ipx_tui.core.document import Document
from ipx_tui.core.errors import UserError
from ipx_tui.core.i18n import _
from ipx_tui.core.ids import check_node_id
from ipx_tui.core.metadata import Metadata, load_metadata
from ipx_tui.core.script import Script, render

Style = Literal["short", "gbt7714", "en"]
STYLES: tuple[Style, ...] = ("short", "gbt7714", "en")
"""Every citation style, the default first."""

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
# not strftime's %B: that follows the locale, and a citation must not
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


class UnknownStyle(UserError, ValueError):
    """A citation style that does not exist."""


def place(document: Document, node_id: str) -> str:
    """Where a node is, in the document's own numbering: 二, 二（九）, 二（九）1; "" for front
    matter. The numbering has no characters that differ between the scripts."""
    node = document.node(node_id)
    if not node.numbered:
        return ""
    chain = (*document.ancestors(node_id), node)
    parts = []
    for n in chain:
        if n.kind == "part":
            parts.append(n.label.rstrip("、"))
        elif n.kind == "section":
            parts.append(n.label)
        else:
            parts.append(n.label.rstrip("."))
    return "".join(parts)


def english_place(document: Document, node_id: str) -> str:
    """Where a node is, in English: part II, section (9), item 1; "" for front matter."""
    node = document.node(node_id)
    if not node.numbered:
        return ""
    numbers = [int(n) for n in node.id.split(".")]
    words = [f"part {_ROMAN[numbers[0] - 1]}"]
    if len(numbers) > 1:
        words.append(f"section ({numbers[1]})")
    if len(numbers) > 2:
        words.append(f"item {numbers[2]}")
    return ", ".join(words)


def title_in(script: Script, metadata: Metadata | None = None, title: str | None = None) -> str:
    """The document's title (the shipped one's, unless given) in a script: in simplified with
    “” for 「」, as gov.cn writes it."""
    if title is None:
        title = (metadata or load_metadata()).title
    if script == "traditional":
        return title
    return render(title, script)  # simplified script writes “” for 「」 (core.script.QUOTES)


def cite(document: Document, node_id: str, style: Style = "short",
         script: Script = "traditional", *, accessed: datetime.date | None = None) -> str:
    """A citation of a node (or of the document, for front matter) in a style and a script.

    ``accessed`` is the access date a GB/T 7714 entry gives (today if None); UnknownNode for an
    id that names no node, UnknownStyle for a style not in STYLES.
    """
    node_id = check_node_id(document, node_id)
    if style == "short":  # all from the document itself, so an imported one is cited too
        number = render(document.number, script)
        title = title_in(script, title=document.title)
        return f"《{title}》（{number}）{place(document, node_id)}"
    metadata = load_metadata()
    if document.number != metadata.number:
        raise UnknownStyle(_("--style {style} needs the document's publication details, which "
                             "only the shipped {number} has: use --style short").format(
                                 style=style, number=metadata.number))
    if style == "gbt7714":
        day = (accessed or datetime.date.today()).isoformat()
        where = f" {metadata.url}." if metadata.url else ""
        return (f"{render(metadata.issuer, script)}. {title_in(script, metadata)}: "
                f"{render(metadata.number, script)}[EB/OL]. "
                f"({metadata.published.isoformat()})[{day}].{where}")
    if style == "en":
        day_written = metadata.written
        written = f"{day_written.day} {_MONTHS[day_written.month - 1]} {day_written.year}"
        at = english_place(document, node_id)
        where = f" {metadata.url}" if metadata.url else ""
        return (f"{metadata.english_issuer}. {metadata.english_title} "
                f"({metadata.english_number}). {written}."
                + (f" {at[0].upper()}{at[1:]}." if at else "") + where)
    raise UnknownStyle(_("unknown citation style {style!r}: one of {styles}").format(
        style=style, styles=", ".join(STYLES)))
