"""What the detail pane shows: a node's page or an agency's page, as tagged runs of text.

Pages are plain data (no Textual), so they can be tested directly; the detail widget maps
each tag to a style from app.tcss and wraps the blocks to the pane's width.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Literal, Protocol

from rich.cells import cell_len

from ipx_tui.core import labels
from ipx_tui.core.agencies import Agency, Involvement, load_registry
from ipx_tui.core.document import Document, Node, Role
from ipx_tui.core.keywords import KINDS, keywords, related
from ipx_tui.core.script import Script
from ipx_tui.tui.history import Location
from ipx_tui.tui.texts import ROLE_MARK, tr
from ipx_tui.tui.wrap import Span

if TYPE_CHECKING:
    from ipx_tui.tui.host import Host

class Keywords(Protocol):
    """Where a document's keywords come from (an imported document stores its own)."""

    def keywords(self, node_id: str, script: Script = "traditional") -> list[str]:
        """A section's or item's keywords."""

    def related(self, node_id: str) -> list[str]:
        """The nodes sharing the most keywords with one."""


@dataclass(frozen=True, slots=True)
class Elsewhere:
    """An agency's tasks in another document of the library."""

    doc_id: str
    number: str
    tasks: tuple[tuple[str, str, Role], ...]
    """Each task: its id, its heading as written, the agency's role in it."""


TargetKind = Literal["node", "agency"]
Target = tuple[TargetKind, str]
"""Where a link leads: a node id or an agency's registry name."""

Tag = Literal["", "crumb", "heading", "label", "dim", "text", "lead", "participant",
              "filter", "count"]
"""What a run of text is; the detail pane styles each tag (``page--<tag>`` in app.tcss)."""

SEP = "、"


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text with a tag, and where it leads if it is a link."""

    text: str
    tag: Tag = ""
    link: Target | None = None
    filtered: bool = False
    """Whether it names the agency the sidebar is filtered on."""


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph or a line: runs wrapped together."""

    runs: tuple[Run, ...]
    gap: bool = False
    """A blank line before it."""
    indent: int = 0
    hang: int = 0
    """Extra indent of its wrapped lines, so a list entry's text lines up after its mark."""
    whole: tuple[Span, ...] = ()
    """Spans of its text that a line never breaks inside: agency names and keywords."""

    @property
    def plain(self) -> str:
        """The block's text without styles."""
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True, slots=True)
class Page:
    """Everything the detail pane shows for one view."""

    blocks: tuple[Block, ...]
    title: str
    """A short name for messages (``2.1.1``, an agency's name)."""

    @property
    def plain(self) -> str:
        """The page as plain text, one block a line, blank lines where gaps are."""
        out: list[str] = []
        for block in self.blocks:
            if block.gap and out:
                out.append("")
            out.append(" " * block.indent + block.plain)
        return "\n".join(out) + "\n"

    @property
    def links(self) -> tuple[Target, ...]:
        """The page's link targets in reading order."""
        return tuple(r.link for b in self.blocks for r in b.runs if r.link is not None)


def heading_of(node: Node, document: Document, script: Script) -> str:
    """A node's numbering and title as the outline shows them."""
    if node.id == "front":
        return tr(document.title, script)
    return tr(node.label, script) + tr(node.title, script)


def crumb(document: Document, node: Node, script: Script) -> Block | None:
    """The node's id and its place in the outline: ``2.1.1 · 二、重點行動 › （一）…``."""
    if not node.numbered:
        return None
    runs = [Run(node.id, "crumb")]
    ancestors = document.ancestors(node.id)
    if ancestors:
        runs.append(Run(" · ", "crumb"))
        for i, ancestor in enumerate(ancestors):
            if i:
                runs.append(Run(" › ", "crumb"))
            runs.append(Run(heading_of(ancestor, document, script), "crumb",
                            link=("node", ancestor.id)))
    return Block(tuple(runs))


