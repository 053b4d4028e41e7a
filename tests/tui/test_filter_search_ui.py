"""Search and the agency filter agree; the palette finds agencies as the picker does.

網信辦's lists (grep -o '（[^（）]*網信辦[^（）]*）' content/document.txt) hold 2.5 2.6 2.7 2.8
2.11 of 二 and 21 items of 三; of the 11 nodes saying 物聯網 only 2.7.2 is under one of them
(2.7: 發展改革委、商務部、交通運輸部、網信辦等負責).
"""

from __future__ import annotations

from typing import Any

from textual.command import Hit
from textual.widgets import Static

from ipx_tui.tui.app import IpxApp
from ipx_tui.tui.history import Location
from ipx_tui.tui.messages import OpenNode
from ipx_tui.tui.palette import BrowserCommands
from ipx_tui.tui.screens.search import SearchScreen
from tests.tui.kit import SMALL, browser, browsing, pilot_test, press, settle


def status(app: IpxApp) -> str:
    assert isinstance(app.screen, SearchScreen)
    return str(app.screen.query_one("#search-status", Static).render())


def listed(app: IpxApp) -> list[str]:
    assert isinstance(app.screen, SearchScreen)
    results = app.screen.results
    return [str(results.get_option_at_index(i).id) for i in range(results.option_count)]


def notices(app: IpxApp) -> list[str]:
    return [n.message for n in app._notifications]


async def type_in(app: IpxApp, pilot: Any, text: str) -> None:
    await pilot.press(*text)
    await settle(app, pilot)


@pilot_test
async def test_search_within_the_filter_says_so_and_tab_widens_it() -> None:
    async with browsing(agency="網信辦", remember=False) as (app, pilot):
        await press(app, pilot, "slash")
        await type_in(app, pilot, "物联网")
        assert listed(app) == ["2.7.2"]
        assert status(app) == ("within 網信辦's tasks: 1 node (11 in the whole document)"
                               " · Tab: the whole document")
        assert isinstance(app.screen, SearchScreen)
        row = str(app.screen.results.get_option_at_index(0).prompt)
        assert row.splitlines()[0].split() == ["2.7.2", "建設深度感知智能倉儲系統", "[網信辦", "參與]"]
        await press(app, pilot, "tab")
        assert len(listed(app)) == 11
        assert status(app) == "whole document: 11 nodes · Tab: only 網信辦's tasks"
        await press(app, pilot, "tab")
        assert listed(app) == ["2.7.2"]
        await press(app, pilot, "enter")
        assert app.history.current == Location("node", "2.7.2", "網信辦")  # inside: kept


@pilot_test
async def test_opening_a_hit_outside_the_filter_turns_it_off_and_back_restores_it() -> None:
    async with browsing(agency="網信辦", remember=False) as (app, pilot):
        await press(app, pilot, "slash")
        await type_in(app, pilot, "物联网")
        await press(app, pilot, "tab")  # the whole document: 3.1.2 first (物聯網 three times)
        assert listed(app)[0] == "3.1.2"
        await press(app, pilot, "enter")
        assert app.history.current == Location("node", "3.1.2", None)
        assert app.agency_filter is None and len(browser(app).outline.node_ids) == 92
        assert "網信辦 filter off: 3.1.2 is outside it · [ back" in notices(app)
        assert any(n.startswith("match 1 of 4 · node 1 of 11") for n in notices(app))
        await press(app, pilot, "left_square_bracket")
        assert app.agency_filter == "網信辦"
        # the bar opens as it closed: on the whole document
        await press(app, pilot, "slash")
        assert status(app).startswith("whole document: 11 nodes")


@pilot_test
async def test_a_link_or_goto_outside_the_filter_turns_it_off() -> None:
    async with browsing(agency="網信辦", goto="3.1.2", remember=False) as (app, pilot):
        assert app.agency_filter is None  # 3.1.2 is 發展改革委's and 工業和信息化部's only
        assert "網信辦 filter off: 3.1.2 is outside it · [ back" in notices(app)
    async with browsing(agency="網信辦", goto="2.7.2", remember=False) as (app, pilot):
        assert app.agency_filter == "網信辦"
        app.post_message(OpenNode("2.7"))  # its section: in the filtered sidebar
        await settle(app, pilot)
        assert app.agency_filter == "網信辦"
        app.post_message(OpenNode("1.1"))  # a link to 一、(一): not
        await settle(app, pilot)
        assert app.history.current == Location("node", "1.1", None)
        await press(app, pilot, "left_square_bracket")
        assert app.history.current == Location("node", "2.7", "網信辦")


@pilot_test
async def test_a_fresh_filter_shows_its_headings_and_the_cursor_on_its_first_task() -> None:
    # 2.9.1 is far down the whole outline: its scroll offset used to stay, hiding the filtered
    # sidebar's first lines and its cursor
    async with browsing(SMALL, goto="2.9.1", remember=False) as (app, pilot):
        assert browser(app).outline.scroll_y > 0
        await press(app, pilot, "a", *"发改委")
        await press(app, pilot, "enter")
        outline = browser(app).outline
        assert app.agency_filter == "發展改革委"
        # 發展改革委's first task is 2.1.1 (2.1: 發展改革委、科技部… 等負責); 一、 has no tasks
        assert outline.visible_ids()[:3] == ["2", "2.1", "2.1.1"]
        assert outline.current_id == "2.1.1" and outline.cursor_line == 2
        assert outline.scroll_y == 0 and outline.cursor_line < outline.size.height
        assert app.history.current == Location("agency", "發展改革委", "發展改革委")


@pilot_test
async def test_a_todays_name_is_a_filter_of_its_own() -> None:
    async with browsing(remember=False) as (app, pilot):
        await press(app, pilot, "a", *"市场监管总局")
        await press(app, pilot, "enter")
        assert app.agency_filter == "市場監管總局"
        outline = browser(app).outline
        tasks = [i for i in outline.node_ids if i.count(".") == 2]
        assert len(tasks) == 20  # each of the 20 tasks once (31 rows by body)
        page = browser(app).detail.page.plain
        assert "2.3.1  1.構建新型農業生產經營體系  質檢總局、食品藥品監管總局" in page
        assert "3.3.4  4.加強法律法規建設  工商總局" in page
        await press(app, pilot, "slash")
        await type_in(app, pilot, "物联网")
        assert listed(app) == ["2.3.4", "2.3.2"] or listed(app) == ["2.3.2", "2.3.4"]
        assert status(app).startswith("within 市場監管總局's tasks: 2 nodes")


async def palette_hits(app: IpxApp, query: str) -> list[str]:
    provider = BrowserCommands(app.screen)
    return [str(hit.match_display) for hit in [h async for h in provider.search(query)]
            if isinstance(hit, Hit)]


@pilot_test
async def test_the_palette_finds_agencies_by_any_name_in_either_script() -> None:
    async with browsing(remember=False) as (app, pilot):
        await press(app, pilot, "t")
        assert app.script == "simplified"
        for query in ("央行", "人民銀行", "人民银行", "中國人民銀行"):
            found = await palette_hits(app, query)
            assert any(text.startswith("人民银行 中国人民银行") for text in found), query
        found = await palette_hits(app, "市场监管总局")
        assert any(text.startswith("市场监管总局 国家市场监督管理总局") for text in found)
        await press(app, pilot, "ctrl+p")
        await type_in(app, pilot, "央行")
        await press(app, pilot, "enter")
        assert app.agency_filter == "人民銀行"
