"""`ipx-tui serve`: the browser in a web page, one kiosk process per tab (textual-serve).

textual-serve runs a command per websocket and relays it to xterm.js in the page. Here each
tab runs ``<this Python> -m ipx_tui --kiosk``: nothing is written on the server, bookmarks
and settings last as long as the tab. On top of textual-serve's server this adds a cap on
open tabs (the next tab gets a page that says so and starts no process), a template that
loads nothing from any other host, and a shutdown that takes every session process with it.

The server process never imports Textual: textual-serve is aiohttp, Jinja and Rich (its log),
imported when the command runs. Each session is a separate process with Textual's web driver.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipx_tui.cli.parsing import Add, positive
from ipx_tui.console import PROG
from ipx_tui.core import kiosk
from ipx_tui.core.errors import UserError
from ipx_tui.core.i18n import _, ngettext

if TYPE_CHECKING:
    from aiohttp import web

TEMPLATES = Path(__file__).with_name("serve_templates")
"""The page for a tab (``app_index.html``) and the one for a tab too many (``full.html``)."""

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_SESSIONS = 16
"""Each tab is a Python process (about 40 MiB RSS, 30 MiB PSS: see the README), so the
default is modest."""

QUIT_GRACE = 5.0
"""Seconds a session's app has to quit when asked before it is terminated."""
TERM_GRACE = 2.0
"""Seconds after SIGTERM before SIGKILL."""


def session_argv() -> list[str]:
    """What each tab runs: this interpreter's ipx-tui, in kiosk mode."""
    return [sys.executable, "-m", "ipx_tui", "--kiosk"]


def default_public_url(host: str, port: int) -> str:
    """The address printed when --public-url is not given."""
    import ipaddress  # deferred with the rest: only this command needs it

    shown = host
    try:
        if ipaddress.ip_address(host).version == 6:
            shown = f"[{host}]"
    except ValueError:
        pass  # a name such as localhost
    return f"http://{shown}:{port}"