def agency_block(node: Node, script: Script, agency_filter: str | None,
                 members: tuple[str, ...] = ()) -> list[Block]:
    """The responsible agencies, leads first, each a link; the rule as the document states it."""
    resp = node.responsibility
    if resp is None:
        return []
    runs: list[Run] = []

    def names(agencies: tuple[str, ...], tag: Tag) -> None:
        for i, name in enumerate(agencies):
            if i:
                runs.append(Run(SEP))
            runs.append(Run(tr(name, script), tag, link=("agency", name),
                            filtered=name == agency_filter or name in members))

    if resp.leads:
        runs.append(Run(tr(labels.LEADS, script) + "：", "label"))
        names(resp.leads, "lead")
    if resp.participants:
        if runs:
            runs.append(Run("　"))
        word = labels.RESPONSIBLE if resp.rule == "collective" else labels.JOINS
        runs.append(Run(tr(word, script) + "：", "label"))
        names(resp.participants, "participant")
    blocks = [Block(tuple(runs), gap=True)]
    note = [Run("（" + tr(labels.RULE[resp.rule], script) + "）", "dim")]
    if resp.inherited_from:
        note.append(Run("（" + tr(labels.INHERITED, script).format(section=resp.inherited_from)
                        + "）", "dim"))
    blocks.append(Block(tuple(note)))
    return blocks


def paragraph(text: str, source: str | None, script: Script) -> Block:
    """One paragraph; the agency list inside it is dimmed, since the line above states it."""
    shown = tr(text, script)
    if source:
        quoted = tr(source, script)
        at = shown.find(quoted)
        if at > 0:
            return Block((Run(shown[:at], "text"), Run(quoted, "dim"),
                          Run(shown[at + len(quoted):], "text")), gap=True)
    return Block((Run(shown, "text"),), gap=True)


def child_line(document: Document, child: Node, script: Script,
               table: dict[str, Involvement] | None, agency_filter: str | None) -> Block:
    """One entry of a part's or a section's list: a link to the child, with its role mark."""
    mark = ""
    tag: Tag = ""
    if agency_filter is not None and table is not None and child.kind == "item":
        role = table[agency_filter].role_in(child.id)
        mark = ROLE_MARK[role] if role else "　"
        tag = role or ""
    runs = [Run(mark + " ", tag)] if mark else []
    runs.append(Run(heading_of(child, document, script), link=("node", child.id)))
    hang = cell_len(runs[0].text) if mark else 0
    return Block(tuple(runs), indent=2, hang=hang + cell_len(tr(child.label, script)))


def node_page(document: Document, node_id: str, script: Script,
              agency_filter: str | None = None,
              table: dict[str, Involvement] | None = None, *, extras: bool = True,
              members: tuple[str, ...] = (), source: Keywords | None = None) -> Page:
    """The page of one node: where it is, its heading, agencies, text and children, then
    (with ``extras``) its keywords and related nodes."""
    node = document.node(node_id)
    blocks: list[Block] = []
    if (place := crumb(document, node, script)) is not None:
        blocks.append(place)
    blocks.append(Block((Run(heading_of(node, document, script), "heading"),),
                        gap=bool(blocks)))
    if extras and node.id == "front" and shipped(document):
        blocks += metadata_blocks(script)
    blocks += agency_block(node, script, agency_filter, members)
    listed = node.responsibility.source if node.responsibility else None
    # A part's only paragraph, and the front matter's first, is the heading shown above; so
    # is a section's first paragraph when it is its heading alone (（一）總體思路。).
    skip_heading = node.kind == "part" or node.id == "front" or node.heading_alone
    for text in node.paragraphs[1:] if skip_heading else node.paragraphs:
        blocks.append(paragraph(text, listed, script))
    if extras and shipped(document):  # the corrections are of the shipped text's copy
        blocks += errata_blocks(node.id, script)
    children = document.roots[1:] if node.id == "front" else document.children(node.id)
    for i, child in enumerate(children):
        line = child_line(document, child, script, table, agency_filter)
        blocks.append(Block(line.runs, gap=i == 0, indent=line.indent, hang=line.hang))
    if extras and node.id == "front" and shipped(document):
        blocks += errata_list(script)
    resp = node.responsibility
    terms = [tr(n, script) for n in (*resp.leads, *resp.participants)] if resp else []
    if extras:
        blocks += keyword_blocks(document, node, script, source)
        terms += registry_terms(script)
    return Page(keep_whole(blocks, terms), node.id)


