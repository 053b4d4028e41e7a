"""The console script's entry: ``ipx-tui`` alone starts the browser without argparse.

Most starts are a bare ``ipx-tui``; building the whole command line (argparse and every
subcommand's module) would cost that start about 15 ms before the first frame.
"""

from __future__ import annotations

import gc
import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

PROG = "ipx-tui"


class UserError(Exception):
    """Bad input from the user: one line on stderr, exit status 2."""


class BrowseOptions(Protocol):
    """What the browser is started with (an argparse Namespace has these too)."""

    agency: str | None
    goto: str | None
    simplified: bool
    kiosk: bool


@dataclass
class Defaults:
    """The options of a bare ``ipx-tui``."""

    agency: str | None = None
    goto: str | None = None
    simplified: bool = False
    kiosk: bool = False


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


def browse(options: BrowseOptions) -> int:
    """Check the options, then run the browser; the exit status."""
    from ipx_tui.core.ids import check_node_id
    from ipx_tui.core.parse import load

    document = load()
    if options.goto is not None:
        check_node_id(document, options.goto)
    if options.agency is not None:
        from ipx_tui.core.agencies import load_registry

        load_registry().resolve(options.agency)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError("the browser needs a terminal; for scripts use a command such as "
                        "`ipx-tui show 2.6.3` (see `ipx-tui --help`)")
    # The cycle collector waits for the first frame (the app turns it back on): starting
    # makes tens of thousands of objects that all live on, and collecting among them cost
    # the first frame about 40 ms (a bare Textual app pays half that).
    gc.disable()
    from ipx_tui.tui.app import run  # deferred: Textual is only for the browser

    return run(options)


def main(argv: Sequence[str] | None = None) -> int:
    """``ipx-tui``: the browser with no arguments, else the command line; the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments:
        from ipx_tui.cli import main as command_line

        return command_line(arguments)
    utf8_streams()
    try:
        return browse(Defaults())
    except UserError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
