"""Parse a State Council document's text into a :class:`~ipx_tui.core.document.Document`.

One parser for the shipped content/document.txt and for every document a reader imports
(:mod:`ipx_tui.core.library`): title, number, addressees, preamble; parts ``一、``, sections
``（一）``, items ``1.``; the issuer and the date. Structure is recognised on each line's
NFKC form (full-width digits and brackets, ``１．``, ``(一)``), in either script; the text is
kept as written, except that ASCII ``( ) , : ;`` beside Chinese text become the full-width
forms official texts use (copies from Wikisource and legal databases have them in ASCII).

A web page's leftovers are dropped and counted: the site's lines above the title (the title
is the line above the last document number before the first part) and its footer below the
date (a note such as （此件公開發布） stays). Anything else that does not fit is refused with
its line number and what was expected there (:class:`ParseError`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple

from ipx_tui.core import content
from ipx_tui.core.document import Assignment, Document, Kind, Node, Responsibility, Role, Rule
from ipx_tui.core.errors import UserError

NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}
_HAN_DIGITS = "一二三四五六七八九"

# On a line's NFKC form: （一） is (一), １． is 1., ： is :.
PART = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")
SECTION = re.compile(r"^\(([一二三四五六七八九十]+)\)(.+)$")
ITEM = re.compile(r"^(\d+)\.(?!\d)(.+)$")
"""An item: a number and a full stop, not a decimal (2.5萬億元 starts no item)."""
DATE = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})年[〇○零一二三四五六七八九十\d]{1,2}月"
                  r"[〇○零一二三四五六七八九十\d]{1,3}日$")
NUMBER = re.compile(r"^[^\s\d\[\](){}〔〕【】]{1,15}[〔\[【(](\d{4})[〕\]】)]第?(\d{1,4})[號号]$")
"""A document number: 國發〔2015〕40號, 工信部信软〔2016〕5号 (brackets of any width)."""
NOTE = re.compile(r"^\(此件.{1,20}\)$")
"""The note under the date that belongs to the document: （此件公開發布）."""
# The numbering as written, to cut from a heading for its title (either width).
_LABEL = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]"
                    r"|[0-9０-９]+[.．])")

#: A list of responsible agencies: parentheses whose first clause ends in 負責 or 牽頭 (in
#: either script). 二(十)'s list is followed by no full stop, so nothing after the ")" is
#: required.
AGENCY_LIST = re.compile(r"[（(]([^（）()]*?(?:負責|牽頭|负责|牵头))((?:[，,][^（）()]*)?)[）)]")
LIST_ENDINGS: tuple[tuple[str, Rule], ...] = (
    ("共同牽頭", "joint-lead"),
    ("共同牵头", "joint-lead"),
    ("等負責", "first-leads"),
    ("等负责", "first-leads"),
    ("牽頭", "sole-lead"),
    ("牵头", "sole-lead"),
    ("負責", "collective"),
    ("负责", "collective"),
)

FRONT_TITLES = {"front": "", "preamble": "前言", "closing": "落款"}
"""Titles of the front-matter nodes; ``front`` takes the document's own title."""

# ASCII punctuation that official texts write full-width, when it stands beside Chinese text.
_FULL_WIDTH = {"(": "（", ")": "）", ",": "，", ":": "：", ";": "；"}


@dataclass
class _Draft:
    """A numbered node while its paragraphs are being collected."""

    id: str
    parent: str | None
    kind: Kind
    label: str
    title: str
    paras: list[str]


class _Line(NamedTuple):
    number: int
    """Its line number in the file, from 1."""
    text: str
    """As written, trimmed, with full-width punctuation beside Chinese text."""
    key: str
    """Its NFKC form, for recognising structure."""


@dataclass(frozen=True)
class Parsed:
    """A parsed document and the web page's lines dropped around it."""

    document: Document
    dropped_before: tuple[int, ...] = ()
    """Line numbers above the title (a site's header)."""
    dropped_after: tuple[int, ...] = ()
    """Line numbers below the date and its note (a site's footer)."""


class ParseError(UserError, ValueError):
    """The text does not have a document's structure; the message names the line."""


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