def shipped(document: Document) -> bool:
    """Whether the document is the shipped 國發〔2015〕40號, whose metadata and errata
    content/ holds (an imported document has its own number)."""
    from ipx_tui.core.metadata import load_metadata  # deferred: see metadata_blocks

    return document.number == load_metadata().number


def metadata_blocks(script: Script) -> list[Block]:
    """The document's 發文機關, 發文字號, 成文日期 and 發布日期, one a line (its first page)."""
    # deferred: core.metadata costs about 2 ms to import and reads a TOML file; pages built
    # before the first frame go without it (extras off) and are completed after
    from ipx_tui.core.metadata import load_metadata

    m = load_metadata()
    blocks = []
    for i, (label, value) in enumerate(((labels.ISSUER, tr(m.issuer, script)),
                                        (labels.NUMBER, tr(m.number, script)),
                                        (labels.WRITTEN, m.written_text),
                                        (labels.PUBLISHED, m.published_text))):
        head = tr(label, script) + "："
        blocks.append(Block((Run(head, "label"), Run(value)), gap=i == 0,
                            hang=cell_len(head)))
    return blocks


def _errata_head(script: Script) -> str:
    return tr(labels.ERRATA, script) + "（" + tr(labels.ERRATA_WHAT, script) + "）："


def _errata_note(script: Script) -> list[Block]:
    # the correction is between two traditional forms that simplified writes alike
    if script == "traditional":
        return []
    return [Block((Run("（" + tr(labels.ERRATA_SIMPLIFIED, script) + "）", "dim"),), indent=2,
                  hang=1)]



def errata_blocks(node_id: str, script: Script) -> list[Block]:
    """The corrections of the Wikisource text that a node's text carries: before → after,
    as written (traditional) in either script, and why."""
    from ipx_tui.core.metadata import errata_of  # deferred: see metadata_blocks

    blocks = []
    for erratum in errata_of(node_id):
        blocks.append(Block((Run(_errata_head(script), "label"),), gap=True))
        change = f"{erratum.before} → {erratum.after}"
        # each form whole: a line broken inside 促進製造業 hides what changed
        after = len(change) - len(erratum.after)
        blocks.append(Block((Run(change),), indent=2,
                            whole=((0, len(erratum.before)), (after, len(change)))))
        blocks.append(Block((Run(erratum.why_in(script), "dim"),), indent=2))
    return blocks + _errata_note(script) if blocks else []


def errata_list(script: Script) -> list[Block]:
    """Every correction, each linked to its node (the document's first page)."""
    from ipx_tui.core.metadata import load_errata  # deferred: see metadata_blocks

    errata = load_errata()
    if not errata:
        return []
    blocks = [Block((Run(_errata_head(script), "label"),), gap=True)]
    for erratum in errata:
        shown = f"{erratum.node:<7}"
        blocks.append(Block((Run(shown, link=("node", erratum.node)),
                             Run(f"{erratum.before} → {erratum.after}")),
                            indent=2, hang=len(shown)))
    return blocks + _errata_note(script)


def english_name(name: str, abbreviation: str) -> str:
    """An English name with its abbreviation: National Development and Reform Commission
    (NDRC)."""
    return f"{name} ({abbreviation})" if abbreviation else name


@cache
def registry_terms(script: Script) -> tuple[str, ...]:
    """Every name, full name, alias and today's name in the registry, in the script."""
    return tuple(sorted({tr(n, script) for a in load_registry().agencies for n in a.names}))


@cache
def _finder(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    wanted = sorted({t for t in terms if len(t) > 1}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, wanted))) if wanted else None


