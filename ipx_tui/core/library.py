"""The documents a reader has: the shipped one, and those imported from text files.

An import (:func:`import_document`) decodes the file (:mod:`ipx_tui.core.textfile`), parses
it with the shipped document's parser (:func:`ipx_tui.core.parse.read`), matches the bodies
its agency lists name to the registry (either script, any alias: 发展改革委 is 發展改革委),
builds its search words, small dictionary and keywords with jieba and OpenCC
(:mod:`ipx_tui.core.indexing`, the one place jieba's dictionary is loaded), and writes it all
as one JSON file in the data directory (``documents/ID.json``), atomically like the
bookmarks. Reading a document (:func:`open_document`) reads that file; the shipped document
is read as before, from the package, and costs what it always has.

The file: ``{"schema": 1, "id", "imported", "source", "encoding", "dropped": [before,
after], "document": {title, number, date, issuer, addressees, nodes}, "unregistered": [...],
"search": {"dictionary": {word: freq}, "words": {node: [words]}}, "keywords": {node:
{"keywords": [[written, simplified]], "related": [ids]}}}``. A file of a newer schema is
refused, never misread.
"""

from __future__ import annotations

import json
import os
import re
import threading
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipx_tui.core import kiosk, locations
from ipx_tui.core.document import Assignment, Document, Node, Responsibility
from ipx_tui.core.errors import UserError, shorten
from ipx_tui.core.parse import NUMBER, Parsed, load, read
from ipx_tui.core.script import Script, normalize

if TYPE_CHECKING:
    from ipx_tui.core.agencies import Registry
    from ipx_tui.core.search import Engine

SHIPPED = "2015-40"
"""The shipped document's id: 國發〔2015〕40號."""
SCHEMA = 1
"""The version of a stored document's layout."""
ID_SHAPE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
"""An id: lower-case ASCII letters, digits, - and _, at most 40 (typed in any shell)."""
MAX_BYTES = 5_000_000
"""The largest file an import reads: a long document is about 200 KB."""


class UnknownDocument(UserError, LookupError):
    """No document has this id; the message lists those that do."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One document of the library, as `documents` lists it."""

    id: str
    number: str
    title: str
    date: str
    parts: int
    sections: int
    items: int
    shipped: bool


@dataclass
class Opened:
    """A document with what reading it needs: its registry, search engine and keywords."""

    id: str
    document: Document
    shipped: bool
    unregistered: tuple[str, ...] = ()
    """Bodies its lists name that the registry does not know, as written."""
    words: dict[str, list[str]] = field(default_factory=dict, repr=False)
    dictionary: dict[str, int] = field(default_factory=dict, repr=False)
    keyword_rows: dict[str, Any] = field(default_factory=dict, repr=False)
    _engine: Engine | None = field(default=None, repr=False)
    _registry: Registry | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def entry(self) -> Entry:
        """What `documents` says of it."""
        return entry_of(self.id, self.document, self.shipped)

    def registry(self) -> Registry:
        """The registry with the bodies it names that the registry lacks, after it."""
        if self._registry is None:
            from ipx_tui.core.agencies import load_registry, with_bodies

            self._registry = with_bodies(load_registry(), self.unregistered)
        return self._registry

    def engine(self) -> Engine:
        """Its search engine, built on first use (the shipped one is the process's)."""
        # deferred: the search module and its segmenter cost 4 ms, for a search only
        from ipx_tui.core import search
        from ipx_tui.core.segment import Segmenter

        if self.shipped:
            return search.engine()
        with self._lock:
            if self._engine is None:
                self._engine = search.Engine(self.document, Segmenter(self.dictionary),
                                             self.words, self.registry())
            return self._engine

    def ready(self) -> bool:
        """Whether its search engine is built (then a search costs microseconds)."""
        if self.shipped:
            from ipx_tui.core import search

            return search.ready()
        return self._engine is not None

    def keywords(self, node_id: str, script: Script = "traditional") -> list[str]:
        """A section's or item's keywords, as :func:`ipx_tui.core.keywords.keywords`."""
        if self.shipped:
            from ipx_tui.core.keywords import keywords

            return keywords(node_id, script)
        entry = self.keyword_rows.get(node_id)
        rows = entry.get("keywords", []) if isinstance(entry, dict) else []
        return [str(row[0 if script == "traditional" else 1]) for row in rows]

    def related(self, node_id: str) -> list[str]:
        """The nodes sharing the most keywords with one."""
        if self.shipped:
            from ipx_tui.core.keywords import related

            return related(node_id)
        entry = self.keyword_rows.get(node_id)
        return [str(i) for i in entry.get("related", [])] if isinstance(entry, dict) else []


