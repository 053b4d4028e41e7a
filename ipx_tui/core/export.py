"""The 分工表 and the document as JSON, CSV and Markdown, and a node as plain text."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Literal

from ipx_tui.core import labels
from ipx_tui.core.agencies import Registry, involvement
from ipx_tui.core.document import Document, Node
from ipx_tui.core.script import Script, render

Format = Literal["json", "csv", "md"]
FORMATS: tuple[Format, ...] = ("json", "csv", "md")


def node_dict(node: Node) -> dict[str, Any]:
    """A node in the public JSON shape."""
    return {
        "id": node.id, "parent": node.parent, "kind": node.kind, "title": node.title,
        "text": node.text,
        "agencies": [{"name": a.agency, "role": a.role} for a in node.agencies],
    }


def document_dict(document: Document, registry: Registry) -> dict[str, Any]:
    """The whole document and registry: the stable public shape of ``export --format json``."""
    table = involvement(document, registry)
    return {
        "document": {
            "title": document.title, "number": document.number, "date": document.date,
            "issuer": document.issuer, "addressees": document.addressees,
        },
        "nodes": [node_dict(n) for n in document.nodes],
        "agencies": [
            {
                "name": a.name, "full_name": a.full_name, "successor": a.successor,
                "aliases": list(a.aliases),
                "lead": list(table[a.name].lead), "participant": list(table[a.name].participant),
            }
            for a in registry.agencies
        ],
    }


def task_row(node: Node) -> dict[str, str]:
    """One task's line in the 分工表."""
    resp = node.responsibility
    return {
        "id": node.id, "section": node.parent or "", "title": node.title,
        "lead": "、".join(resp.leads) if resp else "",
        "participants": "、".join(resp.participants) if resp else "",
        "rule": resp.rule if resp else "",
    }


def to_csv(rows: list[dict[str, str]]) -> str:
    """Rows as CSV with a header line."""
    if not rows:
        return ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def markdown(document: Document) -> str:
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
            row = task_row(task)
            lead = row["lead"] or f"（{labels.RULE['collective']}）"
            lines.append(f"| {row['id']} | {row['title']} | {lead} | {row['participants']} |")
        lines.append("")
    return "\n".join(lines)


def export(document: Document, registry: Registry, fmt: Format) -> str:
    """The export in one format, as text."""
    if fmt == "json":
        return json.dumps(document_dict(document, registry), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return to_csv([task_row(t) for t in document.tasks])
    return markdown(document)


def node_text(document: Document, node: Node, script: Script = "traditional") -> str:
    """A node as plain text: heading, place in the outline, text, agencies by role."""
    path = " › ".join(f"{a.label}{a.title}" for a in document.ancestors(node.id))
    lines = [f"{node.id}  {node.title}" if node.numbered else node.title]
    if path:
        lines.append(path)
    lines += ["", *node.paragraphs]
    resp = node.responsibility
    if resp is not None:
        lines.append("")
        if resp.leads:
            lines.append(f"{labels.LEADS}：{'、'.join(resp.leads)}")
        if resp.participants:
            word = labels.RESPONSIBLE if resp.rule == "collective" else labels.JOINS
            lines.append(f"{word}：{'、'.join(resp.participants)}")
        lines.append(f"（{labels.RULE[resp.rule]}）")
        if resp.inherited_from:
            lines.append(f"（{labels.INHERITED.format(section=resp.inherited_from)}）")
    return "\n".join(render(line, script) for line in lines) + "\n"
