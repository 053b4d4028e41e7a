"""The 分工表 and the document as JSON, CSV, Markdown and xlsx, and a node as plain text.

Every JSON shape follows one rule (README, "JSON"): identifiers are as the document writes
them under either script flag (ids, kinds, roles, rules, labels, citations, and agency names
where they are keys: ``name``, ``agency``, ``lead``, ``participants``, ``aliases``); the text
a person reads follows the flag (``title``, ``text``, ``full_name``, ``successor``,
``history``, the document's metadata, and each ``*_shown`` field: the agency names as shown).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any, Literal

from ipx_tui.core import labels
from ipx_tui.core.agencies import Registry, involvement
from ipx_tui.core.document import Document, Node
from ipx_tui.core.ids import citation
from ipx_tui.core.script import Script, render

Format = Literal["json", "csv", "md", "xlsx"]
FORMATS: tuple[Format, ...] = ("json", "csv", "md", "xlsx")

TASK_FIELDS = ("id", "citation", "section", "title", "lead", "participants", "rule")
"""The columns of the 分工表 as CSV (and the keys of a task row)."""

BOM = "\ufeff"
"""What Excel on Chinese Windows needs at the head of a CSV to read it as UTF-8."""


def node_dict(document: Document, node: Node, script: Script = "traditional") -> dict[str, Any]:
    """A node in the public JSON shape."""
    return {
        "id": node.id, "parent": node.parent, "kind": node.kind, "label": node.label,
        "citation": citation(document, node), "title": render(node.title, script),
        "text": render(node.text, script),
        "agencies": [{"name": a.agency, "name_shown": render(a.agency, script), "role": a.role}
                     for a in node.agencies],
    }


def document_dict(document: Document, registry: Registry,
                  script: Script = "traditional") -> dict[str, Any]:
    """The whole document and registry: the stable public shape of ``export --format json``."""
    # deferred: 1.6 ms and a TOML file, for export only; the browser imports this module at start
    from ipx_tui.core.metadata import load_errata, load_metadata

    table = involvement(document, registry)
    meta = load_metadata()
    return {
        "document": {
            "title": render(document.title, script), "number": render(document.number, script),
            "date": document.date, "issuer": render(document.issuer, script),
            "addressees": render(document.addressees, script),
            # 成文日期 and 發布日期 (content/document.toml), as ISO dates and as Chinese
            # writes them; the errata as written (between traditional forms: see `info`)
            "written": meta.written.isoformat(), "written_text": meta.written_text,
            "published": meta.published.isoformat(), "published_text": meta.published_text,
            "index_number": meta.index_number, "url": meta.url,
            "errata": [{"node": e.node, "before": e.before, "after": e.after, "why": e.why}
                       for e in load_errata()],
        },
        "nodes": [node_dict(document, n, script) for n in document.nodes],
        "agencies": [
            {
                "name": a.name, "name_shown": render(a.name, script),
                "full_name": render(a.full_name, script),
                "successor": render(a.successor, script), "aliases": list(a.aliases),
                "registered": a.registered,
                "lead": list(table[a.name].lead), "participant": list(table[a.name].participant),
            }
            for a in registry.agencies
        ],
    }


def task_row(document: Document, node: Node, script: Script = "traditional") -> dict[str, Any]:
    """One task's line in the 分工表, in the JSON shape: lead and participants are lists of
    names as written, with their ``*_shown`` twins in the script asked for."""
    resp = node.responsibility
    leads = list(resp.leads) if resp else []
    participants = list(resp.participants) if resp else []
    return {
        "id": node.id, "citation": citation(document, node), "section": node.parent or "",
        "title": render(node.title, script),
        "lead": leads, "lead_shown": [render(a, script) for a in leads],
        "participants": participants,
        "participants_shown": [render(a, script) for a in participants],
        "rule": resp.rule if resp else "",
    }


def flat(row: dict[str, Any]) -> dict[str, str]:
    """A row for a table a person reads (CSV, xlsx): names as shown, lists joined with 、."""
    out: dict[str, str] = {}
    for key, value in row.items():
        if key.endswith("_shown"):
            continue
        shown = row.get(f"{key}_shown", value)
        out[key] = "、".join(shown) if isinstance(shown, list) else (
            "" if shown is None else str(shown))
    return out


def to_csv(rows: Sequence[dict[str, Any]], fields: Sequence[str]) -> str:
    """Rows as CSV under a header line, which is written even when there are no rows."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(fields), lineterminator="\n",
                            extrasaction="ignore")
    writer.writeheader()
    writer.writerows(flat(row) for row in rows)
    return out.getvalue()


def markdown(document: Document, script: Script = "traditional") -> str:
    """The 分工表 as Markdown: one table per section, one row per task."""
    lines = [f"# {document.title}", "", f"{document.number} · {document.date} · {document.issuer}",
             ""]
    for section in document.of_kind("section"):
        tasks = document.children(section.id)
        if not tasks:
            continue
        lines += [f"## {section.id} {section.title}", "",
                  "| 編號 | 任務 | 牽頭 | 參與 |", "| --- | --- | --- | --- |"]
        for task in tasks:
            row = flat(task_row(document, task))
            # no lead: a collective list says so; a task with no list says nothing
            lead = row["lead"] or (f"（{labels.RULE['collective']}）" if task.responsibility
                                   else "")
            lines.append(f"| {row['id']} | {row['title']} | {lead} | {row['participants']} |")
        lines.append("")
    return "\n".join(render(line, script) for line in lines)


