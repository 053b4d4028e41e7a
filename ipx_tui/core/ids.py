"""Node ids: checking what a reader typed, and saying what exists when it is wrong."""

from __future__ import annotations

import re

from ipx_tui.core.document import Document
from ipx_tui.core.errors import UserError, shorten

ID_SHAPE = re.compile(r"^[1-9]\d{0,2}(\.[1-9]\d{0,2}){0,2}$")
KIND_PLURAL = {"part": "parts", "section": "sections", "item": "items"}


class UnknownNode(UserError, LookupError):
    """An id that names no node; the message says what does exist."""


def check_node_id(document: Document, raw: str) -> str:
    """The id, stripped, if it names a node; otherwise UnknownNode with a helpful message."""
    node_id = raw.strip()
    if node_id in document:
        return node_id
    front = ", ".join(n.id for n in document.roots if n.kind == "front")
    if not node_id:
        raise UnknownNode(f"empty node id: ids look like 2.6.3 (or {front}); "
                          "`ipx-tui outline` lists them")
    if not ID_SHAPE.match(node_id):
        raise UnknownNode(f"not a node id: {shorten(raw)!r}: ids look like 2, 2.6 or 2.6.3 "
                          f"(or {front}); `ipx-tui outline` lists them")
    parts = node_id.split(".")
    parent_id = ".".join(parts[:-1])
    while parent_id and parent_id not in document:
        parent_id = parent_id.rpartition(".")[0]
    if not parent_id:
        first, last = _range([n.id for n in document.of_kind("part")])
        raise UnknownNode(f"unknown node {node_id}: the document has parts {first} to {last}")
    parent = document.node(parent_id)
    kids = document.children(parent_id)
    if not kids:
        raise UnknownNode(f"unknown node {node_id}: {parent.kind} {parent_id} has no numbered "
                          "subdivisions")
    first, last = _range([k.id for k in kids])
    raise UnknownNode(f"unknown node {node_id}: {parent.kind} {parent_id} has "
                      f"{KIND_PLURAL[kids[0].kind]} {first} to {last}")


def _range(ids: list[str]) -> tuple[str, str]:
    return ids[0], ids[-1]
