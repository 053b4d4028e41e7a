"""Where the reader has been: views visited, back and forward as in a web browser."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

ViewKind = Literal["node", "agency", "matrix"]


@dataclass(frozen=True, slots=True)
class Location:
    """One view: a node, an agency's page or the matrix, with the agency filter it had."""

    kind: ViewKind
    key: str
    """The node id, the agency's registry name, or the matrix cell (``agency|section``)."""
    agency: str | None = None
    """The agency filter on the sidebar when the view was shown."""

    def with_filter(self, agency: str | None) -> Location:
        """The same view under another filter."""
        return replace(self, agency=agency)


class History:
    """A list of locations with a cursor; visiting drops the forward part, as browsers do."""

    def __init__(self, first: Location, limit: int = 500) -> None:
        self._entries: list[Location] = [first]
        self._index = 0
        self._limit = limit

    @property
    def current(self) -> Location:
        """The location shown now."""
        return self._entries[self._index]

    @property
    def entries(self) -> tuple[Location, ...]:
        """Every location kept, oldest first."""
        return tuple(self._entries)

    @property
    def index(self) -> int:
        """The position of the current location in :attr:`entries`."""
        return self._index

    @property
    def can_back(self) -> bool:
        """Whether there is an earlier location."""
        return self._index > 0

    @property
    def can_forward(self) -> bool:
        """Whether there is a later location."""
        return self._index < len(self._entries) - 1

    def visit(self, location: Location) -> bool:
        """Record a new location; False (and nothing recorded) if it is the current one."""
        if location == self.current:
            return False
        del self._entries[self._index + 1:]
        self._entries.append(location)
        if len(self._entries) > self._limit:
            del self._entries[0]
        self._index = len(self._entries) - 1
        return True

    def replace(self, location: Location) -> None:
        """Change the current location in place (the matrix cursor, a restored start)."""
        self._entries[self._index] = location

    def back(self) -> Location | None:
        """Step back; the location to show, or None at the start."""
        if not self.can_back:
            return None
        self._index -= 1
        return self.current

    def forward(self) -> Location | None:
        """Step forward; the location to show, or None at the end."""
        if not self.can_forward:
            return None
        self._index += 1
        return self.current
