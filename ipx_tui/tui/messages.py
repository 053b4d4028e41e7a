"""The messages screens and widgets post upward; the app routes them (toolong's messages.py).

They bubble from the widget to its screen and on to the app, whose ``on_…`` handlers change
the state. Nothing below the app calls it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message


@dataclass
class OpenNode(Message):
    """Show a node."""

    node_id: str
    highlight: list[str] | None = None
    """Terms to highlight in its text (compared as search compares)."""
    agency: str | None = None
    """The agency filter to show it under, when ``keep_filter`` is False."""
    keep_filter: bool = True
    """Keep the agency filter as it is (then ``agency`` is ignored)."""
    from_outline: bool = False
    """The outline's cursor moved there (the outline need not move)."""
    scroll_to_hit: bool = False
    """Bring the first highlighted term into view once the page is shown."""


@dataclass
class OpenAgency(Message):
    """Show an agency's page."""

    name: str
    """Its registry name."""
    filter_on: bool = False
    """Also filter the sidebar on it."""


@dataclass
class MatrixMoved(Message):
    """The matrix cursor moved (the history remembers where)."""

    key: str
    """``agency|section``."""


@dataclass
class BookmarksChanged(Message):
    """Bookmarks were added, changed or removed (the sidebar marks them again)."""

    ids: set[str] | None = field(default=None)
    """The bookmarked ids now, if known (else the store is read again)."""
