"""What keeps one reader's session bounded, whatever the terminal or the reader sends.

A session is offered to strangers (``ForceCommand ipx-tui --kiosk``, the web view), so nothing a
client sends may make the app grow without limit: the screen laid out is capped, text is cut to
each field's length, the widgets of closed screens are let go, and an idle session ends. The app
calls these from its event handler; the text fields are :class:`ipx_tui.tui.widgets.field.Field`.
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING, Any

from textual import events
from textual.geometry import Size
from textual.screen import Screen

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode

MAX_WIDTH = 500
MAX_HEIGHT = 200
"""The largest screen laid out. A terminal (SIGWINCH, SSH's window-change, the in-band report
``CSI 48;rows;cols;…t``, a web page) can claim any size; Textual would lay out and keep a
40000×40000 screen (it grew by 35 MB a second). Beyond the cap the app lays out the cap and
the rest of the terminal stays blank."""

SEARCH_CHARS = 200
"""The longest search query: longer than any phrase worth finding, short enough that every
keystroke's search stays cheap (a 1 MB paste made each one cost seconds)."""
PICKER_CHARS = 100
"""The longest agency name typed in the picker (the longest full name has 30 characters)."""
FILTER_CHARS = 200
"""The longest bookmark filter."""
PALETTE_CHARS = 100
"""The longest command palette query."""
PASTE_CHARS = 4096
"""No paste longer than this reaches a widget: more than any field takes (so a field still sees
that it was cut, and says so), and a bound for fields that are not ours (the palette's)."""


def capped(size: Size) -> Size:
    """The size to lay out for a size a terminal claims."""
    width, height = size
    return Size(_cells(width, MAX_WIDTH), _cells(height, MAX_HEIGHT))


def _cells(claimed: object, most: int) -> int:
    # A web page's size arrives as whatever JSON its websocket sent ("80", 1e400, null, true):
    # anything that is not a number of cells counts as none, until the next resize.
    if isinstance(claimed, bool) or not isinstance(claimed, int | float | str):
        return 0
    try:
        number = float(claimed)
    except (ValueError, OverflowError):  # "x"; an int too large for a float
        return most if isinstance(claimed, int) and claimed > 0 else 0
    if not math.isfinite(number):
        return 0
    return int(max(0.0, min(number, float(most))))


def cap_resize(event: events.Resize) -> None:
    """Cap a resize event before Textual sees it (in place: it keeps its sender and time)."""
    event.size = capped(event.size)
    event.virtual_size = capped(event.virtual_size)
    if event.container_size is not None:
        event.container_size = capped(event.container_size)


def cut_paste(event: events.Paste) -> None:
    """Cut a paste to PASTE_CHARS before any widget sees it."""
    if len(event.text) > PASTE_CHARS:
        event.text = event.text[:PASTE_CHARS]


def prune_watchers(app: App[Any]) -> int:
    """Let go of the watchers that closed widgets left on the app and the screens; how many.

    Textual keeps ``(widget, callback)`` on the object watched (``self.watch(self.app, …)``,
    Header's title, each FooterKey's ``data_bind``) and drops those of closed widgets only when
    that attribute changes next, so every matrix opened and closed kept its whole table alive
    (https://github.com/Textualize/textual/issues/6666). This drops them by Textual's own rule
    (the widget is closing), now.
    """
    dropped = 0
    nodes: list[DOMNode] = [app]
    # the screens shown, and those built once and kept for the next time (the matrix)
    installed = [s for s in getattr(app, "_installed_screens", {}).values()
                 if isinstance(s, Screen)]
    for screen in dict.fromkeys([*app.screen_stack, *installed]):
        nodes.append(screen)
        nodes.extend(screen.walk_children(with_self=False))
    for node in nodes:
        watchers: dict[str, list[tuple[Any, Any]]] = getattr(node, "__watchers", {})
        for entries in watchers.values():
            alive = [(owner, callback) for owner, callback in entries
                     if not getattr(owner, "_closing", False)]
            dropped += len(entries) - len(alive)
            entries[:] = alive
    return dropped


class Idle:
    """When the reader last did anything, and whether a session has been idle too long."""

    def __init__(self, minutes: float | None) -> None:
        self.seconds = None if minutes is None else minutes * 60
        """The idle time allowed, or None for no limit."""
        self.last = time.monotonic()

    def touch(self) -> None:
        """The reader did something."""
        self.last = time.monotonic()

    def left(self) -> float | None:
        """Seconds until the session times out (0 or less: it has); None for never."""
        if self.seconds is None:
            return None
        return self.seconds - (time.monotonic() - self.last)
