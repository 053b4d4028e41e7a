"""The rig itself, and the command line over a real SSH login."""

from __future__ import annotations

from tests.e2e.conftest import LoginFactory


def test_cli_prints_chinese_over_ssh_even_with_an_ascii_locale(login: LoginFactory) -> None:
    shell = login(size=(100, 30))
    shell.run("LC_ALL=C PYTHONUTF8=0 ipx-tui show 2.1.1 | head -1")
    screen = shell.wait_for("2.1.1  強化創業創新支撐")
    assert "\\u" not in screen.text
