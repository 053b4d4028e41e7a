"""Bookmarks and settings that are never lost: TinyDB behind atomic, locked storage.

TinyDB's own JSONStorage truncates and rewrites its file in place and knows nothing of other
processes, so a crash mid-write or two SSH sessions writing at once can lose every bookmark.
Here:

* every write goes to a temporary file in the same directory, is fsynced, ``os.replace``d over
  the old file, and the directory is fsynced, so a reader only ever sees a whole file;
* every read-modify-write holds a cross-process lock (``store.json.lock``) and re-reads the file
  inside it, so two sessions adding at once both keep theirs;
* every read goes back to the file, so a session sees what another one wrote;
* a file that cannot be read is moved aside (kept, with a timestamp in its name), the reader is
  told where (``Store.warnings``), and the store carries on empty;
* a directory that cannot be written turns each write into a ``StoreError`` with a clear
  message; reading (and so browsing) is unaffected.

TinyDB and filelock are imported only when something is written: reading the settings at start
needs neither (together they cost ~70 ms of imports). ``Store(None)`` keeps everything in
memory and never touches the disk (kiosk mode).

The file is TinyDB's layout, ``{table: {doc_id: document}}``, with three tables:
``meta`` (one document: ``{"schema": 1}``), ``bookmarks`` (``{"id", "note", "created"}``) and
``settings`` (``{"key", "value"}``). An imported document's bookmarks have a table of their
own, ``bookmarks:ID`` (ID is the document's id); the shipped document's stay in ``bookmarks``.
"""

from __future__ import annotations

import copy
import errno
import json
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ipx_tui.core import kiosk as kiosk_mode
from ipx_tui.core import locations
from ipx_tui.core.i18n import _

if TYPE_CHECKING:
    from filelock import FileLock

SCHEMA = 1
"""The version of the stored layout; a file from a newer ipx-tui is read but never rewritten."""
LOCK_TIMEOUT = 10.0
"""Seconds to wait for another session's write before giving up with a StoreError."""
MAX_NOTE = 1000
"""Longest note, in characters."""
DIR_MODE = 0o700
FILE_MODE = 0o600

BOOKMARKS = "bookmarks"
"""The shipped document's bookmark table (an imported document's is ``bookmarks:ID``)."""

T = TypeVar("T")
_MISSING = object()
Data = dict[str, Any]


class StoreError(Exception):
    """A store action failed; the message is for the reader, one line."""


@dataclass(frozen=True)
class Bookmark:
    """A bookmarked node, with the reader's note and when it was made."""

    node_id: str
    note: str
    created: str
    """ISO 8601 local time with its UTC offset, to the second."""


class _Unreadable(Exception):
    """The file exists but is not a store we can read; the message says why."""


def _empty() -> Data:
    return {"meta": {"1": {"schema": SCHEMA}}, "bookmarks": {}, "settings": {}}


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def clean_note(note: str) -> str:
    """A note as stored: one line (control characters become spaces), trimmed."""
    line = "".join(" " if ch < " " or ch == "\x7f" else ch for ch in note)
    return line.strip()


# --- reading and checking the file ---------------------------------------------------------


