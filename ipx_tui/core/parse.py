"""Parse content/document.txt into a :class:`~ipx_tui.core.document.Document`."""

from __future__ import annotations

import re
from functools import cache

from ipx_tui.core.document import Assignment, Document, Kind, Node, Responsibility, Role, Rule
from ipx_tui.core.paths import content_dir

NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

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
    for ending, rule in LIST_ENDINGS:
        if clause.endswith(ending):
            names = [n for n in clause[: -len(ending)].split("、") if n]
            break
    else:  # pragma: no cover - the pattern only matches these endings
        raise ParseError(f"unreadable agency list: {clause}")
    if not names or len(set(names)) != len(names):
        raise ParseError(f"empty or repeated agency list: {clause}")
    roles: list[Role]
    if rule == "joint-lead":
        roles = ["lead"] * len(names)
    elif rule == "collective":
        roles = ["participant"] * len(names)
    else:  # first-leads, sole-lead: the first listed leads (列第一位者為牽頭部門)
        roles = ["lead"] + ["participant"] * (len(names) - 1)
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

    drafts: list[dict[str, object]] = []
    preamble: list[str] = []
    part = section = None
    for para in body:
        if m := PART.match(para):
            part = str(numeral(m.group(1)))
            section = None
            drafts.append(dict(id=part, parent=None, kind="part", label=f"{m.group(1)}、",
                               title=_title(m.group(2)), paras=[para]))
        elif (m := SECTION.match(para)) and part is not None:
            section = f"{part}.{numeral(m.group(2))}"
            drafts.append(dict(id=section, parent=part, kind="section",
                               label=f"（{m.group(2)}）", title=_title(m.group(4)), paras=[para]))
        elif (m := ITEM.match(para)) and section is not None:
            drafts.append(dict(id=f"{section}.{m.group(1)}", parent=section, kind="item",
                               label=f"{m.group(1)}.", title=_title(m.group(2)), paras=[para]))
        elif drafts:
            paras_of_last = drafts[-1]["paras"]
            assert isinstance(paras_of_last, list)
            paras_of_last.append(para)
        else:
            preamble.append(para)

    nodes: list[Node] = [
        Node("front", None, "front", "", title, (title, number, addressees)),
        Node("preamble", None, "front", "", FRONT_TITLES["preamble"], tuple(preamble)),
    ]
    children: dict[str, list[str]] = {}
    section_lists: dict[str, Responsibility] = {}
    for d in drafts:
        node_id, parent, kind = str(d["id"]), d["parent"], d["kind"]
        paragraphs = tuple(d["paras"])  # type: ignore[call-overload]
        if parent is not None:
            children.setdefault(str(parent), []).append(node_id)
        resp = None
        if kind != "part":
            resp = next(filter(None, map(parse_responsibility, paragraphs)), None)
            if resp is None and kind == "item":
                # In 二、 the list sits in the section's intro and covers each of its items.
                inherited = section_lists.get(str(parent))
                if inherited is not None:
                    resp = Responsibility(inherited.assignments, inherited.rule,
                                          inherited.source, inherited_from=str(parent))
            if resp is not None and kind == "section":
                section_lists[node_id] = resp
        nodes.append(Node(node_id, None if parent is None else str(parent), _kind(kind),
                          str(d["label"]), str(d["title"]), paragraphs, resp))
    nodes.append(Node("closing", None, "front", "", FRONT_TITLES["closing"], tuple(closing)))
    nodes = [
        Node(n.id, n.parent, n.kind, n.label, n.title, n.paragraphs, n.responsibility,
             tuple(children.get(n.id, ())))
        for n in nodes
    ]
    return Document(
        title=title, number=number, date=paras[dates[-1]], issuer=paras[closing_at],
        addressees=addressees.rstrip("：:"), nodes=tuple(nodes), by_id={n.id: n for n in nodes},
    )


def _kind(kind: object) -> Kind:
    if kind in ("part", "section", "item"):
        return kind  # type: ignore[return-value]
    raise ParseError(f"unknown kind {kind!r}")  # pragma: no cover


@cache
def load() -> Document:
    """The shipped document, parsed once per process."""
    return parse((content_dir() / "document.txt").read_text(encoding="utf-8"))
