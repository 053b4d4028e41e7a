"""Web view benchmark: `ipx-tui serve` in Debian's headless Chromium (Playwright).

    python -m benchmarks.web [--runs 5] [--tabs 4]

Time to the first screen: from asking for the page until the page's terminal (xterm.js's own
buffer) shows the title, the first part in the outline and the first page; one tab at a time,
each in a fresh browser profile, the server already up. Its parts: the page loaded (HTML,
textual.js, fonts) and the app's process started and drawn.

Memory per open tab: --tabs tabs open at once, each showing its first screen, then settled for
two seconds: the session processes' RSS (VmRSS, which counts the libraries they share once per
process) and PSS (/proc/PID/smaps_rollup, which splits shared pages between them), summed and
divided by the tabs; and the server's own RSS. Prints the figures; exit status 0.
"""

from __future__ import annotations

import argparse
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from tests.e2e.conftest import CONSOLE_SCRIPT
from tests.e2e.procs import descendants
from tests.e2e.test_web import (
    CHROMIUM_FLAGS,
    FIRST_PAGE,
    READ_SCREEN,
    TITLE,
    XTERM_HOOK,
    chromium_path,
    free_port,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page

FIRST_SCREEN = (TITLE, "一、行動要求", FIRST_PAGE)

MARKS = """
(() => {
  // When the page's websocket is made, opens and first hears from the app (ms from the
  // start of navigation, performance.now()).
  const Native = window.WebSocket;
  window.__marks = {};
  window.WebSocket = function (...args) {
    const socket = new Native(...args);
    window.__marks.websocket = performance.now();
    socket.addEventListener("open", () => { window.__marks.open = performance.now(); });
    socket.addEventListener("message", (event) => {
      if (typeof event.data === "string") return;  // textual.js's ping's pong
      window.__marks.first_message = window.__marks.first_message || performance.now();
    });
    return socket;
  };
  window.WebSocket.prototype = Native.prototype;
})();
"""
SCREEN_AT = f"() => [({READ_SCREEN})(), performance.now(), window.__marks]"


def kib(pid: int, path: str, field: str) -> int:
    """A ``field:  N kB`` figure from /proc/PID/<path>, in KiB (0 if the process is gone)."""
    try:
        for line in Path(f"/proc/{pid}/{path}").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def pipe_start(runs: int) -> list[float]:
    """Seconds until a tab's process, started as textual-serve starts it but with no server
    and no browser, has written its first page: what the app itself costs."""
    import select

    from ipx_tui.cli.serve import session_argv

    environment = dict(os.environ, TEXTUAL_DRIVER="textual.drivers.web_driver:WebDriver",
                       COLUMNS="137", ROWS="30", TEXTUAL_FPS="60",
                       TEXTUAL_COLOR_SYSTEM="truecolor")
    quit_packet = b'M' + (15).to_bytes(4, "big") + b'{"type":"quit"}'
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        app = subprocess.Popen(session_argv(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=environment)
        assert app.stdin is not None and app.stdout is not None
        received = b""
        while FIRST_PAGE.encode() not in received and time.perf_counter() - started < 60:
            if select.select([app.stdout], [], [], 0.05)[0]:
                chunk = os.read(app.stdout.fileno(), 65536)
                if not chunk:
                    break
                received += chunk
        times.append(time.perf_counter() - started)
        app.stdin.write(quit_packet)
        app.stdin.flush()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
    return times


def mib(k: float) -> str:
    return f"{k / 1024:.1f} MiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="first screens to time")
    parser.add_argument("--tabs", type=int, default=4, help="tabs open for the memory figure")
    args = parser.parse_args()
    alone = pipe_start(args.runs)
    browser_path = chromium_path()
    if browser_path is None:
        print("needs Debian's chromium (apt-get install chromium)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    port = free_port()
    log = Path(tempfile.mkdtemp(prefix="ipx-web-bench-")) / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [str(CONSOLE_SCRIPT), "serve", "--port", str(port),
             "--max-sessions", str(max(args.tabs, 1) + 1)],
            stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        end = time.monotonic() + 30
        while url not in log.read_text(errors="replace"):
            if time.monotonic() > end or server.poll() is not None:
                print(log.read_text(errors="replace"), file=sys.stderr)
                return 1
            time.sleep(0.05)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=browser_path,
                                                 args=CHROMIUM_FLAGS)
            version = browser.version

            def first_screen(page: Page, started: float) -> dict[str, float]:
                """The first screen's moments, in seconds from asking for the page."""
                while True:
                    rows, now, marks = page.evaluate(SCREEN_AT)
                    screen = "\n".join(rows or [])
                    if all(text in screen for text in FIRST_SCREEN):
                        return {name: ms / 1000 for name, ms in {**marks, "screen": now}.items()}
                    if time.perf_counter() - started > 60:
                        raise SystemExit("no first screen within 60 s")
                    time.sleep(0.005)

            times: list[dict[str, float]] = []
            for _ in range(args.runs):
                context = browser.new_context(viewport={"width": 1100, "height": 760})
                context.add_init_script(XTERM_HOOK)
                context.add_init_script(MARKS)
                page = context.new_page()
                started = time.perf_counter()
                page.goto(url, wait_until="commit")
                times.append(first_screen(page, started))
                context.close()
                end = time.monotonic() + 20  # the tab's process gone before the next run
                while descendants(server.pid) and time.monotonic() < end:
                    time.sleep(0.05)

            context = browser.new_context(viewport={"width": 1100, "height": 760})
            context.add_init_script(XTERM_HOOK)
            context.add_init_script(MARKS)
            pages = [context.new_page() for _ in range(args.tabs)]
            for page in pages:
                started = time.perf_counter()
                page.goto(url)
                first_screen(page, started)
            time.sleep(2.0)
            sessions = descendants(server.pid)
            rss = [kib(pid, "status", "VmRSS") for pid in sessions]
            pss = [kib(pid, "smaps_rollup", "Pss") for pid in sessions]
            server_rss = kib(server.pid, "status", "VmRSS")
            context.close()
            browser.close()
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            for pid in descendants(server.pid):
                os.kill(pid, signal.SIGKILL)
            server.kill()

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, Chromium {version}")
    print(f"first screen, {len(times)} runs, seconds from asking for the page (median, "
          "fastest, slowest):")
    for name, what in (("websocket", "page and fonts loaded, terminal opened"),
                       ("open", "websocket open (app process being started)"),
                       ("first_message", "the app's first output"),
                       ("screen", "first screen complete in xterm.js")):
        values = [run[name] for run in times]
        print(f"  {what:45} {statistics.median(values):6.3f} {min(values):6.3f} "
              f"{max(values):6.3f}")
    print(f"  {'the app alone over pipes, no browser':45} {statistics.median(alone):6.3f} "
          f"{min(alone):6.3f} {max(alone):6.3f}")
    tabs = len(sessions)
    if tabs != args.tabs:
        print(f"warning: {tabs} session processes for {args.tabs} tabs")
    if tabs:
        print(f"memory, {tabs} tabs open: RSS {mib(sum(rss) / tabs)} per tab "
              f"(sum {mib(sum(rss))}), PSS {mib(sum(pss) / tabs)} per tab; "
              f"the server {mib(server_rss)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
