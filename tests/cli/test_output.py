"""--output: what `>` would do, without replacing links, devices or private modes."""

from __future__ import annotations

import csv
import io
import os
import stat
import threading
from pathlib import Path

import pytest

from ipx_tui.cli import main
from ipx_tui.core.errors import shorten
from ipx_tui.core.store import Store


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("ipx-tui: ")


def test_dash_is_standard_output(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "export", "--format", "md", "--output", "-")
    assert code == 0 and err == ""
    assert out.startswith("# 國務院關於積極推進「互聯網+」行動的指導意見\n")
    assert not (tmp_path / "-").exists()


def test_empty_output_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", "--output", "")
    assert (code, out) == (2, "")
    assert err == "ipx-tui: --output needs a file name (or - for standard output)\n"


def test_a_symlink_is_followed_and_stays_a_link(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    code, _, err = run(capsys, "export", "--format", "md", "--output", str(link))
    assert code == 2 and one_line(err) and "exists; add --force" in err
    code, _, _ = run(capsys, "export", "--format", "md", "--output", str(link), "--force")
    assert code == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("# 國務院關於")
    # a dangling link: its target is created, the link kept
    gone = tmp_path / "gone.md"
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(gone)
    assert run(capsys, "export", "--format", "md", "--output", str(dangling))[0] == 0
    assert dangling.is_symlink() and gone.read_text(encoding="utf-8").startswith("# 國務院")


def test_a_fifo_is_written_into_without_force(capsys: pytest.CaptureFixture[str],
                                              tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    code, _, err = run(capsys, "export", "--format", "csv", "--output", str(fifo))
    reader.join(timeout=30)
    assert code == 0 and err == f"wrote {fifo}\n"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a FIFO, not a file put in its place
    rows = list(csv.DictReader(io.StringIO(got[0].decode("utf-8"))))
    assert len(rows) == 65 and rows[0]["id"] == "2.1.1"


def test_dev_null_stays_a_device(capsys: pytest.CaptureFixture[str]) -> None:
    before = os.stat(os.devnull)
    assert stat.S_ISCHR(before.st_mode)
    for extra in ([], ["--force"]):
        code, _, _ = run(capsys, "export", "--output", os.devnull, *extra)
        assert code == 0
        after = os.stat(os.devnull)
        assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
        assert after.st_ino == before.st_ino


def test_a_private_file_keeps_its_mode(capsys: pytest.CaptureFixture[str],
                                       tmp_path: Path) -> None:
    target = tmp_path / "mine.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o600)
    assert run(capsys, "export", "--output", str(target), "--force")[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("{\n  \"document\"")
    target.chmod(0o640)
    assert run(capsys, "export", "--output", str(target), "--force")[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_bookmark_export_is_0600_and_a_new_export_follows_the_umask(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    Store.open_default().add_bookmark("2.6.3", "私事")
    old = os.umask(0o022)
    try:
        marks, table = tmp_path / "marks.md", tmp_path / "fg.csv"
        assert run(capsys, "bookmarks", "export", "--output", str(marks))[0] == 0
        assert run(capsys, "export", "--format", "csv", "--output", str(table))[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(marks.stat().st_mode) == 0o600
    assert stat.S_IMODE(table.stat().st_mode) == 0o644
    assert "> 備註：私事" in marks.read_text(encoding="utf-8")


def test_a_directory_that_refuses_new_files_is_written_in_place(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # As root the permission bits would not stop us, so the refusal is what the kernel says
    # to a user who may write the file but not its directory: EACCES on creating the temp.
    target = tmp_path / "shared.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o664)
    inode = target.stat().st_ino
    real_open = os.open

    def refusing(path: str | os.PathLike[str], flags: int, *args: int, **kw: int) -> int:
        if flags & os.O_CREAT and Path(path).name.endswith(".tmp"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(os, "open", refusing)
    code, _, err = run(capsys, "export", "--format", "md", "--output", str(target), "--force")
    assert code == 0, err
    assert target.stat().st_ino == inode  # the same file, written through
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert target.read_text(encoding="utf-8").startswith("# 國務院關於")
    assert [p.name for p in tmp_path.iterdir()] == ["shared.md"]


def test_a_hard_linked_file_is_written_in_place(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    target, other = tmp_path / "a.md", tmp_path / "b.md"
    target.write_text("old", encoding="utf-8")
    os.link(target, other)
    assert run(capsys, "export", "--format", "md", "--output", str(target), "--force")[0] == 0
    assert other.read_text(encoding="utf-8").startswith("# 國務院關於")


@pytest.mark.parametrize(("where", "expected"), [
    ("{tmp}", "{path} is a directory"),
    ("{tmp}/no/x.json", "no such directory: {parent}"),
    ("{tmp}/file.txt/x.json", "cannot write {path}: Not a directory"),
])
def test_every_failure_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str],
                                              tmp_path: Path, where: str,
                                              expected: str) -> None:
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    path = where.format(tmp=tmp_path)
    code, out, err = run(capsys, "export", "--output", path, "--force")
    assert (code, out) == (2, "")
    shown = expected.format(path=shorten(path), parent=shorten(str(Path(path).parent)))
    assert one_line(err) and err == f"ipx-tui: {shown}\n"
