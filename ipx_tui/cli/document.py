"""`outline`, `show`, `agencies`, `tasks` and `export`: the document and who does what."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from ipx_tui.cli.output import add_script_flag, dump_json, emit, print_text, script_of
from ipx_tui.cli.parsing import Add
from ipx_tui.core import labels
from ipx_tui.core.agencies import Agency, Involvement, by_involvement, involvement, load_registry
from ipx_tui.core.errors import UserError
from ipx_tui.core.export import (
    BOM,
    FORMATS,
    TASK_FIELDS,
    Format,
    export,
    node_dict,
    node_text,
    task_row,
    to_csv,
)
from ipx_tui.core.i18n import N_, _, ngettext
from ipx_tui.core.ids import check_node_id, citation
from ipx_tui.core.parse import load
from ipx_tui.core.script import Script, render


def cmd_outline(args: argparse.Namespace) -> int:
    """Print the outline."""
    document = load()
    script = script_of(args)
    if args.json:
        dump_json([{"id": n.id, "parent": n.parent, "kind": n.kind, "label": n.label,
                    "citation": citation(document, n), "title": render(n.title, script)}
                   for n in document.nodes])
        return 0
    lines = []
    for node in document.nodes:
        indent = "  " * node.depth
        # front-matter ids too (front, preamble, closing): `show` takes them
        lines.append(f"{node.id:<8} {indent}{render(node.label + node.title, script)}")
    print_text("\n".join(lines))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Print one node."""
    document = load()
    node = document.node(check_node_id(document, args.id))
    script = script_of(args)
    if args.json:
        data = node_dict(document, node, script)
        data["children"] = list(node.children)
        dump_json(data)
        return 0
    text = node_text(document, node, script)
    kids = document.children(node.id)
    if kids:  # a part or a section: what is under it, with the ids `show` takes
        text += "\n" + "\n".join(f"  {k.id:<8} {render(k.label + k.title, script)}"
                                 for k in kids) + "\n"
    print_text(text)
    return 0


def _agency_row(agency: Agency, lead: Sequence[str], joined: Sequence[str],
                script: Script) -> dict[str, object]:
    return {"name": agency.name, "name_shown": render(agency.name, script), "kind": agency.kind,
            "full_name": render(agency.full_name, script),
            "successor": render(agency.successor, script),
            "history": [render(h, script) for h in agency.history],
            "aliases": list(agency.aliases), "lead": len(lead), "participant": len(joined),
            "total": len(lead) + len(joined)}


def cmd_agencies(args: argparse.Namespace) -> int:
    """Print every agency with its counts, most involved first."""
    ranked = by_involvement(involvement(load(), load_registry()))
    script = script_of(args)
    if args.json:
        dump_json([_agency_row(v.agency, v.lead, v.participant, script) for v in ranked])
        return 0
    lines = [render(f"{'牽頭':>4} {'參與':>4}  名稱 · 全稱 → 現名", script)]
    for v in ranked:
        a = v.agency
        today = f" → {a.successor}" if a.renamed else ""
        lines.append(render(f"{len(v.lead):>6} {len(v.participant):>6}  {a.name} · "
                            f"{a.full_name}{today}", script))
    print_text("\n".join(lines))
    return 0


def cmd_tasks(args: argparse.Namespace) -> int:
    """Print the tasks of one agency (or of every body merged into a name used today),
    narrowed to those whose text has every word given."""
    document, registry = load(), load_registry()
    agencies = registry.resolve(args.agency)
    table = involvement(document, registry)
    script = script_of(args)
    topic = _topic(args.words)
    rows: list[dict[str, Any]] = []
    for task in document.tasks:
        if topic is not None and task.id not in topic:
            continue
        for agency in agencies:
            role = table[agency.name].role_in(task.id)
            if role is None or (args.role and role != args.role):
                continue
            rows.append({"agency": agency.name, "agency_shown": render(agency.name, script),
                         "role": role, **task_row(document, task, script)})
    if args.json:
        dump_json(rows)
    elif args.csv:
        sys.stdout.write(to_csv(rows, ("agency", "role", *TASK_FIELDS)))
    else:
        print_text(_tasks_text(agencies, table, rows, args, script))
    return 0


def _topic(words: Sequence[str]) -> set[str] | None:
    """The nodes whose text has every word (as search matches them), or None without words."""
    if not words:
        return None
    from ipx_tui.core.search import engine  # deferred: the engine is for a topic only

    result = engine().search(" ".join(words))
    if not result.words:
        raise UserError(_("nothing to search for: the words have no characters that can match"))
    return set() if result.partial else {hit.node_id for hit in result.hits}


