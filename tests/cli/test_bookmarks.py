"""`ipx-tui bookmarks …` and `ipx-tui locate`, driven as a reader's script would drive them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ipx_tui.cli import main
from ipx_tui.core import locations
from ipx_tui.core.errors import shorten
from ipx_tui.core.store import Bookmark, Store


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_json_update_remove(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "bookmarks", "add", "2.6.3", "--note", "看病 要緊") == (
        0, "", "bookmarked 2.6.3 3.推廣在線醫療衛生新模式  — 看病 要緊\n")
    assert run(capsys, "bookmarks", "add", "1")[0] == 0
    code, out, err = run(capsys, "bookmarks", "list", "--json")
    rows = json.loads(out)
    assert code == 0 and err == ""
    assert [list(row) for row in rows] == [["id", "title", "note", "created"]] * 2
    assert [(r["id"], r["title"], r["note"]) for r in rows] == [
        ("2.6.3", "推廣在線醫療衛生新模式", "看病 要緊"), ("1", "行動要求", "")]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", rows[0]["created"])
    # add on a bookmarked id updates its note, keeping its date; without --note it keeps both.
    assert run(capsys, "bookmarks", "add", "2.6.3", "--note", "改過")[2] == (
        "changed the note on 2.6.3 3.推廣在線醫療衛生新模式  — 改過\n")
    assert run(capsys, "bookmarks", "add", "2.6.3")[2] == (
        "2.6.3 3.推廣在線醫療衛生新模式 was already bookmarked  — 改過\n")
    again = json.loads(run(capsys, "bookmarks", "list", "--json")[1])
    assert [(r["id"], r["note"], r["created"]) for r in again] == [
        ("2.6.3", "改過", rows[0]["created"]), ("1", "", rows[1]["created"])]
    assert run(capsys, "bookmarks", "remove", "1") == (
        0, "", "removed the bookmark on 1 行動要求\n")
    assert [r["id"] for r in json.loads(run(capsys, "bookmarks", "list", "--json")[1])] == [
        "2.6.3"]


def test_list_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open_default()
    store.restore_bookmark(Bookmark("2.6.3", "看病", "2024-05-01T09:30:12+08:00"))
    store.restore_bookmark(Bookmark("preamble", "", "2024-05-02T10:00:00+08:00"))
    code, out, err = run(capsys, "bookmarks", "list")
    assert code == 0 and err == ""
    assert out == ("2.6.3    2024-05-01 09:30  3.推廣在線醫療衛生新模式  — 看病\n"
                   "preamble 2024-05-02 10:00  前言\n")
    assert run(capsys, "bookmarks", "list", "--simplified")[1].splitlines()[0] == (
        "2.6.3    2024-05-01 09:30  3.推广在线医疗卫生新模式  — 看病")


def test_an_empty_list_says_how_to_add(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "bookmarks", "list") == (
        0, "", "no bookmarks yet: `ipx-tui bookmarks add ID --note TEXT` adds one, "
               "or press b in the browser\n")
    assert run(capsys, "bookmarks", "list", "--json") == (0, "[]\n", "")


@pytest.mark.parametrize("command", ["add", "remove"])
@pytest.mark.parametrize(("raw", "message"), [
    ("9.9", "unknown node 9.9: the document has parts 1 to 3"),
    ("2.6.99", "unknown node 2.6.99: section 2.6 has items 2.6.1 to 2.6.5"),
    ("x y", "not a node id: 'x y': ids look like 2, 2.6 or 2.6.3 (or front, preamble, "
            "closing); `ipx-tui outline` lists them"),
])
def test_unknown_ids_exit_2_like_show(capsys: pytest.CaptureFixture[str], command: str,
                                      raw: str, message: str) -> None:
    code, out, err = run(capsys, "bookmarks", command, raw)
    assert (code, out, err) == (2, "", f"ipx-tui: {message}\n")
    assert run(capsys, "show", raw)[2] == err  # the same words as `show`
    assert Store.open_default().bookmarks() == []


def test_removing_what_is_not_bookmarked_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "bookmarks", "remove", "2.6.3") == (
        2, "", "ipx-tui: 2.6.3 is not bookmarked (`ipx-tui bookmarks list` shows them)\n")


def test_a_bookmark_on_a_node_the_document_lost_is_listed_and_removable(
        capsys: pytest.CaptureFixture[str]) -> None:
    Store.open_default().restore_bookmark(Bookmark("9.9", "舊版的", "2024-01-01T00:00:00+08:00"))
    assert json.loads(run(capsys, "bookmarks", "list", "--json")[1])[0]["title"] == "（不在文件中）"
    assert run(capsys, "bookmarks", "remove", "9.9")[0] == 0
    assert Store.open_default().bookmarks() == []


def test_no_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "bookmarks")
    assert (code, out) == (2, "")
    assert err == ("ipx-tui: the following arguments are required: ACTION "
                   "(see `ipx-tui bookmarks --help`)\n")


def test_export_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open_default()
    store.restore_bookmark(Bookmark("2.6.3", "看病", "2024-05-01T09:30:12+08:00"))
    store.restore_bookmark(Bookmark("1", "", "2024-05-02T10:00:00+08:00"))
    code, out, err = run(capsys, "bookmarks", "export")
    assert code == 0 and err == ""
    lines = out.split("\n")
    assert lines[:9] == [
        "# 書籤 · 國務院關於積極推進「互聯網+」行動的指導意見", "",
        "## 2.6.3 推廣在線醫療衛生新模式", "",
        "二、重點行動 › （六）「互聯網+」益民服務 · 2024-05-01 09:30", "",
        "> 備註：看病", "",
        "3.推廣在線醫療衛生新模式。發展基於互聯網的醫療衛生服務，支持第三方機構構建醫學影像、"
        "健康檔案、檢驗報告、電子病歷等醫療信息共享服務平台，逐步建立跨醫院的醫療數據共享交換標準體系。"
        "積極利用移動互聯網提供在線預約診療、候診提醒、劃價繳費、診療報告查詢、藥品配送等便捷服務。"
        "引導醫療機構面向中小城市和農村地區開展基層檢查、上級診斷等遠程醫療服務。"
        "鼓勵互聯網企業與醫療機構合作建立醫療網絡信息平台，加強區域醫療衛生服務資源整合，"
        "充分利用互聯網、大數據等手段，提高重大疾病和突發公共衛生事件防控能力。"
        "積極探索互聯網延伸醫囑、電子處方等網絡醫療健康服務應用。"
        "鼓勵有資質的醫學檢驗機構、醫療服務機構聯合互聯網企業，發展基因檢測、疾病預防等健康服務模式。"]
    assert lines[9:] == ["", "## 1 行動要求", "", "2024-05-02 10:00", ""]
    simplified = run(capsys, "bookmarks", "export", "--simplified")[1]
    # the simplified text writes the mainland's quotation marks, as the State Council does
    assert simplified.startswith("# 书签 · 国务院关于积极推进\u201c互联网+\u201d行动的指导意见\n")
    assert "\n> 备注：看病\n" in simplified and "## 2.6.3 推广在线医疗卫生新模式\n" in simplified


def test_export_json_and_to_a_file_never_overwriting(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    Store.open_default().add_bookmark("3.2.3", "知識產權")
    rows = json.loads(run(capsys, "bookmarks", "export", "--format", "json")[1])
    assert [(r["id"], r["title"], r["note"]) for r in rows] == [("3.2.3", "強化知識產權戰略",
                                                                   "知識產權")]
    assert rows[0]["text"].startswith("3.強化知識產權戰略。")
    target = tmp_path / "marks.md"
    assert run(capsys, "bookmarks", "export", "--output", str(target)) == (
        0, "", f"wrote 1 bookmark to {target}\n")
    first = target.read_text(encoding="utf-8")
    assert first.startswith("# 書籤") and "## 3.2.3 " in first
    assert run(capsys, "bookmarks", "export", "--format", "json", "--output", str(target)) == (
        2, "", f"ipx-tui: {shorten(str(target))} exists; add --force to replace it\n")
    assert target.read_text(encoding="utf-8") == first
    code, _, _ = run(capsys, "bookmarks", "export", "--format", "json", "--output", str(target),
                     "--force")
    assert code == 0 and json.loads(target.read_text(encoding="utf-8"))[0]["id"] == "3.2.3"


def test_a_store_that_cannot_be_written_exits_1_with_one_line(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("IPX_TUI_DATA_DIR", str(blocker / "data"))
    assert run(capsys, "bookmarks", "add", "2.6.3") == (
        1, "", f"ipx-tui: cannot create the data directory {blocker / 'data'}: Not a directory\n")
    assert run(capsys, "bookmarks", "list", "--json") == (0, "[]\n", "")


def test_a_corrupt_store_is_reported_on_stderr_and_the_command_goes_on(
        capsys: pytest.CaptureFixture[str]) -> None:
    path = locations.store_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b'{"bookmarks": ')
    code, out, err = run(capsys, "bookmarks", "add", "2.6.3")
    assert out == ""
    [aside] = path.parent.glob("store.json.corrupt-*")
    assert code == 0
    assert err.splitlines()[0] == (f"ipx-tui: warning: {path} could not be read (the file is "
                                   "not valid JSON (Expecting value, line 1)); it was kept as "
                                   f"{aside} and an empty store was started")
    assert err.splitlines()[1].startswith("bookmarked 2.6.3")
    assert aside.read_bytes() == b'{"bookmarks": '


def test_kiosk_mode_changes_nothing_on_disk(capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    monkeypatch.setenv("IPX_TUI_KIOSK", "1")
    assert run(capsys, "bookmarks", "add", "2.6.3") == (
        2, "", "ipx-tui: bookmarks are not saved in kiosk mode\n")
    assert run(capsys, "bookmarks", "export", "--output", str(tmp_path / "x.md"))[0] == 2
    assert run(capsys, "locate") == (0, "kiosk mode: nothing is written to disk\n", "")
    assert not locations.data_dir().exists() and not (tmp_path / "x.md").exists()


def test_locate_prints_where_the_files_are(capsys: pytest.CaptureFixture[str]) -> None:
    data, cache = locations.data_dir(), locations.cache_dir()
    assert run(capsys, "locate") == (0, (
        f"data   {data}  (not created yet)\n"
        f"store  {data / 'store.json'}  (not created yet)\n"
        f"lock   {data / 'store.json.lock'}  (not created yet)\n"
        f"cache  {cache}  (not created yet)\n"), "")
    Store.open_default().add_bookmark("1")
    code, out, _ = run(capsys, "locate")
    assert code == 0
    assert out.splitlines()[1] == f"store  {data / 'store.json'}  (1 bookmark)"
    assert json.loads(run(capsys, "locate", "--json")[1]) == {
        "data": str(data), "store": str(data / "store.json"),
        "lock": str(data / "store.json.lock"), "cache": str(cache)}


def test_locate_uses_platformdirs_without_the_override(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "ipx_tui", "locate", "--json"], env=env,
                         capture_output=True, text=True, check=True).stdout
    where = json.loads(out)
    assert where["data"] == str(tmp_path / ".local" / "share" / "ipx-tui")
    assert where["cache"] == str(tmp_path / ".cache" / "ipx-tui")
    assert not (tmp_path / ".local").exists()  # locate only looks
