"""Chinese typesetting of every page at every width: names and keywords whole, lists broken
after 、, cuts marked, the measure capped, the script's own quotation marks; and the chrome
(header, footer, sidebar, picker, matrix) at the widths readers use."""

from __future__ import annotations

from itertools import pairwise

import pytest
from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.filter import Monochrome, NoColor

from ipx_tui.core import labels
from ipx_tui.core.agencies import involvement, load_registry
from ipx_tui.core.keywords import keywords
from ipx_tui.core.parse import load
from ipx_tui.core.script import Script
from ipx_tui.tui.app import IpxApp
from ipx_tui.tui.pages import Block, Page, agency_page, node_page, registry_terms
from ipx_tui.tui.screens.browser import BrowserScreen
from ipx_tui.tui.texts import MORE, fit, tr
from ipx_tui.tui.widgets.chrome import title_text
from ipx_tui.tui.widgets.detail import breaks, plain_lines
from ipx_tui.tui.wrap import NO_LINE_END, NO_LINE_START
from tests.tui.kit import browser, browsing, pilot_test, press, settle
from tests.tui.screen import screen_text

DOCUMENT = load()
TABLE = involvement(DOCUMENT, load_registry())
SCRIPTS: tuple[Script, ...] = ("traditional", "simplified")
TERMINALS = (40, 50, 60, 80, 100, 120)
CAP = 76
"""The text's cells with the sidebar hidden: 38 ideographs."""


