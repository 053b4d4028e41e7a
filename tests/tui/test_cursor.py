"""The terminal's cursor on the reader's row, for screen readers and braille displays: the
outline, the agency picker, the bookmarks list, the matrix and the current match. Each row
expected is found on the screen as drawn, not computed the way the code computes it."""

from __future__ import annotations

from textual.geometry import Offset

from ipx_tui.tui.app import IpxApp
from ipx_tui.tui.cursor import RowList, point_at
from ipx_tui.tui.screens.matrix import MatrixScreen
from tests.tui.kit import SMALL, browsing, pilot_test, press, settle
from tests.tui.screen import screen_text


def row_of(app: IpxApp, text: str, after: int = 0) -> int:
    """The first screen row at or below ``after`` that shows ``text``."""
    rows = screen_text(app).splitlines()
    return next(i for i, row in enumerate(rows) if i >= after and text in row)


@pilot_test
async def test_the_cursor_follows_the_outline() -> None:
    async with browsing(size=SMALL, remember=False) as (app, pilot):
        # 前言, 一、行動要求, （一）總體思路 (the outline starts on the title)
        await press(app, pilot, "down", "down", "down")
        assert app.cursor_position == Offset(0, row_of(app, "├ （一）總體思路"))
        await press(app, pilot, "down")
        assert app.cursor_position == Offset(0, row_of(app, "├ （二）基本原則"))
        # far down the outline, scrolled: still the row the cursor is on
        await press(app, pilot, "G")
        rows = screen_text(app).splitlines()
        assert rows[app.cursor_position.y].startswith("落款")
        assert app.cursor_position.x == 0


@pilot_test
async def test_the_cursor_follows_the_pickers_highlight() -> None:
    async with browsing(size=SMALL, remember=False) as (app, pilot):
        await press(app, pilot, "a")
        await pilot.press(*"部")
        await settle(app, pilot)
        # the most involved body whose name has 部 first: 工業和信息化部 (42 tasks)
        first = row_of(app, "工業和信息化部")
        assert app.cursor_position.y == first
        await press(app, pilot, "down")
        assert app.cursor_position.y == first + 1
        assert "商務部" in screen_text(app).splitlines()[first + 1]


@pilot_test
async def test_the_cursor_follows_the_bookmarks_list() -> None:
    async with browsing(size=SMALL, remember=False, goto="2.6.3") as (app, pilot):
        await press(app, pilot, "b")
        await press(app, pilot, "enter")  # no note
        await press(app, pilot, "B")
        assert app.cursor_position.y == row_of(app, "推廣在線醫療衛生新模式", after=2)


@pilot_test
async def test_the_cursor_is_on_the_current_match() -> None:
    async with browsing(size=SMALL, remember=False) as (app, pilot):
        await press(app, pilot, "slash")
        await pilot.press(*"物联网")
        await settle(app, pilot)
        await press(app, pilot, "enter")  # the best hit, 3.1.2, which has 物聯網 four times
        await press(app, pilot, "n")
        row = app.cursor_position.y
        shown = screen_text(app).splitlines()[row]
        assert "物聯" in shown or "聯網" in shown  # the line with the current match
        assert app.cursor_position.x > 30  # in the text pane, right of the sidebar


@pilot_test
async def test_the_cursor_follows_the_matrix() -> None:
    async with browsing(size=SMALL, remember=False) as (app, pilot):
        await press(app, pilot, "m")
        assert isinstance(app.screen, MatrixScreen)
        # the first row is the most involved body, 發展改革委; down: 工業和信息化部
        await press(app, pilot, "down")
        assert app.cursor_position.y == row_of(app, "工業和信息化部")
        x_before = app.cursor_position.x
        await press(app, pilot, "right")
        assert app.cursor_position.y == row_of(app, "工業和信息化部")
        assert app.cursor_position.x > x_before


@pilot_test
async def test_a_list_closed_before_its_cursor_is_placed_is_left_alone() -> None:
    """The list's cursor is placed after the refresh; by then Esc may have taken its screen
    apart (over SSH: B then Esc at once ended the app with NoScreen)."""
    async with browsing(size=SMALL, remember=False, goto="2.6.3") as (app, pilot):
        await press(app, pilot, "b", "enter", "B")
        (rows,) = app.screen.query(RowList)
        await press(app, pilot, "escape")
        assert rows.is_mounted and not rows.is_attached
        point_at(rows, 0)  # raised NoScreen
        rows.point_cursor()
        assert app.is_running
