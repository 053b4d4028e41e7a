"""Kiosk mode, for the whole process: browse, write nothing, open nothing else.

One switch read by the store (memory only), the command line (writing commands refuse) and
the browser (no screenshots, no suspend, no other program). It is set with ``--kiosk`` and
carried in the environment so that every module, and a child process, sees the same answer.
"""

from __future__ import annotations

import os
import sys

from ipx_tui.core.errors import UserError
from ipx_tui.core.i18n import N_, _

ENV = "IPX_TUI_KIOSK"
"""Set in kiosk mode."""

REFUSED = N_("turned off in kiosk mode")


def enter() -> None:
    """Put the whole process in kiosk mode; call before anything is opened."""
    os.environ[ENV] = "1"
    # Modules imported later (the search engine, the store) must not leave .pyc files behind.
    sys.dont_write_bytecode = True


def active() -> bool:
    """Is this process in kiosk mode?"""
    return bool(os.environ.get(ENV))


def refuse(what: str) -> None:
    """Raise the kiosk's refusal of ``what`` (exit 2) when in kiosk mode."""
    if active():
        raise UserError(_("{what} is turned off in kiosk mode").format(what=_(what)))
