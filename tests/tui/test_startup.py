"""What the way to the first frame imports: nothing heavy (the benchmark measures the cost)."""

from __future__ import annotations

import subprocess
import sys

from tests.imports import loaded_by

# Each with what it costs on the benchmark machine if imported before the first frame.
HEAVY = {
    "jieba": "about 1 s and 60 MiB with its default dictionary",
    "opencc": "about 1 MiB of dictionaries",
    "tinydb": "0.3 MiB",
    "filelock": "1.3 MiB with hashlib",
    "importlib.metadata": "15 ms and 1.5 MiB with the email package",
    "ipx_tui.core.search": "4 ms with its segmenter; the engine is built when / is pressed",
    "tomllib": "2 ms; the registry is read after the first frame",
    "textual_serve": "0.5 s with aiohttp and Jinja; only `ipx-tui serve` needs it",
    "aiohttp": "most of textual_serve's 0.5 s",
    "ipx_tui.core.indexing": "the import machinery: jieba and OpenCC, for `ipx-tui import`",
    "ipx_tui.core.library": "1.5 ms; read for --document, the switcher and the commands only",
    "ipx_tui.core.textfile": "decoding a file to import",
}


def test_the_browser_start_path_imports_nothing_heavy() -> None:
    code = (
        "import ipx_tui.launch, ipx_tui.tui.start, ipx_tui.tui.app, ipx_tui.tui.terminal\n"
        "import ipx_tui.tui.kiosk, ipx_tui.cli\n"
        "from ipx_tui.core.options import BrowseOptions, check\n"
        "ipx_tui.tui.start.make_app(check(BrowseOptions(goto='2.6.3')))\n"
        "ipx_tui.cli.build_parser().parse_args([])\n"
    )
    loaded = loaded_by(code, HEAVY)
    assert loaded == [], {m: HEAVY[m] for m in loaded}


def test_the_first_screen_opens_nothing_it_does_not_show() -> None:
    """Running, with the first screen up: no matrix (a DataTable), no jieba, no metadata."""
    code = (
        "import asyncio\n"
        "from ipx_tui.tui.app import IpxApp\n"
        "async def main():\n"
        "    app = IpxApp()\n"
        "    async with app.run_test(size=(100, 30)) as pilot:\n"
        "        await pilot.pause()\n"
        "asyncio.run(main())\n"
    )
    names = ("ipx_tui.tui.screens.matrix", "textual.widgets._data_table", "jieba",
             "importlib.metadata")
    assert loaded_by(code, names) == []


def test_the_cycle_collector_is_back_after_the_first_frame() -> None:
    """tui.start.browse pauses it for the start; the app must turn it on again."""
    code = (
        "import asyncio, gc\n"
        "from ipx_tui.tui.app import IpxApp\n"
        "async def main():\n"
        "    gc.disable()\n"
        "    app = IpxApp()\n"
        "    async with app.run_test(size=(100, 30)) as pilot:\n"
        "        await pilot.pause()\n"
        "        print(gc.isenabled())\n"
        "asyncio.run(main())\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=True)
    assert proc.stdout.strip() == "True"
