"""Node ids: checking what a reader typed, and saying what exists when it is wrong."""

from __future__ import annotations

import re
import unicodedata

from ipx_tui.core.document import Document, Node
from ipx_tui.core.errors import UserError, shorten
from ipx_tui.core.i18n import N_, _

ID_SHAPE = re.compile(r"^[1-9]\d{0,2}(\.[1-9]\d{0,2}){0,2}$")
KIND_NAME = {"part": N_("part"), "section": N_("section"), "item": N_("item")}
KIND_PLURAL = {"part": N_("parts"), "section": N_("sections"), "item": N_("items")}

NUMERALS = "一二三四五六七八九"
CHINESE = re.compile(r"^(?P<part>[一二三四五六七八九十]+)、?"
                     r"(?:\((?P<section>[一二三四五六七八九十]+)\))?(?P<item>\d+)?\.?$")
"""The document's own numbering as people cite it: 二、 · 二(六) · 二(六)3 (after NFKC, which
folds full-width brackets and digits)."""


def chinese_number(text: str) -> int | None:
    """一 … 九十九 as a number; None for anything else."""
    if not text or any(c not in NUMERALS + "十" for c in text):
        return None
    if "十" not in text:
        return NUMERALS.index(text) + 1 if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    return (NUMERALS.index(tens) + 1 if tens else 1) * 10 + (NUMERALS.index(ones) + 1
                                                             if ones else 0)


def dotted(raw: str) -> str:
    """An id as people write it, in the dotted form the document's ids use.

    ``２.６.３`` (full-width), ``2。6。3``, ``二（六）3``, ``二(六)3``, ``二、`` and ``三（七）``
    become 2.6.3, 2, 3.7; front-matter names are lower-cased; anything else comes back
    stripped, for :func:`check_node_id` to explain.
    """
    text = "".join(unicodedata.normalize("NFKC", raw).replace("。", ".").split())
    found = CHINESE.match(text)
    if found is None:
        text = text.rstrip(".") if ID_SHAPE.match(text.rstrip(".")) else text
        return text.lower() if text.isascii() and text.isalpha() else text
    numbers = [chinese_number(found["part"])]
    if found["section"]:
        numbers.append(chinese_number(found["section"]))
    elif found["item"]:
        return text  # 二3 skips the section: not a citation
    if found["item"]:
        numbers.append(int(found["item"]))
    if any(n is None or n < 1 for n in numbers):
        return text
    return ".".join(str(n) for n in numbers)


def citation(document: Document, node: Node) -> str | None:
    """How the document's own numbering cites a node: 二 · 二（六） · 二（六）3; None for
    front matter."""
    if not node.numbered:
        return None
    labels = [a.label for a in document.ancestors(node.id)] + [node.label]
    return "".join(label.rstrip("、.．") for label in labels)


class UnknownNode(UserError, LookupError):
    """An id that names no node; the message says what does exist."""


def check_node_id(document: Document, raw: str) -> str:
    """The id (as dotted, from any form :func:`dotted` reads) if it names a node; otherwise
    UnknownNode with a helpful message."""
    node_id = dotted(raw)
    if node_id in document:
        return node_id
    front = ", ".join(n.id for n in document.roots if n.kind == "front")
    if not node_id:
        raise UnknownNode(_(
            "empty node id: ids look like 2.6.3 (or {front}); `ipx-tui outline` lists them").format(
            front=front))
    if not ID_SHAPE.match(node_id):
        raise UnknownNode(_(
            "not a node id: {raw!r}: ids look like 2, 2.6 or 2.6.3 (or {front}); `ipx-tui "
            "outline` lists them").format(
            raw=shorten(raw), front=front))
    parts = node_id.split(".")
    parent_id = ".".join(parts[:-1])
    while parent_id and parent_id not in document:
        parent_id = parent_id.rpartition(".")[0]
    if not parent_id:
        first, last = _range([n.id for n in document.of_kind("part")])
        raise UnknownNode(_(
            "unknown node {node_id}: the document has parts {first} to {last}").format(
            node_id=node_id, first=first, last=last))
    parent = document.node(parent_id)
    kids = document.children(parent_id)
    if not kids:
        raise UnknownNode(_(
            "unknown node {node_id}: {kind} {parent_id} has no numbered subdivisions").format(
            node_id=node_id, kind=_(KIND_NAME[parent.kind]), parent_id=parent_id))
    first, last = _range([k.id for k in kids])
    raise UnknownNode(_(
        "unknown node {node_id}: {kind} {parent_id} has {kinds} {first} to {last}").format(
        node_id=node_id, kind=_(KIND_NAME[parent.kind]), parent_id=parent_id,
        kinds=_(KIND_PLURAL[kids[0].kind]), first=first, last=last))


def _range(ids: list[str]) -> tuple[str, str]:
    return ids[0], ids[-1]
