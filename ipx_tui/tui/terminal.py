"""Making the terminal usable before Textual starts: UTF-8 output, and what TERM=dumb hides.

Call prepare_terminal() before the App is created (Rich copies the environment then).
It imports nothing of Textual.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

from ipx_tui.console import utf8_streams

#: TERM values with which Rich assumes 80x25 and no colour (and Textual then sends 24-bit
#: colour, its fallback when Rich has no colour system).
DUMB_TERMS = frozenset({"dumb", "unknown"})

#: What we tell Rich instead: Textual drives every terminal with the same VT100/xterm
#: sequences anyway, and a vt100 gets the 16 standard colours, which every terminal has.
STAND_IN_TERM = "vt100"


def prepare_terminal(environ: MutableMapping[str, str] | None = None) -> None:
    """Fix what the environment gets wrong before the app starts. Safe to call twice."""
    utf8_streams()
    usable_term(os.environ if environ is None else environ)


def usable_term(environ: MutableMapping[str, str]) -> None:
    """Give Rich a TERM that lets it read the real size and pick sensible colours.

    With TERM=dumb Rich reports 80x25 whatever the terminal's size, so the first frame is
    laid out for the wrong size until a resize, and Textual falls back to 24-bit colour.
    COLORTERM=truecolor (or 24bit) still asks for more colours, as it does for any TERM.
    """
    if environ.get("TERM", "").strip().lower() in DUMB_TERMS:
        environ["TERM"] = STAND_IN_TERM
