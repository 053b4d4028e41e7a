"""Bookmarks in the browser: the B list, the note prompt that b opens, and their confirmations.

The store is re-read whenever the list opens or changes, so a bookmark added from another SSH
session (or with `ipx-tui bookmarks add`) is there. Every store failure (a read-only or full
disk) is one notification; the browser carries on.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ipx_tui.core import labels
from ipx_tui.core.document import Document
from ipx_tui.core.i18n import N_, _
from ipx_tui.core.script import Script, normalize
from ipx_tui.core.store import Bookmark, Store, StoreError
from ipx_tui.tui.bounds import FILTER_CHARS
from ipx_tui.tui.cursor import RowList
from ipx_tui.tui.messages import BookmarksChanged
from ipx_tui.tui.pages import heading_of
from ipx_tui.tui.texts import fit, tr
from ipx_tui.tui.widgets.dialogs import BookmarkChoice, Confirm, NotePrompt
from ipx_tui.tui.widgets.field import Field


def title_of(document: Document, node_id: str, script: Script) -> str:
    """The node's numbering and title as the outline shows them, or a note that it is gone."""
    if node_id not in document:
        return tr(labels.MISSING, script)
    return heading_of(document.node(node_id), document, script)


def columns(titles: list[str], any_note: bool, width: int) -> tuple[int, int]:
    """The widths of the title and note columns of a list width cells wide.

    Each row is ``id(8) title note date(10)`` with a space between; the title column is as
    wide as the longest title, up to three fifths of what is left, and the note gets the rest.
    """
    rest = max(width - 8 - 10 - 3, 20)
    if not any_note:
        return rest, 0
    widest = max((cell_len(t) for t in titles), default=0)
    title_width = min(widest, rest * 3 // 5)
    return title_width, rest - title_width


def row_text(bookmark: Bookmark, title: str, title_width: int, note_width: int) -> Text:
    """One line of the list: id, title, note and date, in columns."""
    line = Text(no_wrap=True, overflow="crop")
    line.append(fit(bookmark.node_id, 8, pad=True), "bold")
    line.append(" " + fit(title, title_width, pad=True))
    if note_width:
        # plain: italics (ESC[3m) draw CJK slanted or garbled in many terminals
        line.append(" " + fit(bookmark.note, note_width, pad=True))
    line.append(" " + bookmark.created[:10], "dim")
    return line


def matches(query: str, bookmark: Bookmark, title: str) -> bool:
    """Does the bookmark's id, title or note contain the query (either script, any width)?"""
    return normalize(query) in normalize(f"{bookmark.node_id} {title} {bookmark.note}")


def _failed(app: App[Any], error: StoreError) -> None:
    app.notify(str(error), title=_("Bookmark not saved"), severity="error", timeout=10)


def bookmark_node(app: App[Any], store: Store, document: Document, node_id: str,
                  script: Script) -> None:
    """What b does on a node: add it with a note, or edit the note or remove it.

    Args:
        app: the running app (the prompts are pushed on it).
        store: the bookmark store.
        document: the document (for the node's title).
        node_id: the node under the cursor.
        script: the script titles are shown in.

    Posts :class:`~ipx_tui.tui.messages.BookmarksChanged` once the store changed.
    """
    heading = f"{node_id}  {title_of(document, node_id, script)}"
    existing = store.get_bookmark(node_id)

    def save(note: str | None) -> None:
        if note is None:
            return
        try:
            saved = store.add_bookmark(node_id, note)
        except StoreError as error:
            _failed(app, error)
            return
        app.post_message(BookmarksChanged())
        what = (_("Note saved: {node}") if existing is not None
                else _("Bookmarked: {heading}")).format(node=node_id, heading=node_id)
        app.notify(what + (f"  {saved.note}" if saved.note else ""),
                   timeout=4)

    def remove(yes: bool | None) -> None:
        if not yes:
            return
        try:
            store.remove_bookmark(node_id)
        except StoreError as error:
            _failed(app, error)
            return
        app.post_message(BookmarksChanged())
        app.notify(_("Bookmark removed: {node}").format(node=node_id), timeout=4)

    def chosen(choice: str | None) -> None:
        if choice == "edit":
            app.push_screen(NotePrompt(_("Note on {heading}").format(heading=heading),
                                       existing.note if existing else ""),
                            save)
        elif choice == "remove":
            app.push_screen(Confirm(_("Remove the bookmark on {heading}?").format(heading=heading)),
                            remove)

    if existing is None:
        app.push_screen(NotePrompt(_("Bookmark {heading}").format(heading=heading),
                                   session_only=store.in_memory), save)
    else:
        app.push_screen(BookmarkChoice(heading, existing.note), chosen)


# --- the list ------------------------------------------------------------------------------


class BookmarksScreen(ModalScreen[str | None]):
    """Every bookmark: Enter jumps (the screen closes with the node id), e, d, u, and a
    filter field. Closes with None on Esc.

    The filter is a text field: ``/`` (or any character that is not e, d or u) moves there,
    and while a filter is typed every letter is text, never a command; ↑ ↓ still move the
    cursor, Enter goes to the bookmark, Delete deletes it, Esc clears the filter.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "jump", N_("Go to it"), id="bookmarks.jump"),
        Binding("e", "edit", N_("Edit the note"), id="bookmarks.edit"),
        Binding("d,delete", "delete", N_("Delete"), id="bookmarks.delete"),
        Binding("u", "undo", N_("Undo the delete"), id="bookmarks.undo"),
        Binding("backspace", "unfilter", N_("Filter: one character less"), show=False,
                id="bookmarks.unfilter"),
        Binding("slash", "start_filter", N_("Filter"), show=False, id="bookmarks.filter"),
        Binding("down", "cursor(1)", N_("Down"), show=False, id="bookmarks.down"),
        Binding("up", "cursor(-1)", N_("Up"), show=False, id="bookmarks.up"),
        Binding("escape", "close", N_("Clear the filter, or close"), id="bookmarks.close"),
    ]

    DEFAULT_CSS = """
    BookmarksScreen {
        align: center middle;
    }
    #bookmarks-box {
        width: 100%;
        max-width: 120;
        height: 100%;
        max-height: 40;
        border: round $accent;
        background: $panel;
        padding: 0 1;
    }
    #bookmarks-heading {
        text-style: bold;
    }
    #bookmarks-list {
        height: 1fr;
        border: none;
        padding: 0;
    }
    #bookmarks-hint {
        color: $text-muted;
    }
    #bookmarks-filter {
        border: none;
        height: 1;
        padding: 0;
        background: $panel;
    }
    #bookmarks-filter:focus {
        background: $boost;
    }
    """

    TAKEN: ClassVar[frozenset[str]] = frozenset("edu")
    """Typed characters that are keys here, not filter text."""

    def __init__(self, store: Store, document: Document, script: Script,
                 read_only: str | None = None) -> None:
        """Args:
            read_only: why the store cannot be written (shown in the heading), or None.
        """
        super().__init__(id="bookmarks-screen")
        self.store = store
        self.document = document
        self.script = script
        self.read_only = read_only
        self.marks: list[Bookmark] = []
        self.shown: list[Bookmark] = []
        self.deleted: list[Bookmark] = []
        """Deleted here, most recent last: u puts them back one at a time."""
        self.heading = Static("", id="bookmarks-heading", markup=False)
        self.rows = RowList(id="bookmarks-list")
        self.status = Static("", id="bookmarks-status", markup=False)
        self.field = Field(max_length=FILTER_CHARS, placeholder=_("/ filter: id, title or note"),
                           id="bookmarks-filter", select_on_focus=False)

    @property
    def filter_text(self) -> str:
        """What the filter field holds."""
        return self.field.value

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-box"):
            yield self.heading
            yield self.field
            yield self.rows
            yield self.status
            yield Static(_("Enter go · e note · d delete · u undo · / or type: filter · Esc close"),
                         id="bookmarks-hint", markup=False)

    def on_mount(self) -> None:
        self.reload()
        self.rows.focus()
        self.call_after_refresh(self.show_rows)  # again, now that the list's width is known

    # --- contents ---------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Read the store again (another session may have changed it) and show the rows."""
        self.marks = self.store.bookmarks()
        for warning in self.store.warnings:
            self.notify(warning, title=_("Bookmarks"), severity="warning", timeout=15)
        self.store.warnings.clear()
        self.show_rows(select)

    def show_rows(self, select: str | None = None) -> None:
        """Fill the list from self.marks and the filter, keeping the cursor where it was."""
        current = self.current
        keep = select or (current.node_id if current else None)
        index = self.rows.highlighted or 0
        self.shown = [b for b in self.marks
                      if not self.filter_text or matches(self.filter_text, b, self._title(b))]
        titles = [self._title(b) for b in self.shown]
        title_width, note_width = columns(titles, any(b.note for b in self.shown),
                                          self.rows.scrollable_content_region.width - 1)
        self.rows.clear_options()
        self.rows.add_options(Option(row_text(b, title, title_width, note_width), id=b.node_id)
                              for b, title in zip(self.shown, titles, strict=True))
        if self.shown:
            ids = [b.node_id for b in self.shown]
            self.rows.highlighted = ids.index(keep) if keep in ids else min(index, len(ids) - 1)
        total = len(self.marks)
        heading = (_("Bookmarks ({shown} of {total})") if self.filter_text
                   else _("Bookmarks ({total})")).format(shown=len(self.shown), total=total)
        if self.read_only:
            heading += _(" · read-only: {problem}").format(problem=self.read_only)
        self.heading.update(heading)
        if not self.marks:
            self.status.update(_("No bookmarks yet: press b on any node to add one."))
        elif not self.shown:
            self.status.update(_("No bookmark has “{text}” in its id, title or note.").format(
                text=self.filter_text))
        else:
            self.status.update("")

    def _title(self, bookmark: Bookmark) -> str:
        return title_of(self.document, bookmark.node_id, self.script)

    @property
    def current(self) -> Bookmark | None:
        """The bookmark under the cursor."""
        index = self.rows.highlighted
        if index is None or not 0 <= index < len(self.shown):
            return None
        return self.shown[index]

    def on_resize(self, event: events.Resize) -> None:
        self.show_rows()

    # --- keys -------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        # A character that reaches the screen was not taken by the filter field (the field
        # stops every character it takes): it goes into the field, unless it is one of the
        # list's letter keys pressed in the list with no filter typed. While a filter is
        # typed, letters are only ever text: keys can arrive before the field has the focus.
        if not event.is_printable or not event.character:
            return
        command = (event.character in self.TAKEN or event.character == "/") and (
            not self.filter_text and not self.field.has_focus)
        if command:
            return
        event.stop()
        event.prevent_default()
        self.field.focus()
        self.field.insert_text_at_cursor(event.character)

    def on_paste(self, event: events.Paste) -> None:
        if self.field.has_focus:
            return  # the field pastes it itself
        event.stop()
        self.field.focus()
        self.field.insert_text_at_cursor(" ".join(event.text.split()))

    @on(Input.Changed, "#bookmarks-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.show_rows()

    @on(Input.Submitted, "#bookmarks-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_jump()

    def _filter(self, query: str) -> None:
        self.field.value = query
        self.show_rows()

    def action_start_filter(self) -> None:
        """Move to the filter field."""
        self.field.focus()

    def action_unfilter(self) -> None:
        """Drop the last character of the filter."""
        if self.filter_text:
            self._filter(self.filter_text[:-1])

    def action_cursor(self, step: int) -> None:
        """Move the list's cursor (from the filter field, which has no use for ↑ ↓)."""
        if self.rows.option_count:
            now = self.rows.highlighted
            self.rows.highlighted = max(0, min((now if now is not None else -1) + step,
                                               self.rows.option_count - 1))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_jump()

    def action_jump(self) -> None:
        """Close the list and go to the bookmarked node."""
        bookmark = self.current
        if bookmark is None:
            return
        if bookmark.node_id not in self.document:
            self.notify(_("{node} is not in the document; d deletes the bookmark").format(
                node=bookmark.node_id),
                        severity="warning")
            return
        self.dismiss(bookmark.node_id)

    def action_edit(self) -> None:
        """Edit the note of the bookmark under the cursor."""
        bookmark = self.current
        if bookmark is None:
            return

        def save(note: str | None) -> None:
            if note is None:
                return
            try:
                self.store.add_bookmark(bookmark.node_id, note)
            except StoreError as error:
                _failed(self.app, error)
                return
            self.post_message(BookmarksChanged())
            self.reload(select=bookmark.node_id)

        heading = _("Note on {heading}").format(
            heading=f"{bookmark.node_id}  {self._title(bookmark)}")
        self.app.push_screen(NotePrompt(heading, bookmark.note), save)

    def action_delete(self) -> None:
        """Delete the bookmark under the cursor (u undoes it)."""
        bookmark = self.current
        if bookmark is None:
            return
        try:
            removed = self.store.remove_bookmark(bookmark.node_id)
        except StoreError as error:
            _failed(self.app, error)
            return
        self.deleted.append(removed or bookmark)
        self.post_message(BookmarksChanged())
        self.reload()
        self.notify(_("Deleted {node}: u undoes it").format(node=bookmark.node_id), timeout=4)

    def action_undo(self) -> None:
        """Put back the last deleted bookmark, with its note and date."""
        if not self.deleted:
            self.notify(_("Nothing to undo"), timeout=3)
            return
        bookmark = self.deleted[-1]
        try:
            self.store.restore_bookmark(bookmark)
        except StoreError as error:
            _failed(self.app, error)
            return
        self.deleted.pop()
        self.post_message(BookmarksChanged())
        self.reload(select=bookmark.node_id)
        self.notify(_("Restored {node}").format(node=bookmark.node_id), timeout=3)

    def action_close(self) -> None:
        """Clear the filter, or (with none) close the list."""
        if self.filter_text:
            self._filter("")
            self.rows.focus()
        elif self.field.has_focus:
            self.rows.focus()
        else:
            self.dismiss(None)
