"""Kiosk mode, for the whole process: browse, write nothing, open nothing else.

One switch read by the store (memory only), the command line (writing commands refuse) and
the browser (no screenshots, no suspend, no other program). It is set with ``--kiosk`` and
carried in the environment so that every module, and a child process, sees the same answer.
"""

from __future__ import annotations

import os
import resource
import signal
import sys

from ipx_tui.core.errors import UserError
from ipx_tui.core.i18n import N_, _

ENV = "IPX_TUI_KIOSK"
"""Set in kiosk mode."""

REFUSED = N_("turned off in kiosk mode")

IDLE_MINUTES = 30.0
"""How long a kiosk session may go without a key, a click or a paste (``--idle-timeout``)."""
MAX_IDLE_MINUTES = 7 * 24 * 60
"""The longest ``--idle-timeout`` taken (a week)."""


def enter() -> None:
    """Put the whole process in kiosk mode; call before anything is opened."""
    os.environ[ENV] = "1"
    # Modules imported later (the search engine, the store) must not leave .pyc files behind.
    sys.dont_write_bytecode = True


def asked(arguments: list[str]) -> bool:
    """Does this command line (or the environment) ask for kiosk mode? Read before parsing."""
    # argparse takes any unambiguous prefix of --kiosk (--k, --kio) as --kiosk
    return active() or any(a.startswith("--k") and "--kiosk".startswith(a) for a in arguments)


def harden() -> None:
    """The kiosk's first act: ctrl+\\ (SIGQUIT) and ctrl+z (SIGTSTP) do nothing, and no core
    file is ever written.

    Until Textual puts the terminal in raw mode (and again after it gives it back), those keys
    are signals: SIGQUIT ended the process and, where core dumps are allowed, wrote a core file
    into the kiosk account's home; SIGTSTP would stop it. Ignored signals stay ignored in any
    program this one starts.
    """
    signal.signal(signal.SIGQUIT, signal.SIG_IGN)
    signal.signal(signal.SIGTSTP, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def idle_minutes(given: float | None) -> float | None:
    """The browser's idle timeout: as given (0: never), else IDLE_MINUTES in kiosk mode."""
    if given is not None:
        return given or None
    return IDLE_MINUTES if active() else None


def active() -> bool:
    """Is this process in kiosk mode?"""
    return bool(os.environ.get(ENV))


def refuse(what: str) -> None:
    """Raise the kiosk's refusal of ``what`` (exit 2) when in kiosk mode."""
    if active():
        raise UserError(_("{what} is turned off in kiosk mode").format(what=_(what)))
