"""What the browser is started with: the command line fills it, :func:`check` checks it once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ipx_tui.core.agencies import load_registry
from ipx_tui.core.i18n import Lang
from ipx_tui.core.ids import check_node_id
from ipx_tui.core.parse import load
from ipx_tui.core.script import Script

if TYPE_CHECKING:
    from ipx_tui.core.library import Opened


@dataclass(frozen=True, slots=True)
class BrowseOptions:
    """The browser's start options as typed; a bare ``ipx-tui`` has these defaults."""

    agency: str | None = None
    """An agency name as typed (any name the picker takes)."""
    goto: str | None = None
    """A node id as typed."""
    simplified: bool = False
    traditional: bool = False
    """Asked for on the command line: the remembered script is not restored."""
    kiosk: bool = False
    document: str | None = None
    """A document's id or number as typed (--document); None for the shipped one."""
    lang: Lang | None = None
    """--lang: the interface's language (else the remembered one, else the locale's)."""
    idle_timeout: float | None = None
    """Minutes without input before the session ends (0: never; None: as the mode says)."""


@dataclass(frozen=True, slots=True)
class StartPlan:
    """The options checked: ids and names the document and the registry know."""

    script: Script = "traditional"
    script_given: bool = False
    """The script was asked for (--simplified or --traditional): do not restore the last one."""
    goto: str | None = None
    """The node to start at."""
    agency: str | None = None
    """The agency (registry name) to start filtered on."""
    agency_query: str | None = None
    """A name that stands for several agencies (today's name): the picker opens with it."""
    kiosk: bool = False
    document: str | None = None
    """The imported document to open (its id); None for the shipped one."""
    lang: Lang | None = None
    """The interface's language asked for (None: the remembered one, else the locale's)."""
    idle_timeout: float | None = None
    """Minutes without input before the session ends (0: never; None: as the mode says, see
    :func:`ipx_tui.core.kiosk.idle_minutes`)."""


def check(options: BrowseOptions) -> StartPlan:
    """The options checked against the document and the registry (UserError if they name
    nothing). The registry is read only when an agency is named: a bare start reads it after
    its first frame."""
    goto = agency = query = document = None
    opened: Opened | None = None
    if options.document is not None:
        # deferred: the library (about 2 ms) is for --document only; a bare start opens the
        # shipped document as it always has
        from ipx_tui.core.library import SHIPPED, open_document, resolve_id

        doc_id = resolve_id(options.document)
        if doc_id != SHIPPED:
            document, opened = doc_id, open_document(doc_id)
    if options.goto is not None:
        goto = check_node_id(load() if opened is None else opened.document, options.goto)
    if options.agency is not None:
        registry = load_registry() if opened is None else opened.registry()
        found = registry.resolve(options.agency)
        if len(found) == 1:
            agency = found[0].name
        else:
            query = options.agency.strip()  # a name used today for several: let the reader pick
    return StartPlan(script="simplified" if options.simplified else "traditional",
                     script_given=options.simplified or options.traditional, goto=goto,
                     agency=agency, agency_query=query, kiosk=options.kiosk, document=document,
                     lang=options.lang, idle_timeout=options.idle_timeout)
