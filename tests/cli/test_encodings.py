"""Arguments as the terminal sent them: UTF-8, GBK from a Chinese Windows SSH client, or junk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ipx_tui.console import NOT_UTF8, legacy_charset, locale_name
from ipx_tui.core.errors import UserError
from ipx_tui.core.options import StartPlan

ROOT = Path(__file__).parents[2]
GB_NOTICE = b"ipx-tui: arguments are not UTF-8: read as GB18030 (GBK); set the terminal to UTF-8\n"


def gbk(text: str) -> bytes:
    return text.encode("gbk")


def ipx(*args: bytes | str, lang: str = "C.UTF-8", stdin: bytes | None = None,
        ) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env["LANG"] = lang
    return subprocess.run([sys.executable, "-m", "ipx_tui", *args], capture_output=True,
                          env=env, cwd=ROOT, timeout=60, input=stdin)


def test_a_gbk_note_is_read_as_gb18030_and_stored_as_text() -> None:
    proc = ipx("bookmarks", "add", "2.6.3", "--note", gbk("看病要緊"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == GB_NOTICE + (
        "bookmarked 2.6.3 3.推廣在線醫療衛生新模式  — 看病要緊\n".encode())
    listed = ipx("bookmarks", "list", "--json")
    assert [(r["id"], r["note"]) for r in json.loads(listed.stdout)] == [("2.6.3", "看病要緊")]


def test_a_gbk_search_finds_what_utf8_finds() -> None:
    typed = ipx("search", gbk("物联网"), "--limit", "3")
    utf8 = ipx("search", "物联网", "--limit", "3")
    assert typed.returncode == 0 and typed.stderr == GB_NOTICE
    assert typed.stdout == utf8.stdout
    assert typed.stdout.decode().startswith("物联网: ")


def test_a_gbk_agency_is_found() -> None:
    proc = ipx("tasks", "--agency", gbk("科技部"))
    assert proc.returncode == 0 and proc.stderr == GB_NOTICE
    assert proc.stdout.startswith("科技部（科學技術部）· 24 項任務 · 牽頭 6\n".encode())


@pytest.mark.parametrize("args", [
    ("bookmarks", "add", "2.6.3", "--note", b"\xff\xfe\xfd"),
    ("search", b"\x80"),
    ("tasks", "--agency", b"\xc0\xff"),
    ("show", b"2.6.3\xff"),
])
def test_bytes_that_are_neither_exit_2_with_one_line(args: tuple[bytes | str, ...]) -> None:
    proc = ipx(*args)
    assert proc.returncode == 2
    assert proc.stderr == f"ipx-tui: {NOT_UTF8}\n".encode()
    assert proc.stdout == b""
    assert json.loads(ipx("bookmarks", "list", "--json").stdout) == []


def test_note_file_in_gbk_and_from_stdin(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes(gbk("第一行\r\n看病要緊") + b"\r\n")
    proc = ipx("bookmarks", "add", "3.2.3", "--note-file", str(note))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.startswith(b"ipx-tui: --note-file is not UTF-8: read as GB18030 (GBK)\n")
    proc = ipx("bookmarks", "add", "2.6.3", "--note-file", "-", stdin="從標準輸入\n".encode())
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(ipx("bookmarks", "list", "--json").stdout)
    # the store keeps a note on one line (its rule): CR LF become spaces
    assert [(r["id"], r["note"]) for r in rows] == [("3.2.3", "第一行  看病要緊"),
                                                    ("2.6.3", "從標準輸入")]
    (tmp_path / "junk").write_bytes(b"\xff\xff")
    proc = ipx("bookmarks", "add", "1", "--note-file", str(tmp_path / "junk"))
    assert (proc.returncode, proc.stderr) == (
        2, b"ipx-tui: --note-file is not UTF-8 (nor GB18030)\n")
    proc = ipx("bookmarks", "add", "1", "--note-file", str(tmp_path / "none"))
    assert proc.returncode == 2 and proc.stderr.endswith(b": No such file or directory\n")
    proc = ipx("bookmarks", "add", "1", "--note", "x", "--note-file", str(note))
    assert proc.returncode == 2 and b"not allowed with argument" in proc.stderr


def test_under_a_gbk_locale_the_commands_print_gbk_and_read_gbk_silently() -> None:
    proc = ipx("show", "3.2.3", lang="zh_CN.GBK")
    assert proc.returncode == 0
    assert proc.stdout.decode("gbk").splitlines()[:2] == ["3.2.3  強化知識產權戰略",
                                                         "三、保障支撐 > （二）強化創新驅動"]
    proc = ipx("tasks", "--agency", gbk("科技部"), lang="zh_CN.GBK")
    assert proc.returncode == 0 and proc.stderr == b""  # the locale said GBK: nothing to tell
    assert proc.stdout.decode("gbk").startswith("科技部（科學技術部）· 24 項任務 · 牽頭 6\n")
    proc = ipx("show", "3.2.3", "--simplified", lang="zh_CN.GB18030")
    assert proc.stdout.decode("gb18030").startswith("3.2.3  强化知识产权战略\n")
    proc = ipx("show", "3.2.3", lang="zh_TW.Big5")
    assert proc.stdout.decode("big5").startswith("3.2.3  強化知識產權戰略\n")


@pytest.mark.parametrize(("env", "expected"), [
    ({}, None),
    ({"LANG": "C"}, None),
    ({"LANG": "POSIX"}, None),
    ({"LANG": "C.UTF-8"}, None),
    ({"LANG": "zh_CN.UTF-8"}, None),
    ({"LANG": "zh_CN.GBK"}, "gbk"),
    ({"LANG": "zh_CN.gb2312"}, "gb2312"),
    ({"LANG": "zh_CN.GB18030"}, "gb18030"),
    ({"LANG": "zh_TW.Big5"}, "big5"),
    ({"LANG": "zh_HK.big5hkscs@stroke"}, "big5hkscs"),
    ({"LANG": "zh_CN.GBK", "LC_ALL": "zh_CN.UTF-8"}, None),
    ({"LANG": "en_US.UTF-8", "LC_CTYPE": "zh_CN.GBK"}, "gbk"),
    # what Python's locale coercion leaves when zh_CN.GBK is not generated on the server
    ({"LANG": "zh_CN.GBK", "LC_CTYPE": "C.UTF-8"}, "gbk"),
])
def test_the_locales_charset(env: dict[str, str], expected: str | None) -> None:
    assert legacy_charset(env) == expected
    assert locale_name({}) == ""


def test_the_browser_says_what_to_change_under_gbk(monkeypatch: pytest.MonkeyPatch) -> None:
    from ipx_tui.tui import start

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    for key in ("LC_ALL", "LC_CTYPE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.GBK")
    with pytest.raises(UserError) as info:
        start.browse(StartPlan())
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("the browser needs a UTF-8 terminal, but the locale zh_CN.GBK "
                              "says GBK: set the terminal")
    assert "LANG=zh_CN.UTF-8" in message


@pytest.mark.parametrize(("lang", "said"), [
    # the locale's language (zh_CN: 简体, zh_TW: 繁體), in the locale's charset
    ("zh_CN.GBK", "ipx-tui: 浏览器需要 UTF-8 终端，但区域设置 zh_CN.GBK 为 GBK：请把终端"
                  "（Xshell、SecureCRT：编码）设为 UTF-8，并设 LANG=zh_CN.UTF-8；命令"
                  "（`ipx-tui show 2.6.3`）在 GBK 下照常可用\r\n".encode("gbk")),
    ("zh_TW.Big5", "ipx-tui: 瀏覽器需要 UTF-8 終端機，但區域設定 zh_TW.Big5 為 BIG5：請把終端機"
                   "（Xshell、SecureCRT：編碼）設為 UTF-8，並設 LANG=zh_TW.UTF-8；指令"
                   "（`ipx-tui show 2.6.3`）在 BIG5 下照常可用\r\n".encode("big5")),
])
def test_the_browser_refusal_is_one_line_from_the_console_script(lang: str, said: bytes) -> None:
    # a pseudo-terminal, so that the refusal is the charset's and not "needs a terminal"
    import pty

    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env["LANG"] = lang
    pid, fd = pty.fork()
    if pid == 0:  # the child: run the browser on the pty
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "-m", "ipx_tui"], env)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 2
    assert out == said
    assert b"\x1b[" not in out  # no screen was drawn


def test_the_browser_names_the_utf8_locale_to_use(monkeypatch: pytest.MonkeyPatch) -> None:
    from ipx_tui.tui import start

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    for key in ("LC_ALL", "LC_CTYPE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", "zh_TW.Big5")
    with pytest.raises(UserError) as info:
        start.browse(StartPlan())
    assert "says BIG5: " in str(info.value) and "LANG=zh_TW.UTF-8;" in str(info.value)
