"""The bookmark and settings store: its API, files, recovery from bad files, and failing disks."""

from __future__ import annotations

import builtins
import errno
import json
import os
import re
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ipx_tui.core import locations, store
from ipx_tui.core.store import SCHEMA, Bookmark, Store, StoreError


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "store.json"


def ids(s: Store) -> list[str]:
    return [b.node_id for b in s.bookmarks()]


# --- the API -------------------------------------------------------------------------------


def test_a_new_store_is_empty_and_writes_nothing_until_asked(path: Path) -> None:
    s = Store(path)
    assert s.bookmarks() == []
    assert s.get_bookmark("2.6.3") is None
    assert s.get_setting("script", "traditional") == "traditional"
    assert s.remove_bookmark("2.6.3") is None
    assert not path.parent.exists()
    assert s.warnings == []


def test_add_get_update_remove(path: Path) -> None:
    s = Store(path)
    first = s.add_bookmark("2.6.3", "要緊的一條")
    assert (first.node_id, first.note) == ("2.6.3", "要緊的一條")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", first.created)
    s.add_bookmark("1")
    assert ids(s) == ["2.6.3", "1"]
    again = s.add_bookmark("2.6.3", "改過的")
    assert again == Bookmark("2.6.3", "改過的", first.created)  # the date stays the first one
    assert s.get_bookmark("2.6.3") == again
    assert ids(s) == ["2.6.3", "1"]
    assert s.remove_bookmark("2.6.3") == again
    assert ids(s) == ["1"]
    assert s.remove_bookmark("2.6.3") is None


def test_restore_puts_a_removed_bookmark_back_in_its_place(path: Path) -> None:
    s = Store(path)
    for node_id, created in (("1", "2024-01-01T10:00:00+08:00"), ("2", "2024-01-02T10:00:00+08:00"),
                             ("3", "2024-01-03T10:00:00+08:00")):
        s.restore_bookmark(Bookmark(node_id, f"note {node_id}", created))
    removed = s.remove_bookmark("2")
    assert removed == Bookmark("2", "note 2", "2024-01-02T10:00:00+08:00")
    assert ids(s) == ["1", "3"]
    s.restore_bookmark(removed)
    assert s.bookmarks()[1] == removed


def test_notes_are_one_trimmed_line_and_not_too_long(path: Path) -> None:
    s = Store(path)
    assert s.add_bookmark("1", "  第一行\n第二行\t完  ").note == "第一行 第二行 完"
    with pytest.raises(StoreError, match="too long"):
        s.add_bookmark("1", "長" * (store.MAX_NOTE + 1))
    with pytest.raises(StoreError, match="node id"):
        s.add_bookmark("  ")
    assert s.get_bookmark("1") is not None and s.get_bookmark("1").note == "第一行 第二行 完"  # type: ignore[union-attr]


def test_settings_round_trip_and_fall_back_to_the_default(path: Path) -> None:
    s = Store(path)
    s.set_setting("script", "simplified")
    s.set_setting("last_node", "2.6.3")
    s.set_setting("agency", None)
    s.set_setting("agency", "工業和信息化部")
    fresh = Store(path)
    assert fresh.get_setting("script", "traditional") == "simplified"
    assert fresh.get_setting("last_node", "front") == "2.6.3"
    assert fresh.get_setting("agency", None) == "工業和信息化部"
    assert fresh.get_setting("missing", 7) == 7
    assert fresh.get_setting("script", 7) == 7  # stored a str, asked for an int: the default
    assert fresh.get_setting("script", True) is True
    with pytest.raises(TypeError):
        s.set_setting("bad", object())


def test_an_unchanged_setting_is_not_rewritten(path: Path) -> None:
    s = Store(path)
    s.set_setting("script", "simplified")
    before = path.stat().st_ino
    s.set_setting("script", "simplified")
    s.add_bookmark("1", "x")
    middle = path.stat().st_ino
    s.add_bookmark("1", "x")
    assert before != middle  # a real change replaces the file...
    assert path.stat().st_ino == middle  # ...an unchanged one does not


def test_another_session_s_changes_are_seen_at_once(path: Path) -> None:
    mine, theirs = Store(path), Store(path)
    assert mine.bookmarks() == []
    theirs.add_bookmark("2.1", "from the other session")
    assert ids(mine) == ["2.1"]
    mine.add_bookmark("2.2")
    assert ids(theirs) == ["2.1", "2.2"]
    theirs.remove_bookmark("2.1")
    assert ids(mine) == ["2.2"]
    theirs.set_setting("script", "simplified")
    assert mine.get_setting("script", "traditional") == "simplified"


