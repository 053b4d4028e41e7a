"""Every view, search typed in Chinese, bookmarks across two sessions: over SSH, in tmux."""

from __future__ import annotations

import base64
import re

from tests.e2e.conftest import Login, LoginFactory
from tests.e2e.screens import (
    FIRST_PAGE,
    FOOTER,
    PART_ONE,
    TITLE,
    column_of,
    detail_shows,
    first_screen,
    osc52,
    reversed_cells,
)
from tests.e2e.tmux import Screen

FILTER_MIIT = "工業和信息化部 · 42 項任務 · 牽頭 5"


def _back_to_browser(shell: Login, gone: str, *also: str) -> Screen:
    """Esc (alone: Esc and a key sent together read as Alt+key), then the browser again."""
    shell.keys("Escape")
    return shell.wait_for(lambda s: gone not in s.text and s.has(TITLE, FOOTER, *also)
                          and "▕" in s.text, what=f"the browser, {gone!r} gone")


def test_every_view_opens(login: LoginFactory) -> None:
    shell = login(setenv={"LANG": "C.UTF-8"})
    shell.start_app()

    shell.keys("?")  # help: every key
    shell.wait_for(("ipx-tui keys", "Everywhere", "Agency picker: filter on one agency"))
    _back_to_browser(shell, "ipx-tui keys", FIRST_PAGE)

    shell.keys("a")  # the agency picker, narrowed by an alias, then the filter
    shell.wait_for(("any name, alias, full or today's name", "發展改革委"))
    shell.type("工信部")
    shell.wait_for(lambda s: "工業和信息化部" in s.text and "發展改革委" not in s.text,
                   what="the picker narrowed to 工業和信息化部")
    shell.keys("Enter")
    shell.wait_for((FILTER_MIIT, "全稱：工業和信息化部", "● 1.大力發展智能製造"))
    shell.keys("A")  # clear the filter
    shell.wait_for(lambda s: s.lines[1].startswith("國務院關於") and PART_ONE in s.text,
                   what="the whole outline again, no filter line above it")

    shell.keys("m")  # the matrix; Enter on its first cell opens 2.1 filtered on that agency
    shell.wait_for(("分工 · 二、重點行動 / 三、保障支撐", "● 牽頭", "發展改革委"))
    shell.keys("Enter")
    shell.wait_for(("發展改革委 · 59 項任務 · 牽頭 38", "2.1 · 二、重點行動"))

    shell.keys("t")  # 繁 → 简 and back
    shell.wait_for(("国务院关于积极推进", "发展改革委 · 59 项任务 · 牵头 38"))
    shell.keys("t")
    shell.wait_for(("國務院關於積極推進", "發展改革委 · 59 項任務 · 牽頭 38"))

    shell.keys("[")  # back to the matrix's cell … and forward again
    shell.wait_for("分工 · 二、重點行動 / 三、保障支撐")
    shell.keys("]")
    shell.wait_for("2.1 · 二、重點行動")

    shell.keys("/")
    shell.wait_for("search: words in either script")
    _back_to_browser(shell, "search: words in either script", "2.1 · 二、重點行動")

    shell.keys("b")
    shell.wait_for(("Bookmark 2.1", "a note (optional)", "Enter save · Esc cancel"))
    _back_to_browser(shell, "a note (optional)")
    shell.keys("B")
    shell.wait_for("Bookmarks (0)")  # Esc cancelled: nothing was saved
    _back_to_browser(shell, "Bookmarks (0)")

    shell.keys("C-p")
    shell.wait_for("Search for commands")
    _back_to_browser(shell, "🔎")

    shell.keys("s")  # the sidebar hides, and comes back
    shell.wait_for(lambda s: "▕" not in s.text and "2.1 · 二、重點行動" in s.text,
                   what="the sidebar hidden")
    shell.keys("s")
    shell.wait_for(lambda s: "▕" in s.text, what="the sidebar back")

    shell.keys("y")  # copied with OSC 52: it reaches the reader's own terminal over SSH
    shell.wait_for("Sent 2.1")  # says what was sent, not that the clipboard has it
    copied = [base64.b64decode(payload).decode("utf-8") for payload in osc52(shell.app_output())]
    assert len(copied) == 1 and "（一）「互聯網+」創業創新" in copied[0]
    shell.quit_app()


