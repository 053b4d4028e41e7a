"""`info`, `cite`, the errata in `show`, the English names in `agencies --json`, the metadata in
`export`: every expected string worked out by hand from content/document.toml,
content/errata.toml and content/agencies.toml (and gov.cn's labels: 發文機關, 發文字號, 成文日期,
發布日期, 索引號)."""

from __future__ import annotations

import datetime
import json

import pytest

from ipx_tui.cli import main

URL = "https://www.gov.cn/zhengce/content/2015-07/04/content_10002.htm"
EN_TITLE = ('Guiding Opinions of the State Council on Vigorously Moving Forward the '
            '"Internet Plus" Action')
WHY = ("維基文庫繁體轉換之誤：文件其餘各處均作「製造」（「協同製造」「智能製造」「製造業」），"
       "官方簡體本此處作「制造业」，繁體應作「製造業」。")
# under --simplified: as written but for simplified text's quotation marks
WHY_S = ("維基文庫繁體轉換之誤：文件其餘各處均作“製造”（“協同製造”“智能製造”“製造業”），"
         "官方簡體本此處作“制造业”，繁體應作“製造業”。")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


INFO_T = f"""\
國務院關於積極推進「互聯網+」行動的指導意見
發文機關：國務院
發文字號：國發〔2015〕40號
成文日期：2015年7月1日
發布日期：2015年7月4日
索引號：000014349/2015-00112
網址：{URL}
英文題名：{EN_TITLE}
英文文號：Guo Fa [2015] No. 40
勘誤（維基文庫本 → 本文）：
  1.3    促進制造業 → 促進製造業
  3.5.1  加強制造業 → 加強製造業
"""

# the errata stay as written: 制造 and 製造 are both 制造 in simplified script
INFO_S = f"""\
国务院关于积极推进“互联网+”行动的指导意见
发文机关：国务院
发文字号：国发〔2015〕40号
成文日期：2015年7月1日
发布日期：2015年7月4日
索引号：000014349/2015-00112
网址：{URL}
英文题名：{EN_TITLE}
英文文号：Guo Fa [2015] No. 40
勘误（维基文库本 → 本文）：
  1.3    促進制造業 → 促進製造業
  3.5.1  加強制造業 → 加強製造業
  （此系繁体字形的更正，简体本两者无别）
"""


def test_info_in_either_script(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "info") == (0, INFO_T, "")
    assert run(capsys, "info", "--simplified") == (0, INFO_S, "")
    assert run(capsys, "--simplified", "info") == (0, INFO_S, "")


def test_info_json(capsys: pytest.CaptureFixture[str]) -> None:
    errata = [
        {"node": "1.3", "before": "促進制造業", "after": "促進製造業", "why": WHY},
        {"node": "3.5.1", "before": "加強制造業", "after": "加強製造業", "why": WHY},
    ]
    english = {"title": EN_TITLE, "issuer": "State Council", "number": "Guo Fa [2015] No. 40"}
    code, out, _ = run(capsys, "info", "--json")
    assert code == 0
    assert json.loads(out) == {
        "title": "國務院關於積極推進「互聯網+」行動的指導意見", "issuer": "國務院",
        "number": "國發〔2015〕40號", "written": "2015-07-01", "written_text": "2015年7月1日",
        "published": "2015-07-04", "published_text": "2015年7月4日",
        "index_number": "000014349/2015-00112", "url": URL, "english": english,
        "errata": errata}
    code, out, _ = run(capsys, "info", "--json", "--simplified")
    data = json.loads(out)
    assert (data["title"], data["issuer"], data["number"]) == (
        "国务院关于积极推进“互联网+”行动的指导意见", "国务院", "国发〔2015〕40号")
    assert data["errata"] == errata  # as written: see INFO_S


SHORT_T = "《國務院關於積極推進「互聯網+」行動的指導意見》（國發〔2015〕40號）二（九）1\n"
SHORT_S = "《国务院关于积极推进“互联网+”行动的指导意见》（国发〔2015〕40号）二（九）1\n"
GBT_T = ("國務院. 國務院關於積極推進「互聯網+」行動的指導意見: 國發〔2015〕40號[EB/OL]. "
         f"(2015-07-04)[2026-12-07]. {URL}.\n")