# --- the file ------------------------------------------------------------------------------


def test_the_file_is_readable_utf8_with_a_schema_and_private_modes(path: Path) -> None:
    s = Store(path)
    s.add_bookmark("2.6.3", "要緊")
    s.set_setting("script", "simplified")
    raw = path.read_bytes()
    assert "要緊".encode() in raw  # ensure_ascii=False: the Chinese is left readable
    data = json.loads(raw.decode("utf-8"))
    assert data["meta"] == {"1": {"schema": SCHEMA}}
    assert list(data["bookmarks"].values()) == [
        {"id": "2.6.3", "note": "要緊", "created": s.bookmarks()[0].created}]
    assert list(data["settings"].values()) == [{"key": "script", "value": "simplified"}]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir() if p.name != "store.json.lock"] == ["store.json"]


def test_the_directory_is_0700_whatever_the_umask(path: Path) -> None:
    old = os.umask(0o000)
    try:
        Store(path).add_bookmark("1")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_open_default_uses_the_data_dir_override(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPX_TUI_DATA_DIR", str(tmp_path / "elsewhere"))
    s = Store.open_default()
    assert s.path == tmp_path / "elsewhere" / "store.json" == locations.store_path()
    s.add_bookmark("1")
    assert (tmp_path / "elsewhere" / "store.json").is_file()


def test_leftovers_of_a_killed_writer_are_cleared_by_the_next_write(path: Path) -> None:
    s = Store(path)
    s.add_bookmark("1")
    leftover = path.with_name(".store.json.k1ll3d.tmp")
    leftover.write_text('{"half', encoding="utf-8")
    s.add_bookmark("2")
    assert not leftover.exists()
    assert ids(s) == ["1", "2"]


def test_a_writer_holding_the_lock_makes_a_clear_busy_error(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import fcntl

    monkeypatch.setattr(store, "LOCK_TIMEOUT", 0.2)
    s = Store(path)
    s.add_bookmark("1")
    fd = os.open(locations.lock_path(path), os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        other = Store(path)
        with pytest.raises(StoreError, match="busy"):
            other.add_bookmark("2")
        assert ids(other) == ["1"]  # reading needs no lock
    finally:
        os.close(fd)
    other.add_bookmark("2")
    assert ids(s) == ["1", "2"]


def test_reading_imports_neither_tinydb_nor_filelock(path: Path) -> None:
    Store(path).add_bookmark("1", "x")
    code = ("import sys; from pathlib import Path; from ipx_tui.core.store import Store; "
            f"s = Store(Path({str(path)!r})); "
            "assert [b.node_id for b in s.bookmarks()] == ['1']; "
            "assert s.get_setting('script', 'traditional') == 'traditional'; "
            "print(sorted(m for m in ('tinydb', 'filelock', 'platformdirs') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- kiosk: memory only --------------------------------------------------------------------


def test_kiosk_store_keeps_everything_in_memory_and_never_touches_disk() -> None:
    import tinydb  # noqa: F401 — imported now so its own files are not counted below

    touched: list[str] = []

    def spy(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            touched.append(f"{name}{args[:1]}")
            return real(*args, **kwargs)
        return wrapper

    # A context of its own: undoing the test's monkeypatch would undo conftest's data dir too.
    with pytest.MonkeyPatch.context() as spying:
        for module, name in ((os, "open"), (os, "replace"), (os, "rename"), (os, "mkdir"),
                             (os, "makedirs"), (os, "fsync"), (os, "stat"), (builtins, "open"),
                             (tempfile, "mkstemp")):
            spying.setattr(module, name, spy(name, getattr(module, name)))
        kiosk = Store.open_default(kiosk=True)
        assert kiosk.in_memory and kiosk.path is None
        kiosk.add_bookmark("2.6.3", "只在記憶體")
        kiosk.add_bookmark("1")
        kiosk.set_setting("script", "simplified")
        kiosk.remove_bookmark("1")
        assert kiosk.get_setting("script", "traditional") == "simplified"
        assert [(b.node_id, b.note) for b in kiosk.bookmarks()] == [("2.6.3", "只在記憶體")]
    assert touched == []
    assert not locations.data_dir().exists()
    assert kiosk.warnings == []


def test_the_kiosk_environment_variable_also_means_memory_only(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPX_TUI_KIOSK", "1")
    s = Store.open_default()
    s.add_bookmark("1")
    assert s.in_memory and ids(s) == ["1"]
    assert not locations.data_dir().exists()


# --- bad files are kept, the reader is told, and the store carries on empty ---------------

GOOD = ('{"meta": {"1": {"schema": 1}}, "bookmarks": {"1": {"id": "2.6.3", "note": "要緊", '
        '"created": "2024-05-01T09:00:00+08:00"}}, "settings": {}}').encode()

BAD_FILES = {
    "truncated JSON": GOOD[: len(GOOD) // 2],
    "binary garbage": bytes(range(256)) * 4,
    "JSON of the wrong shape (a list)": b'[{"id": "2.6.3"}]',
    "JSON of the wrong shape (no schema)": b'{"bookmarks": {"1": {"id": "1"}}}',
    "JSON of the wrong shape (schema 0)": b'{"meta": {"1": {"schema": 0}}}',
    "JSON of the wrong shape (a bad bookmark)":
        b'{"meta": {"1": {"schema": 1}}, "bookmarks": {"1": {"id": 5, "note": "", "created": ""}}}',
    "an empty file": b"",
    "only whitespace": b" \n\n",
}


@pytest.mark.parametrize("content", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_moved_aside_and_kept(path: Path, content: bytes) -> None:
    path.parent.mkdir(mode=0o700)
    path.write_bytes(content)
    s = Store(path)
    assert s.bookmarks() == []
    [aside] = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert re.fullmatch(r"store\.json\.corrupt-\d{8}-\d{6}", aside.name)
    assert aside.read_bytes() == content
    assert not path.exists()
    [warning] = s.warnings
    assert str(aside) in warning and "empty store" in warning
    # The store carries on: a new file, without touching the kept one.
    s.add_bookmark("1", "新的")
    assert ids(Store(path)) == ["1"]
    assert aside.read_bytes() == content


def test_a_bad_file_found_on_a_write_is_moved_aside_too(path: Path) -> None:
    path.parent.mkdir(mode=0o700)
    path.write_bytes(b"{not json")
    s = Store(path)
    s.set_setting("script", "simplified")
    [aside] = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert aside.read_bytes() == b"{not json"
    assert Store(path).get_setting("script", "traditional") == "simplified"
    assert str(aside) in s.warnings[0]


def test_a_second_bad_file_never_replaces_the_first_one_kept(path: Path) -> None:
    path.parent.mkdir(mode=0o700)
    kept = []
    for content in (b"first", b"second", b"third"):
        path.write_bytes(content)
        assert Store(path).bookmarks() == []
        kept.append(content)
    asides = sorted(p.read_bytes() for p in path.parent.iterdir() if ".corrupt-" in p.name)
    assert asides == sorted(kept)


def test_a_file_that_is_a_directory_is_moved_aside(path: Path) -> None:
    (path / "inside").mkdir(parents=True)
    s = Store(path)
    assert s.bookmarks() == []
    assert "cannot be read" in s.warnings[0]
    s.add_bookmark("1")
    assert ids(s) == ["1"]


def test_a_newer_schema_is_read_but_never_rewritten(path: Path) -> None:
    path.parent.mkdir(mode=0o700)
    newer = {"meta": {"1": {"schema": SCHEMA + 1}},
             "bookmarks": {"1": {"id": "2.6.3", "note": "新版", "created": "2030-01-01T00:00:00+08:00",
                                 "colour": "red"},
                           "2": {"node": "3.1", "what": "a shape we do not know"}},
             "settings": {"1": {"key": "script", "value": "simplified"}}}
    path.write_text(json.dumps(newer), encoding="utf-8")
    before = path.read_bytes()
    s = Store(path)
    assert [(b.node_id, b.note) for b in s.bookmarks()] == [("2.6.3", "新版")]
    assert s.get_setting("script", "traditional") == "simplified"
    assert "newer ipx-tui" in s.warnings[0]
    with pytest.raises(StoreError, match="newer ipx-tui"):
        s.add_bookmark("1")
    with pytest.raises(StoreError, match="newer ipx-tui"):
        s.set_setting("script", "traditional")
    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if ".corrupt-" in p.name]


# --- a directory that cannot be written: reads go on, writes say why ---------------------


def test_a_data_dir_under_a_file_gives_a_clear_error_and_reading_works(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    s = Store(blocker / "data" / "store.json")
    assert s.bookmarks() == [] and s.get_setting("script", "traditional") == "traditional"
    with pytest.raises(StoreError) as caught:
        s.add_bookmark("1", "x")
    assert str(caught.value) == (f"cannot create the data directory {blocker / 'data'}: "
                                 "Not a directory")
    with pytest.raises(StoreError, match="Not a directory"):
        s.set_setting("script", "simplified")
    assert s.remove_bookmark("1") is None  # nothing to remove: nothing to fail
    assert blocker.read_text(encoding="utf-8") == "not a directory"


def _mount_tmpfs(where: Path, options: str) -> None:
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()}); "
                    "the monkeypatched tests below cover the same paths")


def _umount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def test_a_read_only_file_system_gives_a_clear_error_and_reading_works(tmp_path: Path) -> None:
    mount = tmp_path / "ro"
    _mount_tmpfs(mount, "size=1m,mode=0700")
    try:
        path = mount / "store.json"
        Store(path).add_bookmark("2.6.3", "在唯讀之前")
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        s = Store(path)
        assert [(b.node_id, b.note) for b in s.bookmarks()] == [("2.6.3", "在唯讀之前")]
        with pytest.raises(StoreError) as caught:
            s.add_bookmark("1", "x")
        assert str(caught.value) == (f"cannot save to {mount}: Read-only file system "
                                     "(nothing was changed)")
        with pytest.raises(StoreError, match="Read-only file system"):
            s.remove_bookmark("2.6.3")
        assert ids(s) == ["2.6.3"] and s.warnings == []
    finally:
        _umount(mount)


def test_a_full_disk_gives_a_clear_error_and_loses_nothing(tmp_path: Path) -> None:
    mount = tmp_path / "full"
    _mount_tmpfs(mount, "size=64k")
    try:
        path = mount / "store.json"
        s = Store(path)
        s.add_bookmark("2.6.3", "在滿之前")
        before = path.read_bytes()
        with (mount / "filler").open("wb", buffering=0) as filler:
            with pytest.raises(OSError) as full:
                while True:
                    filler.write(b"\0" * 4096)
            assert full.value.errno == errno.ENOSPC
        with pytest.raises(StoreError) as caught:
            s.add_bookmark("1", "長" * 900)
        assert str(caught.value) == (f"cannot save to {mount}: No space left on device "
                                     "(nothing was changed)")
        assert path.read_bytes() == before
        assert sorted(p.name for p in mount.iterdir()) == ["filler", "store.json",
                                                            "store.json.lock"]
        (mount / "filler").unlink()
        s.add_bookmark("1", "有空間了")
        assert ids(s) == ["2.6.3", "1"]
    finally:
        _umount(mount)


def _fail_with(code: int) -> Callable[..., Any]:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise OSError(code, os.strerror(code))
    return fail


@pytest.mark.parametrize(("target", "code"), [("fsync", errno.ENOSPC), ("write", errno.ENOSPC),
                                               ("replace", errno.EROFS), ("mkstemp", errno.EROFS),
                                               ("fsync", errno.EIO)])
def test_failing_writes_raise_store_error_and_keep_the_old_file(
        path: Path, target: str, code: int) -> None:
    s = Store(path)
    s.add_bookmark("2.6.3", "舊的")
    s.set_setting("script", "simplified")
    before = path.read_bytes()
    module: Any = tempfile if target == "mkstemp" else os
    with pytest.MonkeyPatch.context() as failing:
        failing.setattr(module, target, _fail_with(code))
        with pytest.raises(StoreError) as caught:
            s.add_bookmark("1")
        assert str(caught.value) == (f"cannot save to {path.parent}: {os.strerror(code)} "
                                     "(nothing was changed)")
        with pytest.raises(StoreError):
            s.set_setting("script", "traditional")
        # Reading still works while writing cannot (the app keeps browsing).
        assert ids(s) == ["2.6.3"]
        assert s.get_setting("script", "traditional") == "simplified"
    assert path.read_bytes() == before
    assert not list(path.parent.glob(".store.json.*.tmp"))


def test_an_unreadable_file_that_cannot_be_moved_is_never_overwritten(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path.parent.mkdir(mode=0o700)
    path.write_bytes(b"\xff\xfe garbage")
    monkeypatch.setattr(os, "rename", _fail_with(errno.EROFS))
    s = Store(path)
    assert s.bookmarks() == []
    assert "could not be moved aside: Read-only file system" in s.warnings[0]
    with pytest.raises(StoreError, match="cannot be read"):
        s.add_bookmark("1")
    assert path.read_bytes() == b"\xff\xfe garbage"
