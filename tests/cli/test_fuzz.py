"""Random bytes as arguments to every subcommand: an exit status of 0, 1 or 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).parents[2]

COMMANDS = {
    "outline": [], "show": ["ID"], "agencies": [], "tasks": [], "export": [],
    "search": ["WORD"], "bookmarks list": [], "bookmarks add": ["ID"],
    "bookmarks remove": ["ID"], "bookmarks export": [], "locate": [],
}
"""Each subcommand with its positional arguments."""
OPTIONS = ["--json", "--csv", "--simplified", "--traditional", "--agency", "--role", "--format",
           "--output", "--force", "--note", "--note-file", "--limit", "--bom"]
VALUES = [b"2.6.3", b"1", "二（六）3".encode(), "二（六）3".encode("gbk"), "科技部".encode("gbk"),
          b"lead", b"xlsx", b"csv", b"md", b"json", b"-", b""]
# No NUL (argv cannot hold one) and no "/", so --output can only name a file in the
# throwaway working directory.
WORD = st.binary(max_size=12).filter(lambda b: b"\0" not in b and b"/" not in b)
VALUE = st.one_of(st.sampled_from(VALUES), WORD)
OPTION = st.tuples(st.sampled_from(OPTIONS), VALUE, st.booleans()).map(
    lambda t: [t[0].encode(), t[1]] if t[2] else [t[0].encode()])


@st.composite
def command_lines(draw: st.DrawFn) -> list[bytes]:
    """A subcommand, a value for each of its positionals, and options with or without one."""
    name = draw(st.sampled_from(sorted(COMMANDS)))
    words = [w.encode() for w in name.split()]
    words += [draw(VALUE) for _ in COMMANDS[name]]
    for option in draw(st.lists(OPTION, max_size=4)):
        words += option
    return words


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=command_lines())
# the cases the issue found, always tried first: a traceback each before
@example(words=[b"bookmarks", b"add", b"2.6.3", b"--note", b"\xff\xfe"])
@example(words=[b"bookmarks", b"add", b"2.6.3", b"--note", "看病".encode("gbk")])
@example(words=[b"search", "物联网".encode("gbk")])
@example(words=[b"export", b"--output", b""])
def test_random_arguments_never_crash(tmp_path: Path, words: list[bytes]) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env["LANG"] = "C.UTF-8"
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run([sys.executable, "-m", "ipx_tui", *words], capture_output=True,
                          stdin=subprocess.DEVNULL, cwd=tmp_path, env=env, timeout=60)
    assert proc.returncode in (0, 1, 2), (words, proc.stderr)
    assert b"Traceback" not in proc.stderr, (words, proc.stderr)
    if proc.returncode == 2:
        assert proc.stderr.endswith(b"\n") and b"ipx-tui: " in proc.stderr
