"""`outline`, `show`, `agencies`, `tasks` and `export`: the document and who does what."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ipx_tui.cli.output import add_script_flag, dump_json, emit, print_text, script_of
from ipx_tui.cli.parsing import Add
from ipx_tui.core import labels
from ipx_tui.core.agencies import Agency, by_involvement, involvement, load_registry
from ipx_tui.core.export import FORMATS, Format, export, node_dict, node_text, task_row, to_csv
from ipx_tui.core.ids import check_node_id
from ipx_tui.core.parse import load
from ipx_tui.core.script import render


def cmd_outline(args: argparse.Namespace) -> int:
    """Print the outline."""
    document = load()
    if args.json:
        dump_json([{"id": n.id, "parent": n.parent, "kind": n.kind, "title": n.title}
                   for n in document.nodes])
        return 0
    script = script_of(args)
    lines = []
    for node in document.nodes:
        indent = "  " * node.depth
        number = f"{node.id:<8}" if node.numbered else f"{'':<8}"
        lines.append(f"{number}{indent}{render(node.label + node.title, script)}")
    print_text("\n".join(lines))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Print one node."""
    document = load()
    node = document.node(check_node_id(document, args.id))
    script = script_of(args)
    if args.json:
        data = node_dict(node)
        if script == "simplified":
            data["title"] = render(node.title, script)
            data["text"] = render(node.text, script)
        data["children"] = list(node.children)
        dump_json(data)
    else:
        print_text(node_text(document, node, script))
    return 0


def _agency_row(agency: Agency, lead: Sequence[str], joined: Sequence[str]) -> dict[str, object]:
    return {"name": agency.name, "kind": agency.kind, "full_name": agency.full_name,
            "successor": agency.successor, "history": list(agency.history),
            "aliases": list(agency.aliases), "lead": len(lead), "participant": len(joined),
            "total": len(lead) + len(joined)}


def cmd_agencies(args: argparse.Namespace) -> int:
    """Print every agency with its counts, most involved first."""
    ranked = by_involvement(involvement(load(), load_registry()))
    if args.json:
        dump_json([_agency_row(v.agency, v.lead, v.participant) for v in ranked])
        return 0
    script = script_of(args)
    lines = [render(f"{'牽頭':>4} {'參與':>4}  名稱 · 全稱 → 現名", script)]
    for v in ranked:
        a = v.agency
        today = f" → {a.successor}" if a.renamed else ""
        lines.append(render(f"{len(v.lead):>6} {len(v.participant):>6}  {a.name} · "
                            f"{a.full_name}{today}", script))
    print_text("\n".join(lines))
    return 0


def cmd_tasks(args: argparse.Namespace) -> int:
    """Print the tasks of one agency (or of every body merged into a name used today)."""
    document, registry = load(), load_registry()
    agencies = registry.resolve(args.agency)
    table = involvement(document, registry)
    rows: list[dict[str, str]] = []
    for task in document.tasks:
        for agency in agencies:
            role = table[agency.name].role_in(task.id)
            if role is None or (args.role and role != args.role):
                continue
            rows.append({"agency": agency.name, "role": role, **task_row(task)})
    script = script_of(args)
    if script == "simplified":
        rows = [{k: render(v, script) if k not in ("id", "section", "role", "rule") else v
                 for k, v in row.items()} for row in rows]
    if args.json:
        dump_json(rows)
    elif args.csv:
        sys.stdout.write(to_csv(rows))
    else:
        head = []
        for agency in agencies:
            v = table[agency.name]
            head.append(render(f"{agency.name}（{agency.full_name}）· {v.total} {labels.TASKS}"
                               f" · {labels.LEADS} {len(v.lead)}", script))
        body = [f"{r['id']:<8} {render(labels.ROLE[r['role']], script)}  {r['title']}"  # type: ignore[index]
                + (f"  [{r['agency']}]" if len(agencies) > 1 else "") for r in rows]
        print_text("\n".join([*head, "", *body] if body else head))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Print or write the 分工表."""
    fmt: Format = args.format
    return emit(export(load(), load_registry(), fmt), args.output, force=args.force)


def add_output_flags(parser: argparse.ArgumentParser) -> None:
    """``--output FILE`` and ``--force``."""
    parser.add_argument("--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def register(add: Add) -> None:
    """Add the document's commands."""
    p = add("outline", cmd_outline, "print the outline: 3 parts, 21 sections, 65 items")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_script_flag(p)

    p = add("show", cmd_show, "print one node's text and its agencies with their roles")
    p.add_argument("id", metavar="ID", help="a node id: 2, 2.6, 2.6.3, front, preamble, closing")
    add_script_flag(p)
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add("agencies", cmd_agencies,
            "print every agency: name, full name, successor today, tasks led and joined")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_script_flag(p)

    p = add("tasks", cmd_tasks, "print the tasks of one agency")
    p.add_argument("--agency", required=True, metavar="NAME",
                   help="as written, in either script, a full name, an alias or today's name")
    p.add_argument("--role", choices=("lead", "participant"), help="only tasks in this role")
    add_script_flag(p)
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print JSON")
    out.add_argument("--csv", action="store_true", help="print CSV")

    p = add("export", cmd_export, "print or write the 分工表 of every task")
    p.add_argument("--format", choices=FORMATS, default="json", help="json (default), csv or md")
    add_output_flags(p)