def test_chinese_typed_into_the_search_bar(login: LoginFactory) -> None:
    shell = login(setenv={"LANG": "C.UTF-8"})
    shell.start_app()
    shell.keys("/")
    shell.wait_for("search: words in either script")
    shell.type("物联网")  # simplified: the document is traditional
    screen = shell.wait_for(("11 nodes", "3.1.2", "加強物聯網網絡架構研究"))
    row = next(i for i, line in enumerate(screen.lines) if "物联网" in line)
    start = column_of(screen.lines[row], "物联网")
    _wait_cursor(shell, row, (start + 6, " "))  # after three wide characters
    shell.keys("Left")
    _wait_cursor(shell, row, (start + 4, "网"))
    shell.keys("Enter")  # the first result, its matches highlighted
    shell.wait_for(detail_shows("3.1.2 · 三、保障支撐"), what="3.1.2 opened")
    shell.keys("n")  # the next match: 3.1.2 says 物聯網 three times, and has it as a keyword
    shell.wait_for("match 2 of 4 · node 1 of 11")
    shell.keys("n", "n", "n")  # then the next hit in rank order
    shell.wait_for(detail_shows("2.10.3 · 二、重點行動"), what="the next hit, 2.10.3")
    shell.wait_for("match 1 of 3 · node 2 of 11")
    shell.quit_app()


def _wait_cursor(shell: Login, row: int, cell: tuple[int, str]) -> None:
    """Wait until the Input's drawn cursor is the one reversed cell of the row, at cell."""
    def there(screen: Screen) -> bool:
        return reversed_cells(screen.text.split("\n")[row]) == [cell]
    shell.pane.wait_for(there, escapes=True, what=f"the search cursor at {cell}")


def test_a_bookmark_shows_in_a_second_session_open_at_the_same_time(
        login: LoginFactory) -> None:
    first, second = login(setenv={"LANG": "C.UTF-8"}), login(setenv={"LANG": "C.UTF-8"})
    first.start_app("ipx-tui --goto 2.6.3", expect=("推廣在線醫療衛生新模式", FOOTER))
    second.start_app()  # already running before the bookmark exists
    first.keys("b")
    first.wait_for(("Bookmark 2.6.3", "a note (optional)"))
    first.type("兩個會話都看得到")
    first.keys("Enter")
    first.wait_for("Bookmarked: 2.6.3", what="the bookmark saved")
    row = re.compile(r"2\.6\.3 +3\.推廣在線醫療衛生新模式 兩個會話都看得到")
    second.keys("B")
    # Wait for the whole list, not its title alone: a capture can catch it half painted.
    screen = second.wait_for(lambda s: "Bookmarks (" in s.text and bool(row.search(s.text)),
                             what="the bookmark listed in the second session")
    assert "Bookmarks (1)" in screen.text
    second.keys("Enter")  # and it goes there
    second.wait_for(detail_shows("2.6.3 · "), what="2.6.3 opened in the second")
    first.quit_app()
    second.quit_app()


def _settled(shell: Login) -> int:
    """Start the app and let the warm-up after the first frame finish; the bytes so far."""
    shell.start_app()
    return shell.pane.wait_quiet(0.5)


def test_idle_writes_nothing(login: LoginFactory) -> None:
    shell = login(size=(100, 30), setenv={"LANG": "C.UTF-8"})
    before = _settled(shell)
    shell.wait_for(first_screen)  # the sidebar focused: nothing blinks
    shell.keys("Down")  # and after a move (the last node is saved a second later, silently)
    shell.wait_for(detail_shows("前言"))
    moved = shell.pane.wait_quiet(0.3)
    assert moved > before
    shell.pane.wait_quiet(3.0, timeout=6.0)
    assert shell.pane.output_size() == moved, "the app wrote while idle"
    shell.quit_app()


def test_steady_navigation_costs_at_most_1_kb_a_down_press(login: LoginFactory) -> None:
    shell = login(size=(100, 30), setenv={"LANG": "C.UTF-8"})
    before = _settled(shell)
    presses = 10  # Down held in the sidebar: presses 50 ms apart, as a key repeats
    for _ in range(presses):
        shell.keys("Down")
        shell.pane.wait_quiet(0.05)
    shell.wait_for(detail_shows("2.4 · 二、重點行動"), what="ten rows down")
    per_press = (shell.pane.wait_quiet(0.5) - before) / presses
    assert per_press <= 1024, f"{per_press:.0f} bytes per Down press"
    shell.quit_app()
