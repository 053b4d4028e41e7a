"""`ipx-tui serve` from the command line: its options and its refusals (the page itself is
tested in a real browser, tests/e2e/test_web.py)."""

from __future__ import annotations

import re
import socket
import sys

import pytest

from ipx_tui.cli import main
from ipx_tui.cli.serve import TEMPLATES, default_public_url, session_argv


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_each_tab_runs_this_python_in_kiosk_mode() -> None:
    assert session_argv() == [sys.executable, "-m", "ipx_tui", "--kiosk"]


def test_the_address_printed_by_default() -> None:
    assert default_public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert default_public_url("::1", 8080) == "http://[::1]:8080"
    assert default_public_url("localhost", 9000) == "http://localhost:9000"


def test_the_pages_load_only_from_this_server() -> None:
    """Every address in the pages is the server's own static folder, or inline data."""
    for name in ("app_index.html", "full.html"):
        page = (TEMPLATES / name).read_text(encoding="utf-8")
        page = re.sub(r"\{#.*?#\}", "", page, flags=re.S)  # Jinja comments are not sent
        addresses = re.findall(r'(?:src|href)="([^"]*)"|url\("([^"]*)"\)', page)
        for address in (a or b for a, b in addresses):
            assert address.startswith(("{{ static_url }}", "data:")), (name, address)
        assert not re.search(r"https?:|//[\w.]", page), name  # no address written out
    index = (TEMPLATES / "app_index.html").read_text(encoding="utf-8")
    assert '"{{ static_url }}js/textual.js"' in index  # the addresses test can fail


def test_a_public_url_must_be_a_web_address(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "serve", "--public-url", "ipx.example.org")
    assert code == 2 and out == ""
    assert err == ("ipx-tui: --public-url must start with http:// or https://, "
                   "not 'ipx.example.org'\n")


@pytest.mark.parametrize("option", ["--port", "--max-sessions"])
def test_numbers_are_whole_and_from_one(capsys: pytest.CaptureFixture[str],
                                        option: str) -> None:
    code, _, err = run(capsys, "serve", option, "0")
    assert code == 2
    assert err.startswith(f"ipx-tui: argument {option}: must be a whole number from 1")


def test_a_taken_port_is_one_line_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = run(capsys, "serve", "--port", str(port))
    assert code == 2
    assert err.startswith(f"ipx-tui: cannot listen on 127.0.0.1:{port}: ")
    assert "Traceback" not in err and len(err.splitlines()) == 1