def _parse(raw: bytes) -> Data:
    """The stored data, or _Unreadable saying what is wrong with it."""
    if not raw.strip():
        raise _Unreadable("the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _Unreadable("the file is not UTF-8 text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise _Unreadable(_(
            "the file is not valid JSON ({msg}, line {lineno})").format(
            msg=error.msg, lineno=error.lineno)
                          ) from None
    except (ValueError, RecursionError):
        raise _Unreadable("the file is not valid JSON") from None
    _check_shape(data)
    return data  # type: ignore[no-any-return]


def _wrong_shape(what: str) -> _Unreadable:
    return _Unreadable(_('the file is JSON but not an ipx-tui store ({what})').format(what=what))


def _check_shape(data: object) -> None:
    if not isinstance(data, dict):
        raise _wrong_shape(_("not an object"))
    for name, table in data.items():
        if not isinstance(table, dict):
            raise _wrong_shape(_('table {name!r} is not an object').format(name=name))
        for doc_id, doc in table.items():
            if not doc_id.isdigit() or not isinstance(doc, dict):
                raise _wrong_shape(_('table {name!r} has a bad entry').format(name=name))
    schema = _schema(data)
    if schema is None or schema < 1:
        raise _wrong_shape(_("no schema version"))
    if schema > SCHEMA:
        return  # a newer layout: read what fits, never rewrite it (see Store._writable)
    marks = (doc for name, table in data.items() if _is_bookmarks(name)
             for doc in table.values())
    for doc in marks:
        if not (isinstance(doc.get("id"), str) and doc["id"]
                and isinstance(doc.get("note"), str) and isinstance(doc.get("created"), str)):
            raise _wrong_shape(_("a bookmark without id, note and created"))
    for doc in data.get("settings", {}).values():
        if not isinstance(doc.get("key"), str) or "value" not in doc:
            raise _wrong_shape(_("a setting without key and value"))


def _schema(data: Data) -> int | None:
    docs = list(data.get("meta", {}).values())
    if len(docs) != 1:
        return None
    schema = docs[0].get("schema")
    return schema if isinstance(schema, int) and not isinstance(schema, bool) else None


def _is_bookmarks(table: str) -> bool:
    return table == BOOKMARKS or table.startswith(BOOKMARKS + ":")


def bookmarks_table(document: str | None) -> str:
    """The table holding a document's bookmarks: the shipped one's (None), or an imported one's."""
    return BOOKMARKS if document is None else f"{BOOKMARKS}:{document}"


def _bookmarks_of(data: Data, table: str = "bookmarks") -> list[Bookmark]:
    """The bookmarks in the order they were made (an undone delete goes back in its place)."""
    found: dict[str, tuple[float, int, Bookmark]] = {}
    for doc_id, doc in data.get(table, {}).items():
        node_id, note, created = doc.get("id"), doc.get("note"), doc.get("created")
        if not (isinstance(node_id, str) and isinstance(note, str)
                and isinstance(created, str)):
            continue  # only possible in a newer schema's file, which is read leniently
        try:
            when = datetime.fromisoformat(created).timestamp()
        except ValueError:
            when = float("inf")
        found[node_id] = (when, int(doc_id), Bookmark(node_id, note, created))
    return [bookmark for _, _, bookmark in sorted(found.values(), key=lambda t: t[:2])]


# --- writing the file --------------------------------------------------------------------


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as error:
        # Some file systems cannot fsync a directory; the rename is then as durable as it gets.
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def atomic_write(path: Path, payload: bytes) -> None:
    """Replace path with payload so that a crash at any moment leaves the old or the new file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _serialise(data: Data) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


@cache
def _storage_class() -> type:
    """A TinyDB Storage over one locked snapshot of the file (built on first write)."""
    from tinydb.storages import Storage  # deferred: only writes need TinyDB (~15 ms)

    class SnapshotStorage(Storage):
        """Reads the snapshot taken inside the lock; each write is committed atomically."""

        def __init__(self, data: Data, commit: Callable[[Data], None]) -> None:
            self._data = data
            self._commit = commit

        def read(self) -> Data:
            return self._data

        def write(self, data: Data) -> None:
            self._commit(data)
            self._data = data

    return SnapshotStorage


# --- the store ---------------------------------------------------------------------------


class Store:
    """Bookmarks and settings in one file (or in memory when ``path`` is None).

    ``document`` is the id of the imported document whose bookmarks it reads and writes, or
    None for the shipped document's.
    """

    def __init__(self, path: Path | None, document: str | None = None) -> None:
        self.path = path
        self.table = bookmarks_table(document)
        """The bookmark table this store reads and writes."""
        """The store file, or None for a store that lives in memory only (kiosk mode)."""
        self.warnings: list[str] = []
        """Things the reader should be told, e.g. where a corrupt file was moved."""
        self._memory: Data | None = _empty() if path is None else None
        self._thread_lock = threading.RLock()
        self._file_lock: FileLock | None = None

    @classmethod
    def open_default(cls, kiosk: bool = False, document: str | None = None) -> Store:
        """The reader's store in the data directory, or a memory store in kiosk mode; with
        ``document``, the bookmarks of that imported document."""
        if kiosk or kiosk_mode.active():
            return cls(None, document)
        return cls(locations.store_path(), document)

    @property
    def in_memory(self) -> bool:
        """True when nothing is ever written to disk."""
        return self.path is None

    # --- settings ------------------------------------------------------------------------

    def get_setting(self, key: str, default: T) -> T:
        """The stored value, or ``default`` if it is missing, of another type, or unreadable."""
        try:
            for doc in self._read().get("settings", {}).values():
                if doc.get("key") == key:
                    value = doc.get("value")
                    if default is None or _same_type(value, default):
                        return value  # type: ignore[no-any-return]
                    return default
        except Exception:  # by contract a setting never stops the app: use the default
            pass
        return default

    def set_setting(self, key: str, value: object) -> None:
        """Store a JSON value under key (no write when it is already so). Raises StoreError."""
        json.dumps(value)  # a TypeError here is a programming error, not the reader's
        current = self.get_setting(key, _MISSING)
        if type(current) is type(value) and current == value:
            return  # unchanged (the browser saves its state often): no lock, no write

        def change(db: Any) -> None:
            from tinydb import Query

            table = db.table("settings", cache_size=0)
            found = table.get(Query().key == key)
            if found is None:
                table.insert({"key": key, "value": value})
            elif found.get("value") != value:
                table.update({"value": value}, doc_ids=[found.doc_id])

        self._update(change)

    # --- bookmarks -----------------------------------------------------------------------

    def bookmarks(self) -> list[Bookmark]:
        """Every bookmark, oldest first, re-read from the file (another session may have added)."""
        return _bookmarks_of(self._read(), self.table)

    def get_bookmark(self, node_id: str) -> Bookmark | None:
        """The bookmark on node_id, if there is one."""
        return next((b for b in self.bookmarks() if b.node_id == node_id), None)

    def add_bookmark(self, node_id: str, note: str = "") -> Bookmark:
        """Bookmark node_id, or change the note if it is bookmarked already. Raises StoreError."""
        return self._put(node_id, note, None)

    def restore_bookmark(self, bookmark: Bookmark) -> Bookmark:
        """Put a removed bookmark back as it was, date included (undo). Raises StoreError."""
        return self._put(bookmark.node_id, bookmark.note, bookmark.created)

    def remove_bookmark(self, node_id: str) -> Bookmark | None:
        """Remove the bookmark on node_id; what it was, or None. Raises StoreError."""
        if self.get_bookmark(node_id) is None:
            return None  # nothing to do: no lock, no write, no directory made

        def change(db: Any) -> Bookmark | None:
            from tinydb import Query

            table = db.table(self.table, cache_size=0)
            found = table.search(Query().id == node_id)
            if not found:
                return None
            table.remove(doc_ids=[doc.doc_id for doc in found])
            return Bookmark(node_id, found[0]["note"], found[0]["created"])

        return self._update(change)

    def _put(self, node_id: str, note: str, created: str | None) -> Bookmark:
        if not node_id.strip():
            raise StoreError(_("a bookmark needs a node id"))
        note = clean_note(note)
        if len(note) > MAX_NOTE:
            raise StoreError(_(
                "the note is too long ({note} characters; at most {MAX_NOTE})").format(
                note=len(note), MAX_NOTE=MAX_NOTE))

        def change(db: Any) -> Bookmark:
            from tinydb import Query

            table = db.table(self.table, cache_size=0)
            found = table.get(Query().id == node_id)
            if found is None:
                made = created or _now()
                table.insert({"id": node_id, "note": note, "created": made})
                return Bookmark(node_id, note, made)
            if found["note"] != note:
                table.update({"note": note}, doc_ids=[found.doc_id])
            return Bookmark(node_id, note, found["created"])

        return self._update(change)

    # --- reading -------------------------------------------------------------------------

    def _read(self) -> Data:
        """The stored data as it is now on disk; empty if there is none or it was unreadable."""
        if self._memory is not None:
            return copy.deepcopy(self._memory)
        assert self.path is not None
        try:
            return self._load()
        except _Unreadable as bad:
            try:
                with self._locked():
                    return self._load_or_move_aside()
            except (_Unreadable, StoreError) as still_bad:
                # Neither readable nor movable (a read-only directory, say): carry on empty,
                # and every write will refuse rather than replace what we could not read.
                why = still_bad if isinstance(still_bad, _Unreadable) else f"{bad}; {still_bad}"
                self._warn(_(
                    "{path} could not be read ({why}); carrying on with an empty store, and "
                    "nothing can be saved until it is fixed").format(
                    path=self.path, why=why))
                return _empty()

    def _load(self) -> Data:
        assert self.path is not None
        try:
            raw = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return _empty()
        except OSError as error:
            raise _Unreadable(_(
                "the file cannot be read: {strerror}").format(
                strerror=error.strerror)) from None
        data = _parse(raw)
        if _schema(data) != SCHEMA:
            self._warn(_(
                "{path} was written by a newer ipx-tui (schema {data}); bookmarks and settings "
                "are read-only here").format(
                path=self.path, data=_schema(data)))
        return data

    def _load_or_move_aside(self) -> Data:
        """Inside the lock: the data, or (if still unreadable) move it aside and start empty."""
        assert self.path is not None
        try:
            return self._load()
        except _Unreadable as bad:
            aside = self._aside_name()
            try:
                os.rename(self.path, aside)
                _fsync_dir(self.path.parent)
            except OSError as error:
                raise _Unreadable(_(
                    "{bad}; it could not be moved aside: {strerror}").format(
                    bad=bad, strerror=error.strerror)
                                  ) from None
            self._warn(_(
                "{path} could not be read ({bad}); it was kept as {aside} and an empty store "
                "was started").format(
                path=self.path, bad=bad, aside=aside))
            return _empty()

    def _aside_name(self) -> Path:
        assert self.path is not None
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while aside.exists():  # never rename over an earlier one (rename would replace it)
            n += 1
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        return aside

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    # --- writing -------------------------------------------------------------------------

    def _update(self, change: Callable[[Any], T]) -> T:
        """Run change on a TinyDB over the current data, inside the lock; writes are atomic."""
        from tinydb import TinyDB  # deferred: see the module docstring

        storage_class = _storage_class()
        with self._thread_lock:
            if self._memory is not None:
                storage = storage_class(self._read(), self._commit_memory)
                return change(TinyDB(storage=lambda: storage))
            with self._locked(create=True):
                try:
                    data = self._load_or_move_aside()
                except _Unreadable as bad:
                    raise StoreError(_(
                        "cannot save: {path} cannot be read ({bad})").format(
                        path=self.path, bad=bad)) from None
                self._writable(data)
                self._remove_leftovers()
                storage = storage_class(data, self._commit_file)
                # A fresh TinyDB each time: its tables cache ids and queries, which another
                # session's write would make stale.
                return change(TinyDB(storage=lambda: storage))

    def _writable(self, data: Data) -> None:
        if _schema(data) != SCHEMA:
            raise StoreError(_(
                "cannot save: {path} was written by a newer ipx-tui (schema {data}); upgrade "
                "ipx-tui to change it").format(
                path=self.path, data=_schema(data)))

    def _commit_memory(self, data: Data) -> None:
        data["meta"] = {"1": {"schema": SCHEMA}}
        self._memory = json.loads(json.dumps(data))  # a private copy, and proof it is JSON

    def _commit_file(self, data: Data) -> None:
        assert self.path is not None
        data["meta"] = {"1": {"schema": SCHEMA}}
        try:
            atomic_write(self.path, _serialise(data))
        except OSError as error:
            raise StoreError(_(
                "cannot save to {parent}: {strerror} (nothing was changed)").format(
                parent=self.path.parent, strerror=error.strerror)) from None

    def _remove_leftovers(self) -> None:
        """Temporary files of writers killed mid-write (safe: we hold the lock, none is writing)."""
        assert self.path is not None
        with suppress(OSError):
            for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
                leftover.unlink()

    @contextmanager
    def _locked(self, create: bool = False) -> Iterator[None]:
        """Hold the cross-process lock; StoreError if it cannot be had."""
        assert self.path is not None
        directory = self.path.parent
        if create:
            self._make_dir(directory)
        elif not directory.is_dir():
            raise StoreError(_('no directory {directory}').format(directory=directory))
        with self._thread_lock:
            if self._file_lock is None:
                from filelock import FileLock  # deferred: ~50 ms, and only writers lock

                # preserve_lock_file: never fall back to a lock file that a SIGKILL would leave
                # behind held; thread_local=False: the RLock above already serialises threads;
                # poll_interval: filelock polls, and at its default 50 ms a busy writer starves
                # the other session (2 turns in 400 adds; at 2 ms, ~20).
                self._file_lock = FileLock(locations.lock_path(self.path), timeout=LOCK_TIMEOUT,
                                           mode=FILE_MODE, thread_local=False,
                                           poll_interval=0.002, preserve_lock_file=True)
            from filelock import Timeout

            try:
                self._file_lock.acquire()
            except Timeout:
                raise StoreError(_(
                    "the store is busy: another ipx-tui has held {lock_file} for "
                    "{LOCK_TIMEOUT:.0f} s").format(
                    lock_file=self._file_lock.lock_file, LOCK_TIMEOUT=LOCK_TIMEOUT)
                                 ) from None
            except OSError as error:
                raise StoreError(_(
                    "cannot save to {directory}: {strerror} (nothing was changed)").format(
                    directory=directory, strerror=error.strerror)) from None
            try:
                yield
            finally:
                self._file_lock.release()

    @staticmethod
    def _make_dir(directory: Path) -> None:
        if directory.is_dir():
            return
        try:
            directory.mkdir(parents=True, mode=DIR_MODE)
            os.chmod(directory, DIR_MODE)  # mkdir's mode is filtered by the umask
        except FileExistsError:
            if not directory.is_dir():
                raise StoreError(_(
                    "cannot save: {directory} is not a directory").format(
                    directory=directory)) from None
        except OSError as error:
            raise StoreError(_(
                "cannot create the data directory {directory}: {strerror}").format(
                directory=directory, strerror=error.strerror)) from None


def _same_type(value: object, default: object) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float))
    return isinstance(value, type(default))