def chinese(value: int) -> str:
    """一 … 九十九 for a number (the inverse of :func:`numeral`)."""
    tens, units = divmod(value, 10)
    head = "" if tens == 0 else "十" if tens == 1 else _HAN_DIGITS[tens - 1] + "十"
    return head + (_HAN_DIGITS[units - 1] if units else "")


def parse_responsibility(paragraph: str) -> Responsibility | None:
    """The agency list stated in a paragraph, if there is one."""
    match = AGENCY_LIST.search(paragraph)
    if match is None:
        return None
    clause = match.group(1)
    # the pattern only matches clauses with one of these endings
    ending, rule = next((e, r) for e, r in LIST_ENDINGS if clause.endswith(e))
    names = [n.strip() for n in clause[: -len(ending)].split("、") if n.strip()]
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


def _is_han(char: str) -> bool:
    # CJK characters and punctuation, full-width forms: what "beside Chinese text" means
    return char >= "\u2e80"


def tidy(line: str) -> str:
    """A line as stored: trimmed, with ASCII ( ) , : ; beside Chinese text made full-width
    (never between digits, 1,000, nor in an address, http://)."""
    text = line.strip()
    if not any(c in _FULL_WIDTH for c in text):
        return text
    out: list[str] = []
    opened = 0  # （ made from ( and not yet closed: its ) closes it whatever stands beside
    for i, char in enumerate(text):
        if char in _FULL_WIDTH:
            before = out[-1] if out else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if _is_han(before) or _is_han(after) or (char == ")" and opened):
                if char == "(":
                    opened += 1
                elif char == ")" and opened:
                    opened -= 1
                char = _FULL_WIDTH[char]
        out.append(char)
    return "".join(out)


def _lines(text: str) -> list[_Line]:
    return [_Line(n, tidy(raw), unicodedata.normalize("NFKC", raw).strip())
            for n, raw in enumerate(text.splitlines(), start=1) if raw.strip()]


def _rest(line: _Line, key_rest: str) -> str:
    """A heading without its numbering, as written (its NFKC form where that cannot be cut)."""
    found = _LABEL.match(line.text)
    return line.text[found.end():] if found else key_rest


def _label(kind: str, value: int) -> str:
    """The numbering of a part, section or item as written: 三、, （三）, 3."""
    if kind == "part":
        return f"{chinese(value)}、"
    return f"（{chinese(value)}）" if kind == "section" else f"{value}."


def _expected(kind: str, value: int, allowed: tuple[int, ...], line: _Line, after: str) -> str:
    wanted = " or ".join(_label(kind, v) for v in allowed)
    return (f"line {line.number}: {kind} {_label(kind, value)} {after}: expected {wanted}"
            f" (a {kind} number that skips or repeats)")


def read(text: str) -> Parsed:
    """Parse a document's text, dropping a web page's leftovers; ParseError names the line."""
    lines = _lines(text)
    if not lines:
        raise ParseError("line 1: expected the document's title, and the text is empty")
    first_part = next((i for i, line in enumerate(lines) if PART.match(line.key)), None)
    head_end = len(lines) if first_part is None else first_part
    numbers = [i for i in range(head_end) if NUMBER.match(lines[i].key)]
    if not numbers:
        where = lines[head_end - 1] if first_part is not None and head_end else lines[0]
        raise ParseError(f"line {where.number}: expected a title, then a document number such "
                         "as 國發〔2016〕28號 on the line below it, before the first part; "
                         "found no document number")
    at = numbers[-1]
    if at == 0:
        raise ParseError(f"line {lines[0].number}: expected the document's title above its "
                         f"number {lines[0].text}")
    if first_part is None:
        raise ParseError(f"line {lines[-1].number}: expected parts (一、), sections (（一）) "
                         "and items (1.) after the front matter; found no part")
    title, number = lines[at - 1], lines[at]
    head = lines[at + 1:first_part]
    addressees = ""
    if head and head[0].key.endswith(":"):
        addressees, head = head[0].text, head[1:]

    headings = [i for i in range(first_part, len(lines))
                if PART.match(lines[i].key) or SECTION.match(lines[i].key)
                or ITEM.match(lines[i].key)]
    last = headings[-1]
    date_at = next((i for i in range(last + 1, len(lines)) if DATE.match(lines[i].key)), None)
    if date_at is None:
        raise ParseError(f"line {lines[-1].number}: expected the closing after the last item: "
                         "the issuer, then the date (such as 2016年5月13日) on a line of its "
                         "own; found no date")
    if date_at - 1 <= last:
        raise ParseError(f"line {lines[date_at].number}: expected the issuer (such as 國務院) "
                         "on the line above the date")
    end = date_at + 1
    while end < len(lines) and NOTE.match(lines[end].key):
        end += 1

    drafts = _body(lines[first_part:date_at - 1])
    closing = [line.text for line in lines[date_at - 1:end]]
    document = _build(title.text, number.text, addressees, [p.text for p in head], drafts,
                      closing)
    return Parsed(document, tuple(line.number for line in lines[:at - 1]),
                  tuple(line.number for line in lines[end:]))


