"""Random bytes as arguments to every subcommand: an exit status of 0, 1 or 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).parents[2]

COMMANDS = [["outline"], ["show"], ["agencies"], ["tasks"], ["export"], ["search"],
            ["bookmarks", "list"], ["bookmarks", "add"], ["bookmarks", "remove"],
            ["bookmarks", "export"], ["locate"]]
OPTIONS = [b"--json", b"--csv", b"--simplified", b"--traditional", b"--agency", b"--role",
           b"--format", b"--output", b"--force", b"--note", b"--note-file", b"--limit", b"--bom",
           b"lead", b"xlsx", b"csv", b"md", b"2.6.3", b"-"]
# No NUL (argv cannot hold one) and no "/", so --output can only name a file in the
# throwaway working directory.
WORD = st.binary(max_size=12).filter(lambda b: b"\0" not in b and b"/" not in b)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(COMMANDS),
       words=st.lists(st.one_of(st.sampled_from(OPTIONS), WORD), max_size=6))
def test_random_arguments_never_crash(tmp_path: Path, command: list[str],
                                      words: list[bytes]) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env["LANG"] = "C.UTF-8"
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run([sys.executable, "-m", "ipx_tui", *command, *words],
                          capture_output=True, stdin=subprocess.DEVNULL, cwd=tmp_path, env=env,
                          timeout=60)
    assert proc.returncode in (0, 1, 2), (command, words, proc.stderr)
    assert b"Traceback" not in proc.stderr, (command, words, proc.stderr)
    if proc.returncode == 2:
        assert proc.stderr.count(b"\n") >= 1 and b"ipx-tui: " in proc.stderr
