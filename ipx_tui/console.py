"""Text in and out of the terminal under any locale: UTF-8 streams, argv as typed, errors.

Imported by the launcher, the command line and the browser alike; it imports nothing of
ipx-tui, so it can sit at the bottom of the house.
"""

from __future__ import annotations

import io
import sys

PROG = "ipx-tui"


def utf8_streams() -> None:
    """Make the standard streams write UTF-8 whatever the locale says.

    Under LC_ALL=C with PYTHONUTF8=0 they are ASCII: the commands could not print Chinese at
    all, and Textual (which writes through sys.__stderr__) would show each character as a
    \\uXXXX escape. Input needs nothing: Textual decodes keys as UTF-8 itself.
    """
    for stream in {id(s): s for s in (sys.__stdout__, sys.__stderr__, sys.stdout, sys.stderr)
                   if s is not None}.values():
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding != "utf8" and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")


def as_typed(arg: str) -> str:
    """A command-line argument as the terminal sent it.

    Under LC_ALL=C without UTF-8 mode Python decodes argv as ASCII, turning each byte of
    科技部 into a lone surrogate; the bytes are UTF-8 all the same. Bytes that are not UTF-8
    stay surrogates, and the commands treat them as text that matches nothing.
    """
    try:
        return arg.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeError:
        return arg


def say(message: str) -> None:
    """One line for the reader on stderr, after the program's name."""
    print(f"{PROG}: {message}", file=sys.stderr)
