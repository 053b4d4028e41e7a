"""The command line: argparse, one module per command group, never Textual.

``main`` parses, checks and runs a subcommand. With options but no subcommand
(``ipx-tui --goto 2.6.3``) it checks the browser's options and hands them to the ``browse``
function the launcher gave it, so this package never imports the browser.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

import ipx_tui
from ipx_tui.cli import bookmarks, document, facts, library, read, search, serve
from ipx_tui.cli.output import add_script_flag
from ipx_tui.cli.parsing import Handler, Parser, minutes
from ipx_tui.console import PROG, as_typed, say, terminal_streams
from ipx_tui.core import i18n, kiosk, locations
from ipx_tui.core.errors import UserError
from ipx_tui.core.i18n import N_, Lang, _, parse_lang
from ipx_tui.core.options import BrowseOptions, StartPlan, check

Browse = Callable[[StartPlan], int]
"""Starts the browser with checked options; the exit status (given by the launcher)."""

COMMANDS = (document, facts, read, search, bookmarks, library, serve)
"""The command modules, in the order ``--help`` lists their commands."""


class _Version(argparse.Action):
    """--version, looked up only when asked for (see ipx_tui.__getattr__)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help=_("show the version and exit"))

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(f"{PROG} {ipx_tui.__version__}")
        parser.exit()


def build_parser() -> Parser:
    """The whole command line."""
    parser = Parser(
        prog=PROG,
        description=_("A keyboard-first terminal browser for 國務院關於積極推進「互聯網+」行動的"
                      "指導意見 (國發〔2015〕40號). With no command, the browser starts."),
    )
    parser.add_argument("--version", action=_Version)
    parser.add_argument("--agency", metavar="NAME",
                        help=_("start with the filter on this agency"))
    parser.add_argument("--goto", metavar="ID", help=_("start at this node (for example 2.6.3)"))
    add_script_flag(parser, N_("start or print"), default=None)
    add_lang_flag(parser, default=None)
    parser.add_argument("--document", metavar="ID",
                        help=_("open this document (an id from `ipx-tui documents`, or its "
                               "number; default: the shipped 國發〔2015〕40號)"))
    parser.add_argument("--kiosk", action="store_true",
                        help=_("write nothing to disk, open nothing else (for ForceCommand)"))
    parser.add_argument("--idle-timeout", metavar="MINUTES", type=minutes,
                        help=_("end the browser after this long without a key (0: never; "
                               "default {minutes} in kiosk mode, else never)")
                        .format(minutes=f"{kiosk.IDLE_MINUTES:g}"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def add(name: str, handler: Handler, help_text: str) -> Parser:
        p: Parser = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        add_script_flag(p)
        add_lang_flag(p)
        return p

    for module in COMMANDS:
        module.register(add)
    return parser


def add_lang_flag(parser: argparse.ArgumentParser,
                  default: object = argparse.SUPPRESS) -> None:
    """``--lang`` on a parser, so that it works before or after the subcommand (a
    subcommand's SUPPRESS default leaves the top's value alone, as for ``--simplified``)."""
    parser.add_argument("--lang", metavar="LANG", type=parse_lang, default=default,
                        help=_("the interface's language: zh-Hans (简体中文), zh-Hant (繁體中文) "
                               "or en; by default the locale's (LC_ALL, LC_MESSAGES, LANG)"))


def asked_lang(words: Sequence[str]) -> Lang | None:
    """The language ``--lang`` asks for, read before the parser is built (its help and its
    errors are written in it); the last one wins, as argparse's would."""
    found: Lang | None = None
    for at, word in enumerate(words):
        if word == "--":
            break
        if word == "--lang" and at + 1 < len(words):
            found = parse_lang(words[at + 1])
        elif word.startswith("--lang="):
            found = parse_lang(word.partition("=")[2])
    return found


def main(argv: Sequence[str] | None = None, *, browse: Browse | None = None) -> int:
    """Run the command line; the exit status."""
    terminal_streams()
    try:
        words = as_typed(sys.argv[1:] if argv is None else argv)
        # the browser's remembered choice, else the locale's; an error in --lang is said in it
        remembered = None if kiosk.active() else i18n.remembered_lang(locations.store_path())
        i18n.use(remembered or i18n.locale_language())
        lang = asked_lang(words)
        if lang is not None:
            i18n.use(lang)
        args = build_parser().parse_args(words)
        if args.kiosk:
            kiosk.enter()
        handler: Handler | None = getattr(args, "handler", None)
        if handler is not None:
            return handler(args)
        plan = check(BrowseOptions(agency=args.agency, goto=args.goto,
                                   simplified=args.script == "simplified",
                                   traditional=args.script == "traditional", kiosk=args.kiosk,
                                   document=args.document, lang=args.lang,
                                   idle_timeout=args.idle_timeout))
        if browse is None:
            raise UserError(_("the browser is started by the ipx-tui command"))
        return browse(plan)
    except UserError as error:
        say(str(error))
        return 2
    except BrokenPipeError:
        # `ipx-tui outline | head`: the reader left; say nothing more.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