def register(add: Add) -> None:
    """Add the ``serve`` subcommand."""
    p = add("serve", cmd_serve,
            _("serve the browser as a web page, one kiosk process per tab (ctrl+c stops it)"))
    p.add_argument("--host", default=DEFAULT_HOST,
                   help=_(
                       "address to listen on (default {DEFAULT_HOST}: this machine only)").format(
                       DEFAULT_HOST=DEFAULT_HOST))
    p.add_argument("--port", type=positive, default=DEFAULT_PORT,
                   help=_(
                       "port to listen on (default {DEFAULT_PORT})").format(
                       DEFAULT_PORT=DEFAULT_PORT))
    p.add_argument("--max-sessions", type=positive, default=DEFAULT_MAX_SESSIONS, metavar="N",
                   help=_(
                       "tabs open at once; the next one is told the server is full (default "
                       "{DEFAULT_MAX_SESSIONS})").format(
                       DEFAULT_MAX_SESSIONS=DEFAULT_MAX_SESSIONS))
    p.add_argument("--public-url", metavar="URL",
                   help=_("the address readers use, when it is not the one listened on "
                        "(behind a reverse proxy: https://ipx.example.org); the page's "
                        "script, style and websocket addresses start with it"))


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve until ctrl+c (or SIGTERM); the exit status."""
    public_url = args.public_url
    if public_url is not None:
        public_url = public_url.rstrip("/")
        if not public_url.startswith(("http://", "https://")):
            raise UserError(_(
                "--public-url must start with http:// or https://, not {public_url!r}").format(
                public_url=args.public_url))
    server = make_server(session_argv(), host=args.host, port=args.port,
                         public_url=public_url, max_sessions=args.max_sessions)
    try:
        server.serve()
    except OSError as error:  # the port is taken, the address is not this machine's
        raise UserError(_(
            "cannot listen on {host}:{port}: {strerror}").format(
            host=args.host, port=args.port, strerror=error.strerror or error)) from None
    print(f"{PROG} serve: " + _("stopped"), flush=True)
    return 0


def make_server(argv: Sequence[str], *, host: str, port: int, public_url: str | None,
                max_sessions: int) -> Any:
    """The server (a textual-serve ``Server``) that runs ``argv`` for each tab."""
    # deferred: aiohttp, Jinja, Rich and asyncio took 0.5 s to import here, which every
    # other command would pay
    import asyncio

    import aiohttp_jinja2
    from aiohttp import WSCloseCode, web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    class Session(AppService):
        """One tab's app process, started without a shell and always ended."""

        def __init__(self, argv: Sequence[str], **kwargs: Any) -> None:
            super().__init__(shlex.join(argv), **kwargs)
            self.argv = list(argv)
            self._stopping: asyncio.Future[None] | None = None

        @property
        def pid(self) -> int | None:
            """The app's process id, once started."""
            return None if self._process is None else self._process.pid

        async def _open_app_process(self, width: int = 80,
                                    height: int = 24) -> asyncio.subprocess.Process:
            environment = self._build_environment(width=width, height=height)
            environment[kiosk.ENV] = "1"  # as --kiosk does, for anything the app starts
            self._process = process = await asyncio.create_subprocess_exec(
                *self.argv, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE, env=environment)
            assert process.stdin is not None
            self._stdin = process.stdin
            return process

        async def stop(self) -> None:
            """Ask the app to quit, then end it; safe to call more than once."""
            if self._stopping is None:
                self._stopping = asyncio.ensure_future(self._stop())
            await asyncio.shield(self._stopping)

        async def _stop(self) -> None:
            try:
                await asyncio.wait_for(super().stop(), QUIT_GRACE)
            except (TimeoutError, OSError):
                pass
            process = self._process
            if process is not None and process.returncode is None:
                process.terminate()
                try:
                    await asyncio.wait_for(process.wait(), TERM_GRACE)
                except TimeoutError:
                    process.kill()
                    await process.wait()
            if self._task is not None:
                await asyncio.wait([self._task])

    class KioskServer(Server):
        """textual-serve's server with a session cap and a template of our own."""

        def __init__(self) -> None:
            super().__init__(shlex.join(argv), host=host, port=port, title=PROG,
                             public_url=public_url or default_public_url(host, port),
                             templates_path=TEMPLATES)
            self.given_public_url = public_url
            self.argv = list(argv)
            self.max_sessions = max_sessions
            self.sessions: set[Session] = set()
            self.sockets: set[web.WebSocketResponse] = set()

        def full(self) -> bool:
            return len(self.sessions) >= self.max_sessions

        def base_url(self, request: web.Request) -> str:
            """Where the page's own addresses start: --public-url, else what the tab asked."""
            if self.given_public_url:
                return str(self.given_public_url)
            return f"{request.scheme}://{request.host}"

        async def on_startup(self, app: web.Application) -> None:
            print(f"{PROG} serve: {self.public_url}/ " + ngettext(
                "(up to {count} tab, each a kiosk; ctrl+c stops)",
                "(up to {count} tabs, each a kiosk; ctrl+c stops)", self.max_sessions).format(
                    count=self.max_sessions), flush=True)

        async def on_shutdown(self, app: web.Application) -> None:
            """Stop every session's process, then close the tabs' websockets."""
            await asyncio.gather(*(s.stop() for s in list(self.sessions)),
                                 return_exceptions=True)
            await asyncio.gather(*(ws.close(code=WSCloseCode.GOING_AWAY,
                                            message=b"server stopped")
                                   for ws in list(self.sockets)), return_exceptions=True)

        async def handle_index(self, request: web.Request) -> web.Response:
            """The tab's page, or the page that says the server is full."""
            base = self.base_url(request)
            context = {"static_url": f"{base}/static/", "max_sessions": self.max_sessions,
                       "title": PROG}
            if self.full():
                response = aiohttp_jinja2.render_template("full.html", request, context,
                                                          status=503)
                response.headers["Retry-After"] = "60"
            else:
                scheme, rest = base.split(":", 1)
                context["websocket_url"] = ("wss:" if scheme == "https" else "ws:") + rest + "/ws"
                context["font_size"] = _font_size(request.query.get("fontsize", ""))
                response = aiohttp_jinja2.render_template("app_index.html", request, context)
            response.headers["Cache-Control"] = "no-store"
            return response

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            """Run one app process for the tab while its websocket is open."""
            websocket = web.WebSocketResponse(heartbeat=15)
            width = _int(request.query.get("width", ""), 80)
            height = _int(request.query.get("height", ""), 24)
            await websocket.prepare(request)
            if self.full():  # a tab whose page loaded before the last place was taken
                await websocket.send_bytes(
                    f"\r\n  {PROG}: all {self.max_sessions} places are taken; "
                    "reload the page later.\r\n".encode())
                await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=b"full")
                return websocket
            session = Session(self.argv, write_bytes=websocket.send_bytes,
                              write_str=websocket.send_str, close=websocket.close,
                              download_manager=self.download_manager, debug=self.debug)
            self.sessions.add(session)  # before any await: the cap counts it at once
            self.sockets.add(websocket)
            try:
                await session.start(width, height)
                await self._process_messages(websocket, session)
            except asyncio.CancelledError:
                await websocket.close()
            except Exception as error:  # a bad message from the tab: end this session only
                _log().exception(error)
            finally:
                await session.stop()
                self.sessions.discard(session)
                self.sockets.discard(websocket)
            return websocket

    return KioskServer()


def _log() -> Any:
    import logging

    return logging.getLogger("textual-serve")


def _int(raw: str, default: int) -> int:
    try:
        return int(raw)
    except ValueError:
        return default


def _font_size(raw: str) -> int:
    """The page's ?fontsize=, within reason."""
    return min(max(_int(raw, 16), 8), 48)