GBT_S = ("国务院. 国务院关于积极推进“互联网+”行动的指导意见: 国发〔2015〕40号[EB/OL]. "
         f"(2015-07-04)[2026-12-07]. {URL}.\n")
EN = ('State Council. Guiding Opinions of the State Council on Vigorously Moving Forward the '
      f'"Internet Plus" Action (Guo Fa [2015] No. 40). 1 July 2015. Part II, section (9), '
      f'item 1. {URL}\n')


@pytest.mark.parametrize("typed", ["2.9.1", "二（九）1", "二(九)1", "２.９.１", "二（九）１"])
def test_cite_short_takes_every_form_show_takes(capsys: pytest.CaptureFixture[str],
                                                typed: str) -> None:
    assert run(capsys, "cite", typed) == (0, SHORT_T, "")
    assert run(capsys, "cite", typed, "--style", "short", "--simplified") == (0, SHORT_S, "")


@pytest.mark.parametrize(("style", "traditional", "simplified"), [
    ("short", SHORT_T, SHORT_S),
    ("gbt7714", GBT_T, GBT_S),
    ("en", EN, EN),  # English: script does not apply
])
def test_cite_each_style_in_both_scripts(capsys: pytest.CaptureFixture[str], style: str,
                                         traditional: str, simplified: str) -> None:
    extra = ["--accessed", "2026-12-07"] if style == "gbt7714" else []
    assert run(capsys, "cite", "2.9.1", "--style", style, *extra) == (0, traditional, "")
    assert run(capsys, "cite", "2.9.1", "--style", style, *extra, "--simplified") == (
        0, simplified, "")


def test_cite_front_matter_and_parts(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "cite", "preamble")[1] == (
        "《國務院關於積極推進「互聯網+」行動的指導意見》（國發〔2015〕40號）\n")
    assert run(capsys, "cite", "三（七）")[1] == (
        "《國務院關於積極推進「互聯網+」行動的指導意見》（國發〔2015〕40號）三（七）\n")
    assert run(capsys, "cite", "3.7", "--style", "en")[1] == (
        'State Council. Guiding Opinions of the State Council on Vigorously Moving Forward the '
        f'"Internet Plus" Action (Guo Fa [2015] No. 40). 1 July 2015. Part III, section (7). '
        f'{URL}\n')


def test_cite_gbt7714_is_accessed_today_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cite", "2.9.1", "--style", "gbt7714")
    assert code == 0 and f"(2015-07-04)[{datetime.date.today().isoformat()}]. " in out


@pytest.mark.parametrize(("args", "message"), [
    (("cite", "9.9"), "ipx-tui: unknown node 9.9: the document has parts 1 to 3\n"),
    (("cite", "2.1", "--style", "apa"),
     "ipx-tui: argument --style: invalid choice: 'apa' (choose from 'short', 'gbt7714', 'en') "
     "(see `ipx-tui cite --help`)\n"),
    (("cite", "2.9.1", "--style", "gbt7714", "--accessed", "2026-13-01"),
     "ipx-tui: argument --accessed: not a date like 2026-12-07: '2026-13-01' "
     "(see `ipx-tui cite --help`)\n"),
    (("cite", "2.9.1", "--accessed", "2026-12-07"),
     "ipx-tui: --accessed is for --style gbt7714 (its access date)\n"),
    (("cite",), "ipx-tui: the following arguments are required: ID "
                "(see `ipx-tui cite --help`)\n"),
    (("info", "--xml"), "ipx-tui: unrecognized arguments: --xml (see `ipx-tui --help`)\n"),
])
def test_bad_input_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str],
                                          args: tuple[str, ...], message: str) -> None:
    assert run(capsys, *args) == (2, "", message)


def test_cite_help_documents_each_style(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["cite", "--help"])
    out = capsys.readouterr().out
    for line in ("  short    the title in 《》, the number in （）, then the place in the "
                 "document's own",
                 "  gbt7714  a reference-list entry as GB/T 7714-2015 gives an electronic "
                 "resource:",
                 "  en       an English reference: State Council. Guiding Opinions of the "
                 "State Council on"):
        assert line in out.splitlines()


ERRATUM_13 = ["勘誤（維基文庫本 → 本文）：促進制造業 → 促進製造業", f"  {WHY}"]