def _body(lines: list[_Line]) -> list[_Draft]:
    """The parts, sections and items, each number checked against the one before it."""
    drafts: list[_Draft] = []
    part: str | None = None
    section: str | None = None
    parts = 0
    last_section = 0  # the document's last section number: some documents number on
    last_item = 0  # the part's last item number
    in_part = in_section = 0  # sections in this part, items in this section
    for line in lines:
        if m := PART.match(line.key):
            value = numeral(m.group(1)) if _valid(m.group(1)) else 0
            if value != parts + 1:
                after = f"after {chinese(parts)}、" if parts else "first"
                raise ParseError(_expected("part", value, (parts + 1,), line, after))
            parts = value
            part, section, in_part, last_item = str(value), None, 0, 0
            drafts.append(_Draft(part, None, "part", f"{m.group(1)}、",
                                 _title(_rest(line, m.group(2))), [line.text]))
        elif m := SECTION.match(line.key):
            value = numeral(m.group(1)) if _valid(m.group(1)) else 0
            allowed = (1, last_section + 1) if in_part == 0 and last_section else (
                (1,) if in_part == 0 else (last_section + 1,))
            if value not in allowed:
                after = (f"after （{chinese(last_section)}）" if last_section
                         else "first") if in_part else f"first in part {chinese(parts)}、"
                raise ParseError(_expected("section", value, allowed, line, after))
            assert part is not None  # the body starts with a part
            section = f"{part}.{value}"
            last_section, in_part, in_section = value, in_part + 1, 0
            drafts.append(_Draft(section, part, "section", f"（{m.group(1)}）",
                                 _title(_rest(line, m.group(2))), [line.text]))
        elif m := ITEM.match(line.key):
            if section is None:
                raise ParseError(f"line {line.number}: item {int(m.group(1))}. before any "
                                 f"section of part {chinese(parts)}、: expected a section "
                                 "（一） first")
            value = int(m.group(1))
            allowed = (1, last_item + 1) if in_section == 0 and last_item else (
                (1,) if in_section == 0 else (last_item + 1,))
            if value not in allowed:
                after = f"after {last_item}." if in_section else "first in its section"
                raise ParseError(_expected("item", value, allowed, line, after))
            last_item, in_section = value, in_section + 1
            drafts.append(_Draft(f"{section}.{value}", section, "item", f"{value}.",
                                 _title(_rest(line, m.group(2))), [line.text]))
        else:
            drafts[-1].paras.append(line.text)
    return drafts


def _valid(text: str) -> bool:
    """A numeral :func:`numeral` reads (not 十十 or 二二)."""
    try:
        value = numeral(text)
    except KeyError:
        return False
    return 0 < value < 100 and chinese(value) == text


def _build(title: str, number: str, addressees: str, preamble: list[str],
           drafts: list[_Draft], closing: list[str]) -> Document:
    nodes: list[Node] = [
        Node("front", None, "front", "", title,
             (title, number, addressees) if addressees else (title, number)),
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
        title=title, number=number, date=closing[1], issuer=closing[0],
        addressees=addressees.rstrip("：:"), nodes=tuple(nodes), by_id={n.id: n for n in nodes},
    )


def parse(text: str) -> Document:
    """Build the document from its text, one paragraph per non-empty line."""
    return read(text).document


@cache
def load() -> Document:
    """The shipped document, parsed once per process."""
    return parse(content.read_text(content.DOCUMENT))
