"""`ipx-tui import FILE`, `ipx-tui documents [remove ID]`, and the ``--document ID`` and
``--all-documents`` options the other commands take."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ipx_tui.cli.output import add_script_flag, dump_json, print_text, script_of, warn
from ipx_tui.cli.parsing import Add
from ipx_tui.core import kiosk
from ipx_tui.core.errors import UserError, shorten
from ipx_tui.core.script import Script, render

if TYPE_CHECKING:
    # deferred: the library module costs about 1.5 ms to import, and the browser's bare start
    # imports this module (for the parser) but reads no other document
    from ipx_tui.core.library import Entry, ImportReport, Opened

SHIPPED = "2015-40"
"""The shipped document's id (ipx_tui.core.library.SHIPPED; a test keeps them equal)."""


def add_document_flag(parser: argparse.ArgumentParser, all_documents: bool = False) -> None:
    """``--document ID`` (and, for tasks and search, ``--all-documents``)."""
    group = parser.add_mutually_exclusive_group() if all_documents else parser
    # SUPPRESS: unset unless given after the command, so `ipx-tui --document ID outline`
    # keeps the top-level value (argparse copies a subparser's defaults over it)
    group.add_argument("--document", metavar="ID", default=argparse.SUPPRESS,
                       help=f"the document to read: an id from `ipx-tui documents`, or its "
                            f"number (default: {SHIPPED}, the shipped 國發〔2015〕40號)")
    if all_documents:
        group.add_argument("--all-documents", action="store_true",
                           help="every document of the library, grouped by document")


def opened_of(args: argparse.Namespace) -> Opened:
    """The document a command reads: --document's, or the shipped one."""
    from ipx_tui.core.library import open_document, resolve_id

    raw = getattr(args, "document", None)
    return open_document(SHIPPED if raw is None else resolve_id(raw))


def every_document() -> list[Opened]:
    """The documents --all-documents reads, the shipped one first; a stored file that cannot
    be read is named on stderr and skipped."""
    from ipx_tui.core.library import all_opened, documents

    _, problems = documents()
    for problem in problems:
        warn(problem)
    return all_opened()


def document_line(opened: Opened, script: Script) -> str:
    """A document's head line in a listing across documents: ``== 2016-28 國發〔2016〕28號 ==``."""
    return f"== {opened.id} · {render(opened.document.number, script)} · " \
           f"{render(opened.document.title, script)} =="


def summary(report: ImportReport) -> str:
    """What an import prints: the document's head line, its counts, what was dropped, where."""
    e = report.entry
    lists = f"agency lists in {report.section_lists} {_plural(report.section_lists, 'section')}" \
            f" and {report.item_lists} {_plural(report.item_lists, 'item')}"
    bodies = f"{len(report.bodies)} {_plural(len(report.bodies), 'body', 'bodies')} named, " \
             f"{len(report.unregistered)} not in the registry"
    if report.unregistered:
        bodies += ": " + "、".join(report.unregistered)
    lines = [f"{e.number} · {e.title} · {e.date}",
             f"{e.parts} {_plural(e.parts, 'part')}, {e.sections} "
             f"{_plural(e.sections, 'section')}, {e.items} {_plural(e.items, 'item')}; "
             f"{lists}; {bodies}"]
    if report.dropped_before or report.dropped_after:
        lines.append(f"dropped a web page's leftovers: {report.dropped_before} "
                     f"{_plural(report.dropped_before, 'line')} above the title and "
                     f"{report.dropped_after} {_plural(report.dropped_after, 'line')} below "
                     "the date")
    lines.append(f"stored as {e.id} (read in {report.encoding}): "
                 f"ipx-tui --document {e.id}, or any command with --document {e.id}")
    return "\n".join(lines)


def _plural(n: int, one: str, many: str | None = None) -> str:
    return one if n == 1 else (many or one + "s")


def cmd_import(args: argparse.Namespace) -> int:
    """Import a document from a text file."""
    kiosk.refuse("importing a document")
    from ipx_tui.core.library import import_document, read_file

    raw = read_file(args.file)
    report = import_document(raw, args.file, args.id)
    print_text(summary(report))
    return 0


def _row(entry: Entry) -> dict[str, object]:
    return {"id": entry.id, "number": entry.number, "title": entry.title, "date": entry.date,
            "parts": entry.parts, "sections": entry.sections, "items": entry.items,
            "shipped": entry.shipped}


def cmd_documents(args: argparse.Namespace) -> int:
    """List the documents, or remove an imported one."""
    from ipx_tui.core.library import documents, remove_document

    if args.action == "remove":
        if not args.id:
            raise UserError("documents remove needs the ID of an imported document")
        entry = remove_document(args.id)
        print(f"removed {entry.id} {entry.number}".rstrip(), file=sys.stderr)
        return 0
    if args.id:
        raise UserError(f"unexpected {shorten(args.id)!r}: `documents` lists them, "
                        "`documents remove ID` removes one")
    entries, problems = documents()
    for problem in problems:
        warn(problem)
    script = script_of(args)
    if args.json:
        dump_json([_row(e) for e in entries])
        return 0
    lines = []
    for e in entries:
        kind = "shipped" if e.shipped else "imported"
        lines.append(f"{e.id:<10} {kind:<8}  {render(e.number, script)} · "
                     f"{render(e.title, script)} · {e.date} · {e.parts} parts, "
                     f"{e.sections} sections, {e.items} items")
    print_text("\n".join(lines))
    return 0


def register(add: Add) -> None:
    """Add `import` and `documents`."""
    p = add("import", cmd_import,
            "import a document from a text file (UTF-8, GB18030/GBK or Big5; either script)")
    p.add_argument("file", metavar="FILE", help="a text file of one document")
    p.add_argument("--id", metavar="ID",
                   help="the id to store it under (default: year-number, such as 2016-28)")

    p = add("documents", cmd_documents,
            "list the documents (id, number, title, date, counts), or remove an imported one")
    p.add_argument("action", nargs="?", choices=("remove",), metavar="remove",
                   help="remove the imported document ID")
    p.add_argument("id", nargs="?", metavar="ID", help="with remove: the document's id")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_script_flag(p)
