"""Keywords and related nodes in the detail pane (issue 4), in both scripts.

The facts were read by hand: 2.1.1 (強化創業創新支撐: platforms, tools and markets opened to
small firms and start-ups) is most like 2.1.3 (開放式創新, services for start-ups) and 2.2.2
(個性化定製: new business models), the two nodes it shares most keywords with.
"""

from __future__ import annotations

import subprocess
import sys

from ipx_tui.core.parse import load
from ipx_tui.tui.history import Location
from ipx_tui.tui.pages import node_page
from tests.tui.kit import SMALL, browser, browsing, detail_text, pilot_test, press

# 找得着 (of 找得着、用得起、有保障) is filler now, on the stop list
KEYWORDS_2_1_1 = "關鍵詞：創業、計算能力、開放平台、市場營銷、商業模式、孵化、入口、電信、工具、集聚"
RELATED_2_1_1 = "相關條目 2\n  2.1.3  3.發展開放式創新\n  2.2.2  2.發展大規模個性化定製\n"


@pilot_test
async def test_an_item_shows_its_keywords_and_related_links() -> None:
    async with browsing(SMALL, goto="2.1.1", remember=False) as (app, pilot):
        page = detail_text(app)
        # under the text, keywords first; the page ends with the related nodes
        assert page.index(app.document.node("2.1.1").paragraphs[-1][-10:]) < page.index(
            KEYWORDS_2_1_1)
        assert page.endswith(KEYWORDS_2_1_1 + "\n\n" + RELATED_2_1_1)
        assert browser(app).detail.page.links[-2:] == (("node", "2.1.3"), ("node", "2.2.2"))
        await press(app, pilot, "t")
        page = detail_text(app)
        assert ("关键词：创业、计算能力、开放平台、市场营销、商业模式、孵化、入口、电信、工具、集聚"
                "\n\n相关条目 2\n  2.1.3  3.发展开放式创新\n  2.2.2  2.发展大规模个性化定制\n"
                ) in page


@pilot_test
async def test_enter_on_a_related_link_opens_it() -> None:
    async with browsing(SMALL, goto="2.1.1", remember=False) as (app, pilot):
        detail = browser(app).detail
        links = detail.page.links
        await press(app, pilot, "tab", *["l"] * len(links))  # the last link: 2.2.2
        assert detail.selected_link == ("node", "2.2.2")
        # selecting it scrolled it into view at 80x24
        line = detail.layout_at(detail.text_width).link_lines[-1]
        assert detail.scroll_y <= line < detail.scroll_y + detail.scrollable_content_region.height
        await press(app, pilot, "h", "enter")  # one back: 2.1.3
        assert app.history.current == Location("node", "2.1.3")
        assert detail_text(app).startswith("2.1.3 · ")
        assert "相關條目" in detail_text(app)
        await press(app, pilot, "left_square_bracket")
        assert app.history.current == Location("node", "2.1.1")


def test_parts_and_front_matter_have_none_the_preamble_has() -> None:
    document = load()
    for node_id in ("front", "1", "2", "3", "closing"):
        page = node_page(document, node_id, "traditional").plain
        assert "關鍵詞" not in page and "相關條目" not in page, node_id
    page = node_page(document, "preamble", "traditional").plain
    assert "關鍵詞：經濟社會、組織變革、創新力" in page
    assert page.endswith("相關條目 4\n  1.3    （三）發展目標\n  1.1    （一）總體思路\n"
                         "  1.2    （二）基本原則\n  2.1    （一）「互聯網+」創業創新\n")
    # 2.3's own items 2.3.3, 2.3.1 and 2.3.4 share more keywords, but are listed above already
    page = node_page(document, "2.3", "traditional").plain
    assert page.endswith("相關條目 2\n  2.2    （二）「互聯網+」協同製造\n"
                         "  2.8.1  1.積極發展農村電子商務\n")
    page = node_page(document, "2.11.3", "traditional").plain  # its parent 2.11 is left out
    assert page.endswith("相關條目 3\n  2.2.1  1.大力發展智能製造\n  2.11.2 2.推進重點領域智能產品創新\n"
                         "  2.7    （七）「互聯網+」高效物流\n")
    bare = node_page(document, "2.1.1", "traditional", extras=False).plain
    assert "關鍵詞" not in bare and "相關條目" not in bare


def test_a_first_page_with_keywords_loads_them_after_the_first_frame() -> None:
    """--goto an item: its first frame imports no search module; the keywords follow."""
    code = (
        "import asyncio, sys\n"
        "from ipx_tui.tui.app import IpxApp\n"
        "first_frame = IpxApp._after_first_frame\n"
        "def probe(self):\n"
        "    print('at first frame:', 'ipx_tui.core.search' in sys.modules,\n"
        "          '關鍵詞' in self.browser.detail.page.plain)\n"
        "    first_frame(self)\n"
        "IpxApp._after_first_frame = probe\n"
        "async def main():\n"
        "    app = IpxApp(goto='2.1.1', remember=False)\n"
        "    async with app.run_test(size=(80, 24)) as pilot:\n"
        "        await pilot.pause()\n"
        "        await app.workers.wait_for_complete()\n"
        "        await pilot.pause()\n"
        "        print('after:', '關鍵詞' in app.browser.detail.page.plain)\n"
        "asyncio.run(main())\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=True)
    assert proc.stdout.split("\n")[:2] == ["at first frame: False False", "after: True"]
