"""`ipx-tui bookmarks …` and `ipx-tui locate`: the reader's bookmarks from the command line.

Store problems (a read-only or full
disk, a busy lock) print one line and exit 1; bad input (an unknown id) exits 2 like `show`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from ipx_tui.cli.document import add_output_flags
from ipx_tui.cli.library import add_document_flag, opened_of
from ipx_tui.cli.output import (
    add_script_flag,
    dump_json,
    emit,
    json_text,
    print_text,
    script_of,
    warn,
)
from ipx_tui.cli.parsing import Add
from ipx_tui.console import decode_typed, say
from ipx_tui.core import kiosk, labels, locations
from ipx_tui.core.document import Document, Node
from ipx_tui.core.errors import UserError, shorten
from ipx_tui.core.i18n import N_, _, ngettext
from ipx_tui.core.ids import check_node_id
from ipx_tui.core.script import Script, render
from ipx_tui.core.store import Bookmark, Store, StoreError

MISSING_TITLE = labels.MISSING
"""Shown for a bookmark whose node the document no longer has."""

NOT_SAVED = N_("bookmarks are not saved in kiosk mode")

def _open(args: argparse.Namespace) -> tuple[Document, Store]:
    """The document --document names and the store of its bookmarks."""
    opened = opened_of(args)
    return opened.document, Store.open_default(document=None if opened.shipped else opened.id)


def _tell(store: Store) -> None:
    for warning in store.warnings:
        warn(warning)
    store.warnings.clear()


def _title(document: Document, node_id: str) -> str:
    return document.node(node_id).title if node_id in document else MISSING_TITLE


def _heading(node: Node) -> str:
    return f"{node.label}{node.title}"


def bookmark_dict(document: Document, bookmark: Bookmark) -> dict[str, str]:
    """A bookmark in the public JSON shape of `bookmarks list --json`."""
    return {"id": bookmark.node_id, "title": _title(document, bookmark.node_id),
            "note": bookmark.note, "created": bookmark.created}


def short_date(created: str) -> str:
    """'2024-05-01T09:30:12+08:00' → '2024-05-01 09:30' (as written, in the writer's zone)."""
    return created[:16].replace("T", " ")


# --- subcommands ---------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    """Print the bookmarks, oldest first."""
    document, store = _open(args)
    marks = store.bookmarks()
    _tell(store)
    script = script_of(args)
    if args.json:
        rows = [bookmark_dict(document, b) for b in marks]
        if script == "simplified":
            rows = [{**row, "title": render(row["title"], script)} for row in rows]
        dump_json(rows)
        return 0
    if not marks:
        print(_("no bookmarks yet: `ipx-tui bookmarks add ID --note TEXT` adds one, "
                "or press b in the browser"), file=sys.stderr)
        return 0
    lines = []
    for b in marks:
        title = (_heading(document.node(b.node_id)) if b.node_id in document
                 else MISSING_TITLE)
        note = f"  — {b.note}" if b.note else ""
        lines.append(f"{b.node_id:<8} {short_date(b.created)}  {render(title, script)}{note}")
    print_text("\n".join(lines))
    return 0


NOTE_LIMIT = 100_000
"""Bytes a note file may hold: a note, not a document."""


def _note(args: argparse.Namespace) -> str | None:
    """The note given with --note or --note-file, checked; None when neither was given."""
    if args.note_file is None:
        note: str | None = args.note
    else:
        try:
            if args.note_file == "-":
                raw = sys.stdin.buffer.read(NOTE_LIMIT + 1)
            else:
                with open(args.note_file, "rb") as handle:
                    raw = handle.read(NOTE_LIMIT + 1)
        except OSError as error:
            raise UserError(_(
                "cannot read {note_file}: {strerror}").format(
                note_file=shorten(args.note_file), strerror=error.strerror or error)) from None
        if len(raw) > NOTE_LIMIT:
            raise UserError(_(
                "{note_file} is too long for a note (more than {NOTE_LIMIT} bytes)").format(
                note_file=shorten(args.note_file), NOTE_LIMIT=NOTE_LIMIT))
        note = decode_typed([raw], "--note-file")[0].rstrip("\r\n")
    if note is not None and not _storable(note):
        # a lone surrogate or a NUL would be written as JSON that cannot be read back as text
        raise UserError(_("the note has characters that cannot be stored (not UTF-8 text)"))
    return note


def _storable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


def cmd_add(args: argparse.Namespace) -> int:
    """Bookmark a node, or change the note of one already bookmarked."""
    document, store = _open(args)
    node_id = check_node_id(document, args.id)
    if kiosk.active():
        raise UserError(_(NOT_SAVED))
    before = store.get_bookmark(node_id)
    note = _note(args)
    if note is None:
        note = before.note if before else ""
    try:
        after = store.add_bookmark(node_id, note)
    except StoreError as error:
        return _failed(store, error)
    _tell(store)
    what = _heading(document.node(node_id))
    if before is None:
        said = _("bookmarked {node} {heading}").format(node=node_id, heading=what)
    elif before.note != after.note:
        said = _("changed the note on {node} {heading}").format(node=node_id, heading=what)
    else:
        said = _("{node} {heading} was already bookmarked").format(node=node_id, heading=what)
    print(said + (f"  — {after.note}" if after.note else ""), file=sys.stderr)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    """Remove a bookmark."""
    document, store = _open(args)
    raw = args.id.strip()
    # A bookmark on a node the document no longer has can still be removed by its id.
    node_id = raw if store.get_bookmark(raw) is not None else check_node_id(document, args.id)
    if kiosk.active():
        raise UserError(_(NOT_SAVED))
    try:
        removed = store.remove_bookmark(node_id)
    except StoreError as error:
        return _failed(store, error)
    _tell(store)
    if removed is None:
        raise UserError(_(
            "{node_id} is not bookmarked (`ipx-tui bookmarks list` shows them)").format(
            node_id=node_id))
    print(_("removed the bookmark on {node} {title}").format(
        node=node_id, title=_title(document, node_id)), file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Print or write the bookmarks with their notes and the text they point at."""
    document, store = _open(args)
    marks = store.bookmarks()
    _tell(store)
    script = script_of(args)
    if args.format == "json":
        rows: list[dict[str, object]] = []
        for b in marks:
            row: dict[str, object] = dict(bookmark_dict(document, b))
            node = document.node(b.node_id) if b.node_id in document else None
            row["text"] = node.text if node else ""
            if script == "simplified":
                row["title"] = render(str(row["title"]), script)
                row["text"] = render(str(row["text"]), script)
            rows.append(row)
        text = json_text(rows)
    else:
        text = bookmarks_markdown(document, marks, script)
    count = ngettext("{count} bookmark", "{count} bookmarks", len(marks)).format(
        count=len(marks))
    # private: a new file is created 0600, since the notes are the reader's own
    return emit(text, args.output, force=args.force, what=count, private=True)


def bookmarks_markdown(document: Document, marks: list[Bookmark], script: Script) -> str:
    """The bookmarks as Markdown: per bookmark its heading, place, date, note and text."""

    def r(text: str) -> str:
        return render(text, script)

    lines = [r(f"# {labels.BOOKMARKS} · {document.title}"), ""]
    for b in marks:
        node = document.node(b.node_id) if b.node_id in document else None
        if node is None:
            lines += [f"## {b.node_id} {r(MISSING_TITLE)}", ""]
        else:
            # outermost first, as the browser's breadcrumb reads
            path = " › ".join(_heading(a) for a in document.ancestors(node.id))
            place = f"{r(path)} · " if path else ""
            lines += [f"## {b.node_id} {r(node.title)}", "",
                      f"{place}{short_date(b.created)}", ""]
        if b.note:
            # The note is the reader's own words: never converted to the other script.
            lines += [f"> {r(labels.NOTE)}：{b.note}", ""]
        if node is not None:
            for paragraph in node.paragraphs:
                if paragraph != _heading(node):  # a part's only paragraph is its heading
                    lines += [r(paragraph), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def cmd_locate(args: argparse.Namespace) -> int:
    """Print where ipx-tui keeps its files."""
    if kiosk.active():
        print(_("kiosk mode: nothing is written to disk"))
        return 0
    store_file = locations.store_path()
    rows = {"data": locations.data_dir(), "store": store_file,
            "lock": locations.lock_path(store_file), "cache": locations.cache_dir()}
    if args.json:
        dump_json({k: str(v) for k, v in rows.items()})
        return 0
    lines = []
    for name, where in rows.items():
        state = "" if where.exists() else "  " + _("(not created yet)")
        if name == "store" and where.exists():
            count = len(Store(where).bookmarks())
            state = "  ({})".format(ngettext("{count} bookmark", "{count} bookmarks", count)
                                    .format(count=count))
        lines.append(f"{name:<6} {where}{state}")
    print_text("\n".join(lines))
    return 0


def _failed(store: Store, error: StoreError) -> int:
    _tell(store)
    say(str(error))
    return 1


# --- the parser ----------------------------------------------------------------------------


def register(add: Add) -> None:
    """Add `bookmarks` (with list, add, remove, export) and `locate` to the command line."""
    p = add("bookmarks", _dispatch,
            _("list, add, remove or export your bookmarks (kept in the data directory)"))
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True,
                               parser_class=type(p))

    def action(name: str, handler: Callable[[argparse.Namespace], int],
               help_text: str) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = actions.add_parser(name, help=help_text,
                                                          description=help_text)
        sub.set_defaults(action_handler=handler)
        add_script_flag(sub)
        add_document_flag(sub)
        return sub

    s = action("list", cmd_list, _("print your bookmarks: id, date, title and note"))
    s.add_argument("--json", action="store_true",
                   help=_('print JSON: [{"id", "title", "note", "created"}]'))
    add_script_flag(s, N_("titles"))

    s = action("add", cmd_add,
               _("bookmark a node (on one already bookmarked: change its note)"))
    s.add_argument("id", metavar="ID",
                   help=_("a node id: 2, 2.6, 2.6.3, front, preamble, closing"))
    notes = s.add_mutually_exclusive_group()
    notes.add_argument("--note", metavar="TEXT", help=_("a note to keep with it"))
    notes.add_argument("--note-file", metavar="FILE",
                       help=_("the note from FILE (UTF-8, or GB18030; - reads standard input)"))

    s = action("remove", cmd_remove, _("remove a bookmark"))
    s.add_argument("id", metavar="ID", help=_("the bookmarked node's id"))

    s = action("export", cmd_export,
               _("print or write your bookmarks with their notes and the text they mark"))
    s.add_argument("--format", choices=("md", "json"), default="md",
                   help=_("md (default) or json"))
    add_output_flags(s)
    add_script_flag(s, N_("write"))

    p = add("locate", cmd_locate, _("print where ipx-tui keeps your bookmarks and settings"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))


def _dispatch(args: argparse.Namespace) -> int:
    handler: Callable[[argparse.Namespace], int] = args.action_handler
    return handler(args)