XLSX_COLUMNS = (("編號", 8), ("引用", 13), ("部分", 12), ("節", 26), ("任務", 40),
                ("牽頭", 28), ("參與", 60), ("分工", 22))
"""The spreadsheet's columns: heading and width in characters."""


def xlsx(document: Document, script: Script = "traditional") -> bytes:
    """The 分工表 as an Excel workbook: one row per task under a frozen header."""
    # deferred: XlsxWriter (about 30 ms to import) is for this one export
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.set_properties({"title": render(f"{document.title}（{document.number}）分工", script)})
    sheet = book.add_worksheet(render("分工", script))
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1,
                            "text_wrap": True, "valign": "top"})
    cell = book.add_format({"text_wrap": True, "valign": "top"})
    for col, (title, width) in enumerate(XLSX_COLUMNS):
        sheet.write(0, col, render(title, script), head)
        sheet.set_column(col, col, width, cell)
    for row_no, task in enumerate(document.tasks, start=1):
        row = flat(task_row(document, task, script))
        part, section = document.ancestors(task.id)
        values = [row["id"], row["citation"], render(part.label + part.title, script),
                  render(section.label + section.title, script), row["title"],
                  row["lead"] or (render(f"（{labels.RULE['collective']}）", script)
                                  if task.responsibility else ""),
                  row["participants"], render(labels.RULE[task.responsibility.rule], script)
                  if task.responsibility else ""]
        for col, value in enumerate(values):
            sheet.write_string(row_no, col, value, cell)
    sheet.freeze_panes(1, 0)
    # printed: landscape, one page wide, the header on every page
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    sheet.autofilter(0, 0, len(document.tasks), len(XLSX_COLUMNS) - 1)
    book.close()
    return out.getvalue()


def export(document: Document, registry: Registry, fmt: Format,
           script: Script = "traditional") -> str | bytes:
    """The export in one format: text, or bytes for xlsx."""
    if fmt == "json":
        return json.dumps(document_dict(document, registry, script), ensure_ascii=False,
                          indent=2) + "\n"
    if fmt == "csv":
        return to_csv([task_row(document, t, script) for t in document.tasks], TASK_FIELDS)
    if fmt == "xlsx":
        return xlsx(document, script)
    return markdown(document, script)


def node_text(document: Document, node: Node, script: Script = "traditional") -> str:
    """A node as plain text: heading, place in the outline, text, agencies by role."""
    path = " › ".join(f"{a.label}{a.title}" for a in document.ancestors(node.id))
    lines = [f"{node.id}  {node.title}" if node.numbered else node.title]
    if path:
        lines.append(path)
    lines += ["", *node.paragraphs]
    if node.responsibility is not None:
        lines += ["", *responsibility_lines(node)]
    return "\n".join(render(line, script) for line in lines) + "\n"


def responsibility_lines(node: Node) -> list[str]:
    """Who is responsible for a node, as lines: who leads, who joins, the rule, where the
    list comes from (none where the text names nobody)."""
    resp = node.responsibility
    if resp is None:
        return []
    lines = []
    if resp.leads:
        lines.append(f"{labels.LEADS}：{'、'.join(resp.leads)}")
    if resp.participants:
        word = labels.RESPONSIBLE if resp.rule == "collective" else labels.JOINS
        lines.append(f"{word}：{'、'.join(resp.participants)}")
    lines.append(f"（{labels.RULE[resp.rule]}）")
    if resp.inherited_from:
        lines.append(f"（{labels.INHERITED.format(section=resp.inherited_from)}）")
    return lines


def reading_text(document: Document, node_id: str | None = None,
                 script: Script = "traditional") -> str:
    """The document, or one node with everything under it, as plain text to read straight
    through (with a screen reader, a braille display or a pager): each node opens with its
    id and heading, said once, then its text and who is responsible for it."""
    if node_id is None:
        nodes: list[Node] = list(document.nodes)
    else:
        nodes = [document.node(node_id)]
        for n in nodes:  # grows as it goes: the node, then its descendants in order
            nodes += document.children(n.id)
        order = {n.id: i for i, n in enumerate(document.nodes)}
        nodes.sort(key=lambda n: order[n.id])
    blocks = []
    for node in nodes:
        if node.kind == "front":  # the title, number and addressees, the preamble, the close
            lines = list(node.paragraphs)
        elif node.heading_alone:
            lines = [f"{node.id}  {node.label}{node.title}", *node.paragraphs[1:]]
        elif node.paragraphs and node.paragraphs[0].startswith(node.label + node.title):
            # an item: its first paragraph opens with its heading (1.提升交通運輸服務品質。…)
            lines = [f"{node.id}  {node.paragraphs[0]}", *node.paragraphs[1:]]
        else:
            lines = [f"{node.id}  {node.label}{node.title}", *node.paragraphs]
        lines += responsibility_lines(node)
        blocks.append("\n".join(render(line, script) for line in lines))
    return "\n\n".join(blocks) + "\n"