def keep_whole(blocks: list[Block], terms: list[str] | tuple[str, ...]) -> tuple[Block, ...]:
    """The blocks with the spans a line must not break inside: every agency link and every
    heading of the place line, every occurrence of the terms, and a label (牽頭：) with the
    name or keyword after it."""
    finder = _finder(tuple(terms))
    out: list[Block] = []
    for block in blocks:
        plain = block.plain
        spans: list[Span] = list(block.whole)
        if finder is not None:
            spans += [m.span() for m in finder.finditer(plain)]
        at = 0
        bounds: list[tuple[Run, int]] = []
        for run in block.runs:
            if run.link is not None and (run.link[0] == "agency" or run.tag == "crumb"):
                spans.append((at, at + len(run.text)))  # a name, or a heading in the place line
            bounds.append((run, at))
            at += len(run.text)
        for run, start in bounds:
            if run.tag == "label":
                end = start + len(run.text)
                nexts = [e for s, e in spans if s == end]
                if nexts:
                    spans.append((start, max(nexts)))
        out.append(replace(block, whole=tuple(sorted(set(spans)))) if spans else block)
    return tuple(out)


def has_keywords(node: Node) -> bool:
    """Whether the node has keywords and related nodes (sections, items and the preamble)."""
    return node.kind in KINDS or node.id == "preamble"


def keyword_blocks(document: Document, node: Node, script: Script,
                   source: Keywords | None = None) -> list[Block]:
    """The node's keywords on one line, then its related nodes, each a link (the shipped
    document's, or those ``source`` gives)."""
    if not has_keywords(node):
        return []
    blocks: list[Block] = []
    words = keywords(node.id, script) if source is None else source.keywords(node.id, script)
    linked = related(node.id) if source is None else source.related(node.id)
    if words:
        label = tr(labels.KEYWORDS, script) + "："
        spans, at = [], len(label)
        for word in words:  # each keyword whole: the line breaks only after a 、
            spans.append((at, at + len(word)))
            at += len(word) + len(SEP)
        blocks.append(Block((Run(label, "label"), Run(SEP.join(words))), gap=True,
                            hang=cell_len(label), whole=tuple(spans)))
    # the parent and the children are linked above already (the place line, the list)
    near = {n.id for n in document.ancestors(node.id)} | {n.id for n in document.children(node.id)}
    ids = [i for i in linked if i in document and i not in near]
    if ids:
        blocks.append(Block((Run(tr(labels.RELATED, script), "label"),
                             Run(f" {len(ids)}", "count")), gap=True))
        for other in ids:
            # at least one space after the id: "preamble" is longer than the column
            shown = f"{other:<7}" if len(other) < 7 else other + " "
            blocks.append(Block((Run(shown, "dim"),
                                 Run(heading_of(document.node(other), document, script),
                                     link=("node", other))),
                                indent=2, hang=len(shown)))
    return blocks


def page_for(host: Host, location: Location, *, extras: bool = True) -> tuple[Page, bool]:
    """The detail page of a node or agency location, and whether it went without keywords
    and related nodes that it has (``extras`` off: before the first frame)."""
    if location.kind == "agency":
        key = location.key
        members = host.members_of(key)
        beside = None
        if members != (key,):  # today's name of several: name the 2015 bodies beside each task
            each = host.involvement_table()
            beside = {t: tuple(m for m in members if each[m].role_in(t))
                      for t in (*host.involvement_of(key).lead,
                                *host.involvement_of(key).participant)}
        # the other documents are read after the first frame (a start on an agency's page)
        elsewhere = host.elsewhere(members) if extras else ()
        return agency_page(host.document, host.involvement_of(key), host.script,
                           beside, elsewhere), not extras
    agency = location.agency
    table = {agency: host.involvement_of(agency)} if agency else None
    # without extras the page also goes without the registry's names kept whole
    bare = not extras
    return node_page(host.document, location.key, host.script, agency, table, extras=extras,
                     members=host.members_of(agency) if agency else (),
                     source=host.keyword_source()), bare


