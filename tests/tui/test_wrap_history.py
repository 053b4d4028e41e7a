"""Chinese line breaking and the back/forward history, without a terminal."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from ipx_tui.core.parse import load
from ipx_tui.tui.history import History, Location
from ipx_tui.tui.wrap import NO_LINE_END, NO_LINE_START, wrap


@pytest.mark.parametrize("width", [12, 21, 40, 57, 76])
def test_every_paragraph_wraps_by_the_rules(width: int) -> None:
    for node in load().nodes:
        for paragraph in node.paragraphs:
            lines = wrap(paragraph, width)
            assert "".join(lines) == paragraph  # nothing lost, nothing added
            assert all(cell_len(line) <= width for line in lines)
            assert not any(line[:1] in NO_LINE_START for line in lines[1:])
            assert not any(line[-1:] in NO_LINE_END for line in lines[:-1])


def test_closing_marks_and_latin_runs_stay_attached() -> None:
    assert wrap("加強互聯網協議第6版（IPv6）地址管理。", 14) == [
        "加強互聯網協議", "第6版（IPv6）", "地址管理。"]
    assert wrap("一二三四五，六七", 10) == ["一二三四", "五，六七"]


def test_the_last_line_keeps_two_characters() -> None:
    lines = wrap("一二三四五六七八九十甲乙丙丁戊己。", 16)
    assert len(lines[-1].rstrip("。")) >= 2


def test_history_back_forward_and_a_new_visit_drops_the_forward_part() -> None:
    first, second, third = (Location("node", i) for i in ("front", "1", "2"))
    history = History(first)
    assert history.visit(second) and history.visit(third)
    assert not history.visit(third)  # the same view twice is one entry
    assert history.back() == second and history.back() == first and history.back() is None
    assert history.forward() == second
    history.visit(Location("agency", "科技部", "科技部"))
    assert history.forward() is None and len(history.entries) == 3
    history.replace(Location("matrix", "科技部|2.1"))
    assert history.current.key == "科技部|2.1"


def test_history_keeps_at_most_its_limit() -> None:
    history = History(Location("node", "front"), limit=3)
    for node_id in ("1", "2", "3", "1.1"):
        history.visit(Location("node", node_id))
    assert [loc.key for loc in history.entries] == ["2", "3", "1.1"]
