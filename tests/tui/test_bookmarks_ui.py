"""Bookmarks in the browser, pressed as a reader presses them (Textual's Pilot).

The first part drives the bookmark screens in a small host app, key by key; the second drives
the real app.
"""

from __future__ import annotations

import asyncio
import errno
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, ClassVar

import pytest
from rich.cells import cell_len
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.widgets import Static

from ipx_tui.core import locations
from ipx_tui.core.document import Document
from ipx_tui.core.parse import load
from ipx_tui.core.store import Bookmark, Store
from ipx_tui.tui.app import IpxApp
from ipx_tui.tui.messages import BookmarksChanged
from ipx_tui.tui.screens.bookmarks import BookmarksScreen, bookmark_node
from ipx_tui.tui.texts import MORE
from ipx_tui.tui.widgets.dialogs import BookmarkChoice, Confirm, NotePrompt
from tests.tui.kit import settle
from tests.tui.screen import screen_text

SIZE = (80, 24)


class Host(App[None]):
    """Stands in for the browser: b bookmarks `node`, B opens the list; keeps what it is told."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "bookmark", "Bookmark"), Binding("B", "bookmarks", "Bookmarks")]

    def __init__(self, store: Store, node: str = "2.6.3") -> None:
        super().__init__()
        self.store = store
        self.document: Document = load()
        self.node = node
        self.told: list[tuple[str, str]] = []
        self.jumped: list[str | None] = []
        self.changes = 0

    def compose(self) -> ComposeResult:
        yield Static("the browser")

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        self.told.append((kwargs.get("severity", "information"), message))
        super().notify(message, *args, **kwargs)

    @on(BookmarksChanged)
    def changed(self) -> None:
        self.changes += 1

    def action_bookmark(self) -> None:
        bookmark_node(self, self.store, self.document, self.node, "traditional")

    def action_bookmarks(self) -> None:
        self.push_screen(BookmarksScreen(self.store, self.document, "traditional"),
                         self.jumped.append)


def drive(app: Host, steps: Callable[[Pilot[None]], Awaitable[None]]) -> None:
    async def go() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await steps(pilot)

    asyncio.run(go())


def notes(store: Store) -> list[tuple[str, str]]:
    return [(b.node_id, b.note) for b in store.bookmarks()]


def rows(app: Host) -> list[str]:
    screen = app.screen
    assert isinstance(screen, BookmarksScreen)
    return [str(screen.rows.get_option_at_index(i).prompt)
            for i in range(screen.rows.option_count)]


def listed(store: Store) -> list[str]:
    """The rows B shows."""
    app = Host(store)
    seen: list[str] = []

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("B")
        await pilot.pause()
        seen.extend(rows(app))

    drive(app, steps)
    return seen


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data" / "store.json")


def seeded(store: Store) -> Store:
    store.restore_bookmark(Bookmark("1", "第一個", "2024-01-01T09:00:00+08:00"))
    store.restore_bookmark(Bookmark("3.2.3", "知識產權", "2024-01-02T09:00:00+08:00"))
    store.restore_bookmark(Bookmark("2.6.3", "看病", "2024-01-03T09:00:00+08:00"))
    return store


# --- b: the note prompt --------------------------------------------------------------------


def test_b_asks_for_a_note_and_enter_saves_it(store: Store) -> None:
    app = Host(store)

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("b")
        assert isinstance(app.screen, NotePrompt)
        assert app.screen.heading == "Bookmark 2.6.3  3.推廣在線醫療衛生新模式"
        await pilot.press(*"看病要緊", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, NotePrompt)

    drive(app, steps)
    assert notes(store) == [("2.6.3", "看病要緊")]
    assert ("information", "Bookmarked: 2.6.3  看病要緊") in app.told
    assert app.changes == 1


def test_esc_cancels_the_note_prompt(store: Store) -> None:
    app = Host(store)

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("b", *"不要", "escape")
        await pilot.pause()

    drive(app, steps)
    assert notes(store) == [] and app.changes == 0


def test_an_empty_note_is_fine(store: Store) -> None:
    app = Host(store)

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("b", "enter")
        await pilot.pause()

    drive(app, steps)
    assert notes(store) == [("2.6.3", "")]


def test_b_on_a_bookmarked_node_edits_the_note(store: Store) -> None:
    store.add_bookmark("2.6.3", "舊的")
    created = store.bookmarks()[0].created
    app = Host(store)

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("b")
        assert isinstance(app.screen, BookmarkChoice)
        await pilot.press("e")
        assert isinstance(app.screen, NotePrompt)
        await pilot.press("ctrl+u", *"新的", "enter")  # ctrl+u: Input clears to the start
        await pilot.pause()

    drive(app, steps)
    assert store.bookmarks() == [Bookmark("2.6.3", "新的", created)]
    assert ("information", "Note saved: 2.6.3  新的") in app.told


def test_b_on_a_bookmarked_node_removes_it_only_after_y(store: Store) -> None:
    store.add_bookmark("2.6.3", "留著")
    app = Host(store)

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("b", "d")
        assert isinstance(app.screen, Confirm)
        assert app.screen.question == "Remove the bookmark on 2.6.3  3.推廣在線醫療衛生新模式?"
        await pilot.press("n")
        await pilot.pause()
        assert notes(store) == [("2.6.3", "留著")]
        await pilot.press("b", "d", "escape")
        await pilot.pause()
        assert notes(store) == [("2.6.3", "留著")]
        await pilot.press("b", "d", "y")
        await pilot.pause()

    drive(app, steps)
    assert notes(store) == []
    assert ("information", "Bookmark removed: 2.6.3") in app.told


# --- B: the list ---------------------------------------------------------------------------


def test_the_list_shows_id_title_note_and_date_in_columns(store: Store) -> None:
    seeded(store)
    store.restore_bookmark(Bookmark("9.9", "", "2024-01-04T09:00:00+08:00"))
    seen = listed(store)
    assert [r.rstrip() for r in seen] == [
        "1        一、行動要求             第一個                         2024-01-01",
        "3.2.3    3.強化知識產權戰略       知識產權                       2024-01-02",
        "2.6.3    3.推廣在線醫療衛生新模式 看病                           2024-01-03",
        "9.9      （不在文件中）                                          2024-01-04",
    ]
    assert {cell_len(r) for r in seen} == {cell_len(seen[0])}
    assert cell_len(seen[0]) <= SIZE[0] - 4


def test_long_titles_and_notes_are_cut_to_fit_80_columns(store: Store) -> None:
    store.add_bookmark("2.6.3", "一個很長的備註" * 20)
    seen = listed(store)
    [row] = seen
    assert MORE in row and cell_len(row) <= SIZE[0] - 4


def test_typing_filters_by_id_title_or_note_in_either_script(store: Store) -> None:
    seeded(store)
    app = Host(store)

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("B")
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)

        def shown() -> list[str]:
            return [b.node_id for b in screen.shown]

        await pilot.press("3", ".")
        assert (screen.filter_text, shown()) == ("3.", ["3.2.3", "2.6.3"])  # 2.6.3 has "3."
        await pilot.press("2")
        assert shown() == ["3.2.3"]
        await pilot.press("backspace", "backspace", "backspace")
        assert shown() == ["1", "3.2.3", "2.6.3"]
        await pilot.press(*"医疗")  # simplified finds the traditional title 醫療
        assert shown() == ["2.6.3"]
        await pilot.press("escape")  # Esc clears the filter first...
        assert (screen.filter_text, shown()) == ("", ["1", "3.2.3", "2.6.3"])
        await pilot.press(*"產權")  # ...a note matches too
        assert shown() == ["3.2.3"]
        await pilot.press(*"zz")
        assert shown() == []
        assert str(screen.status.render()) == "No bookmark has “產權zz” in its id, title or note."
        await pilot.press("escape", "escape")  # ...and then closes the list
        await pilot.pause()
        assert not isinstance(app.screen, BookmarksScreen)

    drive(app, steps)
    assert app.jumped == [None]


def test_enter_jumps_to_the_node(store: Store) -> None:
    seeded(store)
    app = Host(store)

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("B", "down", "enter")
        await pilot.pause()

    drive(app, steps)
    assert app.jumped == ["3.2.3"]


def test_enter_on_a_node_the_document_lost_stays_and_says_why(store: Store) -> None:
    store.add_bookmark("9.9", "")
    app = Host(store)

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("B", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)

    drive(app, steps)
    assert app.jumped == []
    assert ("warning", "9.9 is not in the document; d deletes the bookmark") in app.told


def test_e_edits_the_note_in_the_list(store: Store) -> None:
    seeded(store)
    app = Host(store)

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("B", "down", "e")
        assert isinstance(app.screen, NotePrompt)
        await pilot.press("end", *"保護", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert "知識產權保護" in rows(app)[1]

    drive(app, steps)
    assert notes(store)[1] == ("3.2.3", "知識產權保護")


def test_d_deletes_and_u_undoes_with_date_and_place_kept(store: Store) -> None:
    seeded(store)
    before = store.bookmarks()
    app = Host(store)

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("B", "down", "d")
        await pilot.pause()
        assert [b.node_id for b in store.bookmarks()] == ["1", "2.6.3"]
        assert len(rows(app)) == 2
        await pilot.press("d")  # the cursor stayed in place: now on 2.6.3
        await pilot.pause()
        assert [b.node_id for b in store.bookmarks()] == ["1"]
        await pilot.press("u")
        await pilot.pause()
        assert [b.node_id for b in store.bookmarks()] == ["1", "2.6.3"]
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()

    drive(app, steps)
    assert store.bookmarks() == before
    assert ("information", "Deleted 3.2.3: u undoes it") in app.told
    assert ("information", "Nothing to undo") in app.told


def test_the_list_is_never_stale_when_opened(store: Store) -> None:
    app = Host(store)
    other = Store(store.path)  # another SSH session on the same file

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("B")
        await pilot.pause()
        assert rows(app) == []
        await pilot.press("escape")
        other.add_bookmark("3.2.3", "從另一個終端")
        await pilot.press("B")
        await pilot.pause()
        assert "從另一個終端" in rows(app)[0]

    drive(app, steps)


def test_an_empty_list_says_how_to_add(store: Store) -> None:
    app = Host(store)

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("B")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        assert str(screen.status.render()) == "No bookmarks yet: press b on any node to add one."
        await pilot.press("d", "e", "u", "enter")  # nothing under the cursor: nothing happens
        await pilot.pause()

    drive(app, steps)
    assert notes(store) == [] and app.jumped == []


# --- a store that cannot be written --------------------------------------------------------


def test_an_unwritable_store_reports_the_error_and_the_app_goes_on(tmp_path: Path) -> None:
    store = seeded(Store(tmp_path / "data" / "store.json"))

    def full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    app = Host(store, node="1.1")
    message = f"cannot save to {tmp_path / 'data'}: No space left on device (nothing was changed)"

    async def steps(pilot: Pilot[None]) -> None:
        # Its own context: undoing the test's monkeypatch would undo conftest's data dir too.
        with pytest.MonkeyPatch.context() as failing:
            failing.setattr(os, "fsync", full)
            await pilot.press("b", *"存不了", "enter")
            await pilot.pause()
            assert ("error", message) in app.told
            await pilot.press("B")
            await pilot.pause()
            assert len(rows(app)) == 3  # reading still works
            await pilot.press("d")
            await pilot.pause()
            assert len(rows(app)) == 3 and app.told.count(("error", message)) == 2
        await pilot.press("d")
        await pilot.pause()
        assert len(rows(app)) == 2

    drive(app, steps)
    assert [b.node_id for b in store.bookmarks()] == ["3.2.3", "2.6.3"]


def test_a_kiosk_store_says_the_note_lasts_this_session_only() -> None:
    app = Host(Store(None))

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("b")
        screen = app.screen
        assert isinstance(screen, NotePrompt)
        hint = [str(w.render()) for w in screen.query(Static) if w.has_class("dialog-hint")]
        assert hint == ["Enter save · Esc cancel · kept for this session only"]

    drive(app, steps)


# --- the real app --------------------------------------------------------------------------


def run_app(steps: Callable[[IpxApp, Pilot[None]], Awaitable[None]], **options: Any) -> IpxApp:
    """Start the browser (as `ipx-tui` would), wait for its warm-up, then run the steps."""
    app = IpxApp(**options)

    async def go() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await steps(app, pilot)

    asyncio.run(go())
    return app


def marked(app: IpxApp) -> set[str]:
    assert app.browser is not None
    return app.browser.outline.bookmarked


def test_a_new_reader_bookmarks_quits_and_finds_it_again() -> None:
    async def first_session(app: IpxApp, pilot: Pilot[None]) -> None:
        assert marked(app) == set()
        await pilot.press("b")
        assert isinstance(app.screen, NotePrompt)
        await pilot.press(*"看病要緊", "enter")
        await pilot.pause()
        assert marked(app) == {"2.6.3"}
        assert "├ ⚑ 3.推廣在線醫療" in screen_text(app)  # the sidebar, cut to its width
        await pilot.press("q")

    run_app(first_session, goto="2.6.3")

    async def second_session(app: IpxApp, pilot: Pilot[None]) -> None:
        assert marked(app) == {"2.6.3"}  # marked in the sidebar from the start
        await pilot.press("B")
        await pilot.pause()
        assert "看病要緊" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.history.current.key == "2.6.3"
        await pilot.press("B", "d")
        await pilot.pause()
        assert Store.open_default().bookmarks() == []
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert marked(app) == {"2.6.3"}

    run_app(second_session, goto="1")
    assert notes(Store.open_default()) == [("2.6.3", "看病要緊")]


def test_the_sidebar_marks_follow_deletes_and_other_sessions() -> None:
    async def steps(app: IpxApp, pilot: Pilot[None]) -> None:
        Store.open_default().add_bookmark("1.1", "從另一個終端")
        await pilot.press("B")  # the list re-reads the store...
        await pilot.pause()
        assert "從另一個終端" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert marked(app) == {"1.1"}  # ...and closing it refreshes the sidebar marks
        await pilot.press("B", "d", "escape")
        await pilot.pause()
        assert marked(app) == set()

    run_app(steps)


def test_an_unwritable_data_dir_reports_the_error_while_browsing_works(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("IPX_TUI_DATA_DIR", str(blocker / "data"))
    told: list[str] = []

    async def steps(app: IpxApp, pilot: Pilot[None]) -> None:
        real_notify = app.notify

        def notify(message: str, *args: Any, **kwargs: Any) -> None:
            told.append(message)
            real_notify(message, *args, **kwargs)

        monkeypatch.setattr(app, "notify", notify)
        await pilot.press("b", *"存不了", "enter")
        await pilot.pause()
        assert told[-1] == (f"cannot create the data directory {blocker / 'data'}: "
                            "Not a directory")
        assert marked(app) == set()
        await pilot.press("B")
        await pilot.pause()
        assert "No bookmarks yet" in screen_text(app)
        await pilot.press("escape", "down", "down")  # browsing goes on
        await settle(app, pilot)  # the text pane follows the cursor once it rests
        assert app.history.current.key != "2.6.3"

    run_app(steps, goto="2.6.3")
    assert blocker.read_text(encoding="utf-8") == ""


def test_kiosk_bookmarks_live_in_memory_only() -> None:
    async def steps(app: IpxApp, pilot: Pilot[None]) -> None:
        await pilot.press("b", *"只在這次", "enter")
        await pilot.pause()
        assert marked(app) == {"2.6.3"}

    run_app(steps, goto="2.6.3", kiosk=True)
    assert not locations.data_dir().exists()
