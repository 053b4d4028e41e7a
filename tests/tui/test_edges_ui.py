"""The browser at its edges: ctrl+c, a data directory that cannot be written, filtering the
bookmarks without running commands, and what y says it did."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from ipx_tui.core.store import Bookmark, Store
from ipx_tui.tui import clipboard
from ipx_tui.tui.screens.bookmarks import BookmarksScreen
from ipx_tui.tui.screens.plain_text import PlainTextScreen
from ipx_tui.tui.settings import SAVE_DELAY
from ipx_tui.tui.widgets.dialogs import NotePrompt
from tests.tui.kit import browsing, pilot_test, press, settle


@pilot_test
async def test_ctrl_c_quits_outside_text_fields() -> None:
    async with browsing(goto="2.6.3") as (app, pilot):
        assert app.is_running
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running
        assert app.return_code == 0


@pilot_test
async def test_ctrl_c_in_a_text_field_does_not_quit() -> None:
    async with browsing(goto="2.6.3") as (app, pilot):
        await press(app, pilot, "slash", *"醫療")
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running
        assert app.screen.query("Input")  # still in the search, the query kept


def seed(store: Store) -> None:
    store.restore_bookmark(Bookmark("1", "data 第一個", "2024-01-01T09:00:00+08:00"))
    store.restore_bookmark(Bookmark("3.2.3", "知識產權", "2024-01-02T09:00:00+08:00"))
    store.restore_bookmark(Bookmark("2.6.3", "看病 diet", "2024-01-03T09:00:00+08:00"))


@pilot_test
async def test_typing_a_filter_never_runs_a_command() -> None:
    store = Store.open_default()
    seed(store)
    async with browsing(goto="2.6.3") as (app, pilot):
        await press(app, pilot, "B")
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        await press(app, pilot, "3", ".", "d", "e", "u")  # "3" moves to the filter field
        assert screen.filter_text == "3.deu"
        assert isinstance(app.screen, BookmarksScreen)  # no note editor opened
        assert [b.node_id for b in store.bookmarks()] == ["1", "3.2.3", "2.6.3"]  # none deleted
        await press(app, pilot, *["backspace"] * 5)
        await press(app, pilot, *"diet")  # a word that starts with d: all of it is filter text
        assert screen.filter_text == "diet" and [b.node_id for b in screen.shown] == ["2.6.3"]
        assert len(store.bookmarks()) == 3
        await press(app, pilot, "escape")  # clears the filter, back in the list
        assert screen.filter_text == "" and screen.rows.has_focus
        assert screen.current is not None
        gone = screen.current.node_id
        await press(app, pilot, "d")  # in the list, d is delete
        assert [b.node_id for b in store.bookmarks()] == [
            i for i in ("1", "3.2.3", "2.6.3") if i != gone]
        await press(app, pilot, "u", "slash", *"data", "enter")  # Enter in the field goes
        assert app.history.current.key == "1"
        assert not isinstance(app.screen, (BookmarksScreen, NotePrompt))


@pilot_test
async def test_a_read_only_data_dir_is_said_once_and_shown_in_the_list(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("IPX_TUI_DATA_DIR", str(blocker / "data"))
    told: list[str] = []
    async with browsing(goto="2.6.3") as (app, pilot):
        real = app.notify

        def notify(message: str, *args: Any, **kwargs: Any) -> None:
            told.append(message)
            real(message, *args, **kwargs)

        monkeypatch.setattr(app, "notify", notify)
        for _ in range(3):  # each rest of the cursor saves the last node: each one fails
            await press(app, pilot, "down")
            await pilot.pause(SAVE_DELAY + 0.3)
            await settle(app, pilot)
        said = [m for m in told if "read-only" in m]
        assert said == [f"cannot create the data directory {blocker / 'data'}: Not a directory: "
                        "settings and bookmarks are read-only; browsing goes on"]
        await press(app, pilot, "B")
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        assert str(screen.heading.render()) == (
            f"Bookmarks (0) · read-only: cannot create the data directory {blocker / 'data'}: "
            "Not a directory")


def fake_tmux(answers: dict[str, tuple[int, bytes]], calls: list[tuple[list[str], bytes | None]]
              ) -> clipboard.Run:
    def run(argv: Sequence[str], data: bytes | None) -> tuple[int, bytes]:
        calls.append((list(argv), data))
        return answers.get(" ".join(argv[1:3]), (0, b""))
    return run


def test_y_outside_tmux_says_only_what_was_sent() -> None:
    said = clipboard.send("一二三", "2.6.3", kiosk=False, environ={})
    assert said == "Sent 2.6.3 to the terminal's clipboard (OSC 52); not there? Y shows it"
    assert "Copied" not in said


def test_y_inside_tmux_fills_its_buffer_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/tmux")
    calls: list[tuple[list[str], bytes | None]] = []
    env = {"TMUX": "/tmp/tmux-0/default,1,0"}
    said = clipboard.send("一二三", "2.6.3", kiosk=False, environ=env,
                          run=fake_tmux({"show-options -gv": (0, b"external\n")}, calls))
    assert calls[0] == (["tmux", "load-buffer", "-w", "-"], "一二三".encode())
    assert said == ("Put 2.6.3 in tmux's paste buffer (prefix ]) and sent it by OSC 52; "
                    "Y shows it")
    calls.clear()
    # an older tmux without -w: a buffer all the same; with set-clipboard off, said
    said = clipboard.send("x", "1", kiosk=False, environ=env, run=fake_tmux(
        {"load-buffer -w": (1, b""), "show-options -gv": (0, b"off\n")}, calls))
    assert [c[0] for c in calls[:2]] == [["tmux", "load-buffer", "-w", "-"],
                                         ["tmux", "load-buffer", "-"]]
    assert said == "Put 1 in tmux's paste buffer only (set-clipboard is off); Y shows it"


def test_y_in_a_kiosk_under_tmux_runs_nothing_and_says_what_to_set() -> None:
    calls: list[tuple[list[str], bytes | None]] = []
    said = clipboard.send("x", "1", kiosk=True, environ={"TMUX": "t"},
                          run=fake_tmux({}, calls))
    assert calls == []
    assert said == "Sent 1 by OSC 52; tmux passes it on only with set-clipboard on; Y shows it"


def test_y_in_a_web_page_names_the_browser_even_inside_tmux() -> None:
    calls: list[tuple[list[str], bytes | None]] = []
    said = clipboard.send("x", "1.1", kiosk=True, web=True, environ={"TMUX": "t"},
                          run=fake_tmux({}, calls))
    assert calls == []
    assert said == "Sent 1.1 to the browser's clipboard; not there? Y shows it"


@pilot_test
async def test_y_notifies_and_Y_shows_the_text_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TMUX", raising=False)
    async with browsing(goto="3.2.3") as (app, pilot):
        told: list[str] = []
        monkeypatch.setattr(app, "notify", lambda m, *a, **k: told.append(m))
        await press(app, pilot, "y")
        text = app.copy_text()[1]
        assert told == ["Sent 3.2.3 to the terminal's clipboard (OSC 52); not there? Y shows it"]
        await press(app, pilot, "Y")
        assert isinstance(app.screen, PlainTextScreen)
        assert app.screen.text == text and text.startswith("3.2.3  強化知識產權戰略\n")
        await press(app, pilot, "escape")
        assert not isinstance(app.screen, PlainTextScreen)



@pilot_test
async def test_traditional_asked_for_beats_the_remembered_script() -> None:
    from ipx_tui.core.options import BrowseOptions, check

    Store.open_default().set_setting("script", "simplified")
    plan = check(BrowseOptions(traditional=True))
    assert (plan.script, plan.script_given) == ("traditional", True)
    async with browsing(script=plan.script, script_given=plan.script_given) as (app, _):
        assert app.script == "traditional"
    async with browsing() as (app, _):  # not asked for: the last session's comes back
        assert app.script == "simplified"
