"""The search bar in the browser, driven by Pilot: / types n N Enter Esc."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from ipx_tui.core import search as core
from ipx_tui.tui.app import IpxApp
from ipx_tui.tui.screens.search import MATCH_STYLE, SearchScreen
from tests.tui.kit import SMALL, detail_text, pilot_test, press, settle
from tests.tui.kit import browser as browser_of
from tests.tui.kit import browsing as _browsing

PHYSICAL = ["1.3", "2.2.1", "2.2.4", "2.3.2", "2.3.4", "2.4.3", "2.7.2", "2.9.2", "2.10.3",
            "3.1.2", "3.6.1"]
"""The 11 nodes whose own text has 物聯網 (grep -c 物聯網 content/document.txt)."""


def browsing(**options: Any) -> Any:
    """The browser at 100x30, not restoring a last session."""
    return _browsing(remember=False, **options)


async def type_in(app: IpxApp, pilot: Pilot[None], text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)
    await settle(app, pilot)


def bar(app: IpxApp) -> SearchScreen:
    assert isinstance(app.screen, SearchScreen)
    return app.screen


def listed(app: IpxApp) -> list[str]:
    results = bar(app).query_one("#search-results", OptionList)
    return [str(results.get_option_at_index(i).id) for i in range(results.option_count)]


def status(app: IpxApp) -> str:
    return str(bar(app).query_one("#search-status", Static).render())


@pilot_test
async def test_the_index_waits_for_the_first_search() -> None:
    core._engine.cache_clear()
    async with browsing() as (app, pilot):
        assert not core.ready()  # not at start, not in the warm-up after the first frame
        await pilot.press("slash")
        await settle(app, pilot)
        assert core.ready() and isinstance(app.screen, SearchScreen)


@pilot_test
async def test_results_follow_every_keystroke_in_either_script() -> None:
    async with browsing() as (app, pilot):
        await pilot.press("slash")
        await settle(app, pilot)
        field = bar(app).query_one("#search-input", Input)
        assert field.has_focus and field.cursor_blink is False  # idle sends nothing
        await type_in(app, pilot, "物")
        many = len(listed(app))
        await type_in(app, pilot, "聯")
        assert len(listed(app)) < many  # no Enter needed
        await type_in(app, pilot, "网")  # 物聯网: mixed scripts
        assert sorted(listed(app)) == sorted(PHYSICAL)
        assert status(app) == "11 nodes"
        assert listed(app) == [h.node_id for h in core.search("物联网").hits]


@pilot_test
async def test_each_result_shows_id_title_and_highlighted_snippet() -> None:
    async with browsing() as (app, pilot):
        await pilot.press("slash")
        await type_in(app, pilot, "平台")
        assert status(app) == "41 nodes"
        results = bar(app).query_one("#search-results", OptionList)
        prompt = results.get_option_at_index(0).prompt
        first = str(prompt).split("\n")[0]
        assert first.split() == ["2.5.1", "探索推進互聯網金融雲服務平台建設"]  # the title hit
        marked = [str(prompt)[s.start:s.end] for s in prompt.spans  # type: ignore[union-attr]
                  if s.style == MATCH_STYLE]
        assert marked and set(marked) == {"平台"}


def where(app: IpxApp) -> tuple[str, str]:
    """The node the walk is at, and the line it says."""
    hit, line = app.searches.current()
    return hit.node_id, line


# 物聯網 on each page the walk shows: the node's text (grep -o on its paragraph) and its
# keyword line, where 物聯網 is a keyword: 3.1.2 加強物聯網…國家物聯網…跨行業物聯網 + keywords;
# 2.10.3 物聯網 twice + keywords; 1.3 once (a part's section: no keywords line with it)
MATCHES = {"3.1.2": 4, "2.10.3": 3, "1.3": 1}


@pilot_test
async def test_enter_opens_the_node_with_its_matches_highlighted_and_n_walks() -> None:
    async with browsing(goto="2.6.3") as (app, pilot):
        await pilot.press("slash")
        await type_in(app, pilot, "物聯網")
        ranked = listed(app)
        assert ranked[:2] == ["3.1.2", "2.10.3"] and ranked[-1] == "1.3"
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert app.screen is app.browser
        assert app.history.current.key == ranked[1] and app.highlight == ["物联网"]
        assert "物聯網" in detail_text(app)
        assert where(app) == ("2.10.3", "match 1 of 3 · node 2 of 11")
        for n in (2, 3):  # n walks the matches inside the node first, as less does
            await press(app, pilot, "n")
            assert where(app) == ("2.10.3", f"match {n} of 3 · node 2 of 11")
            assert app.history.current.key == ranked[1]
        await press(app, pilot, "n")
        assert app.history.current.key == ranked[2]
        assert where(app)[1].startswith("match 1 of ")
        await press(app, pilot, "N")  # back to the previous node's last match
        assert where(app) == ("2.10.3", "match 3 of 3 · node 2 of 11")
        await press(app, pilot, "N", "N", "N")
        assert where(app) == ("3.1.2", "match 4 of 4 · node 1 of 11")
        await press(app, pilot, "N", "N", "N", "N")
        assert app.history.current.key == ranked[-1]  # wrapped round, like less with wrapscan
        assert where(app) == ("1.3", "match 1 of 1 · node 11 of 11, from the bottom")
        await press(app, pilot, "n")
        assert app.history.current.key == ranked[0]
        assert where(app) == ("3.1.2", "match 1 of 4 · node 1 of 11, from the top")


@pilot_test
async def test_n_scrolls_each_match_of_a_long_node_into_view() -> None:
    async with _browsing(SMALL, remember=False, goto="2.6.3") as (app, pilot):
        await pilot.press("slash")
        await type_in(app, pilot, "物聯網")
        await pilot.press("enter")
        await settle(app, pilot)
        detail = browser_of(app).detail
        lines = detail.layout_at(detail.text_width).match_lines
        assert len(lines) == MATCHES["3.1.2"] and lines == sorted(lines)
        for n in range(4):
            if n:
                await press(app, pilot, "n")
            assert where(app) == ("3.1.2", f"match {n + 1} of 4 · node 1 of 11")
            assert detail.current_match == n  # drawn apart from the other matches
            current = detail._style("prose--highlight-current")
            assert current.underline and current != detail._style("prose--highlight")
            marked = [i for i, line in enumerate(detail.layout_at(detail.text_width).lines)
                      if any(span.style == current for span in line.spans)]
            # on its line, and the next when the line breaks inside it (物聯|網)
            assert marked in ([lines[n]], [lines[n], lines[n] + 1]), n
            top = detail.scroll_y
            assert top <= lines[n] < top + detail.scrollable_content_region.height, n


@pilot_test
async def test_enter_scrolls_the_first_highlighted_line_into_view_at_80x24() -> None:
    # 增效升級 occurs once, in the preamble: its line 16 at the pane's 44 cells of text starts
    # 質增效升級; laid out at the pane's 45 cells (its scrollbar's too) 增 ends line 15, and the
    # pane scrolled one line short of two lines of context
    async with _browsing(SMALL, remember=False) as (app, pilot):
        await pilot.press("slash")
        await type_in(app, pilot, "增效升級")
        assert listed(app) == ["preamble"]
        await pilot.press("enter")
        await settle(app, pilot)
        detail = browser_of(app).detail
        first = detail.first_highlight_line()
        assert detail.text_width == 44 and first == 16
        assert detail.layout_at(44).lines[first].plain.startswith("質增效升級")
        assert detail.max_scroll_y >= first - 2
        assert detail.scroll_y == first - 2  # two lines of context above it
        assert first < detail.scroll_y + detail.scrollable_content_region.height


@pilot_test
async def test_escape_returns_to_where_the_reader_was() -> None:
    async with browsing(goto="2.6.3") as (app, pilot):
        await pilot.press("slash")
        await type_in(app, pilot, "醫療")
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is app.browser
        assert app.history.current.key == "2.6.3" and not app.highlight
        await pilot.press("n")  # nothing was opened: nothing to walk
        await settle(app, pilot)
        assert app.history.current.key == "2.6.3"
        # the bar opens again with the last query, selected so typing replaces it
        await pilot.press("slash")
        await settle(app, pilot)
        field = bar(app).query_one("#search-input", Input)
        assert field.value == "醫療" and listed(app)
        await type_in(app, pilot, "ipv6")
        assert field.value == "ipv6" and listed(app) == ["3.1.1"]


@pilot_test
async def test_aliases_partial_and_no_hits_are_said() -> None:
    async with browsing() as (app, pilot):
        await pilot.press("slash")
        await type_in(app, pilot, "市场监管总局")
        # named in 10 nodes, responsible for 20 tasks and 2.3 2.6 2.8 (tests/core/test_search.py)
        assert status(app).startswith("23 nodes · 市场监管总局: today's name of 質檢總局")
        results = bar(app).query_one("#search-results", OptionList)
        assert "[2015: 質檢總局、食品藥品監管總局 參與]" in str(
            results.get_option_at_index(0).prompt)
        await pilot.press("ctrl+u")
        await type_in(app, pilot, "互联网金融创新平台")
        assert "79 contain some of its words" in status(app)
        assert str(results.get_option_at_index(0).prompt).startswith("~")
        await pilot.press("ctrl+u")
        await type_in(app, pilot, "区块链")
        assert status(app).startswith("no node contains 区块链") and listed(app) == []
        await pilot.press("enter")  # nothing to open: a bell, and the bar stays
        await settle(app, pilot)
        assert isinstance(app.screen, SearchScreen)


@pilot_test
async def test_bad_input_in_the_bar() -> None:
    async with browsing() as (app, pilot):
        await pilot.press("slash")
        await settle(app, pilot)
        field = bar(app).query_one("#search-input", Input)
        for junk in ("(.*", "   ", "🙂", "\x1b[2J", "互聯網" * 3334):
            field.value = junk
            await settle(app, pilot)
            assert isinstance(app.screen, SearchScreen)
        assert len(status(app)) < 120  # a paste is cut short in the status line


@pilot_test
async def test_n_before_any_search_says_so() -> None:
    async with browsing(goto="2.6.3") as (app, pilot):
        await pilot.press("n")
        await settle(app, pilot)
        assert app.history.current.key == "2.6.3"
        assert [n.message for n in app._notifications] == ["No search yet: / searches"]


@pilot_test
async def test_results_follow_the_script() -> None:
    async with browsing(script="simplified") as (app, pilot):
        await pilot.press("slash")
        await type_in(app, pilot, "物聯網")
        results = bar(app).query_one("#search-results", OptionList)
        assert "物联网" in str(results.get_option_at_index(0).prompt)


@pilot_test
async def test_every_result_is_listed_the_first_rows_at_once() -> None:
    async with browsing() as (app, pilot):
        await pilot.press("slash")
        await settle(app, pilot)
        bar(app).show_results("互")  # 75 nodes: the rows that fit in this frame, then the rest
        assert len(listed(app)) == bar(app).first_rows() < 20
        await settle(app, pilot)
        assert listed(app) == [h.node_id for h in core.search("互").hits]
        assert len(listed(app)) == 75 and status(app) == "75 nodes"
        bar(app).show_results("互")
        bar(app).show_results("平台")  # the rows of the older list are not added to it
        await settle(app, pilot)
        assert listed(app) == [h.node_id for h in core.search("平台").hits]


def test_nothing_of_search_loads_before_the_first_search() -> None:
    code = """
import asyncio, sys
from ipx_tui.tui.app import IpxApp
async def main():
    app = IpxApp(remember=False, kiosk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        loaded = [m for m in ("ipx_tui.tui.screens.search", "jieba") if m in sys.modules]
        # the detail pane may import the module for keywords(); the index must still wait
        search, segment = sys.modules.get("ipx_tui.core.search"), sys.modules.get(
            "ipx_tui.core.segment")
        if search is not None and search.ready():
            loaded.append("the search index")
        if segment is not None and segment.load_segmenter.cache_info().currsize:
            loaded.append("the jieba dictionary")
        print(loaded)
asyncio.run(main())
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    assert out.stdout.strip() == "[]"