@dataclass(frozen=True)
class ImportReport:
    """What an import stored, for its summary."""

    entry: Entry
    encoding: str
    dropped_before: int
    dropped_after: int
    section_lists: int
    """Sections that state an agency list."""
    item_lists: int
    """Items that state their own agency list (not one inherited from their section)."""
    bodies: tuple[str, ...]
    """Every body named, as the registry names it (or as written, where it does not)."""
    unregistered: tuple[str, ...]
    path: Path


def entry_of(doc_id: str, document: Document, shipped: bool) -> Entry:
    """The listing of a document."""
    counts = {kind: len(document.of_kind(kind)) for kind in ("part", "section", "item")}
    return Entry(doc_id, document.number, document.title, document.date, counts["part"],
                 counts["section"], counts["item"], shipped)


# --- ids ---------------------------------------------------------------------------------


def default_id(document: Document) -> str:
    """The id an import gets without --id: the number's year and number (2016-28)."""
    found = NUMBER.match(unicodedata.normalize("NFKC", document.number))
    assert found is not None  # the parser found the number by this pattern
    return f"{found.group(1)}-{int(found.group(2))}"


def check_id(raw: str) -> str:
    """An id as given to --id, checked: UserError unless it has :data:`ID_SHAPE`."""
    doc_id = raw.strip()
    if not ID_SHAPE.match(doc_id):
        raise UserError(f"not a document id: {shorten(raw)!r}: ids are lower-case letters, "
                        "digits, - and _ (such as 2016-28), at most 40")
    return doc_id


def _path(doc_id: str) -> Path:
    return locations.documents_dir() / f"{doc_id}.json"


def imported_ids() -> list[str]:
    """The ids of the imported documents, sorted."""
    try:
        names = os.listdir(locations.documents_dir())
    except OSError:
        return []
    return sorted(n[:-5] for n in names if n.endswith(".json") and ID_SHAPE.match(n[:-5]))


def resolve_id(raw: str) -> str:
    """The id a --document value names: an id, or a document's number as written in either
    script (國發〔2016〕28號, 国发〔2016〕28号); UnknownDocument otherwise."""
    text = raw.strip()
    if text.lower() in (SHIPPED, *imported_ids()):
        return text.lower()
    wanted = normalize(text)
    if wanted == normalize(load().number):
        return SHIPPED
    for doc_id in imported_ids():
        try:
            if normalize(_read(doc_id)["document"]["number"]) == wanted:
                return doc_id
        except (UserError, KeyError, TypeError):
            continue
    known = ", ".join([SHIPPED, *imported_ids()])
    raise UnknownDocument(f"no document {shorten(raw)!r}: the library has {known} "
                          "(`ipx-tui documents` lists them)")


# --- reading -----------------------------------------------------------------------------


def _read(doc_id: str) -> dict[str, Any]:
    """A stored document's JSON, checked; UserError (one line) if it cannot be read."""
    path = _path(doc_id)
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise UnknownDocument(f"no document {doc_id!r} (`ipx-tui documents` lists them)"
                              ) from None
    except (OSError, ValueError) as error:
        why = error.strerror if isinstance(error, OSError) else "not valid JSON"
        raise UserError(f"cannot read {path}: {why}; `ipx-tui documents remove {doc_id}` and "
                        "import it again") from None
    if not isinstance(data, dict) or not isinstance(data.get("schema"), int):
        raise UserError(f"cannot read {path}: not a stored document")
    if data["schema"] > SCHEMA:
        raise UserError(f"cannot read {path}: written by a newer ipx-tui (schema "
                        f"{data['schema']}); upgrade ipx-tui to read it")
    return data


def open_document(doc_id: str = SHIPPED) -> Opened:
    """A document of the library by its id (the shipped one by default)."""
    if doc_id == SHIPPED:
        return _shipped()
    path = _path(doc_id)
    return _opened(doc_id, str(path), path.stat().st_mtime_ns if path.exists() else 0)


@cache
def _shipped() -> Opened:
    return Opened(SHIPPED, load(), True)


