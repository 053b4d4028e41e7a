"""The script flag anywhere, ids as the document numbers them, and the formats analysts open.

Facts are read off content/document.txt by hand: 3.2.2's list is
（質檢總局、工業和信息化部、網信辦、能源局等負責）; 旅遊局 is named only in （六）'s list, so it
leads nothing; 三（二）3 is 強化知識產權戰略 with 知識產權局牽頭 alone.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from ipx_tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- one script flag ---------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ["--simplified", "show", "2.6.3"],
    ["show", "--simplified", "2.6.3"],
    ["show", "2.6.3", "--simplified"],
    ["--traditional", "show", "2.6.3", "--simplified"],
])
def test_simplified_before_or_after_the_subcommand(capsys: pytest.CaptureFixture[str],
                                                   args: list[str]) -> None:
    code, out, _ = run(capsys, *args)
    assert code == 0 and out.splitlines()[0] == "2.6.3  推广在线医疗卫生新模式"


def test_the_last_flag_wins_and_traditional_is_the_default(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--simplified", "show", "2.6.3", "--traditional")[1].splitlines()[0] == (
        "2.6.3  推廣在線醫療衛生新模式")
    code, _, err = run(capsys, "show", "2.6.3", "--simplified", "--traditional")
    assert code == 2 and "not allowed with argument" in err


SIMPLIFIED_START = {
    ("outline",): "front    国务院关于积极推进“互联网+”行动的指导意见\n",
    ("show", "3.2.3"): "3.2.3  强化知识产权战略\n",
    ("agencies",): "  牵头   参与  名称 · 全称 → 现名\n",
    ("tasks", "--agency", "央行"): "人民银行（中国人民银行）· 5 项任务 · 牵头 4\n",
    ("export", "--format", "md"): "# 国务院关于积极推进“互联网+”行动的指导意见\n",
    ("search", "知識產權", "--limit", "1"): "知識產權: ",
    ("bookmarks", "export"): "# 书签 · 国务院关于积极推进“互联网+”行动的指导意见\n",
}


@pytest.mark.parametrize("command", list(SIMPLIFIED_START))
@pytest.mark.parametrize("where", ["before", "after"])
def test_every_command_takes_the_flag_on_either_side(capsys: pytest.CaptureFixture[str],
                                                     command: tuple[str, ...],
                                                     where: str) -> None:
    args = ["--simplified", *command] if where == "before" else [*command, "--simplified"]
    code, out, err = run(capsys, *args)
    assert code == 0, err
    assert out.startswith(SIMPLIFIED_START[command])
    if command[0] == "search":
        assert "强化知识产权战略" in out


@pytest.mark.parametrize("args", [["bookmarks", "list"], ["bookmarks", "add", "1"],
                                  ["bookmarks", "remove", "1"], ["locate"]])
def test_commands_with_little_to_convert_accept_it_too(capsys: pytest.CaptureFixture[str],
                                                       args: list[str]) -> None:
    for placed in (["--simplified", *args], [*args, "--simplified"],
                   [*args[:1], "--simplified", *args[1:]]):
        run(capsys, "bookmarks", "add", "1")
        code, _, err = run(capsys, *placed)
        assert code == 0, (placed, err)


def test_export_simplified(capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(csv.DictReader(io.StringIO(run(capsys, "export", "--format", "csv",
                                               "--simplified")[1])))
    row = next(r for r in rows if r["id"] == "3.2.2")
    assert (row["title"], row["lead"], row["participants"]) == (
        "加快制定融合标准", "质检总局", "工业和信息化部、网信办、能源局")


# --- the JSON rule -------------------------------------------------------------------------


def test_json_identifiers_stay_as_written_and_text_follows_the_flag(
        capsys: pytest.CaptureFixture[str]) -> None:
    show = json.loads(run(capsys, "show", "3.2.2", "--json", "--simplified")[1])
    assert (show["id"], show["label"], show["citation"]) == ("3.2.2", "2.", "三（二）2")
    assert show["title"] == "加快制定融合标准"
    assert show["agencies"][0] == {"name": "質檢總局", "name_shown": "质检总局", "role": "lead"}
    tasks = json.loads(run(capsys, "tasks", "--agency", "能源局", "--role", "participant",
                           "--json", "--simplified")[1])
    assert [(t["id"], t["agency"], t["agency_shown"]) for t in tasks] == [
        ("3.2.2", "能源局", "能源局")]
    assert tasks[0]["lead"] == ["質檢總局"] and tasks[0]["lead_shown"] == ["质检总局"]
    assert tasks[0]["participants"] == ["工業和信息化部", "網信辦", "能源局"]
    assert tasks[0]["participants_shown"] == ["工业和信息化部", "网信办", "能源局"]
    assert tasks[0]["title"] == "加快制定融合标准" and tasks[0]["citation"] == "三（二）2"
    agencies = {a["name"]: a for a in json.loads(run(capsys, "agencies", "--json",
                                                     "--simplified")[1])}
    assert agencies["發展改革委"]["name_shown"] == "发展改革委"
    assert agencies["發展改革委"]["full_name"] == "国家发展和改革委员会"
    export = json.loads(run(capsys, "export", "--simplified")[1])
    node = next(n for n in export["nodes"] if n["id"] == "3.2.2")
    assert node["title"] == "加快制定融合标准" and node["agencies"][0]["name"] == "質檢總局"
    # the same shapes without the flag: only the text fields differ
    plain = json.loads(run(capsys, "show", "3.2.2", "--json")[1])
    assert set(plain) == set(show) and plain["title"] == "加快制定融合標準"
    assert plain["agencies"][0] == {"name": "質檢總局", "name_shown": "質檢總局", "role": "lead"}


def test_tasks_json_lead_and_participants_are_arrays(capsys: pytest.CaptureFixture[str]) -> None:
    rows = json.loads(run(capsys, "tasks", "--agency", "知識產權局", "--json")[1])
    assert [(r["id"], r["role"], r["lead"], r["participants"]) for r in rows] == [
        ("3.2.3", "lead", ["知識產權局"], []),
        ("3.2.4", "participant", ["科技部"], ["工業和信息化部", "質檢總局", "知識產權局"]),
    ]


# --- ids as people write them --------------------------------------------------------------


@pytest.mark.parametrize(("typed", "first_line"), [
    ("二（六）3", "2.6.3  推廣在線醫療衛生新模式"),
    ("二(六)3", "2.6.3  推廣在線醫療衛生新模式"),
    ("２.６.３", "2.6.3  推廣在線醫療衛生新模式"),
    ("２．６．３", "2.6.3  推廣在線醫療衛生新模式"),
    ("三(二)3", "3.2.3  強化知識產權戰略"),
    ("三（七）", "3.7  做好組織實施"),
    ("二、", "2  重點行動"),
    ("二（十一）", "2.11  「互聯網+」人工智能"),
    ("CLOSING", "落款"),
])
def test_ids_as_the_document_numbers_them(capsys: pytest.CaptureFixture[str], typed: str,
                                          first_line: str) -> None:
    code, out, err = run(capsys, "show", typed)
    assert code == 0, err
    assert out.splitlines()[0] == first_line


def test_a_citation_of_nothing_says_what_exists(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "show", "二（十二）")[2] == (
        "ipx-tui: unknown node 2.12: part 2 has sections 2.1 to 2.11\n")
    assert run(capsys, "show", "二3")[2].startswith("ipx-tui: not a node id: '二3'")


def test_outline_carries_labels_citations_and_front_ids(
        capsys: pytest.CaptureFixture[str]) -> None:
    nodes = {n["id"]: n for n in json.loads(run(capsys, "outline", "--json")[1])}
    assert (nodes["2"]["label"], nodes["2"]["citation"]) == ("二、", "二")
    assert (nodes["2.6"]["label"], nodes["2.6"]["citation"]) == ("（六）", "二（六）")
    assert (nodes["2.6.3"]["label"], nodes["2.6.3"]["citation"]) == ("3.", "二（六）3")
    assert (nodes["front"]["label"], nodes["front"]["citation"]) == ("", None)
    lines = run(capsys, "outline")[1].splitlines()
    assert lines[:3] == ["front    國務院關於積極推進「互聯網+」行動的指導意見",
                         "preamble 前言", "1        一、行動要求"]
    assert lines[-1] == "closing  落款"
    assert "2.6.3        3.推廣在線醫療衛生新模式" in lines


def test_show_a_part_or_a_section_lists_its_children(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "show", "2.6")[1]
    assert out.endswith("\n".join([
        "  2.6.1    1.創新政府網絡化管理和服務", "  2.6.2    2.發展便民服務新業態",
        "  2.6.3    3.推廣在線醫療衛生新模式", "  2.6.4    4.促進智慧健康養老產業發展",
        "  2.6.5    5.探索新型教育服務供給方式"]) + "\n")
    lines = run(capsys, "show", "2")[1].splitlines()
    assert lines[-11] == "  2.1      （一）「互聯網+」創業創新"
    assert lines[-1] == "  2.11     （十一）「互聯網+」人工智能"
    assert run(capsys, "show", "2.6.3")[1].splitlines()[-1] == (
        "（本節各項任務均適用第 2.6 節所列分工）")  # an item: no children listed


# --- formats -------------------------------------------------------------------------------


def test_csv_with_no_rows_still_has_its_header(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "tasks", "--agency", "旅遊局", "--role", "lead", "--csv")
    assert code == 0
    assert out == "agency,role,id,citation,section,title,lead,participants,rule\n"


def test_csv_with_a_byte_order_mark(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "fg.csv"
    assert run(capsys, "export", "--format", "csv", "--bom", "--output", str(target))[0] == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,citation,section,title,lead,participants,rule\n")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 65 and rows[0]["citation"] == "二（一）1"
    assert run(capsys, "export", "--format", "md", "--bom")[2] == (
        "ipx-tui: --bom is for --format csv (Excel reads a UTF-8 CSV by it)\n")


def test_xlsx_holds_the_65_tasks_with_their_roles(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    import openpyxl

    target = tmp_path / "fg.xlsx"
    code, _, err = run(capsys, "export", "--format", "xlsx", "--output", str(target))
    assert code == 0 and err == f"wrote {target}\n"
    sheet = openpyxl.load_workbook(target).active
    assert sheet.freeze_panes == "A2"
    rows = [[c if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["編號", "引用", "部分", "節", "任務", "牽頭", "參與", "分工"]
    assert len(rows) == 66
    by_id = {r[0]: r for r in rows[1:]}
    assert by_id["3.2.2"] == ["3.2.2", "三（二）2", "三、保障支撐", "（二）強化創新驅動",
                              "加快制定融合標準", "質檢總局", "工業和信息化部、網信辦、能源局",
                              "列第一位者牽頭"]
    assert by_id["3.2.3"][5:] == ["知識產權局", "", "單獨牽頭"]
    assert by_id["2.2.1"][5] == "工業和信息化部、發展改革委、科技部"  # 共同牽頭: all three lead
    assert by_id["3.7.3"][5:] == ["（共同負責，不設牽頭部門）", "各部門、各地方政府",
                                  "共同負責，不設牽頭部門"]
    # every task's lead and participants are those of `tasks --json` for it
    for task in json.loads(run(capsys, "export")[1])["nodes"]:
        if task["kind"] == "item":
            lead = [a["name"] for a in task["agencies"] if a["role"] == "lead"]
            part = [a["name"] for a in task["agencies"] if a["role"] == "participant"]
            assert by_id[task["id"]][5] in ("、".join(lead), "（共同負責，不設牽頭部門）")
            assert by_id[task["id"]][6] == "、".join(part)


def test_xlsx_is_not_poured_onto_a_terminal(capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert run(capsys, "export", "--format", "xlsx")[2] == (
        "ipx-tui: an xlsx file is not for the terminal: add --output FILE.xlsx\n")
