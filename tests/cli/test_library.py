"""`import`, `documents`, `--document` on every command, `--all-documents` for tasks and
search; figures worked out by hand in tests/library_docs.py and below."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ipx_tui.cli import main
from tests import library_docs as docs


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {"a": tmp_path / "a.txt", "c": tmp_path / "c.txt", "png": tmp_path / "x.png"}
    out["a"].write_bytes(docs.DOC_A.replace("\n", "\r\n").encode("gbk"))
    out["c"].write_bytes(docs.DOC_C.encode("utf-8"))
    out["png"].write_bytes(docs.NOT_TEXT)
    return out


@pytest.fixture
def two(capsys: pytest.CaptureFixture[str], files: dict[str, Path]) -> None:
    """The library with documents A (2016-28) and C (c) imported."""
    assert run(capsys, "import", str(files["a"]))[0] == 0
    assert run(capsys, "import", str(files["c"]), "--id", "c")[0] == 0


def test_the_command_lines_shipped_id_is_the_librarys() -> None:
    from ipx_tui.cli import library as cli_library
    from ipx_tui.core import library

    assert cli_library.SHIPPED == library.SHIPPED


def test_import_prints_the_summary(capsys: pytest.CaptureFixture[str],
                                   files: dict[str, Path]) -> None:
    code, out, err = run(capsys, "import", str(files["a"]))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "国发〔2016〕28号 · 国务院关于深化制造业与互联网融合发展的指导意见 · 2016年5月13日",
        "3 parts, 5 sections, 4 items; agency lists in 2 sections and 3 items; 7 bodies named, "
        "1 not in the registry: 国家制造强国建设领导小组办公室",
        "dropped a web page's leftovers: 3 lines above the title and 2 lines below the date",
        "stored as 2016-28 (read in GB18030): ipx-tui --document 2016-28, or any command with "
        "--document 2016-28",
    ]


@pytest.mark.parametrize("case", sorted(docs.REFUSED))
def test_import_refusals_are_one_line_and_exit_2(case: str, capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    text, line, expected = docs.REFUSED[case]
    bad = tmp_path / "bad.txt"
    bad.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "import", str(bad))
    assert (code, out) == (2, "")
    assert err.startswith(f"ipx-tui: line {line}: ") and expected in err
    assert err.count("\n") == 1
    assert run(capsys, "documents", "--json")[1].count('"id"') == 1  # the shipped one only


def test_import_refuses_a_binary_and_a_missing_file(capsys: pytest.CaptureFixture[str],
                                                    files: dict[str, Path]) -> None:
    code, _, err = run(capsys, "import", str(files["png"]))
    assert code == 2 and err.startswith("ipx-tui: line 3: expected text, found a NUL byte")
    code, _, err = run(capsys, "import", str(files["png"]) + ".missing")
    assert code == 2 and "cannot read" in err and err.count("\n") == 1


def test_kiosk_refuses_import_and_remove(capsys: pytest.CaptureFixture[str],
                                         files: dict[str, Path], two: None) -> None:
    code, _, err = run(capsys, "--kiosk", "import", str(files["a"]), "--id", "k")
    assert code == 2 and "importing a document is turned off in kiosk mode" in err
    code, _, err = run(capsys, "--kiosk", "documents", "remove", "c")
    assert code == 2 and "removing a document is turned off in kiosk mode" in err


def test_documents_lists_and_removes(capsys: pytest.CaptureFixture[str], two: None) -> None:
    code, out, _ = run(capsys, "documents", "--json")
    rows = json.loads(out)
    assert code == 0
    assert [(r["id"], r["shipped"], r["parts"], r["sections"], r["items"]) for r in rows] == [
        ("2015-40", True, 3, 21, 65), ("2016-28", False, 3, 5, 4), ("c", False, 2, 3, 4)]
    code, out, _ = run(capsys, "documents")
    assert out.splitlines()[1].startswith("2016-28    imported  国发〔2016〕28号 · ")
    assert run(capsys, "documents", "remove", "c")[0] == 0
    code, _, err = run(capsys, "documents", "remove", "c")
    assert code == 2 and "no document 'c'" in err
    code, _, err = run(capsys, "documents", "remove", "2015-40")
    assert code == 2 and "cannot be removed" in err


def test_every_command_reads_the_document_asked_for(capsys: pytest.CaptureFixture[str],
                                                    two: None) -> None:
    code, out, _ = run(capsys, "outline", "--document", "c")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == docs.DOC_C_IDS
    code, out, _ = run(capsys, "show", "1.2.3", "--document", "c")
    assert out.splitlines()[0] == "1.2.3  培育平臺"
    assert "牽頭：網信辦" in out and "參與：公安部、工業互聯網產業聯盟" in out
    # by number, in the other script
    code, out, _ = run(capsys, "show", "2.3.2", "--document", "國發〔2016〕28號")
    assert (code, out.splitlines()[0]) == (0, "2.3.2  推动大企业开放资源")
    code, out, _ = run(capsys, "export", "--format", "csv", "--document", "c")
    assert [row.split(",")[0] for row in out.splitlines()[1:]] == [
        "1.1.1", "1.1.2", "1.2.3", "1.2.4"]
    code, _, err = run(capsys, "outline", "--document", "nope")
    assert code == 2 and "no document 'nope'" in err and "2016-28" in err


def test_agencies_of_a_document_mark_what_the_registry_lacks(
        capsys: pytest.CaptureFixture[str], two: None) -> None:
    code, out, _ = run(capsys, "agencies", "--json", "--document", "c")
    rows = {r["name"]: r for r in json.loads(out)}
    # tasks are items: 1.1.1 1.1.2 led by 工業和信息化部; 1.2.3 inherits （二）'s list
    assert (rows["工業和信息化部"]["lead"], rows["工業和信息化部"]["participant"]) == (2, 0)
    assert (rows["網信辦"]["lead"], rows["公安部"]["participant"]) == (1, 1)
    union = rows["工業互聯網產業聯盟"]
    assert (union["registered"], union["lead"], union["participant"]) == (False, 0, 1)
    assert rows["財政部"]["registered"] is True
    assert len(rows) == 6  # the bodies it names, no others
    code, out, _ = run(capsys, "tasks", "--agency", "產業聯盟", "--document", "c")
    assert code == 0
    assert out.splitlines()[:3] == [
        "工業互聯網產業聯盟（not in the registry）· 1 項任務 · 牽頭 0", "1 task", ""]


def test_tasks_across_documents(capsys: pytest.CaptureFixture[str], two: None) -> None:
    code, out, _ = run(capsys, "tasks", "--agency", "发改委", "--all-documents", "--json")
    groups = json.loads(out)
    assert code == 0
    # 59 tasks in the shipped document; in A, 2.3.1 (participant, 等负责 lists it second)
    # and 2.4.1 (lead: it inherits （四）'s 共同牵头); C names no 發展改革委
    assert [(g["document"], len(g["tasks"])) for g in groups] == [("2015-40", 59),
                                                                  ("2016-28", 2)]
    assert [(t["id"], t["role"]) for t in groups[1]["tasks"]] == [
        ("2.3.1", "participant"), ("2.4.1", "lead")]
    code, out, _ = run(capsys, "tasks", "--agency", "发改委", "--all-documents")
    blocks = out.split("\n\n== ")
    assert blocks[0].startswith("== 2015-40 · 國發〔2015〕40號 · ")
    assert blocks[-1].startswith("2016-28 · 国发〔2016〕28号 · ")
    assert "2.4.1    牽頭  发展服务平台" in blocks[-1]


def test_search_across_documents(capsys: pytest.CaptureFixture[str], two: None) -> None:
    code, out, _ = run(capsys, "search", "双创", "--all-documents", "--json")
    rows = json.loads(out)
    # 雙創 is in 2.1.2 alone of the shipped text; in A in （二）, （三） (title and text),
    # 1. of （三）, and （四）'s title; C never says it
    assert code == 0
    found = [(r["document"], r["id"]) for r in rows]
    assert sorted(found) == [("2015-40", "2.1.2"), ("2016-28", "1.2"), ("2016-28", "2.3"),
                             ("2016-28", "2.3.1"), ("2016-28", "2.4")]
    assert {r["number"] for r in rows} == {"國發〔2015〕40號", "国发〔2016〕28号"}
    code, out, _ = run(capsys, "search", "双创", "--all-documents")
    assert out.startswith("== 2015-40 · 國發〔2015〕40號 · ")
    assert "== 2016-28 · 国发〔2016〕28号 · " in out and "== c ·" not in out


def test_bookmarks_are_kept_per_document(capsys: pytest.CaptureFixture[str], two: None) -> None:
    assert run(capsys, "bookmarks", "add", "2.3.1", "--document", "2016-28",
               "--note", "mine")[0] == 0
    assert run(capsys, "bookmarks", "add", "2.6.3")[0] == 0
    code, out, _ = run(capsys, "bookmarks", "list", "--json", "--document", "2016-28")
    assert [(b["id"], b["title"], b["note"]) for b in json.loads(out)] == [
        ("2.3.1", "建设平台", "mine")]
    code, out, _ = run(capsys, "bookmarks", "list", "--json")
    assert [b["id"] for b in json.loads(out)] == ["2.6.3"]
    code, _, err = run(capsys, "bookmarks", "add", "2.6.3", "--document", "c")
    assert code == 2 and "unknown node 2.6.3" in err


def test_info_and_cite_read_an_imported_document(capsys: pytest.CaptureFixture[str],
                                                 two: None) -> None:
    # what document A's own text says of itself (tests/library_docs.py, DOC_A)
    code, out, err = run(capsys, "info", "--document", "2016-28", "--simplified")
    assert (code, err) == (0, "")
    assert out.splitlines() == ["国务院关于深化制造业与互联网融合发展的指导意见",
                                "发文机关：国务院", "发文字号：国发〔2016〕28号",
                                "成文日期：2016年5月13日"]
    # 2.3.1 is the first item of （三）, the section that opens part 二
    assert run(capsys, "cite", "2.3.1", "--document", "2016-28", "--simplified") == (
        0, "《国务院关于深化制造业与互联网融合发展的指导意见》（国发〔2016〕28号）二（三）1\n", "")
    # the other styles need publication details only the shipped document's data has
    code, out, err = run(capsys, "cite", "2.3.1", "--document", "2016-28", "--style", "en")
    assert (code, out) == (2, "")
    assert err == ("ipx-tui: --style en needs the document's publication details, which only "
                   "the shipped 國發〔2015〕40號 has: use --style short\n")



def test_the_shipped_errata_stay_with_the_shipped_document(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # gov.cn's simplified copy of the same document, imported: its 1.3 is its own text
    (tmp_path / "gov.txt").write_text(docs.gov_cn_text(), encoding="utf-8")
    assert run(capsys, "import", str(tmp_path / "gov.txt"), "--id", "gov")[0] == 0
    assert "勘誤" in run(capsys, "show", "1.3")[1]
    out = run(capsys, "show", "1.3", "--document", "gov")[1]
    assert "促进制造业" in out and "勘誤" not in out and "勘误" not in out
    assert json.loads(run(capsys, "show", "1.3", "--document", "gov", "--json")[1])[
        "errata"] == []
