"""Words the CLI and the TUI show around the document's own text (traditional script).

They go through :func:`ipx_tui.core.script.render` like the document text does.
"""

from __future__ import annotations

from ipx_tui.core.document import Role, Rule

ROLE: dict[Role, str] = {"lead": "牽頭", "participant": "參與"}
RULE: dict[Rule, str] = {
    "first-leads": "列第一位者牽頭",
    "joint-lead": "共同牽頭",
    "sole-lead": "單獨牽頭",
    "collective": "共同負責，不設牽頭部門",
}
LEADS = "牽頭"
JOINS = "參與"
RESPONSIBLE = "負責"
INHERITED = "本節各項任務均適用第 {section} 節所列分工"
FULL_NAME = "全稱"
SUCCESSOR = "現名"
HISTORY = "沿革"
ALIASES = "又稱"
TASKS = "項任務"
NONE = "無"
BOOKMARKS = "書籤"
NOTE = "備註"
NOT_IN_DOCUMENT = "不在文件中"
MISSING = f"（{NOT_IN_DOCUMENT}）"  # the title of a bookmark whose node the document lacks
TOTAL = "合計"  # the head of the agency picker's column of task counts
KEYWORDS = "關鍵詞"  # a section's or item's keywords, under its text in the detail pane
RELATED = "相關條目"  # the nodes sharing the most keywords with it
ELSEWHERE = "其他文件"  # an agency's page: its tasks in the other documents of the library
NOT_REGISTERED = "不在機構登記表中"  # a body an imported document names that the registry lacks
# The document's metadata, as gov.cn's page labels it (info, the document's first page)
ISSUER = "發文機關"
NUMBER = "發文字號"
WRITTEN = "成文日期"
PUBLISHED = "發布日期"
INDEX_NUMBER = "索引號"
ADDRESS = "網址"
ENGLISH_TITLE = "英文題名"
ENGLISH_NUMBER = "英文文號"
# The corrections made to the Wikisource text (show, info, the node's page, the first page)
ERRATA = "勘誤"
ERRATA_WHAT = "維基文庫本 → 本文"
ERRATA_SIMPLIFIED = "此係繁體字形的更正，簡體本兩者無別"
# An agency's English names (its page): the 2015 name beside 全稱, today's beside 現名
ENGLISH = "英文名稱"
SUCCESSOR_ENGLISH = "現名英文"
DESCRIPTIVE = "描述性譯名，非正式名稱"