@cache
def _opened(doc_id: str, _where: str, _stamp: int) -> Opened:
    # cached per file version: a process reads a document once, and again after a re-import
    data = _read(doc_id)
    try:
        document = document_from_json(data["document"])
        search = data.get("search", {})
        return Opened(doc_id, document, False, tuple(data.get("unregistered", ())),
                      dict(search.get("words", {})), dict(search.get("dictionary", {})),
                      dict(data.get("keywords", {})))
    except (KeyError, TypeError, ValueError) as error:
        raise UserError(f"cannot read {_path(doc_id)}: not a stored document ({error}); "
                        f"`ipx-tui documents remove {doc_id}` and import it again") from None


def documents() -> tuple[list[Entry], list[str]]:
    """Every document, the shipped one first, and a line for each stored file that could
    not be read."""
    entries = [_shipped().entry]
    problems = []
    for doc_id in imported_ids():
        try:
            entries.append(open_document(doc_id).entry)
        except UserError as error:
            problems.append(str(error))
    return entries, problems


def all_opened() -> list[Opened]:
    """Every readable document, the shipped one first (for --all-documents)."""
    return [_shipped(), *(open_document(d) for d in imported_ids() if _readable(d))]


def _readable(doc_id: str) -> bool:
    try:
        open_document(doc_id)
    except UserError:
        return False
    return True


# --- the stored form ---------------------------------------------------------------------


def node_to_json(node: Node) -> dict[str, Any]:
    """A node as stored."""
    resp = node.responsibility
    return {"id": node.id, "parent": node.parent, "kind": node.kind, "label": node.label,
            "title": node.title, "paragraphs": list(node.paragraphs),
            "children": list(node.children),
            "responsibility": None if resp is None else {
                "rule": resp.rule, "source": resp.source, "inherited_from": resp.inherited_from,
                "assignments": [[a.agency, a.role] for a in resp.assignments]}}


def document_to_json(document: Document) -> dict[str, Any]:
    """A document as stored."""
    return {"title": document.title, "number": document.number, "date": document.date,
            "issuer": document.issuer, "addressees": document.addressees,
            "nodes": [node_to_json(n) for n in document.nodes]}


def document_from_json(data: dict[str, Any]) -> Document:
    """A stored document; KeyError, TypeError or ValueError if it is not one."""
    nodes = []
    for raw in data["nodes"]:
        resp = raw.get("responsibility")
        responsibility = None
        if resp is not None:
            assignments = tuple(Assignment(str(a), _role(r)) for a, r in resp["assignments"])
            responsibility = Responsibility(assignments, resp["rule"], str(resp["source"]),
                                            resp.get("inherited_from"))
        if raw["kind"] not in ("front", "part", "section", "item"):
            raise ValueError(f"unknown kind {raw['kind']!r}")
        nodes.append(Node(str(raw["id"]), raw["parent"], raw["kind"], str(raw["label"]),
                          str(raw["title"]), tuple(str(p) for p in raw["paragraphs"]),
                          responsibility, tuple(str(c) for c in raw["children"])))
    return Document(title=str(data["title"]), number=str(data["number"]),
                    date=str(data["date"]), issuer=str(data["issuer"]),
                    addressees=str(data["addressees"]), nodes=tuple(nodes),
                    by_id={n.id: n for n in nodes})


def _role(raw: object) -> Any:
    if raw not in ("lead", "participant"):
        raise ValueError(f"unknown role {raw!r}")
    return raw


# --- importing ---------------------------------------------------------------------------


def match_agencies(document: Document, registry: Registry) -> tuple[Document, tuple[str, ...]]:
    """The document with each body its lists name as the registry names it, where the
    registry knows it under one name in either script (发展改革委 → 發展改革委); the bodies
    it does not know stay as written, and are returned too."""
    unknown: list[str] = []
    nodes = []
    for node in document.nodes:
        resp = node.responsibility
        if resp is None:
            nodes.append(node)
            continue
        assignments: dict[str, Assignment] = {}
        for a in resp.assignments:
            found = registry.find(a.agency)
            name = found[0].name if len(found) == 1 else a.agency
            if len(found) != 1 and name not in unknown:
                unknown.append(name)
            assignments.setdefault(name, Assignment(name, a.role))  # one body named twice
        nodes.append(replace(node, responsibility=replace(
            resp, assignments=tuple(assignments.values()))))
    return replace(document, nodes=tuple(nodes), by_id={n.id: n for n in nodes}), tuple(unknown)


