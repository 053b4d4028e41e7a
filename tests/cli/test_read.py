"""`ipx-tui read`: the text read straight through, printed or through the pager."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ipx_tui.cli import main
from ipx_tui.core.parse import load

# 三（七）as content/document.txt writes it (lines 227-233), each node once, then who is
# responsible as the text says: 3.7.1 (發展改革委牽頭), 3.7.2 and 3.7.3 (各部門、各地方政府負責).
READ_3_7 = """\
3.7  （七）做好組織實施

3.7.1  1.加強組織領導。建立「互聯網+」行動實施部際聯席會議制度，統籌協調解決重大問題，切實推動行動的\
貫徹落實。聯席會議設辦公室，負責具體工作的組織推進。建立跨領域、跨行業的「互聯網+」行動專家諮詢委員會，\
為政府決策提供重要支撐。（發展改革委牽頭）
牽頭：發展改革委
（單獨牽頭）

3.7.2  2.開展試點示範。鼓勵開展「互聯網+」試點示範，推進「互聯網+」區域化、鏈條化發展。支持全面創新\
改革試驗區、中關村等國家自主創新示範區、國家現代農業示範區先行先試，積極開展「互聯網+」創新政策試點，\
破除新興產業行業准入、數據開放、市場監管等方面政策障礙，研究適應新興業態特點的稅收、保險政策，打造\
「互聯網+」生態體系。（各部門、各地方政府負責）
負責：各部門、各地方政府
（共同負責，不設牽頭部門）

3.7.3  3.有序推進實施。各地區、各部門要主動作為，完善服務，加強引導，以動態發展的眼光看待「互聯網+」，\
在實踐中大膽探索拓展，相互借鑑「互聯網+」融合應用成功經驗，促進「互聯網+」新業態、新經濟發展。有關部門\
要加強統籌規劃，提高服務和管理能力。各地區要結合實際，研究制定適合本地的「互聯網+」行動落實方案，因地制宜，\
合理定位，科學組織實施，杜絕盲目建設和重複投資，務實有序推進「互聯網+」行動。（各部門、各地方政府負責）
負責：各部門、各地方政府
（共同負責，不設牽頭部門）
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_section_reads_with_its_items_and_who_is_responsible(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "read", "3.7") == (0, READ_3_7, "")
    # as people cite it, and in simplified with the mainland's quotation marks
    assert run(capsys, "read", "三（七）")[1] == READ_3_7
    simplified = run(capsys, "read", "3.7", "--simplified")[1]
    assert simplified.startswith("3.7  （七）做好组织实施\n\n3.7.1  1.加强组织领导。建立“互联网+”")
    assert "负责：各部门、各地方政府\n（共同负责，不设牵头部门）\n" in simplified


def test_an_item_of_er_says_the_section_list_it_follows(
        capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "read", "2.9.1")[1]
    lines = out.splitlines()
    assert lines[0].startswith("2.9.1  1.提升交通運輸服務品質。推動交通運輸主管部門")
    # 二（九）: （發展改革委、交通運輸部共同牽頭）
    assert lines[1:] == ["牽頭：發展改革委、交通運輸部", "（共同牽頭）",
                         "（本節各項任務均適用第 2.9 節所列分工）"]


def test_the_whole_document_reads_every_node_once_in_order(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "read")
    assert code == 0
    blocks = out.rstrip("\n").split("\n\n")
    document = load()
    assert len(blocks) == len(document.nodes) == 92
    assert blocks[0] == ("國務院關於積極推進「互聯網+」行動的指導意見\n國發〔2015〕40號\n"
                         "各省、自治區、直轄市人民政府，國務院各部委、各直屬機構：")
    assert blocks[2] == "1  一、行動要求"
    assert blocks[-1] == "國務院\n2015年7月1日\n（此件公開發布）"
    numbered = [b.split("  ", 1)[0] for b in blocks if not b.startswith(("國", "「", "近"))]
    assert numbered == [n.id for n in document.nodes if n.numbered]


def test_bad_ids_get_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "read", "9.9")
    assert (code, out) == (2, "")
    assert err == "ipx-tui: unknown node 9.9: the document has parts 1 to 3\n"


def pager_into(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A terminal on stdout and a pager that keeps what it was given."""
    kept = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"sh -c 'cat > {kept}'")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    return kept


def test_on_a_terminal_the_text_goes_through_the_pager(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    kept = pager_into(tmp_path, monkeypatch)
    assert run(capsys, "read", "3.7") == (0, "", "")
    assert kept.read_text("utf-8") == READ_3_7


def test_no_pager_when_asked_piped_or_in_the_kiosk(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    kept = pager_into(tmp_path, monkeypatch)
    assert run(capsys, "read", "3.7", "--no-pager") == (0, READ_3_7, "")
    monkeypatch.setenv("PAGER", "no-such-pager-here")  # not found: printed
    assert run(capsys, "read", "3.7") == (0, READ_3_7, "")
    monkeypatch.setenv("PAGER", "")  # empty, as git takes it: no pager
    assert run(capsys, "read", "3.7") == (0, READ_3_7, "")
    assert not kept.exists()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    monkeypatch.delenv("PAGER")
    assert run(capsys, "read", "3.7") == (0, READ_3_7, "")


def test_the_kiosk_opens_no_pager(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    kept = pager_into(tmp_path, monkeypatch)
    monkeypatch.setattr("ipx_tui.core.kiosk.active", lambda: True)
    assert run(capsys, "read", "3.7") == (0, READ_3_7, "")
    assert not kept.exists()
