"""Parse content/document.txt into a :class:`~ipx_tui.core.document.Document`."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ipx_tui.core import content
from ipx_tui.core.document import Assignment, Document, Kind, Node, Responsibility, Role, Rule

NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}

PART = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")
SECTION = re.compile(r"^([（(])([一二三四五六七八九十]+)([）)])(.+)$")
ITEM = re.compile(r"^(\d+)\.(.+)$")
DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
#: A list of responsible agencies: parentheses whose first clause ends in 負責 or 牽頭.
#: 二(十)'s list is followed by no full stop, so nothing after the ")" is required.
AGENCY_LIST = re.compile(r"[（(]([^（）()]*?(?:負責|牽頭))((?:[，,][^（）()]*)?)[）)]")
LIST_ENDINGS: tuple[tuple[str, Rule], ...] = (
    ("共同牽頭", "joint-lead"),
    ("等負責", "first-leads"),
    ("牽頭", "sole-lead"),
    ("負責", "collective"),
)

FRONT_TITLES = {"front": "", "preamble": "前言", "closing": "落款"}
"""Titles of the front-matter nodes; ``front`` takes the document's own title."""


@dataclass
class _Draft:
    """A numbered node while its paragraphs are being collected."""

    id: str
    parent: str | None
    kind: Kind
    label: str
    title: str
    paras: list[str]


class ParseError(ValueError):
    """The content does not have the document's structure."""


def numeral(text: str) -> int:
    """The value of a Chinese numeral from 一 to 九十九."""
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + NUMERALS[text[1:]]
    if "十" in text:
        tens, _, units = text.partition("十")
        return NUMERALS[tens] * 10 + (NUMERALS[units] if units else 0)
    return NUMERALS[text]


def parse_responsibility(paragraph: str) -> Responsibility | None:
    """The agency list stated in a paragraph, if there is one."""
    match = AGENCY_LIST.search(paragraph)
    if match is None:
        return None
    clause = match.group(1)
    # the pattern only matches clauses with one of these endings
    ending, rule = next((e, r) for e, r in LIST_ENDINGS if clause.endswith(e))
    names = [n for n in clause[: -len(ending)].split("、") if n]
    if not names or len(set(names)) != len(names):
        raise ParseError(f"empty or repeated agency list: {clause}")
    first: Role = "participant" if rule == "collective" else "lead"
    rest: Role = "lead" if rule == "joint-lead" else "participant"
    # first-leads and sole-lead: the first listed leads (列第一位者為牽頭部門)
    roles = [first] + [rest] * (len(names) - 1)
    source = match.group(0)[1:-1]
    assignments = tuple(Assignment(n, r) for n, r in zip(names, roles, strict=True))
    return Responsibility(assignments, rule, source)


def _title(heading: str) -> str:
    """The title in a heading: up to the first 。, without it."""
    return heading.split("。", 1)[0].rstrip("。")


def parse(text: str) -> Document:
    """Build the document from its text, one paragraph per non-empty line."""
    paras = [line.strip() for line in text.splitlines() if line.strip()]
    if len(paras) < 6:
        raise ParseError("too short to be the document")
    title, number, addressees = paras[0], paras[1], paras[2]
    dates = [i for i, p in enumerate(paras) if DATE.match(p)]
    if not dates:
        raise ParseError("no closing date")
    closing_at = dates[-1] - 1  # the issuer signs on the line above the date
    body = paras[3:closing_at]
    closing = paras[closing_at:]

    drafts: list[_Draft] = []
    preamble: list[str] = []
    part = section = None
    for para in body:
        if m := PART.match(para):
            part, section = str(numeral(m.group(1))), None
            drafts.append(_Draft(part, None, "part", f"{m.group(1)}、", _title(m.group(2)), [para]))
        elif (m := SECTION.match(para)) and part is not None:
            section = f"{part}.{numeral(m.group(2))}"
            drafts.append(_Draft(section, part, "section", f"（{m.group(2)}）",
                                 _title(m.group(4)), [para]))
        elif (m := ITEM.match(para)) and section is not None:
            drafts.append(_Draft(f"{section}.{m.group(1)}", section, "item", f"{m.group(1)}.",
                                 _title(m.group(2)), [para]))
        elif drafts:
            drafts[-1].paras.append(para)
        else:
            preamble.append(para)

    nodes: list[Node] = [
        Node("front", None, "front", "", title, (title, number, addressees)),
        Node("preamble", None, "front", "", FRONT_TITLES["preamble"], tuple(preamble)),
    ]
    children: dict[str, list[str]] = {}
    section_lists: dict[str, Responsibility] = {}
    for d in drafts:
        paragraphs = tuple(d.paras)
        if d.parent is not None:
            children.setdefault(d.parent, []).append(d.id)
        resp = None
        if d.kind != "part":
            resp = next(filter(None, map(parse_responsibility, paragraphs)), None)
            if resp is None and d.kind == "item" and d.parent in section_lists:
                # In 二、 the list sits in the section's intro and covers each of its items.
                inherited = section_lists[d.parent]
                resp = Responsibility(inherited.assignments, inherited.rule, inherited.source,
                                      inherited_from=d.parent)
            if resp is not None and d.kind == "section":
                section_lists[d.id] = resp
        nodes.append(Node(d.id, d.parent, d.kind, d.label, d.title, paragraphs, resp))
    nodes.append(Node("closing", None, "front", "", FRONT_TITLES["closing"], tuple(closing)))
    nodes = [replace(n, children=tuple(children.get(n.id, ()))) for n in nodes]
    return Document(
        title=title, number=number, date=paras[dates[-1]], issuer=paras[closing_at],
        addressees=addressees.rstrip("：:"), nodes=tuple(nodes), by_id={n.id: n for n in nodes},
    )


@cache
def load() -> Document:
    """The shipped document, parsed once per process."""
    return parse(content.read_text(content.DOCUMENT))
