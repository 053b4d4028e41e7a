"""`ipx-tui read [ID]`: the document, or one node and what is under it, as plain text read
straight through: for a screen reader or a braille display, which read a stream of text far
better than a screen that is redrawn, and for anyone who wants the whole text in a pager.

On a terminal the text goes through ``$PAGER`` (``less`` when unset), as man and git do;
piped or redirected, or with ``--no-pager``, it is printed. The kiosk opens no other
program, so it prints too.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Mapping

from ipx_tui.cli.library import add_document_flag, opened_of
from ipx_tui.cli.output import add_script_flag, print_text, script_of
from ipx_tui.cli.parsing import Add
from ipx_tui.core import kiosk
from ipx_tui.core.export import reading_text
from ipx_tui.core.i18n import _
from ipx_tui.core.ids import check_node_id

LESS_DEFAULT = "FRX"
"""less's options when LESS is unset (as git sets them): quit when the text fits one screen
(F), keep ANSI attributes (R), leave the text on screen at the end (X)."""


def register(add: Add) -> None:
    """Add the ``read`` subcommand."""
    p = add("read", cmd_read,
            _("print the document (or one node and what is under it) as plain text to read "
              "straight through, with headings and who is responsible, through $PAGER on a "
              "terminal; for screen readers and braille displays"))
    p.add_argument("id", nargs="?", metavar="ID",
                   help=_("a node, as `show` takes it (2.9, 二（九）, 2.9.1); the whole document "
                          "when left out"))
    p.add_argument("--no-pager", action="store_true",
                   help=_("print, even on a terminal"))
    add_script_flag(p)
    add_document_flag(p)


def pager_command(environ: Mapping[str, str]) -> list[str] | None:
    """The pager to run: $PAGER split as a shell would, ``less`` when unset, None when it is
    empty or ``cat`` or cannot be found."""
    words = shlex.split(environ.get("PAGER", "less"))
    if not words or words[0] == "cat" or shutil.which(words[0]) is None:
        return None
    return words


def cmd_read(args: argparse.Namespace) -> int:
    """Print the text to read, or hand it to the pager."""
    document = opened_of(args).document
    node_id = check_node_id(document, args.id) if args.id is not None else None
    text = reading_text(document, node_id, script_of(args))
    command = None
    if not args.no_pager and not kiosk.active() and sys.stdout.isatty():
        command = pager_command(os.environ)
    if command is None:
        print_text(text)
        return 0
    env = dict(os.environ)
    env.setdefault("LESS", LESS_DEFAULT)
    data = text.encode(sys.stdout.encoding or "utf-8", errors="replace")
    sys.stdout.flush()
    try:
        subprocess.run(command, input=data, env=env, check=False)
    except OSError:  # found a moment ago, gone or not runnable now: print instead
        print_text(text)
    except KeyboardInterrupt:  # ctrl+c in the pager ends reading, quietly
        pass
    return 0
