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
    assert out[1] == "市场监管总局: 10 nodes"
    assert out[2].split() == ["2.3", "「互聯網+」現代農業", "[2015:", "質檢總局、食品藥品監管總局]"]
    assert out[-1] == "… 9 more (--limit 1)"
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
