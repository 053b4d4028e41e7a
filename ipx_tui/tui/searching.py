"""What ``n`` and ``N`` walk: the matches of the last search the reader opened a result of,
inside each node before moving to the next, as less does (one per app)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ipx_tui.core.i18n import _

if TYPE_CHECKING:  # deferred: the engine's module (4 ms with its segmenter) loads on / only
    from ipx_tui.core.search import Hit, SearchResult


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    """How the search bar closed: the query typed, and the result opened (if any)."""

    query: str
    result: SearchResult | None = None
    index: int | None = None
    """The hit opened, an index into ``result.hits``."""
    within: str | None = None
    """The filter the bar searched within (a filter key), or None for the whole document."""


class Searches:
    """The last query typed, the last result list opened from, and where the walk is."""

    def __init__(self) -> None:
        self.query = ""
        """The last query typed (the bar opens with it, selected)."""
        self.within = True
        """Whether the bar searches within the agency filter (Tab in the bar widens it)."""
        self._result: SearchResult | None = None
        self._index = 0
        self.match = 0
        """The match shown inside the current hit's node (0 is the first)."""
        self.matches = 0
        """How many matches the current hit's page shows (set once it is shown)."""
        self._wrapped = False

    @property
    def active(self) -> bool:
        """Whether there is a result to walk."""
        return self._result is not None

    def closed(self, outcome: SearchOutcome | None) -> bool:
        """The bar closed; whether a hit is to be shown."""
        if outcome is None:
            return False
        self.query = outcome.query
        if outcome.result is None or outcome.index is None or not outcome.result.hits:
            return False
        self._result, self._index, self._wrapped = outcome.result, outcome.index, False
        self.match, self.matches = 0, 0
        return True

    def step_match(self, step: int) -> bool:
        """Move to the next (1) or previous (-1) match inside the node shown; False at its
        last (or first) match, when the walk moves on to another node."""
        at = self.match + step
        if self._result is None or not 0 <= at < self.matches:
            return False
        self.match, self._wrapped = at, False
        return True

    def step(self, step: int) -> bool:
        """Move to the next (1) or previous (-1) hit, wrapping; False if there was no search.

        The match goes to the node's first (forward) or, once its page is shown and counted,
        its last (backward: see :meth:`shown`)."""
        if self._result is None:
            return False
        count = len(self._result.hits)
        index = self._index + step
        self._wrapped = not 0 <= index < count
        self._index = index % count
        self.match = 0 if step > 0 else -1
        self.matches = 0
        return True

    def shown(self, matches: int) -> int:
        """The current hit's page is shown with this many matches; the match to scroll to."""
        self.matches = matches
        if self.match < 0 or self.match >= matches:
            self.match = max(0, matches - 1) if self.match < 0 else 0
        return self.match

    def current(self) -> tuple[Hit, str]:
        """The hit to show, and the line that says where the walk is
        (``match 3 of 17 · node 2 of 11``)."""
        assert self._result is not None
        hits = self._result.hits
        node = _("node {n} of {total}").format(n=self._index + 1, total=len(hits))
        where = (_("match {n} of {total} · {node}").format(
            n=self.match + 1, total=self.matches, node=node) if self.matches
            else _("no match in its text (found by its agency list) · {node}").format(node=node))
        if self._wrapped:
            where += _(", from the top") if self._index == 0 else _(", from the bottom")
        return hits[self._index], where
