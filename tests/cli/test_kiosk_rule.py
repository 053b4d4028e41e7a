"""One kiosk rule for every way in: with --kiosk (or a web tab's environment) every command
that would write a file refuses with one line and exit status 2; the rest work. And the
kiosk's process ignores ctrl+\\ and ctrl+z and writes no core file, from its first line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ipx_tui.cli import main
from ipx_tui.core import kiosk, locations

DOCUMENT = str(Path(__file__).resolve().parents[2] / "content" / "document.txt")
"""A document an import would take (a copy of the shipped one)."""
WRITERS = [
    ("export", "--output", "{out}"),
    ("export", "--format", "xlsx", "--output", "{out}.xlsx"),
    ("export", "--format", "csv", "--output", "{out}", "--force"),
    ("bookmarks", "add", "2.6.3"),
    ("bookmarks", "add", "2.6.3", "--note", "x"),
    ("bookmarks", "remove", "2.6.3"),
    ("bookmarks", "export", "--output", "{out}"),
    ("import", "{document}"),
    ("documents", "remove", "2015-40"),
]
READERS = [
    ("outline",), ("show", "2.6.3"), ("agencies",), ("tasks", "--agency", "科技部"),
    ("search", "物联网"), ("export",), ("export", "--output", "-"), ("bookmarks", "list"),
    ("bookmarks", "export"), ("locate",), ("read", "2.6.3"), ("read",), ("documents",),
    ("info",), ("cite", "2.6.3"),
]


@pytest.fixture
def in_kiosk(monkeypatch: pytest.MonkeyPatch) -> None:
    """kiosk.enter() changes the process: give back what it changed after the test."""
    monkeypatch.setenv(kiosk.ENV, "")
    monkeypatch.setattr(sys, "dont_write_bytecode", sys.dont_write_bytecode)


@pytest.mark.parametrize("how", ["flag", "environment"])
@pytest.mark.parametrize("words", WRITERS, ids=" ".join)
def test_every_writing_command_refuses_in_one_line(
        words: tuple[str, ...], how: str, in_kiosk: None, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    args = [w.format(out=out, document=DOCUMENT) for w in words]
    if how == "flag":
        args = ["--kiosk", *args]
    else:
        monkeypatch.setenv(kiosk.ENV, "1")  # what `ipx-tui serve` gives each tab
    code = main(args)
    stdout, stderr = capsys.readouterr()
    assert code == 2
    assert stdout == ""
    assert stderr.endswith(f"{kiosk.REFUSED}\n") or stderr.endswith("in kiosk mode\n"), stderr
    assert stderr.count("\n") == 1 and stderr.startswith("ipx-tui: ")
    assert list(tmp_path.iterdir()) == []
    assert not locations.data_dir().exists()


@pytest.mark.parametrize("words", READERS, ids=" ".join)
def test_every_other_command_works(words: tuple[str, ...], in_kiosk: None,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--kiosk", *words])
    stdout, stderr = capsys.readouterr()
    assert code == 0, stderr
    assert kiosk.REFUSED not in stderr and (stdout + stderr).strip()
    assert not locations.data_dir().exists()


@pytest.mark.parametrize("raw", ["x", "-1", "nan", "inf", "10081", "1e9", ""])
def test_a_bad_idle_timeout_is_one_line(raw: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--idle-timeout", raw]) == 2
    _, stderr = capsys.readouterr()
    assert stderr == (f"ipx-tui: argument --idle-timeout: must be minutes from 0 (never) to "
                      f"10080, not {raw!r} (see `ipx-tui --help`)\n")


def test_the_idle_timeout_is_30_minutes_in_a_kiosk_and_never_elsewhere(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(kiosk.ENV, raising=False)
    assert kiosk.idle_minutes(None) is None
    assert kiosk.idle_minutes(5) == 5
    monkeypatch.setenv(kiosk.ENV, "1")
    assert kiosk.idle_minutes(None) == 30
    assert kiosk.idle_minutes(0.5) == 0.5
    assert kiosk.idle_minutes(0) is None  # 0: never


@pytest.mark.parametrize("flag", ["--kiosk", "--kio", "--k"])
def test_the_kiosk_ignores_quit_and_stop_signals_and_dumps_no_core(flag: str) -> None:
    """In a process of its own: the launcher's first line hardens it (argparse would take
    any prefix of --kiosk, so they count too)."""
    code = (
        "import os, resource, signal\n"
        "from ipx_tui.launch import main\n"
        f"rc = main([{flag!r}, 'show', '1'])\n"
        "os.kill(os.getpid(), signal.SIGQUIT)\n"
        "os.kill(os.getpid(), signal.SIGTSTP)\n"
        "print('alive', rc, resource.getrlimit(resource.RLIMIT_CORE))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "alive 0 (0, 0)"


def test_without_the_kiosk_the_signals_are_left_alone() -> None:
    """The same program, not a kiosk: SIGQUIT still ends it (so the test above can fail)."""
    code = (
        "import os, resource, signal\n"
        "resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core file from this test\n"
        "from ipx_tui.launch import main\n"
        "main(['show', '1'])\n"
        "os.kill(os.getpid(), signal.SIGQUIT)\n"
        "print('alive')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == -3 and "alive" not in done.stdout
