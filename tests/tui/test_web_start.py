"""A tab's process under `ipx-tui serve`: no terminal, yet the browser starts, as a kiosk."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from typing import ClassVar

import pytest

from ipx_tui.core import kiosk
from ipx_tui.core.errors import UserError
from ipx_tui.core.options import StartPlan
from ipx_tui.tui import start

#: What textual-serve 1.1.3 sets for its app processes (textual_serve/app_service.py).
TEXTUAL_SERVE_DRIVER = "textual.drivers.web_driver:WebDriver"


class StubApp:
    """Stands in for the app: records what the start gave it, runs nothing."""

    made: ClassVar[list[StubApp]] = []

    def __init__(self, plan: StartPlan) -> None:
        self.plan, self.kiosk, self.return_code = plan, kiosk.active(), 0
        StubApp.made.append(self)

    def run(self) -> None:
        gc.enable()  # as the app does after its first frame


@pytest.fixture
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Standard input and output are pipes, as textual-serve gives them; the start's kiosk
    and collector switches are undone afterwards."""
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    monkeypatch.setenv(kiosk.ENV, "")  # so the kiosk's variable is removed again after
    monkeypatch.setattr(sys, "dont_write_bytecode", sys.dont_write_bytecode)
    monkeypatch.setattr(start, "make_app", lambda plan: StubApp(plan))
    StubApp.made.clear()
    try:
        yield
    finally:
        gc.enable()


def test_textual_serve_names_the_driver_this_checks() -> None:
    assert start.WEB_DRIVER == TEXTUAL_SERVE_DRIVER


@pytest.mark.usefixtures("no_terminal")
def test_a_web_page_s_process_starts_without_a_terminal_as_a_kiosk(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXTUAL_DRIVER", TEXTUAL_SERVE_DRIVER)
    assert start.browse(StartPlan()) == 0  # not asked for --kiosk
    (app,) = StubApp.made
    assert app.kiosk and kiosk.active()


@pytest.mark.usefixtures("no_terminal")
@pytest.mark.parametrize("driver", [None, "textual.drivers.headless_driver:HeadlessDriver"])
def test_without_the_web_driver_pipes_are_still_refused(
        monkeypatch: pytest.MonkeyPatch, driver: str | None) -> None:
    if driver is None:
        monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    else:
        monkeypatch.setenv("TEXTUAL_DRIVER", driver)
    with pytest.raises(UserError, match="the browser needs a terminal"):
        start.browse(StartPlan())
    assert StubApp.made == [] and not kiosk.active()