def _tasks_text(agencies: Sequence[Agency], table: dict[str, Involvement],
                rows: list[dict[str, Any]], args: argparse.Namespace, script: Script) -> str:
    """A head line per agency, a count line, then each task once; with several bodies (a
    name used today), the bodies beside it, each with its role where theirs differ."""
    head = []
    for agency in agencies:
        v = table[agency.name]
        head.append(render(f"{agency.name}（{agency.full_name}）· {v.total} {labels.TASKS}"
                           f" · {labels.LEADS} {len(v.lead)}", script))
    by_task: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_task.setdefault(row["id"], []).append(row)
    body = []
    for task_id, mine in by_task.items():
        role = "lead" if any(r["role"] == "lead" for r in mine) else "participant"  # the strongest
        line = f"{task_id:<8} {render(labels.ROLE[role], script)}  {mine[0]['title']}"  # type: ignore[index]
        if len(agencies) > 1:
            names = [r["agency_shown"] + ("" if r["role"] == role else
                                    f"（{render(labels.ROLE[r['role']], script)}）")
                     for r in mine]
            line += f"  [{'、'.join(names)}]"
        body.append(line)
    counted = _count_line(agencies, table, len(by_task), args, script)
    return "\n".join([*head, counted, "", *body] if body else [*head, counted])


def _count_line(agencies: Sequence[Agency], table: dict[str, Involvement], shown: int,
                args: argparse.Namespace, script: Script) -> str:
    """``20 tasks (質檢總局、食品藥品監管總局、工商總局 together)`` or, narrowed by words or
    role, ``3 of 59 tasks: 物联网, lead``; the figure is the number of rows below."""
    every = {t for a in agencies for t in (*table[a.name].lead, *table[a.name].participant)}
    names = "、".join(render(a.name, script) for a in agencies)
    together = _(" ({names} together)").format(names=names) if len(agencies) > 1 else ""
    narrowed = [" ".join(args.words)] if args.words else []
    narrowed += [args.role] if args.role else []
    if not narrowed:
        return ngettext("{shown} task{together}", "{shown} tasks{together}", len(every)).format(
            shown=shown, together=together)
    return ngettext("{shown} of {total} task{together}: {narrowed}",
                    "{shown} of {total} tasks{together}: {narrowed}", len(every)).format(
        shown=shown, total=len(every), together=together, narrowed=", ".join(narrowed))


def cmd_export(args: argparse.Namespace) -> int:
    """Print or write the 分工表."""
    fmt: Format = args.format
    if args.bom and fmt != "csv":
        raise UserError(_("--bom is for --format csv (Excel reads a UTF-8 CSV by it)"))
    if fmt == "xlsx" and args.output in (None, "-") and sys.stdout.isatty():
        raise UserError(_("an xlsx file is not for the terminal: add --output FILE.xlsx"))
    data = export(load(), load_registry(), fmt, script_of(args))
    if args.bom and isinstance(data, str):
        data = (BOM + data).encode("utf-8")  # bytes: UTF-8 whatever the terminal's charset
    return emit(data, args.output, force=args.force)


def add_output_flags(parser: argparse.ArgumentParser) -> None:
    """``--output FILE`` and ``--force``."""
    parser.add_argument("--output", metavar="FILE",
                        help=_("write to FILE instead of standard output (- is standard output)"))
    parser.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))


def register(add: Add) -> None:
    """Add the document's commands."""
    p = add("outline", cmd_outline, _("print the outline: 3 parts, 21 sections, 65 items"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    add_script_flag(p)

    p = add("show", cmd_show, _("print one node's text and its agencies with their roles"))
    p.add_argument("id", metavar="ID", help=_("a node id: 2, 2.6, 2.6.3, front, preamble, closing"))
    add_script_flag(p)
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    p = add("agencies", cmd_agencies,
            _("print every agency: name, full name, successor today, tasks led and joined"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    add_script_flag(p)

    p = add("tasks", cmd_tasks, _("print the tasks of one agency (on a topic, with WORDS)"))
    p.add_argument("--agency", required=True, metavar="NAME",
                   help=_("as written, in either script, a full name, an alias or today's name"))
    p.add_argument("words", nargs="*", metavar="WORDS",
                   help=_("only the tasks whose text has every word (as search matches them)"))
    p.add_argument("--role", choices=("lead", "participant"), help=_("only tasks in this role"))
    add_script_flag(p)
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help=_("print JSON"))
    out.add_argument("--csv", action="store_true", help=_("print CSV"))

    p = add("export", cmd_export, _("print or write the 分工表 of every task"))
    p.add_argument("--format", choices=FORMATS, default="json",
                   help=_("json (default), csv, md or xlsx (a spreadsheet: needs --output "
                        "or a pipe)"))
    p.add_argument("--bom", action="store_true",
                   help=_("start the CSV with a UTF-8 byte-order mark, for Excel on Windows"))
    add_output_flags(p)
    add_script_flag(p, N_("write"))
