"""`ipx-tui search`: the engine's answers on the command line, in text and JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from ipx_tui.cli import main
from ipx_tui.core.search import SearchResult, search


def ids(result: SearchResult) -> list[str]:
    return [hit.node_id for hit in result.hits]


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "物聯網", "--json", "--limit", "2"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [list(r) for r in rows] == [["id", "title", "snippet", "score"]] * 2
    assert [r["id"] for r in rows] == ids(search("物联网"))[:2]
    assert "物聯網" in rows[0]["snippet"] and rows[0]["score"] >= rows[1]["score"]
    assert main(["search", "物聯網", "--json", "--simplified"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 11 and "物联网" in rows[0]["snippet"]


def test_cli_no_hits_prints_an_empty_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "区块链", "--json"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "[]\n" and "no node contains 区块链" in captured.err
    assert main(["search", "互联网金融创新平台", "--json"]) == 0  # partial: only in text
    assert capsys.readouterr().out == "[]\n"


def test_cli_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "市场监管总局", "--limit", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("市场监管总局: today's name of 質檢總局、食品藥品監管總局、工商總局")
    # named in 10 nodes, responsible for 20 tasks and the sections 2.3 2.6 2.8 (see core tests)
    assert out[1] == "市场监管总局: 23 nodes"
    assert out[2].split() == ["2.3", "「互聯網+」現代農業", "[2015:", "質檢總局、食品藥品監管總局",
                              "參與]"]
    assert out[-1] == "… 22 more (--limit 1)"
    assert main(["search", "互联网金融创新平台", "--limit", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "marked ~ (partial)" in out[0] and out[1].startswith("~")
    assert main(["search", "区块链"]) == 0
    assert "nor any of its words" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [
    ["search"], ["search", "x", "--limit", "0"], ["search", "x", "--limit", "-3"],
    ["search", "x", "--limit", "many"], ["search", "  "], ["search", "\x00"],
])
def test_cli_bad_input_is_one_line_and_exit_2(argv: list[str],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("ipx-tui: ")


def test_cli_reads_chinese_arguments_under_the_c_locale() -> None:
    # without UTF-8 mode, Python decodes argv as ASCII: 物联网 arrives as lone surrogates
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}
    out = subprocess.run([sys.executable, "-m", "ipx_tui", "search", "物联网", "--json"],
                         capture_output=True, env=env, check=True)
    rows = json.loads(out.stdout.decode("utf-8"))
    assert [r["id"] for r in rows] == ids(search("物联网"))
    bad = subprocess.run([sys.executable, "-m", "ipx_tui", "search", b"\xff".decode(
        "utf-8", "surrogateescape")], capture_output=True, env=env)
    assert bad.returncode == 2 and bad.stderr.count(b"\n") == 1


def test_cli_agency_and_topic_says_how_each_matched(capsys: pytest.CaptureFixture[str]) -> None:
    # 物聯網 is in 11 nodes; 發展改革委 leads 7 of them and joins 2.3.2 2.3.4 2.4.3; 1.3 has
    # no list (tests/core/test_agency_topics.py)
    assert main(["search", "发改委", "物联网"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "发改委 物联网: 10 nodes"
    rows = [line for line in out[2:] if not line.startswith("  ")]
    assert len(rows) == 10
    assert sum(r.endswith("[發展改革委 牽頭]") for r in rows) == 7
    assert sorted(r.split()[0] for r in rows if r.endswith("[發展改革委 參與]")) == [
        "2.3.2", "2.3.4", "2.4.3"]
    assert main(["search", "发改委", "物联网", "--simplified"]) == 0
    assert "[发展改革委 牵头]" in capsys.readouterr().out


def test_cli_search_within_an_agencys_tasks(capsys: pytest.CaptureFixture[str]) -> None:
    # tasks --agency 發展改革委 lists 59 (38 led, 21 joined); 物聯網 is in 10 of them
    assert main(["search", "物联网", "--agency", "发改委"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("物联网: 10 tasks, within the 59 tasks 發展改革委 leads or joins (tasks "
                      "--agency 發展改革委); 11 nodes in the whole document")
    assert main(["search", "物联网", "--agency", "國家發展和改革委員會", "--role", "participant"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("物联网: 3 tasks, within the 21 tasks 發展改革委 joins")
    assert [line.split()[0] for line in out[1::2]] == ["2.3.2", "2.3.4", "2.4.3"]
    assert all(line.endswith("[發展改革委 參與]") for line in out[1::2])
    # 工信部 by responsibility alone: its 42 tasks, whatever the text names
    assert main(["search", "工信部", "--agency", "工信部", "--limit", "1"]) == 0
    assert capsys.readouterr().out.startswith("工信部 = 工業和信息化部\n工信部: 42 tasks, within the 42")
    assert main(["search", "x", "--role", "lead"]) == 2
    assert capsys.readouterr().err == "ipx-tui: --role needs --agency: whose role?\n"
    assert main(["search", "x", "--agency", "交通局"]) == 2


def test_cli_partial_says_which_word_was_not_found(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "区块链", "物联网"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("no node contains 区块链 物联网; 11 contain some of its words (物联网), "
                      "marked ~ (partial); 区块链 was not found:")
    assert len([line for line in out[1:] if line.startswith("~")]) == 11
