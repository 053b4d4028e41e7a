"""prepare_terminal(): UTF-8 output under an ASCII locale, and a TERM Rich can work with."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from rich.console import Console

from ipx_tui.tui.terminal import STAND_IN_TERM, usable_term

# The source is ASCII: under LC_ALL=C Python cannot even decode a -c argument with Chinese.
WRITE_CHINESE = (
    "import sys\n"
    "{prepare}\n"
    "sys.__stderr__.write('\\u4e92\\u806f\\u7db2+'); sys.__stderr__.flush()\n"  # as Textual
    "{stdout}"
)


def _run_ascii_locale(prepare: str, stdout: str = "") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0"}
    env.pop("PYTHONIOENCODING", None)
    code = WRITE_CHINESE.format(prepare=prepare, stdout=stdout)
    return subprocess.run([sys.executable, "-c", code],
                          capture_output=True, env=env, timeout=60, check=True)


def test_an_ascii_locale_really_turns_chinese_into_escapes() -> None:
    """The trap the next test guards against: LC_ALL=C with PYTHONUTF8=0 gives ASCII stdio."""
    proc = _run_ascii_locale("")
    assert proc.stderr == b"\\u4e92\\u806f\\u7db2+"


def test_output_is_utf8_under_an_ascii_locale() -> None:
    proc = _run_ascii_locale("from ipx_tui.tui.terminal import prepare_terminal\n"
                             "prepare_terminal({})",
                             stdout="sys.stdout.write('\\u7269\\u806f\\u7db2')\n")
    assert proc.stderr.decode("utf-8") == "互聯網+"
    assert proc.stdout.decode("utf-8") == "物聯網"


@pytest.mark.parametrize("term", ["dumb", "unknown", "DUMB"])
def test_a_dumb_term_is_replaced_so_rich_reads_the_real_size(term: str) -> None:
    env = {"TERM": term, "LANG": "C.UTF-8"}
    assert Console(force_terminal=True, _environ=env).is_dumb_terminal  # 80x25, no colour
    usable_term(env)
    assert env == {"TERM": STAND_IN_TERM, "LANG": "C.UTF-8"}
    console = Console(force_terminal=True, _environ=env)
    assert not console.is_dumb_terminal
    assert console.color_system == "standard"  # 16 colours, not Textual's 24-bit fallback


def test_colorterm_still_asks_for_more_colours() -> None:
    env = {"TERM": "dumb", "COLORTERM": "truecolor"}
    usable_term(env)
    assert Console(force_terminal=True, _environ=env).color_system == "truecolor"


@pytest.mark.parametrize("term", ["xterm-256color", "screen", "xterm", "vt100", "linux"])
def test_other_terms_are_left_alone(term: str) -> None:
    env = {"TERM": term}
    usable_term(env)
    assert env == {"TERM": term}


def test_no_term_is_left_alone() -> None:
    env: dict[str, str] = {}
    usable_term(env)
    assert env == {}