def test_show_says_which_corrections_the_text_carries(capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    code, out, _ = run(capsys, "show", "1.3")
    lines = out.splitlines()
    assert code == 0 and lines[-3:] == ["", *ERRATUM_13]
    assert "互聯網在促進製造業、農業、能源、環保等產業轉型升級方面取得積極成效" in out
    lines = run(capsys, "show", "3.5.1", "--simplified")[1].splitlines()
    assert lines[-4:] == ["", "勘误（维基文库本 → 本文）：加強制造業 → 加強製造業", f"  {WHY_S}",
                          "  （此系繁体字形的更正，简体本两者无别）"]
    assert "勘誤" not in run(capsys, "show", "2.9.1")[1]


def test_show_json_has_the_errata_field(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(capsys, "show", "1.3", "--json")[1])
    assert data["errata"] == [{"node": "1.3", "before": "促進制造業", "after": "促進製造業",
                               "why": WHY}]
    assert json.loads(run(capsys, "show", "2.9.1", "--json")[1])["errata"] == []


def test_agencies_json_gives_the_english_names(capsys: pytest.CaptureFixture[str]) -> None:
    rows = {r["name"]: r for r in json.loads(run(capsys, "agencies", "--json")[1])}
    keys = ("english", "abbreviation", "successor_english", "successor_abbreviation",
            "english_descriptive")
    assert tuple(rows["發展改革委"][k] for k in keys) == (
        "National Development and Reform Commission", "NDRC",
        "National Development and Reform Commission", "NDRC", False)
    assert tuple(rows["食品藥品監管總局"][k] for k in keys) == (
        "China Food and Drug Administration", "CFDA",
        "State Administration for Market Regulation", "SAMR", False)
    assert tuple(rows["各部門"][k] for k in keys) == (
        "all departments", "", "all departments", "", True)
    assert rows["人民銀行"]["english_note"].startswith(
        "the bank's own English website writes \"The People's Bank of China\"")
    simplified = {r["name"]: r for r in json.loads(
        run(capsys, "agencies", "--json", "--simplified")[1])}
    assert simplified["發展改革委"]["english"] == "National Development and Reform Commission"


def test_english_names_find_bodies(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "tasks", "--agency", "NDRC")
    assert code == 0 and out.splitlines()[:2] == [
        "發展改革委（國家發展和改革委員會）· 59 項任務 · 牽頭 38", "59 tasks"]
    code, out, _ = run(capsys, "tasks", "--agency", "market regulation")
    assert code == 0 and out.splitlines()[:3] == [
        "質檢總局（國家質量監督檢驗檢疫總局）· 19 項任務 · 牽頭 1",
        "食品藥品監管總局（國家食品藥品監督管理總局）· 9 項任務 · 牽頭 0",
        "工商總局（國家工商行政管理總局）· 3 項任務 · 牽頭 0"]
    code, out, _ = run(capsys, "search", "market regulation")
    assert code == 0
    assert out.splitlines()[0] == "market regulation = 質檢總局、食品藥品監管總局、工商總局"
    code, out, _ = run(capsys, "search", "regulation market")
    assert out.splitlines()[0] == "regulation market = 質檢總局、食品藥品監管總局、工商總局"
    code, out, _ = run(capsys, "search", "ISO IEC")  # Latin words of the text stay words
    assert out.splitlines()[0] == "ISO IEC: 1 node"


def test_export_json_gives_the_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(run(capsys, "export")[1])["document"]
    assert {k: document[k] for k in ("title", "issuer", "number", "date", "written",
                                     "written_text", "published", "published_text",
                                     "index_number", "url")} == {
        "title": "國務院關於積極推進「互聯網+」行動的指導意見", "issuer": "國務院",
        "number": "國發〔2015〕40號", "date": "2015年7月1日", "written": "2015-07-01",
        "written_text": "2015年7月1日", "published": "2015-07-04",
        "published_text": "2015年7月4日", "index_number": "000014349/2015-00112", "url": URL}
    assert [(e["node"], e["before"], e["after"]) for e in document["errata"]] == [
        ("1.3", "促進制造業", "促進製造業"), ("3.5.1", "加強制造業", "加強製造業")]
    document = json.loads(run(capsys, "export", "--simplified")[1])["document"]
    assert (document["title"], document["issuer"], document["number"]) == (
        "国务院关于积极推进“互联网+”行动的指导意见", "国务院", "国发〔2015〕40号")
