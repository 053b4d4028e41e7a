"""The terminal's cursor on the row the reader is on.

Screen readers and braille displays (BRLTTY) follow the terminal's cursor, not colours: a
highlighted row is invisible to them (Textual issue #2348). Textual puts the cursor only in
its text inputs; these put it on the focused row of the outline, a list and the matrix, and
on the current match in the text, through ``App.cursor_position``, which Textual moves the
hidden cursor to after every frame.
"""

from __future__ import annotations

from textual.dom import NoScreen
from textual.geometry import Offset
from textual.widget import Widget
from textual.widgets import OptionList


def point_at(widget: Widget, row: int, column: int = 0) -> None:
    """Put the terminal's cursor at a row and column of a widget's scrolled content, when the
    widget is on the screen shown and that place is in view."""
    if not widget.is_mounted:
        return
    try:
        screen = widget.screen
    except NoScreen:  # still mounted but detached: its screen was just dismissed (Enter in B)
        return
    if screen is not widget.app.screen:
        return
    region = widget.scrollable_content_region
    scroll = widget.scroll_offset
    x = region.x + column - scroll.x
    y = region.y + row - scroll.y
    if region.contains(x, y):
        widget.app.cursor_position = Offset(x, y)


class RowList(OptionList):
    """An option list that puts the terminal's cursor on its highlighted row."""

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        self.call_after_refresh(self.point_cursor)  # once it has scrolled the row into view

    def point_cursor(self) -> None:
        """The cursor on the highlighted option's first line."""
        if self.highlighted is None:
            return
        # OptionList has no public map from an option to its line (options may wrap)
        line = self._index_to_line.get(self.highlighted)
        if line is not None:
            point_at(self, line)
