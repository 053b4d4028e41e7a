"""`ipx-tui import FILE`, `ipx-tui documents [remove ID]`, and the ``--document ID`` and
``--all-documents`` options the other commands take."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from typing import TYPE_CHECKING

from ipx_tui.cli.output import add_script_flag, dump_json, print_text, script_of, warn
from ipx_tui.cli.parsing import Add
from ipx_tui.core import kiosk
from ipx_tui.core.errors import UserError, shorten
from ipx_tui.core.i18n import N_, _, ngettext
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
                       help=_("the document to read: an id from `ipx-tui documents`, or its "
                              "number (default: {shipped}, the shipped 國發〔2015〕40號)").format(
                                  shipped=SHIPPED))
    if all_documents:
        group.add_argument("--all-documents", action="store_true",
                           help=_("every document of the library, grouped by document"))


def opened_of(args: argparse.Namespace) -> Opened:
    """The document a command reads: --document's, or the shipped one."""
    from ipx_tui.core.library import open_document, resolve_id

    raw = getattr(args, "document", None)
    return open_document(SHIPPED if raw is None else resolve_id(raw))


def every_document() -> list[Opened]:
    """The documents --all-documents reads, the shipped one first; a stored file that cannot
    be read is named on stderr and skipped."""
    from ipx_tui.core.library import all_opened, documents

    _entries, problems = documents()
    for problem in problems:
        warn(problem)
    return all_opened()


def document_line(opened: Opened, script: Script) -> str:
    """A document's head line in a listing across documents: ``== 2016-28 國發〔2016〕28號 ==``."""
    return f"== {opened.id} · {render(opened.document.number, script)} · " \
           f"{render(opened.document.title, script)} =="


def _parts(n: int) -> str:
    return ngettext("{count} part", "{count} parts", n).format(count=n)


def _sections(n: int) -> str:
    return ngettext("{count} section", "{count} sections", n).format(count=n)


def _items(n: int) -> str:
    return ngettext("{count} item", "{count} items", n).format(count=n)


def _lines(n: int) -> str:
    return ngettext("{count} line", "{count} lines", n).format(count=n)


def summary(report: ImportReport) -> str:
    """What an import prints: the document's head line, its counts, what was dropped, where."""
    e = report.entry
    lists = _("agency lists in {sections} and {items}").format(
        sections=_sections(report.section_lists), items=_items(report.item_lists))
    bodies = ngettext("{count} body named, {unregistered} not in the registry",
                      "{count} bodies named, {unregistered} not in the registry",
                      len(report.bodies)).format(count=len(report.bodies),
                                                 unregistered=len(report.unregistered))
    if report.unregistered:
        bodies = _("{bodies}: {names}").format(bodies=bodies,
                                              names="、".join(report.unregistered))
    lines = [f"{e.number} · {e.title} · {e.date}",
             _("{parts}, {sections}, {items}; {lists}; {bodies}").format(
                 parts=_parts(e.parts), sections=_sections(e.sections), items=_items(e.items),
                 lists=lists, bodies=bodies)]
    if report.dropped_before or report.dropped_after:
        lines.append(_("dropped a web page's leftovers: {above} above the title and {below} "
                       "below the date").format(above=_lines(report.dropped_before),
                                                below=_lines(report.dropped_after)))
    lines.append(_("stored as {id} (read in {encoding}): ipx-tui --document {id}, or any "
                   "command with --document {id}").format(id=e.id,
                                                         encoding=_(report.encoding)))
    return "\n".join(lines)


def cmd_import(args: argparse.Namespace) -> int:
    """Import a document from a text file."""
    kiosk.refuse(N_("importing a document"))
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
    from ipx_tui.core.library import counts_text, documents, origin_text, remove_document

    if args.action == "remove":
        if not args.id:
            raise UserError(_("documents remove needs the ID of an imported document"))
        entry = remove_document(args.id)
        print(_("removed {id} {number}").format(id=entry.id, number=entry.number).rstrip(),
              file=sys.stderr)
        return 0
    if args.id:
        raise UserError(_("unexpected {value!r}: `documents` lists them, `documents remove ID` "
                          "removes one").format(value=shorten(args.id)))
    entries, problems = documents()
    for problem in problems:
        warn(problem)
    script = script_of(args)
    if args.json:
        dump_json([_row(e) for e in entries])
        return 0
    lines = []
    for e in entries:
        kind = origin_text(e)
        lines.append(f"{e.id:<10} {_padded(kind, 8)}  {render(e.number, script)} · "
                     f"{render(e.title, script)} · {e.date} · " + counts_text(e))
    print_text("\n".join(lines))
    return 0


def _padded(text: str, cells: int) -> str:
    """Text padded with spaces to a width in terminal cells (a Chinese character takes 2)."""
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, cells - width)


def register(add: Add) -> None:
    """Add `import` and `documents`."""
    p = add("import", cmd_import,
            _("import a document from a text file (UTF-8, GB18030/GBK or Big5; either script)"))
    p.add_argument("file", metavar="FILE", help=_("a text file of one document"))
    p.add_argument("--id", metavar="ID",
                   help=_("the id to store it under (default: year-number, such as 2016-28)"))

    p = add("documents", cmd_documents,
            _("list the documents (id, number, title, date, counts), or remove an imported one"))
    p.add_argument("action", nargs="?", choices=("remove",), metavar="remove",
                   help=_("remove the imported document ID"))
    p.add_argument("id", nargs="?", metavar="ID", help=_("with remove: the document's id"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    add_script_flag(p)
