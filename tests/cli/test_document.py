"""The command line, driven as a script would drive it."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ipx_tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_show_prints_the_item_and_its_agencies(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", "2.6.3")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "2.6.3  推廣在線醫療衛生新模式"
    assert lines[1] == "二、重點行動 › （六）「互聯網+」益民服務"
    assert "3.推廣在線醫療衛生新模式。發展基於互聯網的醫療衛生服務" in out
    assert "牽頭：發展改革委" in lines
    assert any(line.startswith("參與：教育部、工業和信息化部") for line in lines)


def test_show_simplified(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "2.6.3", "--simplified")
    assert code == 0
    assert out.splitlines()[0] == "2.6.3  推广在线医疗卫生新模式"
    assert "牵头：发展改革委" in out


def test_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "3.2.3", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["id"] == "3.2.3" and data["parent"] == "3.2" and data["kind"] == "item"
    assert data["title"] == "強化知識產權戰略"
    assert data["agencies"] == [{"name": "知識產權局", "name_shown": "知識產權局", "role": "lead"}]
    assert (data["label"], data["citation"]) == ("3.", "三（二）3")


def test_outline(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "outline", "--json")
    nodes = json.loads(out)
    assert code == 0 and len(nodes) == 92
    assert nodes[0]["id"] == "front"
    assert {n["kind"] for n in nodes} == {"front", "part", "section", "item"}
    code, out, _ = run(capsys, "outline")
    assert "2.11.3" in out and "提升終端產品智能化水平" in out


def test_agencies_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "agencies", "--json")
    rows = {r["name"]: r for r in json.loads(out)}
    assert code == 0 and len(rows) == 36
    assert rows["科技部"]["lead"] == 6 and rows["科技部"]["total"] == 24
    assert rows["銀監會"]["successor"] == "國家金融監督管理總局"
    assert rows["發展改革委"]["full_name"] == "國家發展和改革委員會"


def test_tasks_of_an_agency_by_alias(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "tasks", "--agency", "人行", "--json")
    rows = json.loads(out)
    assert code == 0
    assert [(r["id"], r["role"]) for r in rows] == [
        ("2.5.1", "lead"), ("2.5.2", "lead"), ("2.5.3", "lead"),
        ("3.3.2", "participant"), ("3.6.3", "lead"),
    ]
    code, out, _ = run(capsys, "tasks", "--agency", "能源局", "--role", "participant", "--csv")
    table = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in table] == ["3.2.2"]
    assert table[0]["lead"] == "質檢總局"


def test_tasks_for_todays_name_covers_merged_bodies(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "tasks", "--agency", "市场监管总局", "--role", "lead", "--json")
    assert code == 0
    assert [(r["id"], r["agency"]) for r in json.loads(out)] == [("3.2.2", "質檢總局")]


def test_export_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"document", "nodes", "agencies"}
    assert data["document"]["number"] == "國發〔2015〕40號"
    assert set(data["nodes"][0]) == {"id", "parent", "kind", "label", "citation", "title",
                                     "text", "agencies"}
    assert set(data["agencies"][0]) == {"name", "name_shown", "full_name", "successor",
                                        "aliases", "registered", "lead", "participant"}
    ipr = next(a for a in data["agencies"] if a["name"] == "知識產權局")
    assert ipr["lead"] == ["3.2.3"] and ipr["participant"] == ["3.2.4"]


def test_export_csv_and_md(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 65
    assert rows[-1]["id"] == "3.7.3" and rows[-1]["lead"] == ""
    assert rows[-1]["participants"] == "各部門、各地方政府"
    code, out, _ = run(capsys, "export", "--format", "md")
    assert "| 3.2.3 | 強化知識產權戰略 | 知識產權局 |  |" in out


def test_export_never_overwrites_without_force(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path) -> None:
    target = tmp_path / "fg.md"
    target.write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "export", "--format", "md", "--output", str(target))
    assert code == 2 and "exists; add --force" in err
    assert target.read_text(encoding="utf-8") == "mine"
    code, _, _ = run(capsys, "export", "--format", "md", "--output", str(target), "--force")
    assert code == 0 and target.read_text(encoding="utf-8").startswith("# 國務院關於")
    code, _, err = run(capsys, "export", "--output", str(tmp_path / "no" / "x.json"))
    assert code == 2 and "no such directory" in err


@pytest.mark.parametrize(("args", "expected"), [
    (["show", "2.12"], "unknown node 2.12: part 2 has sections 2.1 to 2.11"),
    (["show", "2.6.9"], "unknown node 2.6.9: section 2.6 has items 2.6.1 to 2.6.5"),
    (["show", "4"], "unknown node 4: the document has parts 1 to 3"),
    (["show", "1.2.1"], "unknown node 1.2.1: section 1.2 has no numbered subdivisions"),
    (["show", "2..1"], "not a node id: '2..1'"),
    (["show", "-1"], "not a node id: '-1'"),
    (["show", ""], "empty node id"),
    (["show", "x" * 10_000], "not a node id: 'xxxxxxxx"),
    (["tasks", "--agency", "交通局"], "unknown agency '交通局'; did you mean 交通運輸部"),
    (["tasks", "--agency", ""], "unknown agency ''"),
    (["tasks", "--agency", "x" * 10_000], "unknown agency 'xxxx"),
    (["tasks", "--agency", "科技部", "--role", "boss"], "invalid choice: 'boss'"),
    (["tasks"], "the following arguments are required: --agency"),
    (["export", "--format", "xml"], "invalid choice: 'xml'"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["--goto", "9.9"], "unknown node 9.9"),
    (["--agency", "nobody"], "unknown agency 'nobody'"),
])
def test_bad_input_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], args: list[str],
                                         expected: str) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("ipx-tui: ")
    assert expected in err
    assert len(err) < 300  # a 10,000-character argument is not echoed whole


def test_console_script_in_a_subprocess_no_traceback() -> None:
    for args in (["show", "2..1"], ["show", "\x07\x1b[31m"], ["tasks", "--agency", "🙂"]):
        proc = subprocess.run([sys.executable, "-m", "ipx_tui", *args], capture_output=True,
                              text=True, encoding="utf-8", timeout=60)
        assert proc.returncode == 2, args
        assert "Traceback" not in proc.stderr
        assert proc.stderr.count("\n") == 1


def test_ascii_locale_still_prints_chinese() -> None:
    env = {"LC_ALL": "C", "PYTHONUTF8": "0", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-m", "ipx_tui", "show", "3.2.3"],
                          capture_output=True, env=env, timeout=60, cwd=Path(__file__).parents[2])
    assert proc.returncode == 0
    assert "強化知識產權戰略".encode() in proc.stdout
    # and Chinese arguments, which Python decodes there as ASCII surrogates, still read right
    proc = subprocess.run([sys.executable, "-m", "ipx_tui", "tasks", "--agency", "科技部"],
                          capture_output=True, env=env, timeout=60, cwd=Path(__file__).parents[2])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("科技部（科學技術部）· 24 項任務 · 牽頭 6".encode())


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("ipx-tui ")
    for sub in ("outline", "show", "agencies", "tasks", "export"):
        with pytest.raises(SystemExit) as info:
            main([sub, "--help"])
        assert info.value.code == 0
        assert f"usage: ipx-tui {sub}" in capsys.readouterr().out


def test_browser_without_a_terminal_says_so() -> None:
    proc = subprocess.run([sys.executable, "-m", "ipx_tui"], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, encoding="utf-8", timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.startswith("ipx-tui: the browser needs a terminal")
    assert proc.stdout == ""


def test_tasks_of_todays_name_lists_each_task_once(capsys: pytest.CaptureFixture[str]) -> None:
    # 質檢總局 19 tasks, 食品藥品監管總局 9 (all in 2.3 and 2.6, where 質檢總局 is listed too),
    # 工商總局 3 (3.3.1 3.3.2 with 質檢總局; 3.3.4 alone): 31 rows, 20 tasks
    code, out, _ = run(capsys, "tasks", "--agency", "市场监管总局")
    lines = out.splitlines()
    assert code == 0 and lines[3] == "20 tasks (質檢總局、食品藥品監管總局、工商總局 together)"
    rows = lines[5:]
    assert len(rows) == 20 and len({r.split()[0] for r in rows}) == 20
    assert rows[0].split() == ["2.3.1", "參與", "構建新型農業生產經營體系", "[質檢總局、食品藥品監管總局]"]
    assert rows[-1].split() == ["3.4.3", "參與", "增強走出去服務能力", "[質檢總局]"]
    assert [r.split()[0] for r in rows if r.endswith("[工商總局]")] == ["3.3.4"]
    assert [r.split()[:2] for r in rows if "牽頭" in r] == [["3.2.2", "牽頭"]]


def test_tasks_on_a_topic(capsys: pytest.CaptureFixture[str]) -> None:
    # 物聯網 in the tasks of 發展改革委 (59): 2.2.1 2.2.4 2.7.2 2.9.2 2.10.3 3.1.2 3.6.1 led,
    # 2.3.2 2.3.4 2.4.3 joined
    code, out, _ = run(capsys, "tasks", "--agency", "发改委", "物联网")
    lines = out.splitlines()
    assert code == 0 and lines[1] == "10 of 59 tasks: 物联网"
    assert [r.split()[:2] for r in lines[3:]] == [
        ["2.2.1", "牽頭"], ["2.2.4", "牽頭"], ["2.3.2", "參與"], ["2.3.4", "參與"],
        ["2.4.3", "參與"], ["2.7.2", "牽頭"], ["2.9.2", "牽頭"], ["2.10.3", "牽頭"],
        ["3.1.2", "牽頭"], ["3.6.1", "牽頭"]]
    code, out, _ = run(capsys, "tasks", "--agency", "市場監管總局", "物聯網", "--simplified")
    lines = out.splitlines()
    assert lines[3] == "2 of 20 tasks (质检总局、食品药品监管总局、工商总局 together): 物聯網"
    assert [r.split()[0] for r in lines[5:]] == ["2.3.2", "2.3.4"]
    code, out, _ = run(capsys, "tasks", "--agency", "工信部", "区块链")
    assert code == 0 and out.splitlines()[1] == "0 of 42 tasks: 区块链"
