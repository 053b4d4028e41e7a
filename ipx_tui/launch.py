"""The console script: ``ipx-tui`` alone starts the browser, anything else is the command line.

Most starts are a bare ``ipx-tui``; building the whole command line (argparse and every
command's module) would cost that start about 15 ms before the first frame, so it is
imported only when there are arguments.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from ipx_tui.console import say, terminal_streams, utf8_streams
from ipx_tui.core import i18n, kiosk, locations
from ipx_tui.core.errors import UserError
from ipx_tui.core.options import StartPlan


def browse(plan: StartPlan) -> int:
    """Start the browser; the exit status."""
    from ipx_tui.tui.start import browse as start  # deferred: Textual is only for the browser

    return start(plan)


def main(argv: Sequence[str] | None = None) -> int:
    """``ipx-tui``: the browser with no arguments, else the command line; the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if kiosk.asked(arguments):
        kiosk.harden()  # first: a ctrl+\ typed while the rest loads must not end the session
    if arguments:
        from ipx_tui.cli import main as command_line  # deferred: see the module's docstring

        return command_line(arguments, browse=browse)
    utf8_streams()
    # the language of an error before the browser starts: the remembered one, else the locale's
    remembered = None if kiosk.active() else i18n.remembered_lang(locations.store_path())
    i18n.use(remembered or i18n.locale_language())
    try:
        return browse(StartPlan())
    except UserError as error:
        terminal_streams()  # said in the terminal's charset (GBK too), not the browser's UTF-8
        say(str(error))
        return 2
    except KeyboardInterrupt:
        return 130