def agency_page(document: Document, involvement: Involvement, script: Script,
                beside: dict[str, tuple[str, ...]] | None = None,
                elsewhere: tuple[Elsewhere, ...] = ()) -> Page:
    """An agency's page: its names, what became of it, and the tasks it leads and joins
    (``beside``: for today's name of several bodies, the bodies named in each task), then
    its tasks in the other documents of the library."""
    agency: Agency = involvement.agency
    blocks = [Block((Run(tr(agency.name, script), "heading"),))]

    def field(label: str, value: str, gap: bool = False) -> None:
        blocks.append(Block((Run(tr(label, script) + "：", "label"), Run(value)), gap=gap,
                            hang=cell_len(label) + 2))

    if not agency.registered:  # a body an imported document names, as written
        blocks.append(Block((Run(tr(labels.NOT_REGISTERED, script), "dim"),), gap=True))
    else:
        field(labels.FULL_NAME, tr(agency.full_name, script), gap=True)
        field(labels.SUCCESSOR, tr(agency.successor, script))
        # the English names together, under the Chinese ones, the note on them last
        then = english_name(agency.english, agency.abbreviation)
        if agency.english:
            descriptive = agency.english_descriptive
            note = "（" + tr(labels.DESCRIPTIVE, script) + "）" if descriptive else ""
            field(labels.ENGLISH, then + note)
        today = english_name(agency.successor_english, agency.successor_abbreviation)
        if agency.successor_english and today != then:  # the same name twice says nothing
            field(labels.SUCCESSOR_ENGLISH, today)
        if agency.english_note:
            blocks.append(Block((Run(agency.english_note, "dim"),), indent=2))
    if agency.aliases:
        field(labels.ALIASES, SEP.join(tr(a, script) for a in agency.aliases))
    if agency.history:
        blocks.append(Block((Run(tr(labels.HISTORY, script) + "：", "label"),)))
        for line in agency.history:
            blocks.append(Block((Run("· "), Run(tr(line, script))), indent=2, hang=2))
    blocks.append(Block(count_runs(agency, involvement, script), gap=True))
    for role, ids in (("lead", involvement.lead), ("participant", involvement.participant)):
        if not ids:
            continue
        word = labels.LEADS if role == "lead" else labels.JOINS
        blocks.append(Block((Run(tr(word, script), "label"), Run(f" {len(ids)}", "count")),
                            gap=True))
        for task_id in ids:
            task = document.node(task_id)
            tag: Tag = "lead" if role == "lead" else "participant"
            runs = [Run(ROLE_MARK[role] + " ", tag), Run(f"{task_id:<7}", "dim"),
                    Run(heading_of(task, document, script), link=("node", task_id))]
            if beside and beside.get(task_id):
                runs.append(Run("  " + SEP.join(tr(b, script) for b in beside[task_id]), "dim"))
            blocks.append(Block(tuple(runs), indent=2, hang=9))
    if elsewhere:
        blocks.append(Block((Run(tr(labels.ELSEWHERE, script), "label"),
                             Run(f" {len(elsewhere)}", "count")), gap=True))
    for other in elsewhere:
        blocks.append(Block((Run(other.doc_id, "dim"), Run(" · "),
                             Run(tr(other.number, script)),
                             Run(f" · {len(other.tasks)} ", "count"),
                             Run(tr(labels.TASKS, script))),
                            gap=True, indent=2))
        for task_id, heading, role in other.tasks:
            mark: Tag = "lead" if role == "lead" else "participant"
            blocks.append(Block((Run(ROLE_MARK[role] + " ", mark), Run(f"{task_id:<7}", "dim"),
                                 Run(tr(heading, script))), indent=4, hang=9))
    return Page(keep_whole(blocks, registry_terms(script)), agency.name)


def count_runs(agency: Agency, involvement: Involvement, script: Script) -> tuple[Run, ...]:
    """``科技部 · 24 項任務 · 牽頭 6``, in pieces that are each shipped text."""
    return (Run(tr(agency.name, script), "heading"),
            Run(f" · {involvement.total} ", "count"), Run(tr(labels.TASKS, script)),
            Run(" · "), Run(tr(labels.LEADS, script)), Run(f" {len(involvement.lead)}", "count"))
