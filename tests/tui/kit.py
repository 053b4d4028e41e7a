"""Starting the browser under Pilot and reading its state, for the browser's tests."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from typing import Any, ParamSpec

from textual.pilot import Pilot

from ipx_tui.tui.app import IpxApp
from ipx_tui.tui.screens.browser import BrowserScreen

P = ParamSpec("P")

WIDE = (100, 30)
SMALL = (80, 24)


@asynccontextmanager
async def browsing(size: tuple[int, int] = WIDE, **options: Any
                   ) -> AsyncIterator[tuple[IpxApp, Pilot[None]]]:
    """The app running headless at a size, after its first frame and warm-up."""
    app = IpxApp(**options)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        yield app, pilot


async def settle(app: IpxApp, pilot: Pilot[None]) -> None:
    """Let messages, workers, the text pane's follow timer and the next frame run."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    for screen in app.screen_stack:
        if isinstance(screen, BrowserScreen):
            while screen.following:
                await pilot.pause(0.02)
    await pilot.pause()


async def press(app: IpxApp, pilot: Pilot[None], *keys: str) -> None:
    """Press keys one by one, letting each take effect."""
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
    await settle(app, pilot)


def browser(app: IpxApp) -> BrowserScreen:
    """The browser screen (asserting it exists)."""
    assert app.browser is not None
    return app.browser


def detail_text(app: IpxApp) -> str:
    """The detail pane's page as plain text."""
    return browser(app).detail.page.plain


def outline_labels(app: IpxApp) -> list[str]:
    """Every label in the sidebar, in order (collapsed branches included)."""
    outline = browser(app).outline
    return [outline.label_of(i) for i in outline.node_ids]


def pilot_test(test: Callable[P, Coroutine[Any, Any, None]]) -> Callable[P, None]:
    """Run an async test in its own event loop (the suite has no asyncio plugin)."""

    @functools.wraps(test)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        asyncio.run(test(*args, **kwargs))

    return run
