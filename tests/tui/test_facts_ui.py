"""The document's facts in the browser: its metadata and errata on its pages, agencies' English
names (on their page, in the picker, in the palette), and c, which copies a citation.

Every expected string is worked out by hand from content/document.toml, content/errata.toml
and content/agencies.toml.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.command import Hit

from ipx_tui.core.export import node_text
from ipx_tui.core.parse import load
from ipx_tui.tui.app import IpxApp
from ipx_tui.tui.palette import BrowserCommands
from ipx_tui.tui.screens.agency_picker import AgencyPicker
from ipx_tui.tui.screens.help import HelpScreen
from tests.tui.kit import SMALL, browsing, detail_text, pilot_test, press, settle

SHORT_T = "《國務院關於積極推進「互聯網+」行動的指導意見》（國發〔2015〕40號）二（九）1"
SHORT_S = "《国务院关于积极推进“互联网+”行动的指导意见》（国发〔2015〕40号）二（九）1"
WHY = ("維基文庫繁體轉換之誤：文件其餘各處均作「製造」（「協同製造」「智能製造」「製造業」），"
       "官方簡體本此處作「制造业」，繁體應作「製造業」。")
# in simplified, as written but for the quotation marks simplified text uses
WHY_S = ("維基文庫繁體轉換之誤：文件其餘各處均作“製造”（“協同製造”“智能製造”“製造業”），"
         "官方簡體本此處作“制造业”，繁體應作“製造業”。")


def copies(app: IpxApp) -> list[str]:
    """Patch the app's OSC 52 sender; the list of what it is given."""
    sent: list[str] = []
    app.copy_to_clipboard = sent.append  # type: ignore[method-assign,assignment]
    return sent


