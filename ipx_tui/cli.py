"""The command line: subcommands print and exit; with none, the browser starts.

Textual is imported only on the way to the browser, so scripts pay nothing for it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

import ipx_tui
from ipx_tui.core import labels
from ipx_tui.core.agencies import (
    Agency,
    UnknownAgency,
    by_involvement,
    involvement,
    load_registry,
)
from ipx_tui.core.export import FORMATS, Format, export, node_dict, node_text, task_row, to_csv
from ipx_tui.core.ids import UnknownNode, check_node_id, shorten
from ipx_tui.core.parse import load
from ipx_tui.core.script import Script, render
from ipx_tui.launch import PROG, UserError, as_typed, browse, utf8_streams


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line and never a traceback."""

    def error(self, message: str) -> NoReturn:
        raise UserError(f"{shorten_message(message)} (see `{self.prog} --help`)")


def shorten_message(message: str) -> str:
    """argparse repeats bad arguments whole; keep the message to one short line."""
    if len(message) <= 200:
        return " ".join(message.split())
    return " ".join(message[:200].split()) + "…"


def _script(args: argparse.Namespace) -> Script:
    return "simplified" if getattr(args, "simplified", False) else "traditional"


def _print(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _dump(obj: object) -> None:
    _print(json.dumps(obj, ensure_ascii=False, indent=2))


# --- subcommands -------------------------------------------------------------------------


def cmd_outline(args: argparse.Namespace) -> int:
    """Print the outline."""
    document = load()
    if args.json:
        _dump([{"id": n.id, "parent": n.parent, "kind": n.kind, "title": n.title}
               for n in document.nodes])
        return 0
    script = _script(args)
    lines = []
    for node in document.nodes:
        indent = "  " * node.depth
        number = f"{node.id:<8}" if node.numbered else f"{'':<8}"
        lines.append(f"{number}{indent}{render(node.label + node.title, script)}")
    _print("\n".join(lines))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Print one node."""
    document = load()
    node = document.node(check_node_id(document, args.id))
    script = _script(args)
    if args.json:
        data = node_dict(node)
        if script == "simplified":
            data["title"] = render(node.title, script)
            data["text"] = render(node.text, script)
        data["children"] = list(node.children)
        _dump(data)
    else:
        _print(node_text(document, node, script))
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
        _dump([_agency_row(v.agency, v.lead, v.participant) for v in ranked])
        return 0
    script = _script(args)
    lines = [render(f"{'牽頭':>4} {'參與':>4}  名稱 · 全稱 → 現名", script)]
    for v in ranked:
        a = v.agency
        today = f" → {a.successor}" if a.renamed else ""
        lines.append(render(f"{len(v.lead):>6} {len(v.participant):>6}  {a.name} · "
                            f"{a.full_name}{today}", script))
    _print("\n".join(lines))
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
    script = _script(args)
    if script == "simplified":
        rows = [{k: render(v, script) if k not in ("id", "section", "role", "rule") else v
                 for k, v in row.items()} for row in rows]
    if args.json:
        _dump(rows)
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
        _print("\n".join([*head, "", *body] if body else head))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Print or write the 分工表."""
    fmt: Format = args.format
    text = export(load(), load_registry(), fmt)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    if os.environ.get("IPX_TUI_KIOSK"):
        raise UserError("export to a file is turned off in kiosk mode")
    write_new(Path(args.output), text, force=args.force)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def write_new(path: Path, text: str, *, force: bool) -> None:
    """Write text to path, refusing to replace an existing file unless forced."""
    if path.is_dir():
        raise UserError(f"{shorten(str(path))} is a directory")
    if not path.parent.is_dir():
        raise UserError(f"no such directory: {shorten(str(path.parent))}")
    try:
        if force:
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
        else:
            with path.open("x", encoding="utf-8") as handle:
                handle.write(text)
    except FileExistsError:
        raise UserError(f"{shorten(str(path))} exists; add --force to replace it") from None
    except OSError as error:
        raise UserError(f"cannot write {shorten(str(path))}: {error.strerror}") from None


# --- the parser --------------------------------------------------------------------------


class _Version(argparse.Action):
    """--version, looked up only when asked for (see ipx_tui.__getattr__)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(f"{PROG} {ipx_tui.__version__}")
        parser.exit()


Handler = Callable[[argparse.Namespace], int]


def build_parser() -> Parser:
    """The whole command line."""
    parser = Parser(
        prog=PROG,
        description="A keyboard-first terminal browser for 國務院關於積極推進「互聯網+」行動的"
                    "指導意見 (國發〔2015〕40號). With no command, the browser starts.",
    )
    parser.add_argument("--version", action=_Version)
    parser.add_argument("--agency", metavar="NAME", help="start with the filter on this agency")
    parser.add_argument("--goto", metavar="ID", help="start at this node (for example 2.6.3)")
    parser.add_argument("--simplified", action="store_true", help="start in simplified script")
    parser.add_argument("--kiosk", action="store_true",
                        help="write nothing to disk, open nothing else (for ForceCommand)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def add(name: str, handler: Handler, help_text: str) -> Parser:
        p: Parser = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    p = add("outline", cmd_outline, "print the outline: 3 parts, 21 sections, 65 items")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--simplified", action="store_true", help="print in simplified script")

    p = add("show", cmd_show, "print one node's text and its agencies with their roles")
    p.add_argument("id", metavar="ID", help="a node id: 2, 2.6, 2.6.3, front, preamble, closing")
    p.add_argument("--simplified", action="store_true", help="print in simplified script")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add("agencies", cmd_agencies,
            "print every agency: name, full name, successor today, tasks led and joined")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--simplified", action="store_true", help="print in simplified script")

    p = add("tasks", cmd_tasks, "print the tasks of one agency")
    p.add_argument("--agency", required=True, metavar="NAME",
                   help="as written, in either script, a full name, an alias or today's name")
    p.add_argument("--role", choices=("lead", "participant"), help="only tasks in this role")
    p.add_argument("--simplified", action="store_true", help="print in simplified script")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print JSON")
    out.add_argument("--csv", action="store_true", help="print CSV")

    p = add("export", cmd_export, "print or write the 分工表 of every task")
    p.add_argument("--format", choices=FORMATS, default="json", help="json (default), csv or md")
    p.add_argument("--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")

    for register in _EXTENSIONS:
        register(add)
    return parser


#: Functions that add more subcommands (search, bookmarks, locate), each given ``add``.
_EXTENSIONS: list[Callable[[Callable[[str, Handler, str], Parser]], None]] = []


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the exit status."""
    utf8_streams()
    words = [as_typed(word) for word in (sys.argv[1:] if argv is None else argv)]
    try:
        args = build_parser().parse_args(words)
        handler: Handler | None = getattr(args, "handler", None)
        if handler is None:
            return browse(args)
        return handler(args)
    except (UserError, UnknownNode, UnknownAgency) as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # `ipx-tui outline | head`: the reader left; say nothing more.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


from ipx_tui.cli_bookmarks import register as _bookmarks  # noqa: E402 — plugs in after _EXTENSIONS

_EXTENSIONS.append(_bookmarks)

from ipx_tui.cli_search import register as _search  # noqa: E402 — plugs in after _EXTENSIONS

_EXTENSIONS.append(_search)
