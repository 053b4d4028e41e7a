"""The browser in each interface language: the footer, the help, the picker, a notice, the
locale's choice, --lang remembered, and t switching a Chinese interface's script.

The Chinese strings are the catalogues' own, written out here by hand."""

from __future__ import annotations

import pytest
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from ipx_tui.core import i18n
from ipx_tui.core.i18n import LANG_SETTING
from ipx_tui.tui.app import IpxApp
from ipx_tui.tui.screens.agency_picker import AgencyPicker
from ipx_tui.tui.screens.help import HelpScreen
from tests.tui.kit import browsing, pilot_test, press, settle


def footer(app: IpxApp) -> list[str]:
    """The footer as shown: each key and its word."""
    return [f"{k.key_display} {k.description}" for k in app.screen.query(FooterKey)]


def notices(app: IpxApp) -> list[str]:
    return [n.message for n in app._notifications]


@pilot_test
async def test_the_simplified_interface() -> None:
    async with browsing(lang="zh-Hans", remember=False) as (app, pilot):
        assert app.script == "simplified"  # a 简体 interface shows the document in 简体
        assert footer(app) == ["q 退出", "? 帮助", "a 部门", "m 分工", "t 繁/简", "[ 后退",
                               "/ 搜索", "^p 命令"]
        await press(app, pilot, "left_square_bracket")
        assert notices(app) == ["已是最早的视图"]
        await press(app, pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        lines = str(app.screen.help_text()).split("\n")
        assert lines[:5] == ["ipx-tui 按键", "", "全局", "q ^c            退出",
                             "?               本帮助：所有按键"]
        assert "● 牵头  该部门牵头此任务" in lines
        await press(app, pilot, "escape", "a")
        picker = app.screen
        assert isinstance(picker, AgencyPicker) and isinstance(app.focused, Input)
        assert app.focused.placeholder == "任何名称：简称、别称、全称或现名，繁简均可"
        await pilot.press(*"xyz")
        await press(app, pilot)
        assert str(picker.head.render()) == "没有与 'xyz' 相符的部门"


@pilot_test
async def test_the_traditional_interface_and_t() -> None:
    async with browsing(lang="zh-Hant", remember=False) as (app, pilot):
        assert app.script == "traditional"
        assert footer(app) == ["q 退出", "? 說明", "a 部門", "m 分工", "t 繁/簡", "[ 後退",
                               "/ 搜尋", "^p 指令"]
        await press(app, pilot, "right_square_bracket")
        assert notices(app) == ["已是最新的畫面"]
        await press(app, pilot, "t")  # the document and the interface switch together
        assert (app.script, app.lang, i18n.current()) == ("simplified", "zh-Hans", "zh-Hans")
        assert footer(app)[1:3] == ["? 帮助", "a 部门"]
        await press(app, pilot, "t")
        assert (app.script, app.lang) == ("traditional", "zh-Hant")
        assert footer(app)[1:3] == ["? 說明", "a 部門"]


@pilot_test
async def test_t_in_english_switches_only_the_document() -> None:
    async with browsing(lang="en", remember=False) as (app, pilot):
        assert footer(app)[:3] == ["q Quit", "? Help", "a Agency"]
        await press(app, pilot, "t")
        assert (app.script, app.lang) == ("simplified", "en")
        assert footer(app)[:3] == ["q Quit", "? Help", "a Agency"]


@pytest.mark.parametrize(("locale", "lang", "word"), [
    ("zh_TW.UTF-8", "zh-Hant", "? 說明"), ("zh_HK.UTF-8", "zh-Hant", "? 說明"),
    ("zh_CN.UTF-8", "zh-Hans", "? 帮助"), ("en_US.UTF-8", "en", "? Help"),
])
def test_the_locale_chooses_the_interface(monkeypatch: pytest.MonkeyPatch, locale: str,
                                          lang: str, word: str) -> None:
    monkeypatch.delenv("LC_MESSAGES")
    monkeypatch.setenv("LANG", locale)

    @pilot_test
    async def run() -> None:
        async with browsing(remember=False) as (app, _pilot):
            assert app.lang == lang and footer(app)[1] == word

    run()


def test_simplified_asked_for_under_a_traditional_locale_writes_the_interface_in_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LC_MESSAGES")
    monkeypatch.setenv("LANG", "zh_TW.UTF-8")

    @pilot_test
    async def run() -> None:
        async with browsing(script="simplified", script_given=True,
                            remember=False) as (app, _pilot):
            assert (app.lang, app.script) == ("zh-Hans", "simplified")
            assert footer(app)[1] == "? 帮助"

    run()


def test_lang_is_remembered_and_the_locale_does_not_override_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    @pilot_test
    async def first() -> None:
        async with browsing(lang="zh-Hant") as (app, _pilot):
            store = app.store()
            assert store is not None and store.get_setting(LANG_SETTING, "") == "zh-Hant"

    @pilot_test
    async def second() -> None:
        app = IpxApp()  # no --lang, an English locale: the remembered one, from the start
        assert (app.lang, i18n.current()) == ("zh-Hant", "zh-Hant")
        async with browsing() as (app, _pilot):
            assert (app.lang, app.script) == ("zh-Hant", "traditional")
            assert footer(app)[1] == "? 說明"

    @pilot_test
    async def third() -> None:
        async with browsing(lang="en") as (app, _pilot):  # --lang beats what was remembered
            assert app.lang == "en" and footer(app)[1] == "? Help"

    first()
    second()
    third()
    i18n.use("en")


@pilot_test
async def test_a_chinese_notice_over_the_footer_keeps_every_character(
) -> None:
    """Textual blanked a wide character lying across a footer key's edge (overlays.py)."""
    from textual._compositor import Compositor

    from ipx_tui.tui import overlays
    from tests.tui.screen import screen_text

    app = IpxApp(lang="zh-Hans", remember=False)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:  # toasts drawn
        await settle(app, pilot)
        await press(app, pilot, "left_square_bracket")
        assert screen_text(app).splitlines()[-1].endswith("▌ 已是最早的视图 ")
        # the same screen through Textual's own compositor: the 早 over the edge is lost
        fixed = Compositor._render_chops
        try:
            Compositor._render_chops = overlays._ORIGINAL  # type: ignore[method-assign]
            assert screen_text(app).splitlines()[-1].endswith("▌ 已是最  的视图 ")
        finally:
            Compositor._render_chops = fixed  # type: ignore[method-assign]