@pilot_test
async def test_c_copies_the_short_citation_in_the_readers_script(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TMUX", raising=False)
    async with browsing(SMALL, goto="2.9.1", remember=False) as (app, pilot):
        sent = copies(app)
        await press(app, pilot, "c")
        assert sent == [SHORT_T]
        assert [n.message for n in app._notifications][-1] == (
            "Sent a citation to the terminal's clipboard (OSC 52); not there? Y shows it")
        await press(app, pilot, "t", "c")
        assert sent == [SHORT_T, SHORT_S]
        app.open_node("preamble")
        await settle(app, pilot)
        await press(app, pilot, "c")  # front matter cites the document alone
        assert sent[-1] == "《国务院关于积极推进“互联网+”行动的指导意见》（国发〔2015〕40号）"


@pilot_test
async def test_c_on_an_agency_page_says_what_it_cites() -> None:
    async with browsing(SMALL, agency="科技部", remember=False) as (app, pilot):
        sent = copies(app)
        assert [loc.kind for loc in app.history.entries] == ["agency"]
        await press(app, pilot, "c")
        assert sent == []
        assert "Open a node first: c cites the node shown" in [
            n.message for n in app._notifications]


@pilot_test
async def test_c_works_in_the_kiosk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TMUX", raising=False)
    async with browsing(SMALL, goto="3.2.3", kiosk=True, remember=False) as (app, pilot):
        sent = copies(app)
        await press(app, pilot, "c")
        assert sent == ["《國務院關於積極推進「互聯網+」行動的指導意見》（國發〔2015〕40號）三（二）3"]


@pilot_test
async def test_y_copies_the_text_then_its_short_citation() -> None:
    document = load()
    async with browsing(goto="2.9.1", remember=False) as (app, pilot):
        sent = copies(app)
        await press(app, pilot, "y")
        text = node_text(document, document.node("2.9.1"), "traditional")
        assert sent == [text + "\n" + SHORT_T + "\n"]
        assert sent[0].endswith("（本節各項任務均適用第 2.9 節所列分工）\n\n" + SHORT_T + "\n")


@pilot_test
async def test_help_and_palette_list_c() -> None:
    async with browsing(remember=False) as (app, pilot):
        titles = {t: keys for t, keys, _run in BrowserCommands(app.screen)._actions()}
        assert titles["Send the citation to the clipboard (OSC 52)"] == "key: c"
        await press(app, pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.help_text())
        assert "Send the citation to the clipboard (OSC 52)" in text


@pilot_test
async def test_the_first_page_shows_the_metadata_and_the_errata() -> None:
    async with browsing(SMALL, remember=False) as (app, pilot):
        app.open_node("front")
        await settle(app, pilot)
        lines = detail_text(app).splitlines()
        assert lines[:7] == ["國務院關於積極推進「互聯網+」行動的指導意見", "",
                             "發文機關：國務院", "發文字號：國發〔2015〕40號",
                             "成文日期：2015年7月1日", "發布日期：2015年7月4日", ""]
        assert lines[-3:] == ["勘誤（維基文庫本 → 本文）：",
                              "  1.3    促進制造業 → 促進製造業",
                              "  3.5.1  加強制造業 → 加強製造業"]
        await press(app, pilot, "t")
        lines = detail_text(app).splitlines()
        assert lines[:7] == ["国务院关于积极推进“互联网+”行动的指导意见", "",
                             "发文机关：国务院", "发文字号：国发〔2015〕40号",
                             "成文日期：2015年7月1日", "发布日期：2015年7月4日", ""]
        # the correction is between traditional forms: shown as written, and said so
        assert lines[-4:] == ["勘误（维基文库本 → 本文）：",
                              "  1.3    促進制造業 → 促進製造業",
                              "  3.5.1  加強制造業 → 加強製造業",
                              "  （此系繁体字形的更正，简体本两者无别）"]
        assert ("node", "1.3") in app.browser.detail.page.links


@pilot_test
async def test_a_nodes_page_shows_its_erratum() -> None:
    async with browsing(SMALL, goto="1.3", remember=False) as (app, pilot):
        text = detail_text(app)
        assert f"\n\n勘誤（維基文庫本 → 本文）：\n  促進制造業 → 促進製造業\n  {WHY}\n" in text
        app.open_node("3.5.1")
        await settle(app, pilot)
        assert (f"\n\n勘誤（維基文庫本 → 本文）：\n  加強制造業 → 加強製造業\n  {WHY}\n"
                in detail_text(app))
        await press(app, pilot, "t")
        assert (f"\n\n勘误（维基文库本 → 本文）：\n  加強制造業 → 加強製造業\n  {WHY_S}\n"
                "  （此系繁体字形的更正，简体本两者无别）\n" in detail_text(app))
        app.open_node("2.9.1")
        await settle(app, pilot)
        assert "勘误" not in detail_text(app) and "勘誤" not in detail_text(app)


@pilot_test
async def test_an_agency_page_gives_its_english_names() -> None:
    async with browsing(SMALL, remember=False) as (app, pilot):
        app.open_agency("發展改革委")
        await settle(app, pilot)
        lines = detail_text(app).splitlines()
        assert lines[2:6] == ["全稱：國家發展和改革委員會", "現名：國家發展和改革委員會",
                              "英文名稱：National Development and Reform Commission (NDRC)",
                              "又稱：發改委、國家發改委、國家發展改革委"]  # today's English: the same
        app.open_agency("食品藥品監管總局")
        await settle(app, pilot)
        lines = detail_text(app).splitlines()
        assert lines[2:6] == ["全稱：國家食品藥品監督管理總局", "現名：國家市場監督管理總局",
                              "英文名稱：China Food and Drug Administration (CFDA)",
                              "現名英文：State Administration for Market Regulation (SAMR)"]
        app.open_agency("各部門")
        await settle(app, pilot)
        lines = detail_text(app).splitlines()
        assert lines[2:5] == ["全稱：各部門", "現名：各部門",
                              "英文名稱：all departments（描述性譯名，非正式名稱）"]
        await press(app, pilot, "t")
        assert detail_text(app).splitlines()[4] == "英文名称：all departments（描述性译名，非正式名称）"
        app.open_agency("人民銀行")
        await settle(app, pilot)
        lines = detail_text(app).splitlines()
        assert lines[3:7] == ["现名：中国人民银行", "英文名称：People's Bank of China (PBOC)",
                              '  the bank\'s own English website writes "The People\'s Bank of '
                              'China" and abbreviates it PBC; PBOC is the abbreviation most '
                              "used elsewhere", "又称：央行、人行、PBC"]


async def picked(app: IpxApp, pilot: Any, query: str) -> list[str]:
    await press(app, pilot, "a")
    assert isinstance(app.screen, AgencyPicker)
    await pilot.press(*query)
    await settle(app, pilot)
    assert isinstance(app.screen, AgencyPicker)
    shown = list(app.screen.shown)
    await press(app, pilot, "escape")
    return shown


@pilot_test
async def test_the_picker_finds_bodies_by_their_english_names() -> None:
    async with browsing(remember=False) as (app, pilot):
        assert await picked(app, pilot, "NDRC") == ["發展改革委"]
        assert await picked(app, pilot, "ndrc") == ["發展改革委"]
        market = ["市場監管總局", "質檢總局", "食品藥品監管總局", "工商總局"]
        assert await picked(app, pilot, "market regulation") == market
        assert await picked(app, pilot, "regulation market") == market
        assert await picked(app, pilot, "CFDA") == ["食品藥品監管總局"]


async def palette_hits(app: IpxApp, query: str) -> list[str]:
    """The palette's hits, best first, as the palette orders them."""
    provider = BrowserCommands(app.screen)
    hits = [h async for h in provider.search(query) if isinstance(h, Hit)]
    return [str(h.match_display) for h in sorted(hits, key=lambda h: -h.score)]


@pilot_test
async def test_the_palette_finds_bodies_by_their_english_names() -> None:
    async with browsing(remember=False) as (app, _pilot):
        found = await palette_hits(app, "NDRC")
        assert found[0] == "發展改革委 國家發展和改革委員會 (NDRC)", found[:3]
        found = await palette_hits(app, "market regulation")
        assert "市場監管總局 國家市場監督管理總局 (State Administration for Market Regulation)" in found[:4], found[:4]