def text_widths(columns: int) -> set[int]:
    """The detail pane's text cells in a terminal this wide: with the sidebar (40% of the
    width, 24 to 44 cells, and its 1-cell border) and without it (capped at 80); each less
    the pane's padding (2 + 1) and scrollbar (1). Below 60 columns the pane fills the screen.
    """
    hidden = min(columns, 80) - 4
    if columns < 60:
        return {hidden}
    sidebar = min(44, max(24, columns * 40 // 100))
    return {columns - sidebar - 1 - 4, hidden}


def pages(script: Script) -> list[Page]:
    """Every page: each node's, each node's filtered on its first agency, each agency's."""
    out = [node_page(DOCUMENT, n.id, script) for n in DOCUMENT.nodes]
    for n in DOCUMENT.nodes:
        if n.responsibility:
            first = n.responsibility.assignments[0].agency
            out.append(node_page(DOCUMENT, n.id, script, first, TABLE))
    out += [agency_page(DOCUMENT, inv, script) for inv in TABLE.values()]
    return out


def cuts(block: Block, width: int) -> list[int]:
    return breaks(block, width)[0]


def split_terms(block: Block, width: int, terms: list[str]) -> list[str]:
    """The terms that a line break in the block falls inside."""
    text = block.plain
    found = []
    for at in cuts(block, width):
        for term in terms:
            start = text.find(term)
            while start >= 0:
                fits = cell_len(term) <= width - block.indent - block.hang  # else it must break
                if start < at < start + len(term) and fits:
                    found.append(f"{text[start:at]} / {text[at:start + len(term)]}")
                start = text.find(term, start + 1)
    return found


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("columns", TERMINALS)
def test_every_page_at_every_width(script: Script, columns: int) -> None:
    names = list(registry_terms(script))
    leads_word = tr(labels.LEADS, script) + "："
    joins = {tr(labels.JOINS, script) + "：", tr(labels.RESPONSIBLE, script) + "："}
    for width in text_widths(columns):
        for page in pages(script):
            node = DOCUMENT.node(page.title) if page.title in DOCUMENT else None
            words = keywords(node.id, script) if node else []
            for block in page.blocks:
                assert split_terms(block, width, names) == [], (page.title, width)
                if block.plain.startswith(tr(labels.KEYWORDS, script)):
                    assert split_terms(block, width, words) == [], (page.title, width)
                text = block.plain
                bounds = [0, *cuts(block, width), len(text)]
                lines = [text[a:b] for a, b in pairwise(bounds)]
                for line, after in pairwise(lines):  # the rules that were kept
                    assert after.lstrip()[:1] not in NO_LINE_START, (page.title, after)
                    assert line.rstrip()[-1:] not in NO_LINE_END, (page.title, line)
                if text.startswith(leads_word):  # the agency list: broken only after 、
                    for line, after in pairwise(lines):
                        assert line.rstrip().endswith("、") or after.lstrip()[:3] in joins, (
                            page.title, line, after)
            for line in plain_lines(page, width):
                assert cell_len(line) <= width


def test_the_examples_of_the_issue_stay_whole() -> None:
    """2.6.3 at 50 columns (46 cells of text) and 2.5 at 100 (51): the lists that broke as
    工業和信息化 / 部, 衛生計 / 生委, 旅遊 / 局 and 發展改革 / 委."""
    page = node_page(DOCUMENT, "2.6.3", "traditional")
    lines = plain_lines(page, 46)
    listed = next(i for i, line in enumerate(lines) if line.startswith("牽頭："))
    # by hand, in cells: 牽頭：6 發展改革委 10, 　2, 參與：6, 教育部、8 = 32, and 工業和信息化部、
    # (16) would make 48 > 46; 工業和信息化部、16 民政部、8 人力資源社會保障部、20 = 44; 商務部、8
    # 衛生計生委、12 質檢總局、10 = 30 (+ 食品藥品監管總局、18 > 46); 食品藥品監管總局、18 林業局、8
    # 旅遊局、8 = 34, and 網信辦、 would fit, but the last line keeps two names (MIN_LAST_LINE)
    assert lines[listed:listed + 5] == [
        "牽頭：發展改革委　參與：教育部、",
        "工業和信息化部、民政部、人力資源社會保障部、",
        "商務部、衛生計生委、質檢總局、",
        "食品藥品監管總局、林業局、旅遊局、",
        "網信辦、信訪局",
    ]
    page = node_page(DOCUMENT, "2.5", "traditional")
    text = "\n".join(plain_lines(page, 51))
    assert "保監會、發展改革委、工業和信息化部、網信辦等負責）" in text.replace("\n", "")
    for line in plain_lines(page, 51):
        assert not line.endswith("發展改革")


def test_a_keyword_line_breaks_only_after_its_marks() -> None:
    words = keywords("2.6.3")
    page = node_page(DOCUMENT, "2.6.3", "traditional")
    block = next(b for b in page.blocks if b.plain.startswith("關鍵詞："))
    lines = plain_lines(Page((block,), ""), 24)
    assert lines[0].startswith("關鍵詞：")
    for line in lines[:-1]:
        assert line.endswith("、")
    assert [w for line in lines for w in line.strip().removeprefix("關鍵詞：").split("、") if w] \
        == words


def test_a_section_heading_is_not_repeated_as_its_first_paragraph() -> None:
    lines = plain_lines(node_page(DOCUMENT, "1.1", "traditional"), 60)
    assert "（一）總體思路" in lines
    assert "（一）總體思路。" not in lines
    assert lines.count("（一）總體思路") == 1
    # an item's heading opens its text and stays there
    text = node_page(DOCUMENT, "2.6.3", "traditional").plain
    assert "\n3.推廣在線醫療衛生新模式。發展基於互聯網的醫療衛生服務" in text


def test_the_related_list_keeps_a_gap_after_a_long_id() -> None:
    text = node_page(DOCUMENT, "1.1", "traditional").plain
    assert "  preamble 前言\n" in text
    assert "preamble前言" not in text


def test_simplified_pages_write_the_mainland_quotation_marks() -> None:
    for page in pages("simplified"):
        assert not any(mark in page.plain for mark in "「」『』"), page.title
    first = node_page(DOCUMENT, "1.1", "simplified").plain
    assert "顺应世界\u201c互联网+\u201d发展趋势" in first
    traditional = node_page(DOCUMENT, "1.1", "traditional").plain
    assert "順應世界「互聯網+」發展趨勢" in traditional


def test_fit_marks_every_cut_with_one_mark() -> None:
    assert MORE == "⋯" and cell_len(MORE) == 1
    assert fit("國家質量監督檢驗檢疫總局", 9) == "國家質量⋯"
    assert fit("國家質量監督檢驗檢疫總局", 10) == "國家質量 ⋯"  # a wide character would overrun
    assert fit("科技部", 6) == "科技部"
    styled = Text("● ")
    styled.append("（十一）人工智能", "bold")
    cut = fit(styled, 9)
    assert cut.plain == "● （十一⋯" and cut.cell_len == 9
    assert cut.spans[0].style == "bold"


def test_the_header_falls_back_to_the_document_number() -> None:
    title, number = DOCUMENT.title, DOCUMENT.number
    assert title_text(title, number, 62) == f"{title} — {number}"  # 44 + 3 + 15 cells
    assert title_text(title, number, 61) == number
    assert title_text(title, number, 22) == "國發〔2015〕40號"
    assert title_text(title, number, 10).endswith(MORE)


# --- in the running browser --------------------------------------------------------------


@pilot_test
async def test_the_header_at_40_columns_shows_the_number() -> None:
    async with browsing((40, 20)) as (app, _pilot):
        header = screen_text(app).splitlines()[0]
        assert "國發〔2015〕40號" in header
        assert "國務院" not in header


@pilot_test
async def test_the_sidebar_at_60_columns_tells_the_sections_of_er_apart() -> None:
    async with browsing((60, 24)) as (app, _pilot):
        shown = screen_text(app)
        for title in ("創業創新", "協同製造", "現代農業", "智慧能源", "普惠金融", "益民服務",
                      "高效物流", "電子商務", "便捷交通", "綠色生態", "人工智能"):
            assert f"）{title}" in shown, title


@pilot_test
async def test_every_cut_sidebar_label_ends_in_the_mark() -> None:
    async with browsing((60, 24), goto="2.6.3") as (app, pilot):
        for columns in (60, 66, 80, 100, 120):
            await pilot.resize_terminal(columns, 24)
            await press(app, pilot)
            outline = browser(app).outline
            room_seen = False
            for line in range(outline.last_line + 1):
                node = outline.get_node_at_line(line)
                assert node is not None and node.data is not None
                shown = outline.render_label(node, Style(), Style()).plain
                full = outline.label_of(node.data)
                room = outline._label_room(node)
                icon = 2 if node.allow_expand else 0
                assert cell_len(shown) <= room + icon, (columns, shown)
                if shown.removeprefix("▸ ").removeprefix("▾ ") != full:
                    room_seen = True
                    short = str(outline._short.get(node.data, ""))
                    assert shown.endswith(MORE) or shown.endswith(short), (columns, shown)
            if columns == 60:
                assert room_seen  # the title of the whole document is cut there


@pilot_test
async def test_with_the_sidebar_hidden_the_measure_is_capped_and_centred() -> None:
    for columns in (100, 120):
        async with browsing((columns, 30), goto="2.6.3") as (app, pilot):
            await press(app, pilot, "s")
            detail = browser(app).detail
            assert detail.text_width == CAP
            assert detail.region.width == 80
            assert detail.region.x == (columns - 80) // 2
            rows = screen_text(app).splitlines()[1:-1]
            assert max(cell_len(r.rstrip()) for r in rows) <= (columns - 80) // 2 + 2 + CAP


@pilot_test
async def test_the_picker_marks_cut_full_names() -> None:
    async with browsing((80, 24)) as (app, pilot):
        await press(app, pilot, "a")
        await pilot.press(*"市场监管")
        await press(app, pilot)
        lines = screen_text(app).splitlines()
        row = next(line for line in lines if "質檢總局" in line)
        # 國家質量監督檢驗檢疫總局 → 市場監管總局 does not fit the box's 70 cells
        assert row.rstrip().rstrip("│").rstrip().endswith(MORE)


@pilot_test
async def test_the_matrix_fits_its_18_columns_at_80() -> None:
    async with browsing((80, 24)) as (app, pilot):
        await press(app, pilot, "m")
        lines = screen_text(app).splitlines()
        numbers = next(line for line in lines if " 10 11 " in line)
        assert numbers.split()[2:] == [*map(str, range(1, 12)), *map(str, range(1, 8))]
        groups = lines[lines.index(numbers) - 1]
        assert "二" in groups and "三" in groups
        assert groups.index("三") > groups.index("二")
        table = app.screen.query_one("#matrix")
        assert table.max_scroll_x == 0  # nothing behind a horizontal scroll


FOOTER = ["q Quit", "? Help", "a Agency", "m Matrix", "t 繁/简", "[ Back", "/ Search"]
"""The browser's footer bindings, left to right, with the sidebar focused."""
PALETTE = "▏^p Palette"


@pilot_test
async def test_the_footer_at_every_width_from_40_to_120() -> None:
    async with browsing((120, 24)) as (app, pilot):
        assert isinstance(app.screen, BrowserScreen)
        for columns in range(40, 121):
            await pilot.resize_terminal(columns, 24)
            await press(app, pilot)
            footer = screen_text(app).splitlines()[-1]
            assert cell_len(footer) <= columns
            assert footer.rstrip().endswith(PALETTE), (columns, footer)
            assert cell_len(footer.rstrip()) == columns, (columns, footer)  # flush right
            left = footer.rstrip()[: -len(PALETTE)].rstrip()
            # whole bindings from the left, as many as fit: each takes its cells and a space
            room = columns - cell_len(PALETTE)
            expected: list[str] = []
            for item in FOOTER:
                if sum(cell_len(i) + 1 for i in expected) + cell_len(item) + 1 > room:
                    break
                expected.append(item)
            assert left == " ".join(expected), (columns, footer)


@pilot_test
async def test_a_notice_stays_on_the_bottom_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TMUX", raising=False)
    app = IpxApp(goto="2.6.3", remember=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:  # toasts drawn
        await settle(app, pilot)
        before = screen_text(app).splitlines()
        await press(app, pilot, "y")
        after = screen_text(app).splitlines()
        assert "Sent 2.6.3 to the terminal's clipboard (OSC 52); not there? Y shows it" in after[-1]
        assert after[:-1] == before[:-1]  # the text above is not covered


def test_no_color_resets_colours_instead_of_turning_text_black(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = IpxApp(remember=False)
    filters = [type(f) for f in app.get_line_filters()]
    assert NoColor in filters and Monochrome not in filters


@pilot_test
async def test_no_color_shows_the_cursors_with_attributes() -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NO_COLOR", "1")
        async with browsing((80, 24), goto="2.1.1", remember=False) as (app, pilot):
            outline = browser(app).outline
            assert outline.get_component_rich_style("tree--cursor").reverse
            await press(app, pilot, "tab", "l")
            detail = browser(app).detail
            assert detail.selected == 0
            assert any(span.style.reverse for line in detail.layout_at(detail.text_width).lines
                       for span in line.spans if not isinstance(span.style, str))


@pilot_test
async def test_the_selected_link_is_drawn_reversed() -> None:
    """Textual's visual style drops reverse; without it the selected link was invisible."""
    async with browsing((100, 30), goto="2.1.1", remember=False) as (app, pilot):
        await press(app, pilot, "tab", "l", "l", "l")
        detail = browser(app).detail
        assert detail.selected_link == ("agency", "發展改革委")
        line = next(c for c in detail.layout_at(detail.text_width).lines
                    if c.plain.startswith("牽頭："))
        reversed_text = [line.plain[s.start:s.end] for s in line.spans
                         if not isinstance(s.style, str) and s.style.reverse]
        assert reversed_text == ["發展改革委"]


@pilot_test
async def test_the_matrix_lines_are_cut_with_the_mark_when_narrow() -> None:
    async with browsing((44, 20)) as (app, pilot):
        await press(app, pilot, "m")
        lines = screen_text(app).splitlines()
        legend = lines[1].rstrip()
        # 分工 · 二、重點行動 / 三、保障支撐 · ↑↓←→ Enter is 47 cells; the line has 44 - 2 (padding)
        assert legend.endswith(MORE) and cell_len(legend) == 43
        assert lines[-3].rstrip() == " 發展改革委 · 59 項任務 · 牽頭 38"


@pilot_test
async def test_a_filtered_sidebar_draws_its_own_labels_not_the_last_trees() -> None:
    # The fitted labels were kept by Tree's node number, which clear() starts again at 0: the
    # filtered tree drew 1.1 and 1.2's titles on 2.1.2 and 2.1.3 until the cursor passed.
    app = IpxApp(goto="2.6.3", remember=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "a")
        await pilot.press(*"发改委")
        await press(app, pilot, "enter")
        sidebar = [line.split("▕")[0].rstrip() for line in screen_text(app).splitlines()[1:-1]]
        # 二（一）'s three tasks, all led by 發展改革委, the first of the section's list
        assert sidebar[3:7] == ["├ ▾ （一）創業創新", "│ ├ ● 1.強化創業創新支撐",
                                "│ ├ ● 2.積極發展眾創空間", "│ └ ● 3.發展開放式創新"]
        assert not any("總體思路" in line or "基本原則" in line for line in sidebar)
