"""The web view in a real browser: `ipx-tui serve`, Debian's headless Chromium, Playwright.

Playwright's Python package drives the system's Chromium through ``executable_path``
(Playwright's own browser download is not used). The page's terminal is read from xterm.js's
own buffer: a script added before the page's scripts keeps the page's xterm.js Terminal
(see ``XTERM_HOOK``). Without Chromium or Playwright the tests skip and say why; under
CI=true they fail instead, as the other end-to-end tests do.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from tests.e2e.conftest import CONSOLE_SCRIPT
from tests.e2e.procs import descendants

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

CHROMIUM_FLAGS = [
    # As root Chromium needs --no-sandbox; the network flags keep it from calling home
    # (this machine refuses every such connection, and CI's log would fill with them).
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]

TITLE = "國務院關於積極推進「互聯網+」行動的指導意見"
FIRST_PAGE = "各省、自治區、直轄市人民政府，國務院各部委、各直屬機構："
"""The detail pane's first page: the document's front matter (content/document.txt, line 5)."""
SECTION_1_1 = "順應世界「互聯網+」發展趨勢，充分發揮我國互聯網的規模優勢和應用優勢"
"""The first words of 1.1 （一）總體思路 (content/document.txt, line 15)."""
SECTION_1_2 = "堅持開放共享"
"""The first words of 1.2 （二）基本原則, which a copy of 1.1 must not hold."""

XTERM_HOOK = """
(() => {
  // webpack marks each module's exports with Object.defineProperty(exports, "__esModule");
  // keep them, and once the scripts have run wrap Terminal.prototype.open, so that the
  // page's own terminal is kept as window.__xterm when textual.js opens it.
  const define = Object.defineProperty;
  const modules = [];
  Object.defineProperty = function (target, key, descriptor) {
    if (key === "__esModule") modules.push(target);
    return define.call(Object, target, key, descriptor);
  };
  document.addEventListener("DOMContentLoaded", () => {
    Object.defineProperty = define;
    for (const exports of modules) {
      const Terminal = exports && exports.Terminal;
      if (typeof Terminal !== "function" || typeof Terminal.prototype.open !== "function") {
        continue;
      }
      const open = Terminal.prototype.open;
      Terminal.prototype.open = function (...args) {
        const active = this.buffer && this.buffer.active;
        if (active && typeof active.getLine === "function") window.__xterm = this;
        return open.apply(this, args);
      };
    }
  });
})();
"""

READ_SCREEN = """
() => {
  const term = window.__xterm;
  if (!term) return null;
  const buffer = term.buffer.active, rows = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows;
}
"""


def chromium_path() -> str | None:
    """Debian's Chromium: the headless shell if installed, else the full browser."""
    for name in ("chromium-headless-shell", "chromium"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _missing() -> list[str]:
    missing = []
    if chromium_path() is None:
        missing.append("Chromium (Debian package chromium or chromium-headless-shell)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("Playwright's Python package (pip install -e '.[test]')")
    if not CONSOLE_SCRIPT.exists():
        missing.append(f"{CONSOLE_SCRIPT} (install the project: pip install -e .)")
    return missing


def free_port() -> int:
    """A loopback port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until(check: Callable[[], Any], timeout: float, what: str) -> Any:
    """Poll check() until it returns something true; fail saying what was awaited."""
    end = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.05)


@dataclass
class Served:
    """One `ipx-tui serve` started by a test."""

    process: subprocess.Popen[bytes]
    port: int
    log: Path
    seen: set[int] = field(default_factory=set)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def sessions(self) -> list[int]:
        """The session processes now below the server (zombies count: not yet reaped)."""
        found = descendants(self.process.pid)
        self.seen.update(found)
        return found

    def cmdline(self, pid: int) -> list[str]:
        with suppress(OSError):
            return Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")[:-1]
        return []

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self, sig: int = signal.SIGINT, timeout: float = 20.0) -> int:
        """Stop it as ctrl+c does; its exit status."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            for pid in descendants(self.process.pid):  # ours: started below our server
                with suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            self.process.kill()
            self.process.wait()
            raise


Serve = Callable[..., Served]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium, once for the module."""
    missing = _missing()
    if missing:
        reason = "the web view's browser test needs " + ", ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (CI=true: these tests may not be skipped)")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(),
                                              args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Serve]:
    """Start `ipx-tui serve` on a free loopback port: serve(max_sessions=1). Each server is
    stopped at the end, and none of its session processes may outlive it."""
    started: list[Served] = []

    def start(*extra: str, max_sessions: int = 4) -> Served:
        port = free_port()
        log = tmp_path / f"serve-{port}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [str(CONSOLE_SCRIPT), "serve", "--port", str(port),
                 "--max-sessions", str(max_sessions), *extra],
                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
        served = Served(process, port, log)
        started.append(served)
        address = f"ipx-tui serve: http://127.0.0.1:{port}/"
        wait_until(lambda: address in served.output() or process.poll() is not None,
                   30, "the server's address")
        assert process.poll() is None, served.output()
        return served

    yield start
    for served in started:
        served.stop()
        left = [pid for pid in served.seen if Path(f"/proc/{pid}").exists()]
        assert left == [], f"session processes outlived the server: {left}"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser profile for each test, 100x30-ish at 16 px."""
    ctx = browser.new_context(viewport={"width": 1100, "height": 760})
    ctx.add_init_script(XTERM_HOOK)
    yield ctx
    ctx.close()


class Tab:
    """One page of the web view, read through xterm.js's buffer."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def rows(self) -> list[str]:
        return list(self.page.evaluate(READ_SCREEN) or [])

    def text(self) -> str:
        return "\n".join(self.rows())

    def wait_for(self, *texts: str, timeout: float = 30.0) -> str:
        """Wait until every text is on the screen; the screen."""
        def shown() -> str | None:
            screen = self.text()
            return screen if all(t in screen for t in texts) else None
        try:
            return str(wait_until(shown, timeout, f"{texts!r} on the page's terminal"))
        except AssertionError as error:
            raise AssertionError(f"{error}; the screen:\n{self.text()}") from None

    def first_screen(self) -> str:
        """Click into the terminal, as a reader does, and wait for the whole first screen:
        title, outline, first page and footer (the app shows its keys once it has focus)."""
        self.wait_for(TITLE, "一、行動要求", FIRST_PAGE, timeout=60)
        self.focus()  # xterm.js tells the app only once its websocket is open
        return self.wait_for(TITLE, "一、行動要求", FIRST_PAGE, "q Quit", "^p Palette")

    def focus(self) -> None:
        self.page.focus(".xterm-helper-textarea")

    def press(self, *keys: str) -> None:
        self.focus()
        for key in keys:
            self.page.keyboard.press(key)


def open_tab(context: BrowserContext, served: Served) -> Tab:
    page = context.new_page()
    page.goto(served.url)
    return Tab(page)


def test_a_tab_browses_copies_and_stays_on_the_server(
        serve: Serve, context: BrowserContext) -> None:
    served = serve()
    origin = served.url.rstrip("/")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("websocket", lambda ws: requests.append(ws.url))
    tab = Tab(page)
    page.goto(served.url)
    assert "Bookmarks and settings last for this tab's session only" in page.inner_text(
        ".notice")
    tab.first_screen()

    # Down to 1.1 （一）總體思路: 前言, 一、行動要求, then the section; its page follows.
    tab.press("ArrowDown", "ArrowDown", "ArrowDown")
    tab.wait_for("1.1 · 一、行動要求", "順應世界「互聯網+」發展趨勢")
    tab.press("y")
    tab.wait_for("Sent 1.1")  # says what was sent, not that the clipboard has it
    copied = wait_until(lambda: page.evaluate("navigator.clipboard.readText()"), 10,
                        "the copy in the browser's clipboard")
    assert SECTION_1_1 in copied and SECTION_1_2 not in copied

    # Search in simplified script, typed into the page (Chinese arrives as text input).
    tab.press("/")
    tab.wait_for("search: words in either script")
    tab.focus()
    page.keyboard.type("物联网")
    tab.wait_for("11 nodes")
    tab.press("Escape")

    hosts = {urlsplit(url).netloc for url in requests}
    assert any(url.endswith("/static/js/textual.js") for url in requests), requests
    assert any(url.startswith(f"ws://{served.host}/ws") for url in requests), requests
    assert hosts == {served.host}, requests


def test_every_tab_is_a_kiosk_and_closing_it_ends_its_process(
        serve: Serve, context: BrowserContext) -> None:
    served = serve()
    tab = open_tab(context, served)
    tab.first_screen()
    (pid,) = wait_until(served.sessions, 10, "the tab's process")
    assert served.cmdline(pid)[-3:] == ["-m", "ipx_tui", "--kiosk"]
    environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    assert b"IPX_TUI_KIOSK=1" in environ
    assert b"TEXTUAL_DRIVER=textual.drivers.web_driver:WebDriver" in environ

    tab.page.close()
    wait_until(lambda: served.sessions() == [], 20, "the closed tab's process to end")
    assert not Path(f"/proc/{pid}").exists()

    again = open_tab(context, served)  # q ends the app, and the page says so
    again.first_screen()
    (pid,) = wait_until(served.sessions, 10, "the second tab's process")
    again.press("q")
    again.page.wait_for_selector("body.-closed", timeout=20_000)
    assert "Session ended" in again.page.inner_text(".ended")
    wait_until(lambda: served.sessions() == [], 20, "the quit app's process to end")


def test_one_tab_too_many_gets_a_page_that_says_so_and_no_process(
        serve: Serve, context: BrowserContext) -> None:
    served = serve(max_sessions=1)
    first = open_tab(context, served)
    first.first_screen()
    (pid,) = wait_until(served.sessions, 10, "the first tab's process")

    second = context.new_page()
    response = second.goto(served.url)
    assert response is not None and response.status == 503
    assert "The server is full" in second.inner_text("#full")
    assert second.query_selector(".textual-terminal") is None
    time.sleep(1.0)  # a process would have started by now
    assert served.sessions() == [pid]

    first.page.close()  # the place is free again once the first tab has gone
    wait_until(lambda: served.sessions() == [], 20, "the first tab's process to end")
    second.reload()
    Tab(second).first_screen()
    assert len(served.sessions()) == 1


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl+c", "SIGTERM"])
def test_ctrl_c_stops_the_server_and_its_sessions(
        serve: Serve, context: BrowserContext, sig: int) -> None:
    served = serve()
    tabs = [open_tab(context, served) for _ in range(2)]
    for tab in tabs:
        tab.first_screen()
    pids = wait_until(lambda: len(found := served.sessions()) == 2 and found, 10,
                      "two session processes")
    assert served.stop(sig) == 0
    assert [pid for pid in pids if Path(f"/proc/{pid}").exists()] == []
    assert "ipx-tui serve: stopped" in served.output()
    for tab in tabs:  # each page says its session ended
        tab.page.wait_for_selector("body.-closed", timeout=10_000)
