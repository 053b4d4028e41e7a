"""Reading what a running app shows, as plain text, for Pilot tests."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from textual.app import App


def screen_text(app: App[Any]) -> str:
    """The whole screen as plain text, one line a row (what a reader sees, less colour).

    Textual has no public way to read the composed screen as text (its screenshot is an SVG),
    so this asks the screen's compositor, as Textual's own snapshot code does."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system=None, record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens))
    return console.export_text()
