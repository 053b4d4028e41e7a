"""How the main views look, at 100x30 and 80x24, in both scripts (pytest-textual-snapshot).

The cases run in the English interface (tests/conftest.py pins it), except those named
``zh_hans_…`` and ``zh_hant_…``, which ask for their language; ``en_…`` asks for English
explicitly, beside its 简体 twin.

Each SVG in __snapshots__/ was looked at before it was committed. After a deliberate change
of looks, update with ``pytest tests/tui/test_snapshots.py --snapshot-update`` and look again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest
from textual.pilot import Pilot

from ipx_tui.tui.app import IpxApp

Compare = Callable[..., bool]
WIDE, SMALL = (100, 30), (80, 24)


def steps(*keys: str, typed: str = "") -> Callable[[Pilot[Any]], Any]:
    """Wait for the warm-up, then press keys and type text, letting each take effect."""

    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        if typed:
            await pilot.press(*typed)
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run


CASES: list[tuple[str, tuple[int, int], dict[str, Any], Sequence[str], str]] = [
    # name, size, app options, keys, typed
    ("item_wide_traditional", WIDE, {"goto": "2.1.1"}, ("tab", "l", "l", "l"), ""),
    ("item_small_simplified", SMALL, {"goto": "2.1.1", "script": "simplified"}, (), ""),
    ("section_filtered_wide_traditional", WIDE, {"goto": "2.3", "agency": "農業部"}, (), ""),
    ("agency_wide_simplified", WIDE, {"agency": "科技部", "script": "simplified"}, (), ""),
    ("agency_small_traditional", SMALL, {"agency": "科技部"}, (), ""),
    ("matrix_wide_traditional", WIDE, {}, ("m", *["j"] * 15, "l", "l", "l"), ""),
    ("matrix_small_simplified", SMALL, {"script": "simplified"}, ("m",), ""),
    ("help_wide_simplified", WIDE, {"script": "simplified"}, ("question_mark",), ""),
    ("help_small_traditional", SMALL, {}, ("question_mark",), ""),
    ("picker_small_traditional", SMALL, {}, ("a",), "市场监管"),
    ("narrow_reading", (50, 20), {"goto": "2.6.3"}, ("tab",), ""),
    ("sidebar_60", (60, 24), {"goto": "2.1"}, (), ""),
    ("matrix_small_traditional", SMALL, {}, ("m", "l", *["l"] * 12), ""),
    ("too_small", (20, 6), {}, (), ""),
    # the interface's language at 100x30: English and 简体 side by side, and 繁體
    ("en_item_wide", WIDE, {"goto": "2.9.1", "lang": "en"}, (), ""),
    ("zh_hans_item_wide", WIDE, {"goto": "2.9.1", "lang": "zh-Hans"}, (), ""),
    ("zh_hant_item_wide", WIDE, {"goto": "2.9.1", "lang": "zh-Hant"}, (), ""),
    ("en_help_wide", WIDE, {"lang": "en"}, ("question_mark",), ""),
    ("zh_hans_help_wide", WIDE, {"lang": "zh-Hans"}, ("question_mark",), ""),
    ("zh_hans_picker_wide", WIDE, {"lang": "zh-Hans"}, ("a",), "发改"),
    ("zh_hans_search_wide", WIDE, {"lang": "zh-Hans"}, ("slash",), "物联网"),
    ("zh_hans_bookmark_prompt_wide", WIDE, {"goto": "2.6.3", "lang": "zh-Hans"}, ("b",), ""),
]


@pytest.mark.parametrize(("name", "size", "options", "keys", "typed"), CASES,
                         ids=[case[0] for case in CASES])
def test_looks(snap_compare: Compare, name: str, size: tuple[int, int],
               options: dict[str, Any], keys: Sequence[str], typed: str) -> None:
    app = IpxApp(remember=False, **options)
    assert snap_compare(app, terminal_size=size, run_before=steps(*keys, typed=typed))


def test_no_color(snap_compare: Compare, monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR at 80x24: attributes only (the app reads the variable when it is made)."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = IpxApp(remember=False, goto="2.6.3", agency="科技部")
    assert snap_compare(app, terminal_size=SMALL, run_before=steps("tab", "l"))
