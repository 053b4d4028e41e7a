"""`outline`, `show`, `agencies`, `tasks` and `export`: the document and who does what."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ipx_tui.cli.facts import errata_lines, erratum_dict
from ipx_tui.cli.library import add_document_flag, document_line, every_document, opened_of
from ipx_tui.cli.output import add_script_flag, dump_json, emit, print_text, script_of
from ipx_tui.cli.parsing import Add
from ipx_tui.core import labels
from ipx_tui.core.agencies import Agency, Involvement, by_involvement, involvement
from ipx_tui.core.errors import UserError, shorten
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
from ipx_tui.core.metadata import errata_of
from ipx_tui.core.script import Script, render

if TYPE_CHECKING:
    from ipx_tui.core.library import Opened


def cmd_outline(args: argparse.Namespace) -> int:
    """Print the outline."""
    document = opened_of(args).document
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
    opened = opened_of(args)
    document = opened.document
    node = document.node(check_node_id(document, args.id))
    script = script_of(args)
    # the corrections of the shipped text's Wikisource copy (content/errata.toml), as written
    errata = errata_of(node.id) if opened.shipped else ()
    if args.json:
        data = node_dict(document, node, script)
        data["children"] = list(node.children)
        data["errata"] = [erratum_dict(e) for e in errata]
        dump_json(data)
        return 0
    text = node_text(document, node, script)
    kids = document.children(node.id)
    if kids:  # a part or a section: what is under it, with the ids `show` takes
        text += "\n" + "\n".join(f"  {k.id:<8} {render(k.label + k.title, script)}"
                                 for k in kids) + "\n"
    if errata:  # the text differs from Wikisource's here: say how
        text += "\n" + "\n".join(errata_lines(errata, script)) + "\n"
    print_text(text)
    return 0


def _agency_row(agency: Agency, lead: Sequence[str], joined: Sequence[str],
                script: Script) -> dict[str, object]:
    return {"name": agency.name, "name_shown": render(agency.name, script), "kind": agency.kind,
            "full_name": render(agency.full_name, script),
            "successor": render(agency.successor, script),
            "history": [render(h, script) for h in agency.history],
            "aliases": list(agency.aliases), "registered": agency.registered,
            "lead": len(lead), "participant": len(joined),
            "total": len(lead) + len(joined),
            # English under either flag: script does not apply to it
            "english": agency.english, "abbreviation": agency.abbreviation,
            "successor_english": agency.successor_english,
            "successor_abbreviation": agency.successor_abbreviation,
            "english_descriptive": agency.english_descriptive,
            "english_note": agency.english_note}


def cmd_agencies(args: argparse.Namespace) -> int:
    """Print every agency with its counts, most involved first."""
    opened = opened_of(args)
    table = involvement(opened.document, opened.registry())
    # another document: only the bodies it names (the registry's others have nothing here)
    ranked = [v for v in by_involvement(table) if opened.shipped or v.total]
    script = script_of(args)
    if args.json:
        dump_json([_agency_row(v.agency, v.lead, v.participant, script) for v in ranked])
        return 0
    lines = [render(f"{'牽頭':>4} {'參與':>4}  名稱 · 全稱 → 現名", script)]
    for v in ranked:
        a = v.agency
        today = f" → {a.successor}" if a.renamed else ""
        named = f"{a.name} · {a.full_name}{today}" if a.registered else \
            f"{a.name} · {NOT_REGISTERED}"
        lines.append(render(f"{len(v.lead):>6} {len(v.participant):>6}  {named}", script))
    print_text("\n".join(lines))
    return 0


NOT_REGISTERED = "not in the registry"
"""Said of a body an imported document names that the registry does not know."""


def cmd_tasks(args: argparse.Namespace) -> int:
    """Print the tasks of one agency (or of every body merged into a name used today),
    narrowed to those whose text has every word given; with --all-documents, in each
    document, grouped by document."""
    if not args.all_documents:
        return _tasks_in(opened_of(args), args)
    found: list[tuple[Opened, list[dict[str, Any]], str]] = []
    for opened in every_document():
        try:
            opened.registry().resolve(args.agency)
        except UserError:
            continue  # a name this document's bodies do not have
        rows, text = _task_rows(opened, args)
        if rows:
            found.append((opened, rows, text))
    if not found:
        # said as the one document would say it: the shipped registry's suggestions
        opened_of(args).registry().resolve(args.agency)
        raise UserError(f"no document gives {shorten(args.agency)!r} a task")
    if args.json:
        dump_json([{"document": o.id, "number": o.document.number, "tasks": rows}
                   for o, rows, _ in found])
    elif args.csv:
        sys.stdout.write(to_csv([{"document": o.id, **r} for o, rows, _ in found for r in rows],
                                ("document", "agency", "role", *TASK_FIELDS)))
    else:
        script = script_of(args)
        print_text("\n\n".join(f"{document_line(o, script)}\n{text}" for o, _, text in found))
    return 0


def _tasks_in(opened: Opened, args: argparse.Namespace) -> int:
    rows, text = _task_rows(opened, args)
    if args.json:
        dump_json(rows)
    elif args.csv:
        sys.stdout.write(to_csv(rows, ("agency", "role", *TASK_FIELDS)))
    else:
        print_text(text)
    return 0


def _task_rows(opened: Opened, args: argparse.Namespace) -> tuple[list[dict[str, Any]], str]:
    """One document's rows for `tasks`, and its text."""
    document, registry = opened.document, opened.registry()
    agencies = registry.resolve(args.agency)
    table = involvement(document, registry)
    script = script_of(args)
    topic = _topic(opened, args.words)
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
    return rows, _tasks_text(agencies, table, rows, args, script)


def _topic(opened: Opened, words: Sequence[str]) -> set[str] | None:
    """The nodes whose text has every word (as search matches them), or None without words."""
    if not words:
        return None
    result = opened.engine().search(" ".join(words))
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
        full = agency.full_name if agency.registered else NOT_REGISTERED
        head.append(render(f"{agency.name}（{full}）· {v.total} {labels.TASKS}"
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
    opened = opened_of(args)
    data = export(opened.document, opened.registry(), fmt, script_of(args))
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
    add_document_flag(p)

    p = add("show", cmd_show, _("print one node's text and its agencies with their roles"))
    p.add_argument("id", metavar="ID", help=_("a node id: 2, 2.6, 2.6.3, front, preamble, closing"))
    add_script_flag(p)
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    add_document_flag(p)

    p = add("agencies", cmd_agencies,
            _("print every agency: name, full name, successor today, tasks led and joined"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    add_script_flag(p)
    add_document_flag(p)

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
    add_document_flag(p, all_documents=True)

    p = add("export", cmd_export, _("print or write the 分工表 of every task"))
    p.add_argument("--format", choices=FORMATS, default="json",
                   help=_("json (default), csv, md or xlsx (a spreadsheet: needs --output "
                        "or a pipe)"))
    p.add_argument("--bom", action="store_true",
                   help=_("start the CSV with a UTF-8 byte-order mark, for Excel on Windows"))
    add_output_flags(p)
    add_script_flag(p, N_("write"))
    add_document_flag(p)
