"""The command line's argparse pieces: one-line usage errors, and how a command registers."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import NoReturn

from ipx_tui.core import kiosk
from ipx_tui.core.errors import UserError
from ipx_tui.core.i18n import _

Handler = Callable[[argparse.Namespace], int]
"""A subcommand: its parsed arguments in, its exit status out."""


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line and never a traceback."""

    def error(self, message: str) -> NoReturn:
        raise UserError(_(
            "{message} (see `{prog} --help`)").format(
            message=shorten_message(message), prog=self.prog))


Add = Callable[[str, Handler, str], Parser]
"""What each command module's ``register`` is given: adds a subcommand, returns its parser."""


def shorten_message(message: str) -> str:
    """argparse repeats bad arguments whole; keep the message to one short line."""
    if len(message) <= 200:
        return " ".join(message.split())
    return " ".join(message[:200].split()) + "…"


def minutes(raw: str) -> float:
    """An argparse type: minutes, from 0 (never) to a week; decimals allowed (0.5)."""
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value <= kiosk.MAX_IDLE_MINUTES:  # NaN fails this too
        shown = raw if len(raw) <= 20 else raw[:20] + "…"
        raise argparse.ArgumentTypeError(
            _("must be minutes from 0 (never) to {most}, not {shown!r}")
            .format(most=kiosk.MAX_IDLE_MINUTES, shown=shown))
    return value


def positive(raw: str) -> int:
    """An argparse type: a whole number from 1."""
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        shown = raw if len(raw) <= 20 else raw[:20] + "…"
        raise argparse.ArgumentTypeError(_(
            "must be a whole number from 1, not {shown!r}").format(
            shown=shown))
    return value
