"""What ``n`` and ``N`` walk: the last search the reader opened a result of (one per app)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # deferred: the engine's module (4 ms with its segmenter) loads on / only
    from ipx_tui.core.search import Hit, SearchResult


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    """How the search bar closed: the query typed, and the result opened (if any)."""

    query: str
    result: SearchResult | None = None
    index: int | None = None
    """The hit opened, an index into ``result.hits``."""


class Searches:
    """The last query typed and the last result list opened from."""

    def __init__(self) -> None:
        self.query = ""
        """The last query typed (the bar opens with it, selected)."""
        self._result: SearchResult | None = None
        self._index = 0
        self._wrapped = False

    def closed(self, outcome: SearchOutcome | None) -> bool:
        """The bar closed; whether a hit is to be shown."""
        if outcome is None:
            return False
        self.query = outcome.query
        if outcome.result is None or outcome.index is None or not outcome.result.hits:
            return False
        self._result, self._index, self._wrapped = outcome.result, outcome.index, False
        return True

    def step(self, step: int) -> bool:
        """Move to the next (1) or previous (-1) hit, wrapping; False if there was no search."""
        if self._result is None:
            return False
        count = len(self._result.hits)
        index = self._index + step
        self._wrapped = not 0 <= index < count
        self._index = index % count
        return True

    def current(self) -> tuple[Hit, str]:
        """The hit to show, and the line that says where it is (``hit 3 of 11``)."""
        assert self._result is not None
        hits = self._result.hits
        where = f"hit {self._index + 1} of {len(hits)}"
        if self._wrapped:
            where += ", from the " + ("top" if self._index == 0 else "bottom")
        return hits[self._index], where