def read_file(path: str) -> bytes:
    """The bytes of a file to import; UserError (one line) if it cannot be read."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise UserError(f"cannot read {shorten(path)}: {error.strerror or error}") from None
    if len(raw) > MAX_BYTES:
        raise UserError(f"{shorten(path)} is too long for one document (more than "
                        f"{MAX_BYTES // 1_000_000} MB)")
    return raw


def parse_file(raw: bytes) -> tuple[Parsed, str]:
    """The parsed document in a file's bytes, and the encoding it was read in."""
    from ipx_tui.core.textfile import decode

    text, encoding = decode(raw)
    return read(text), encoding


def import_document(raw: bytes, source: str, doc_id: str | None = None) -> ImportReport:
    """Parse, match, index and store one document; UserError (one line) when it cannot be.

    Nothing is stored unless everything before the write succeeded.
    """
    kiosk.refuse("importing a document")
    from datetime import datetime  # deferred with the rest of the import machinery

    from ipx_tui.core import indexing  # deferred: jieba, loaded for this import only
    from ipx_tui.core.agencies import load_registry

    parsed, encoding = parse_file(raw)
    registry = load_registry()
    document, unknown = match_agencies(parsed.document, registry)
    doc_id = check_id(doc_id) if doc_id is not None else default_id(document)
    if doc_id == SHIPPED:
        raise UserError(f"{SHIPPED} is the shipped document's id (this is {document.number}"
                        "): to keep this copy too, give it another id with --id")
    path = _path(doc_id)
    if path.exists():
        raise UserError(f"a document {doc_id} is already imported: `ipx-tui documents remove "
                        f"{doc_id}` first, or give this one another id with --id")
    dictionary = dict(_frequency(line) for line in indexing.small_dictionary_lines(document))
    words = indexing.search_words(document)
    indexing.release_default()
    keywords = indexing.keyword_table(document)
    payload = {
        "schema": SCHEMA, "id": doc_id,
        "imported": datetime.now().astimezone().isoformat(timespec="seconds"),
        "source": os.path.basename(source), "encoding": encoding,
        "dropped": [len(parsed.dropped_before), len(parsed.dropped_after)],
        "document": document_to_json(document), "unregistered": list(unknown),
        "search": {"dictionary": dictionary, "words": words},
        "keywords": keywords,
    }
    _write(path, payload)
    bodies = tuple(dict.fromkeys(a.agency for n in document.nodes if n.responsibility
                                 and n.responsibility.inherited_from is None
                                 for a in n.agencies))
    lists = [n for n in document.nodes
             if n.responsibility is not None and n.responsibility.inherited_from is None]
    return ImportReport(
        entry_of(doc_id, document, False), encoding, len(parsed.dropped_before),
        len(parsed.dropped_after), sum(n.kind == "section" for n in lists),
        sum(n.kind == "item" for n in lists), bodies, unknown, path)


def _frequency(line: str) -> tuple[str, int]:
    word, freq = line.split(" ")[:2]
    return word, int(freq)


def _write(path: Path, payload: dict[str, Any]) -> None:
    from ipx_tui.core.store import Store, StoreError, atomic_write

    try:
        Store._make_dir(path.parent.parent)
        Store._make_dir(path.parent)
        atomic_write(path, (json.dumps(payload, ensure_ascii=False) + "\n").encode("utf-8"))
    except StoreError as error:
        raise UserError(str(error)) from None
    except OSError as error:
        raise UserError(f"cannot save to {path.parent}: {error.strerror} (nothing was stored)"
                        ) from None


def remove_document(doc_id: str) -> Entry:
    """Remove an imported document; what it was. UserError for the shipped one or an
    unknown id."""
    kiosk.refuse("removing a document")
    if doc_id.strip().lower() == SHIPPED:
        raise UserError(f"{SHIPPED} is the shipped document: it cannot be removed")
    doc_id = resolve_id(doc_id)
    try:
        entry = open_document(doc_id).entry
    except UserError:
        entry = Entry(doc_id, "", "", "", 0, 0, 0, False)  # unreadable: still removable
    try:
        _path(doc_id).unlink()
    except OSError as error:
        raise UserError(f"cannot remove {_path(doc_id)}: {error.strerror}") from None
    return entry
