"""Importing documents: the shipped one round-trips in the versions readers bring, three
synthetic documents give the structure and roles worked out by hand, refusals name the line."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from ipx_tui.core import library
from ipx_tui.core.document import Document
from ipx_tui.core.errors import UserError
from ipx_tui.core.parse import ParseError, load, read
from ipx_tui.core.script import t2s
from ipx_tui.core.textfile import NotText, decode
from tests import library_docs as docs

ERRATA_NODES = {"1.3", "3.5.1"}
"""The nodes content/errata.toml corrects: the only text the shipped document changed."""


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("IPX_TUI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IPX_TUI_CACHE_DIR", str(tmp_path.parent / "ipx-cache"))
    return tmp_path / "data"


def _shape(document: Document, script: str = "traditional") -> list[tuple[object, ...]]:
    """What must survive a round trip: each numbered node's id, kind, label, title (in the
    script of the version) and agency list (registry names, roles, rule, inheritance)."""
    def title(text: str) -> str:
        if script == "traditional":
            return text
        return t2s(text).replace("「", "“").replace("」", "”")

    return [(n.id, n.kind, n.label, title(n.title), n.parent, n.children,
             tuple((a.agency, a.role) for a in n.agencies),
             n.responsibility.rule if n.responsibility else None,
             n.responsibility.inherited_from if n.responsibility else None)
            for n in document.nodes if n.numbered]


def _import(raw: bytes, doc_id: str) -> tuple[library.ImportReport, Document]:
    report = library.import_document(raw, f"{doc_id}.txt", doc_id)
    return report, library.open_document(doc_id).document


# --- the shipped document, round trip --------------------------------------------------------


def test_the_wikisource_file_gives_the_shipped_document() -> None:
    report, document = _import(docs.WIKISOURCE.read_bytes(), "wiki")
    shipped = load()
    assert len([n for n in document.nodes if n.numbered]) == 89  # 3 + 21 + 65
    assert _shape(document) == _shape(shipped)
    # the text too: the wrapper and footer are gone, the punctuation full-width as the
    # official text has it; only the two errata differ
    for mine, theirs in zip(document.nodes, shipped.nodes, strict=True):
        assert (mine.paragraphs == theirs.paragraphs) == (mine.id not in ERRATA_NODES), mine.id
    assert (document.title, document.number, document.date, document.issuer,
            document.addressees) == (shipped.title, shipped.number, shipped.date,
                                     shipped.issuer, shipped.addressees)
    # six lines of the site above the title, three of its footer below the note (by hand)
    assert (report.dropped_before, report.dropped_after) == (6, 3)
    assert report.unregistered == ()
    assert (report.section_lists, report.item_lists) == (11, 25)


@pytest.mark.parametrize("version", ["gov.cn", "gbk-crlf", "full-width digits", "big5"])
def test_the_versions_readers_bring_give_the_same_structure_and_roles(version: str) -> None:
    script = "traditional"
    if version == "gov.cn":
        raw, script = docs.gov_cn_text().encode("utf-8"), "simplified"
    elif version == "gbk-crlf":
        raw, script = docs.crlf(docs.gov_cn_text()), "simplified"
    elif version == "full-width digits":
        raw = docs.full_width_digits(docs.wikisource_text()).encode("utf-8")
    else:
        raw = docs.wikisource_text().encode("big5hkscs")
    report, document = _import(raw, "v")
    assert _shape(document, script) == _shape(load(), script)
    assert report.unregistered == ()
    assert report.encoding == {"gbk-crlf": "GB18030", "big5": "Big5"}.get(version, "UTF-8")


def test_the_shipped_texts_agency_names_in_simplified_are_the_registrys() -> None:
    _, document = _import(docs.gov_cn_text().encode("utf-8"), "gov")
    item = document.node("2.5.1")
    assert [a.agency for a in item.agencies] == [a.agency for a in load().node("2.5.1").agencies]
    assert "人民银行" in item.responsibility.source  # type: ignore[union-attr]  # as written


# --- synthetic documents ---------------------------------------------------------------------


def _roles(document: Document) -> dict[str, list[tuple[str, str]]]:
    return {n.id: [(a.agency, a.role) for a in n.agencies] for n in document.nodes
            if n.agencies}


def test_document_a_simplified_gbk_crlf_from_a_web_page() -> None:
    report, document = _import(docs.DOC_A.replace("\n", "\r\n").encode("gbk"), "a")
    assert [n.id for n in document.nodes] == docs.DOC_A_IDS
    entry = report.entry
    assert (entry.parts, entry.sections, entry.items) == docs.DOC_A_COUNTS
    assert (report.section_lists, report.item_lists) == docs.DOC_A_LISTS
    assert report.bodies == docs.DOC_A_BODIES
    assert report.unregistered == docs.DOC_A_UNKNOWN
    assert (report.dropped_before, report.dropped_after) == docs.DOC_A_DROPPED
    assert _roles(document) == docs.DOC_A_ROLES
    assert {i: document.node(i).title for i in docs.DOC_A_TITLES} == docs.DOC_A_TITLES
    assert document.node("2.4.1").responsibility.inherited_from == "2.4"  # type: ignore[union-attr]
    assert document.children("1.1") == ()  # a section with no items
    assert (document.number, document.date, document.issuer) == (
        "国发〔2016〕28号", "2016年5月13日", "国务院")
    assert document.node("closing").paragraphs == ("国务院", "2016年5月13日", "（此件公开发布）")
    assert document.node("2.3.1").label == "1."  # full-width １． read as 1.
    assert report.encoding == "GB18030"
    assert (entry.id, entry.title) == ("a", "国务院关于深化制造业与互联网融合发展的指导意见")


def test_document_b_big5_ten_parts_twenty_sections_no_lists() -> None:
    report, document = _import(docs.doc_b().encode("big5hkscs"), "b")
    entry = report.entry
    assert (entry.parts, entry.sections, entry.items) == docs.DOC_B_COUNTS
    assert [p.label for p in document.of_kind("part")][-1] == "十、"
    last = document.node(docs.DOC_B_LAST_SECTION[0])
    assert (last.label, last.title) == docs.DOC_B_LAST_SECTION[1:]
    assert [c.id for c in document.children("10.20")] == ["10.20.1", "10.20.2", "10.20.3"]
    assert (report.section_lists, report.item_lists, report.bodies) == (0, 0, ())
    assert _roles(document) == {}
    assert document.date == "二〇一六年九月二十五日"
    assert document.node("closing").paragraphs[-1] == "（此件公開發布）"
    # ASCII punctuation beside Chinese text is stored full-width
    assert document.addressees == "各省、自治區、直轄市人民政府，國務院各部委、各直屬機構"
    assert document.node("1.1").label == "（一）"
    assert (report.encoding, report.dropped_before, report.dropped_after) == ("Big5", 0, 0)


def test_document_c_utf8_bom_no_addressees_numbering_on_across_sections() -> None:
    raw = codecs.BOM_UTF8 + docs.DOC_C.encode("utf-8")
    report, document = _import(raw, "c")
    assert [n.id for n in document.nodes] == docs.DOC_C_IDS
    entry = report.entry
    assert (entry.parts, entry.sections, entry.items) == docs.DOC_C_COUNTS
    assert (report.section_lists, report.item_lists) == docs.DOC_C_LISTS
    assert report.bodies == docs.DOC_C_BODIES
    assert report.unregistered == ("工業互聯網產業聯盟",)
    assert _roles(document) == docs.DOC_C_ROLES
    assert document.addressees == ""
    assert document.node("preamble").paragraphs[0].startswith("為貫徹落實")
    assert document.node("2.3").children == ()
    assert report.encoding == "UTF-8 with BOM"


def test_a_body_the_registry_lacks_has_its_tasks_and_filter() -> None:
    library.import_document(docs.DOC_C.encode("utf-8"), "c.txt", "c")
    opened = library.open_document("c")
    from ipx_tui.core.agencies import involvement

    registry = opened.registry()
    union = registry["工業互聯網產業聯盟"]
    assert not union.registered and registry["財政部"].registered
    table = involvement(opened.document, registry)
    assert table["工業互聯網產業聯盟"].participant == ("1.2.3",)  # items only: 1.2 is a section
    assert [a.name for a in registry.resolve("產業聯盟")] == ["工業互聯網產業聯盟"]
    hits = opened.engine().search("工業互聯網產業聯盟")
    assert [h.node_id for h in hits.hits] == ["1.2", "1.2.3"]


def test_ids_default_to_year_and_number_and_never_clash() -> None:
    report = library.import_document(docs.DOC_A.encode("utf-8"), "a.txt")
    assert report.entry.id == "2016-28"
    with pytest.raises(UserError, match="already imported"):
        library.import_document(docs.DOC_A.encode("utf-8"), "a.txt")
    with pytest.raises(UserError, match="shipped document's id"):
        library.import_document(docs.WIKISOURCE.read_bytes(), "w.txt")
    with pytest.raises(UserError, match="not a document id"):
        library.import_document(docs.DOC_A.encode("utf-8"), "a.txt", "Has Spaces")
    assert library.resolve_id("国发〔2016〕28号") == "2016-28"
    assert library.resolve_id("國發〔2016〕28號") == "2016-28"
    assert library.resolve_id("國發〔2015〕40號") == library.SHIPPED


def test_the_stored_file_is_whole_and_private(data_dir: Path) -> None:
    report = library.import_document(docs.DOC_C.encode("utf-8"), "c.txt", "c")
    assert report.path == data_dir / "documents" / "c.json"
    assert os.stat(report.path).st_mode & 0o777 == 0o600
    assert not list(report.path.parent.glob(".*.tmp"))
    entries, problems = library.documents()
    assert [(e.id, e.shipped) for e in entries] == [(library.SHIPPED, True), ("c", False)]
    assert problems == []
    assert library.remove_document("c").id == "c"
    assert not report.path.exists()
    with pytest.raises(UserError, match="cannot be removed"):
        library.remove_document(library.SHIPPED)


def test_a_damaged_file_is_named_not_a_traceback(data_dir: Path) -> None:
    library.import_document(docs.DOC_C.encode("utf-8"), "c.txt", "c")
    (data_dir / "documents" / "c.json").write_text("{", encoding="utf-8")
    _, problems = library.documents()
    assert len(problems) == 1 and "c.json" in problems[0]
    with pytest.raises(UserError, match="not valid JSON"):
        library.open_document("c")
    library.remove_document("c")  # still removable


# --- refusals ----------------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(docs.REFUSED))
def test_refusals_name_the_line_and_store_nothing(case: str, data_dir: Path) -> None:
    text, line, expected = docs.REFUSED[case]
    with pytest.raises(ParseError) as caught:
        library.import_document(text.encode("utf-8"), "bad.txt", "bad")
    message = str(caught.value)
    assert message.startswith(f"line {line}: expected") or message.startswith(f"line {line}: ")
    assert expected in message and "\n" not in message
    assert not (data_dir / "documents").exists()


def test_a_file_that_is_not_text_is_refused() -> None:
    # b"\x89PNG\r\n" is line 1, b"\x1a\n" line 2: the first NUL is on line 3
    with pytest.raises(NotText, match=r"^line 3: expected text, found a NUL byte"):
        decode(docs.NOT_TEXT)
    with pytest.raises(NotText, match=r"^line 2: expected text, found control"):
        decode("一、\n\x1b[31m\n".encode())


def test_decoding_each_encoding() -> None:
    text = docs.DOC_A
    assert decode(text.encode("utf-8")) == (text, "UTF-8")
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8")) == (text, "UTF-8 with BOM")
    assert decode(text.encode("gbk")) == (text, "GB18030")
    assert decode(docs.DOC_C.encode("big5")) == (docs.DOC_C, "Big5")
    assert decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le")) == (text, "UTF-16")


def test_the_shipped_text_parses_without_leftovers() -> None:
    from ipx_tui.core import content

    parsed = read(content.read_text(content.DOCUMENT))
    assert (parsed.dropped_before, parsed.dropped_after) == ((), ())
    assert parsed.document == load()
