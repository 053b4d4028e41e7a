"""The browser driven key by key with Textual's Pilot: each key, each view, and what it shows.

Counts are checked against readings of the text by hand (the agency lists in parentheses).
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from textual.widgets import Input

from ipx_tui.core import script as script_module
from ipx_tui.core.export import node_text
from ipx_tui.core.parse import load
from ipx_tui.tui.app import IpxApp
from ipx_tui.tui.history import Location
from ipx_tui.tui.keys import key_help
from ipx_tui.tui.screens.agency_picker import AgencyPicker, option_text
from ipx_tui.tui.screens.help import HelpScreen
from ipx_tui.tui.screens.matrix import MatrixScreen
from ipx_tui.tui.screens.too_small import TooSmall
from ipx_tui.tui.texts import MORE, fit
from ipx_tui.tui.widgets.detail import Detail
from ipx_tui.tui.widgets.outline import BOOKMARK_MARK, Outline
from tests.tui.kit import (
    SMALL,
    browser,
    browsing,
    detail_text,
    outline_labels,
    pilot_test,
    press,
    settle,
)
from tests.tui.screen import screen_text

# Tasks in all / tasks led, read by hand from the agency lists in the text.
HAND_COUNTS = {
    "科技部": (24, 6),
    "交通運輸部": (10, 3),
    "能源局": (5, 4),
    "人民銀行": (5, 4),
    "商務部": (28, 2),
    "知識產權局": (2, 1),
}
# What a reader might type for each: simplified, an alias, the name as written.
QUERIES = {
    "科技部": "科技部", "交通運輸部": "交通运输部", "能源局": "NEA", "人民銀行": "央行",
    "商務部": "商务部", "知識產權局": "知识产权局",
}


@pilot_test
async def test_starts_at_the_title_with_the_outline_focused() -> None:
    async with browsing() as (app, _pilot):
        assert isinstance(app.focused, Outline)
        outline = browser(app).outline
        assert outline.current_id == "front"
        ids = outline.node_ids
        kinds = [app.document.node(i).kind for i in ids]
        assert (len(ids), kinds.count("front"), kinds.count("part"), kinds.count("section"),
                kinds.count("item")) == (92, 3, 3, 21, 65)
        assert detail_text(app).startswith("國務院關於積極推進「互聯網+」行動的指導意見\n")
        assert "國發〔2015〕40號" in detail_text(app)
        text = screen_text(app)
        assert "國務院關於積極推進「互聯網+」行動的指導意見 — 國發〔2015〕40號" in text
        assert "? Help" in text or "?Help" in text


@pilot_test
async def test_j_k_and_arrows_move_and_the_detail_follows() -> None:
    async with browsing() as (app, pilot):
        await press(app, pilot, "j", "down")
        assert browser(app).outline.current_id == "1"
        assert detail_text(app).startswith("1\n\n一、行動要求\n")
        await press(app, pilot, "j")
        assert browser(app).outline.current_id == "1.1"
        await press(app, pilot, "k", "up")
        assert browser(app).outline.current_id == "preamble"
        assert "「互聯網+」是把互聯網的創新成果" in detail_text(app)


@pilot_test
async def test_open_expands_then_steps_in_then_reads() -> None:
    async with browsing() as (app, pilot):
        outline = browser(app).outline
        outline.select_id("2.1")
        await settle(app, pilot)
        assert "2.1.1" not in outline.visible_ids()
        await press(app, pilot, "l")
        assert "2.1.1" in outline.visible_ids() and outline.current_id == "2.1"
        await press(app, pilot, "right")
        assert outline.current_id == "2.1.1"
        assert "1.強化創業創新支撐。鼓勵大型互聯網企業" in detail_text(app)
        await press(app, pilot, "enter")
        assert isinstance(app.focused, Detail)


@pilot_test
async def test_h_collapses_then_goes_to_the_parent() -> None:
    async with browsing() as (app, pilot):
        outline = browser(app).outline
        outline.select_id("2.2.3", quiet=False)
        await settle(app, pilot)
        await press(app, pilot, "h")
        assert outline.current_id == "2.2"
        await press(app, pilot, "left")
        assert "2.2.1" not in outline.visible_ids() and outline.current_id == "2.2"
        await press(app, pilot, "h")
        assert outline.current_id == "2"


@pilot_test
async def test_g_and_G_go_to_the_first_and_last_line() -> None:
    async with browsing() as (app, pilot):
        await press(app, pilot, "G")
        assert browser(app).outline.current_id == "closing"
        assert "2015年7月1日" in detail_text(app)
        await press(app, pilot, "g")
        assert browser(app).outline.current_id == "front"


@pilot_test
async def test_tab_switches_between_sidebar_and_detail() -> None:
    async with browsing() as (app, pilot):
        await press(app, pilot, "tab")
        assert isinstance(app.focused, Detail)
        await press(app, pilot, "tab")
        assert isinstance(app.focused, Outline)
        await press(app, pilot, "shift+tab")
        assert isinstance(app.focused, Detail)


@pilot_test
async def test_page_keys_scroll_the_detail_from_either_pane() -> None:
    async with browsing(SMALL) as (app, pilot):
        app.open_agency("發展改革委")  # 59 tasks: a long page
        await settle(app, pilot)
        detail = browser(app).detail
        assert detail.scroll_y == 0 and detail.max_scroll_y > 40
        await press(app, pilot, "pagedown")
        first = detail.scroll_y
        assert first > 0
        await press(app, pilot, "space")
        assert detail.scroll_y > first
        await press(app, pilot, "pageup", "pageup")
        assert detail.scroll_y == 0
        await press(app, pilot, "tab", "space", "j")
        assert detail.scroll_y > first
        await press(app, pilot, "g")
        assert detail.scroll_y == 0
        await press(app, pilot, "G")
        assert detail.scroll_y == detail.max_scroll_y


@pilot_test
async def test_agency_links_open_agency_pages_and_back_returns() -> None:
    async with browsing(goto="2.4.1") as (app, pilot):
        page = detail_text(app)
        assert "牽頭：能源局　參與：發展改革委、工業和信息化部" in page
        assert "（本節各項任務均適用第 2.4 節所列分工）" in page
        # the place line's two links come first, then the agencies
        await press(app, pilot, "tab", "l", "l", "l")
        assert browser(app).detail.selected_link == ("agency", "能源局")
        await press(app, pilot, "enter")
        assert app.history.current == Location("agency", "能源局")
        page = detail_text(app)
        assert page.startswith("能源局\n\n全稱：國家能源局\n現名：國家能源局\n"
                               "英文名稱：National Energy Administration (NEA)\n")
        assert "能源局 · 5 項任務 · 牽頭 4" in page
        assert "牽頭 4\n" in page and "參與 1\n" in page
        await press(app, pilot, "left_square_bracket")
        assert app.history.current == Location("node", "2.4.1")
        assert "1.推進能源生產智能化" in detail_text(app)
        await press(app, pilot, "right_square_bracket")
        assert app.history.current == Location("agency", "能源局")
        # a task link on the agency page opens the task
        await press(app, pilot, "l", "enter")
        assert app.history.current.key == "2.4.1"


@pilot_test
async def test_left_from_the_first_link_returns_to_the_sidebar() -> None:
    async with browsing(goto="2.1") as (app, pilot):
        await press(app, pilot, "tab", "l")
        assert browser(app).detail.selected_link == ("node", "2")
        await press(app, pilot, "h")
        assert isinstance(app.focused, Outline)


@pilot_test
async def test_a_section_lists_its_items_and_a_part_its_sections() -> None:
    async with browsing(goto="2.3") as (app, pilot):
        page = detail_text(app)
        assert "（三）「互聯網+」現代農業" in page
        for line in ("1.構建新型農業生產經營體系", "2.發展精準化生產方式",
                     "3.提升網絡化服務水平", "4.完善農副產品質量安全追溯體系"):
            assert f"  {line}\n" in page
        targets = browser(app).detail.page.links
        at = targets.index(("node", "2.3.1"))  # the items, then the related nodes
        assert targets[at:at + 4] == (
            ("node", "2.3.1"), ("node", "2.3.2"), ("node", "2.3.3"), ("node", "2.3.4"))
        app.open_node("3")
        await settle(app, pilot)
        links = [t for t in browser(app).detail.page.links if t[0] == "node"]
        assert links == [("node", f"3.{i}") for i in range(1, 8)]


@pilot_test
async def test_the_lead_is_marked_and_the_text_is_whole() -> None:
    async with browsing(goto="3.7.3") as (app, pilot):
        page = detail_text(app)
        assert "負責：各部門、各地方政府" in page
        assert "（共同負責，不設牽頭部門）" in page
        node = app.document.node("3.7.3")
        assert node.paragraphs[0] in page.replace("\n", "")
        app.open_node("2.9")
        await settle(app, pilot)
        assert "牽頭：發展改革委、交通運輸部\n" in detail_text(app)


@pytest.mark.parametrize("name", list(HAND_COUNTS))
@pilot_test
async def test_the_agency_filter_shows_the_hand_counted_tasks(name: str) -> None:
    total, led = HAND_COUNTS[name]
    async with browsing() as (app, pilot):
        await press(app, pilot, "a")
        assert isinstance(app.screen, AgencyPicker)
        await pilot.press(*QUERIES[name])
        await press(app, pilot, "enter")
        assert app.agency_filter == name
        line = str(browser(app).filter_line.render())
        assert line == f"{name} · {total} 項任務 · 牽頭 {led}"
        labels = outline_labels(app)
        items = [i for i in browser(app).outline.node_ids if app.document.node(i).kind == "item"]
        assert len(items) == total
        assert sum(label.startswith("● ") for label in labels) == led
        assert sum(label.startswith("○ ") for label in labels) == total - led
        assert "front" not in browser(app).outline.node_ids
        assert f"{name} · {total} 項任務 · 牽頭 {led}" in screen_text(app)
        assert app.history.current == Location("agency", name, name)


@pilot_test
async def test_todays_name_finds_the_three_merged_bodies() -> None:
    async with browsing() as (app, pilot):
        await press(app, pilot, "a")
        await pilot.press(*"市场监管总局")
        await settle(app, pilot)
        picker = app.screen
        assert isinstance(picker, AgencyPicker)
        # today's name first, as itself; then the three 2015 bodies merged into it
        assert picker.shown == ["市場監管總局", "質檢總局", "食品藥品監管總局", "工商總局"]
        (today,) = [inv for inv in picker.ranked if inv.agency.name == "市場監管總局"]
        whole = option_text(today, "traditional", picker.bodies["市場監管總局"])
        assert whole.plain.split() == ["1", "20", "市場監管總局", "國家市場監督管理總局", "←",
                                       "質檢總局、食品藥品監管總局、工商總局"]
        # at 100 columns the line is longer than the list: cut, with the mark
        first = str(picker.list.get_option_at_index(0).prompt)
        assert first == fit(whole.plain, picker.line_cells) and first.endswith(MORE)
        await press(app, pilot, "down", "down", "enter")
        assert app.agency_filter == "食品藥品監管總局"


@pilot_test
async def test_the_picker_lists_every_agency_most_involved_first_and_escape_cancels() -> None:
    async with browsing() as (app, pilot):
        await press(app, pilot, "a")
        picker = app.screen
        assert isinstance(picker, AgencyPicker)
        # 36 registry entries, and today's names of several: 市場監管總局 (質檢總局,
        # 食品藥品監管總局, 工商總局) and 金融監管總局 (銀監會, 保監會)
        assert len(picker.shown) == 38 and picker.shown[:3] == ["發展改革委", "工業和信息化部",
                                                                "網信辦"]
        assert {"市場監管總局", "金融監管總局"} <= set(picker.shown)
        assert isinstance(app.focused, Input) and app.focused.cursor_blink is False
        await pilot.press(*"发改委")
        await settle(app, pilot)
        assert picker.shown == ["發展改革委"]
        await press(app, pilot, "escape")
        assert app.agency_filter is None and not isinstance(app.screen, AgencyPicker)


@pilot_test
async def test_A_and_escape_clear_the_filter_and_back_restores_it() -> None:
    async with browsing(agency="科技部") as (app, pilot):
        assert app.agency_filter == "科技部"
        assert len(browser(app).outline.node_ids) < 92
        await press(app, pilot, "A")
        assert app.agency_filter is None and len(browser(app).outline.node_ids) == 92
        await press(app, pilot, "left_square_bracket")
        assert app.agency_filter == "科技部"
        await press(app, pilot, "escape")
        assert app.agency_filter is None


@pilot_test
async def test_a_name_for_several_agencies_opens_the_picker_with_it() -> None:
    async with browsing(agency_query="市場監管總局") as (app, _pilot):
        picker = app.screen
        assert isinstance(picker, AgencyPicker)
        assert picker.input.value == "市場監管總局" and len(picker.shown) == 4
        assert picker.chosen == "市場監管總局"


@pilot_test
async def test_goto_starts_at_a_node_in_its_place() -> None:
    async with browsing(goto="2.6.3") as (app, _pilot):
        assert browser(app).outline.current_id == "2.6.3"
        assert "2.6.3" in browser(app).outline.visible_ids()
        assert detail_text(app).startswith("2.6.3 · 二、重點行動 › （六）「互聯網+」益民服務\n")


@pilot_test
async def test_matrix_rows_columns_and_hand_read_cells() -> None:
    async with browsing(SMALL) as (app, pilot):
        await press(app, pilot, "m")
        matrix = app.screen
        assert isinstance(matrix, MatrixScreen)
        assert matrix.columns == [f"2.{i}" for i in range(1, 12)] + [f"3.{i}" for i in range(1, 8)]
        names = [inv.agency.name for inv, _ in matrix.rows]
        assert names[:5] == ["發展改革委", "工業和信息化部", "網信辦", "商務部", "科技部"]
        assert len(names) == 36
        marks = {inv.agency.name: {c: r for c, r in zip(matrix.columns, roles, strict=True) if r}
                 for inv, roles in matrix.rows}
        assert marks["能源局"] == {"2.4": "lead", "3.2": "participant"}
        assert marks["人民銀行"] == {"2.5": "lead", "3.3": "participant", "3.6": "lead"}
        assert marks["交通運輸部"] == {"2.7": "participant", "2.8": "participant", "2.9": "lead"}
        text = screen_text(app)
        assert "發展改革委 · 59 項任務 · 牽頭 38" in text
        assert "2.1 （一）「互聯網+」創業創新 · 牽頭" in text


@pilot_test
async def test_matrix_arrows_enter_back_and_escape() -> None:
    async with browsing(SMALL) as (app, pilot):
        await press(app, pilot, "m")
        matrix = app.screen
        assert isinstance(matrix, MatrixScreen)
        row = [inv.agency.name for inv, _ in matrix.rows].index("能源局")
        await press(app, pilot, *["down"] * row, "right", "right", "l")
        assert matrix.cursor_key == "能源局|2.4"
        assert "能源局 · 5 項任務 · 牽頭 4" in screen_text(app)
        await press(app, pilot, "enter")
        assert not isinstance(app.screen, MatrixScreen)
        assert app.history.current == Location("node", "2.4", "能源局")
        assert str(browser(app).filter_line.render()) == "能源局 · 5 項任務 · 牽頭 4"
        await press(app, pilot, "left_square_bracket")
        assert isinstance(app.screen, MatrixScreen)
        assert app.screen.cursor_key == "能源局|2.4"
        await press(app, pilot, "k", "h", "j")
        await press(app, pilot, "escape")
        assert not isinstance(app.screen, MatrixScreen)
        assert app.history.current == Location("node", "front")


@pilot_test
async def test_t_switches_every_text_to_simplified_and_back() -> None:
    async with browsing(goto="2.1.1", agency="科技部") as (app, pilot):
        await press(app, pilot, "t")
        assert app.script == "simplified"
        text = screen_text(app)
        # the simplified view writes the mainland's quotation marks: “互联网+”
        assert "国务院关于积极推进\u201c互联网+\u201d行动的指导意见 — 国发〔2015〕40号" in text
        assert "科技部 · 24 项任务 · 牵头 6" in text
        assert "1.强化创业创新支撑。鼓励大型互联网企业" in detail_text(app)
        assert any("强化创业创新支撑" in label for label in outline_labels(app))
        await press(app, pilot, "t")
        assert "1.強化創業創新支撐。鼓勵大型互聯網企業" in detail_text(app)


@pilot_test
async def test_simplified_views_never_call_opencc(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> str:
        if not text:  # the warm-up starts OpenCC with an empty string
            return text
        raise AssertionError(f"OpenCC asked for {text!r}: not in the shipped table")

    monkeypatch.setattr(script_module, "t2s", refuse)
    async with browsing(script="simplified", goto="2.1", agency="科技部",
                        remember=False) as (app, pilot):
        for node_id in ("front", "preamble", "2", "2.1.1", "3.7.3", "closing"):
            app.open_node(node_id)
            await settle(app, pilot)
        app.open_agency("質檢總局")
        await settle(app, pilot)
        await press(app, pilot, "m", "down", "right", "escape", "question_mark", "escape")
        assert "质检总局" in detail_text(app)


@pilot_test
async def test_y_copies_the_node_text() -> None:
    async with browsing(goto="2.1.1") as (app, pilot):
        await press(app, pilot, "y")
        document = load()
        # the text, then its short citation (二（一）1 is 2.1.1 in the document's numbering)
        assert app.clipboard == (
            node_text(document, document.node("2.1.1"), "traditional")
            + "\n《國務院關於積極推進「互聯網+」行動的指導意見》（國發〔2015〕40號）二（一）1\n")
        await press(app, pilot, "t", "y")
        assert app.clipboard == (
            node_text(document, document.node("2.1.1"), "simplified")
            + "\n《国务院关于积极推进“互联网+”行动的指导意见》（国发〔2015〕40号）二（一）1\n")


@pilot_test
async def test_help_lists_every_key_from_the_bindings() -> None:
    async with browsing() as (app, pilot):
        await press(app, pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.help_text())
        titles = [title for title, _owner in app.help_groups()]
        assert {"Search bar", "Bookmarks list", "A bookmarked node (b)"} <= set(titles)
        for _title, owner in app.help_groups():
            assert _title in text
            for entry in key_help(app, owner):
                assert f"{' '.join(entry.keys)}" in text and entry.description in text
        for key in ("j", "k", "l", "h", "g", "G", "[", "]", "y", "c", "/", "n", "N", "b", "B", "s",
                    "a", "A", "m", "t", "q", "^p", "pgdn", "space"):
            assert f" {key} " in f" {text.replace(chr(10), ' ')} ", key
        await press(app, pilot, "escape")
        assert not isinstance(app.screen, HelpScreen)


@pilot_test
async def test_q_quits_and_help_closes_on_q() -> None:
    async with browsing() as (app, pilot):
        await press(app, pilot, "question_mark", "q")
        assert app.is_running and not isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@pilot_test
async def test_palette_lists_every_action_and_runs_one() -> None:
    async with browsing() as (app, pilot):
        await press(app, pilot, "ctrl+p")
        await pilot.press(*"matrix")
        await settle(app, pilot)
        await press(app, pilot, "enter")
        assert isinstance(app.screen, MatrixScreen)
        titles = {t for t, _help, _run in app_commands(app)}
        for binding_action in ("Agency picker: filter on one agency", "Clear the agency filter",
                               "Back to the previous view", "Search the document",
                               "Bookmark this node", "Hide or show the sidebar"):
            assert binding_action in titles
        listed = [t for t, _help, _run in app_commands(app)]
        assert listed.count("Clear the agency filter") == 1  # A and Esc: one entry
        for movement in ("Open or expand", "Next link", "Up", "Down", "Scroll up", "Page down",
                         "First node", "Top"):
            assert movement not in titles


def app_commands(app: IpxApp) -> Sequence[tuple[str, str, object]]:
    from ipx_tui.tui.palette import BrowserCommands

    return BrowserCommands(app.screen)._actions()


@pilot_test
async def test_s_hides_and_shows_the_sidebar() -> None:
    async with browsing() as (app, pilot):
        sidebar = browser(app).query_one("#sidebar")
        await press(app, pilot, "s")
        assert not sidebar.display and isinstance(app.focused, Detail)
        await press(app, pilot, "s")
        assert sidebar.display and isinstance(app.focused, Outline)


@pilot_test
async def test_a_narrow_terminal_shows_one_pane_at_a_time() -> None:
    async with browsing((50, 20)) as (app, pilot):
        sidebar, detail = browser(app).query_one("#sidebar"), browser(app).detail
        assert sidebar.display and not detail.display
        await press(app, pilot, "tab")
        assert detail.display and not sidebar.display and isinstance(app.focused, Detail)
        await press(app, pilot, "h")
        assert sidebar.display and isinstance(app.focused, Outline)


@pilot_test
async def test_too_small_says_what_size_is_needed_and_recovers() -> None:
    async with browsing((20, 6)) as (app, pilot):
        assert isinstance(app.screen, TooSmall)
        lines = [line.strip() for line in screen_text(app).splitlines() if line.strip()]
        assert lines == ["too small:", "need at least", "40x10", "(now 20x6)"]
        await pilot.resize_terminal(80, 24)
        await settle(app, pilot)
        assert not isinstance(app.screen, TooSmall)
        await press(app, pilot, "j")
        assert browser(app).outline.current_id == "preamble"


def test_reserved_keys_are_bound_to_their_actions() -> None:
    bound = {}
    for binding in IpxApp.BINDINGS:
        assert not isinstance(binding, tuple)
        for key in binding.key.split(","):
            bound[key] = binding.action
    assert {k: bound[k] for k in ("slash", "n", "N", "b", "B")} == {
        "slash": "search", "n": "next_hit", "N": "prev_hit", "b": "bookmark", "B": "bookmarks"}
    for action in ("search", "next_hit", "prev_hit", "bookmark", "bookmarks"):
        assert callable(getattr(IpxApp, f"action_{action}"))


@pilot_test
async def test_open_node_highlights_terms_and_marks_bookmarks() -> None:
    async with browsing() as (app, pilot):
        app.open_node("2.1.1", highlight=["小微企业"])
        await settle(app, pilot)
        detail = browser(app).detail
        assert detail.highlight == ("小微企业",)
        first = detail.first_highlight_line()
        assert first is not None
        assert "小微企業" in detail.layout_at(detail.text_width).lines[first].plain
        browser(app).outline.mark_bookmarked({"2.1.1"})
        label = browser(app).outline.label_of("2.1.1")
        assert label.startswith(BOOKMARK_MARK)


@pilot_test
async def test_choices_are_remembered_between_runs() -> None:
    async with browsing() as (app, pilot):
        await press(app, pilot, "t")
        app.open_node("2.6.3", agency="衛生計生委")
        await settle(app, pilot)
        await pilot.press("q")
        await pilot.pause()
    async with browsing() as (app, pilot):
        assert app.script == "simplified"
        assert app.history.current == Location("node", "2.6.3", "衛生計生委")
        assert browser(app).outline.current_id == "2.6.3"
    async with browsing(goto="1.1") as (app, pilot):
        assert app.history.current == Location("node", "1.1", None)
        assert app.script == "simplified"


@pilot_test
async def test_picking_an_agency_keeps_its_page_and_puts_the_cursor_at_the_top() -> None:
    # The rebuilt outline used to post a late highlight for whatever node landed on the old
    # cursor line, and the text pane then opened that task (3.6.3) over the agency page.
    async with browsing(goto="2.9.1") as (app, pilot):
        await press(app, pilot, "a", *"央行")
        await press(app, pilot, "enter")
        await pilot.pause(0.2)
        await settle(app, pilot)
        assert app.history.current == Location("agency", "人民銀行", "人民銀行")
        # the cursor on its first task, 2.5.1, under its part and section, all on screen
        outline = browser(app).outline
        assert outline.current_id == "2.5.1" and outline.scroll_y == 0
        assert outline.visible_ids()[:3] == ["2", "2.5", "2.5.1"]
        assert "中國人民銀行" in detail_text(app)
