"""Kiosk mode turns off what Textual offers that leaves the document."""

from __future__ import annotations

import asyncio
import os
import sys
import webbrowser
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, SuspendNotSupported
from textual.binding import Binding

from ipx_tui.core.kiosk import ENV
from ipx_tui.core.kiosk import active as in_kiosk
from ipx_tui.core.kiosk import enter as enter_kiosk
from ipx_tui.tui.kiosk import KioskApp


class Plain(App[None]):
    pass


class Kiosk(KioskApp, Plain):
    pass


class Recording(Kiosk):
    """Keeps what it tells the reader."""

    def __init__(self) -> None:
        super().__init__()
        self.told: list[str] = []

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        self.told.append(message)


async def _titles(app: App[None]) -> set[str]:
    async with app.run_test() as pilot:
        await pilot.pause()
        return {command.title for command in app.get_system_commands(app.screen)}


def test_the_palette_offers_no_screenshot_in_kiosk_mode() -> None:
    plain, kiosk = asyncio.run(_titles(Plain())), asyncio.run(_titles(Kiosk()))
    assert "Screenshot" in plain  # Textual's own command, which writes an SVG file
    assert kiosk == plain - {"Screenshot"}
    # Pinned, so that a new Textual command is looked at before it reaches a kiosk.
    assert kiosk == {"Theme", "Quit", "Keys"}


async def _try_everything(app: Recording, where: Path) -> list[str]:
    async with app.run_test() as pilot:
        app.action_suspend_process()
        app.open_url("https://example.org")
        assert app.deliver_text(open(__file__, encoding="utf-8"), save_filename="x") is None
        assert app.deliver_screenshot() is None
        app.action_screenshot()
        with pytest.raises(PermissionError):
            app.save_screenshot(path=str(where))
        with pytest.raises(SuspendNotSupported), app.suspend():
            pass
        await pilot.pause()
        return app.told


def test_nothing_is_written_opened_or_suspended(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url))
    monkeypatch.chdir(tmp_path)
    notes = asyncio.run(_try_everything(Recording(), tmp_path))
    assert opened == []
    assert list(tmp_path.iterdir()) == []
    assert len(notes) == 5 and all(note.endswith("turned off in kiosk mode") for note in notes)


def test_enter_kiosk_marks_the_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert not in_kiosk()
    enter_kiosk()
    assert os.environ[ENV] == "1" and in_kiosk()
    assert sys.dont_write_bytecode


def test_the_kiosk_browser_starts_and_keeps_nothing(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The real app, as `ipx-tui --kiosk` builds it: its styles found, its store in memory."""
    from ipx_tui.core.options import BrowseOptions, check
    from ipx_tui.tui.start import make_app

    monkeypatch.setenv("IPX_TUI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(sys, "dont_write_bytecode", sys.dont_write_bytecode)
    monkeypatch.delenv(ENV, raising=False)
    enter_kiosk()  # as tui.start.browse does for --kiosk, before it makes the app
    app = make_app(check(BrowseOptions(goto="2.6.3", kiosk=True)))
    monkeypatch.delenv(ENV)  # enter_kiosk() set it for the process; undo for the next tests
    assert isinstance(app, KioskApp)

    async def browse() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("b", *"筆記", "enter", "t")
            await pilot.pause(0.5)
            assert app.screen.query("Outline")  # the browser, styled from app.tcss

    asyncio.run(browse())
    assert not (tmp_path / "data").exists()


def test_the_kiosks_help_and_palette_list_every_key_quit_included(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The kiosk's class declares no bindings of its own: its help's "Everywhere" was empty
    and its palette could not find Quit."""
    from ipx_tui.core.options import BrowseOptions, check
    from ipx_tui.tui.app import IpxApp
    from ipx_tui.tui.keys import key_help
    from ipx_tui.tui.palette import BrowserCommands
    from ipx_tui.tui.start import make_app

    monkeypatch.setattr(sys, "dont_write_bytecode", sys.dont_write_bytecode)
    monkeypatch.setenv(ENV, "1")
    app = make_app(check(BrowseOptions(kiosk=True)))
    assert isinstance(app, KioskApp) and type(app) is not IpxApp

    async def look() -> tuple[list[str], list[str], list[str]]:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            (title, owner), *_ = app.help_groups()
            everywhere = [entry.description for entry in key_help(app, owner)]
            await pilot.press("question_mark")
            await pilot.pause()
            shown = str(app.screen.query_one("#help-text").render())
            await pilot.press("escape", "ctrl+p")
            await pilot.pause()
            titles = [t for t, _, _ in BrowserCommands(app.screen)._actions()]
            return [title, *everywhere], shown.splitlines(), titles

    everywhere, help_lines, palette = asyncio.run(look())
    actions = {b.action for b in IpxApp.BINDINGS if isinstance(b, Binding)}
    assert everywhere[0] == "Everywhere"
    assert len(everywhere) - 1 == len(actions) > 15  # one line an action (q and ctrl+c: Quit)
    assert "Quit" in everywhere and "Search the document" in everywhere
    assert [line.split() for line in help_lines if line.endswith("Quit")] == [["q", "^c", "Quit"]]
    assert {"Quit", "This help: every key", "Search the document"} <= set(palette)


def test_an_error_in_a_kiosk_ends_it_with_one_line_and_no_traceback() -> None:
    """Textual shows a traceback with its locals (the server's paths); a stranger sees one line."""
    from rich.segment import Segments

    from ipx_tui.tui.kiosk import ENDED

    async def crash() -> tuple[list[str], bool]:
        app = Kiosk()
        async with app.run_test() as pilot:
            await pilot.pause()
            try:
                raise RuntimeError(f"secret {__file__}")
            except RuntimeError:
                app._fatal_error()  # what Textual calls for an unhandled exception
            shown = ["".join(s.text for s in r.segments) for r in app._exit_renderables
                     if isinstance(r, Segments)]
            return shown, app._exit_renderables != []

    shown, ended = asyncio.run(crash())
    assert ended and [line.strip() for line in shown] == [ENDED]
    assert __file__ not in "".join(shown)
