"""Shown instead of everything when the terminal is too small to use."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

from ipx_tui.core.i18n import _

MIN_WIDTH, MIN_HEIGHT = 40, 10
"""Below this the app shows only a message saying the size it needs."""


def too_small(size: Size) -> bool:
    """Whether a terminal of this size is below the minimum."""
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


class TooSmall(Screen[None]):
    """A message saying the size needed, and nothing else."""

    def compose(self) -> ComposeResult:
        yield Static(id="too-small", markup=False)

    def show(self, size: Size) -> None:
        """Say what size is needed."""
        self.query_one("#too-small", Static).update(
            _("too small:\nneed at least\n{need}\n(now {now})").format(
                need=f"{MIN_WIDTH}x{MIN_HEIGHT}", now=f"{size.width}x{size.height}"))
