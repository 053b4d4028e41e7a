"""The errors a reader's input can cause: each is one line on stderr and exit status 2."""

from __future__ import annotations

SHOWN = 40
"""How much of a bad argument an error message repeats."""


class UserError(Exception):
    """Bad input from the user: one line on stderr, exit status 2."""


def shorten(text: str) -> str:
    """A bad argument as an error message may quote it: one line, at most 40 characters."""
    one_line = " ".join(text.split()) if text.strip() else text
    return one_line if len(one_line) <= SHOWN else one_line[:SHOWN] + "…"
