"""What screens and widgets may read from the running app: state flows down through this.

Nothing under tui/ imports tui/app.py. A screen that needs the document, the script or the
reader's place reads them from :func:`host_of` (typed by this Protocol) and asks for changes
by posting a message from :mod:`ipx_tui.tui.messages`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from textual.dom import DOMNode

if TYPE_CHECKING:
    from ipx_tui.core.agencies import Involvement, Registry
    from ipx_tui.core.document import Document
    from ipx_tui.core.script import Script
    from ipx_tui.core.store import Store
    from ipx_tui.tui.history import History
    from ipx_tui.tui.pages import Elsewhere, Keywords


class Host(Protocol):
    """The app as screens see it."""

    document: Document
    """The document shown."""
    history: History
    """Where the reader has been; ``history.current`` is the view shown."""
    agency_filter: str | None
    """What the sidebar is filtered on: an agency's registry name, today's name of several
    (a key of ``combined_table()``), or None."""

    @property
    def script(self) -> Script:
        """The script every text is shown in."""

    def registry(self) -> Registry:
        """The agency registry."""

    def involvement_table(self) -> dict[str, Involvement]:
        """Each agency's tasks by role."""

    def involvement_of(self, key: str) -> Involvement:
        """The tasks of what a filter names: an agency, or today's name of several."""

    def combined_table(self) -> dict[str, Involvement]:
        """Today's names that stand for several bodies, each with their tasks as one."""

    def members_of(self, key: str) -> tuple[str, ...]:
        """The registry names a filter covers: the agency, or the bodies today's name merged."""

    def store(self) -> Store | None:
        """The store of the document's bookmarks, and the settings (None when it could not be
        opened)."""

    def keyword_source(self) -> Keywords | None:
        """Where the document's keywords come from: None for the shipped document's table."""

    def elsewhere(self, agencies: tuple[str, ...]) -> tuple[Elsewhere, ...]:
        """The tasks of agencies (registry names) in the library's other documents."""

    def action_owners(self) -> list[tuple[type[DOMNode], DOMNode]]:
        """The classes whose bindings the palette offers, with the object each acts on."""


def host_of(node: DOMNode) -> Host:
    """The app a widget or screen runs in, as a Host."""
    return cast("Host", node.app)
