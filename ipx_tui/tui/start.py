"""Starting the browser: the terminal checked and prepared, then the app run.

The options arrive checked (:func:`ipx_tui.core.options.check`); nothing here checks them
again. Textual is imported only on the way to the app, after the checks that can fail.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING

from ipx_tui.console import legacy_charset, locale_name
from ipx_tui.core import kiosk
from ipx_tui.core.errors import UserError
from ipx_tui.core.i18n import _
from ipx_tui.core.options import StartPlan

if TYPE_CHECKING:
    from ipx_tui.tui.app import IpxApp


WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
"""What textual-serve (`ipx-tui serve`) puts in TEXTUAL_DRIVER for each tab's process."""


def served() -> bool:
    """Is this process a web page's (textual-serve's), whose terminal is a pair of pipes?"""
    return os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER


def browse(plan: StartPlan) -> int:
    """Run the browser; the exit status. A web page's process is always a kiosk."""
    web = served()
    if not web and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError(_("the browser needs a terminal; for scripts use a command such as "
                          "`ipx-tui show 2.6.3` (see `ipx-tui --help`)"))
    charset = legacy_charset()
    if charset is not None:
        # Textual draws in UTF-8 only: under GBK every character would come out as mojibake.
        name = locale_name()
        wanted = f"{name.partition('.')[0] or 'C'}.UTF-8"
        raise UserError(_("the browser needs a UTF-8 terminal, but the locale {name} says "
                          "{charset}: set the terminal (Xshell, SecureCRT: Encoding) to UTF-8 "
                          "and LANG={wanted}; the commands (`ipx-tui show 2.6.3`) work in "
                          "{charset} as they are").format(name=name, charset=charset.upper(),
                                                          wanted=wanted))
    from ipx_tui.tui.terminal import prepare_terminal

    prepare_terminal()
    if plan.kiosk or web:
        kiosk.enter()
    # The cycle collector waits for the first frame (the app turns it back on): starting
    # makes tens of thousands of objects that all live on, and collecting among them cost
    # the first frame about 40 ms (a bare Textual app pays half that).
    gc.disable()
    app = make_app(plan)
    app.run()
    return app.return_code or 0


def make_app(plan: StartPlan) -> IpxApp:
    """The app for the plan: the kiosk's when the process is in kiosk mode."""
    from ipx_tui.tui.app import IpxApp  # deferred: Textual, for the browser only

    cls: type[IpxApp] = IpxApp
    if kiosk.active():
        from ipx_tui.tui.kiosk import KioskApp

        # __module__ given: Textual finds CSS_PATH beside the class's module, and a class made
        # by type() through Textual's metaclass would say textual.message_pump.
        cls = type("KioskIpxApp", (KioskApp, IpxApp), {"__module__": IpxApp.__module__})
    return cls(script=plan.script, script_given=plan.script_given, goto=plan.goto,
               agency=plan.agency,
               agency_query=plan.agency_query, kiosk=kiosk.active(), document=plan.document,
               lang=plan.lang, idle_minutes=kiosk.idle_minutes(plan.idle_timeout))
