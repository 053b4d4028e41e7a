"""ipx-tui over a real SSH login in a real terminal: any locale, any TERM, any size."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import LoginFactory
from tests.e2e.screens import (
    FOOTER,
    PART_ONE,
    TITLE,
    colours,
    detail_shows,
    first_row_of,
    first_screen,
)

_on_part_one = detail_shows("（一）總體思路")  # part one's page lists its sections


@pytest.mark.parametrize(("setenv", "command"), [
    pytest.param(None, "ipx-tui", id="LANG-unset"),
    pytest.param({"LANG": "C"}, "ipx-tui", id="LANG=C"),
    pytest.param({"LANG": "C.UTF-8"}, "ipx-tui", id="LANG=C.UTF-8"),
    # ASCII stdio: Textual alone would print \\uXXXX for every Chinese character.
    pytest.param({"LANG": "C.UTF-8"}, "LC_ALL=C PYTHONUTF8=0 ipx-tui", id="LC_ALL=C-PYTHONUTF8=0"),
])
def test_chinese_renders_in_every_locale(login: LoginFactory, setenv: dict[str, str] | None,
                                         command: str) -> None:
    shell = login(setenv=setenv)
    screen = shell.start_app(command)
    assert "\\u" not in screen.text
    shell.keys("Down", "Down")  # 前言, then 一、行動要求
    shell.wait_for(_on_part_one, what="part one's page")
    shell.quit_app()


@pytest.mark.parametrize(("term", "allowed_colours"), [
    ("xterm-256color", {"16", "256"}),
    ("screen", {"16"}),
    ("xterm", {"16"}),
    ("vt100", {"16"}),
    ("dumb", {"16"}),  # Textual alone: laid out for 80x25 at first, and 24-bit colour
])
def test_every_terminal_type(login: LoginFactory, term: str, allowed_colours: set[str]) -> None:
    shell = login(term=term, setenv={"LANG": "C.UTF-8"})
    shell.start_app()
    shell.keys("Down", "Down")
    shell.wait_for(_on_part_one, what="part one's page")
    output = shell.app_output()
    assert colours(output) and colours(output) <= allowed_colours  # never 24-bit unasked
    # The very first frame is laid out for the real terminal: its footer goes to row 30.
    assert first_row_of(output, "Palette") == 30
    shell.quit_app()


@pytest.mark.parametrize(("size", "expect"), [
    ((100, 30), first_screen),
    ((80, 24), (PART_ONE, "各省、自治區、直轄市人民政府，國務院各部委、", FOOTER)),
    ((40, 12), (PART_ONE, "（三）「互聯網+」現代農業", "q Quit")),  # one pane at a time
])
def test_sizes(login: LoginFactory, size: tuple[int, int], expect: object) -> None:
    shell = login(size=size, setenv={"LANG": "C.UTF-8"})
    shell.start_app(expect=expect)  # type: ignore[arg-type]
    shell.keys("Down", "Down", "Enter")
    shell.wait_for(_on_part_one if size[0] > 60 else "（一）總體思路", what="part one")
    shell.quit_app()


def test_too_small_says_what_it_needs(login: LoginFactory) -> None:
    shell = login(size=(20, 6), setenv={"LANG": "C.UTF-8"})
    screen = shell.start_app(expect=("too small:", "need at least", "40x10", "(now 20x6)"))
    assert "Traceback" not in screen.text
    shell.quit_app()


def test_live_resize(login: LoginFactory) -> None:
    shell = login(size=(100, 30), setenv={"LANG": "C.UTF-8"})
    shell.start_app()
    shell.keys("Down", "Down")
    shell.wait_for(_on_part_one)
    shell.pane.resize(40, 12)  # narrow: the sidebar alone
    shell.wait_for(lambda s: s.size == (40, 12) and s.has(PART_ONE, "q Quit")
                   and "▕" not in s.text, what="the narrow layout")
    shell.pane.resize(20, 6)
    shell.wait_for(("too small:", "(now 20x6)"))
    shell.pane.resize(100, 30)  # back: the same place, the whole screen
    screen = shell.wait_for(lambda s: s.has(TITLE, FOOTER) and _on_part_one(s),
                            what="the wide layout again")
    assert "too small" not in screen.text
    shell.quit_app()
