"""The interface's language: the locale's choice, --lang, and catalogues that are complete."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from ipx_tui.core import i18n
from ipx_tui.core.errors import UserError
from ipx_tui.core.i18n import Lang, _, ngettext
from ipx_tui.core.store import Store
from tests.imports import loaded_by
from tools.catalogues import messages, read

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("env", "lang"), [
    ({"LANG": "zh_CN.UTF-8"}, "zh-Hans"),
    ({"LANG": "zh_SG.UTF-8"}, "zh-Hans"),
    ({"LANG": "zh_CN.GBK"}, "zh-Hans"),
    ({"LANG": "zh_TW.UTF-8"}, "zh-Hant"),
    ({"LANG": "zh_HK.UTF-8"}, "zh-Hant"),
    ({"LANG": "zh_MO.UTF-8"}, "zh-Hant"),
    ({"LANG": "zh_TW.Big5"}, "zh-Hant"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "zh"}, "en"),  # no region: not one of the five
    ({}, "en"),
    # POSIX's order for messages: LC_ALL, then LC_MESSAGES, then LANG
    ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_TW.UTF-8"}, "zh-Hant"),
    ({"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "C"}, "en"),
    ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "en_US.UTF-8", "LC_ALL": "zh_HK.UTF-8"}, "zh-Hant"),
    ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, "en"),
    ({"LANG": "zh_CN.UTF-8", "LC_ALL": ""}, "zh-Hans"),  # empty is unset
    ({"LANG": "zh_TW.UTF-8", "LC_CTYPE": "zh_CN.UTF-8"}, "zh-Hant"),  # LC_CTYPE is the charset
])
def test_the_locale_chooses_the_language(env: dict[str, str], lang: Lang) -> None:
    assert i18n.locale_language(env) == lang


@pytest.mark.parametrize(("typed", "lang"), [
    ("zh-Hans", "zh-Hans"), ("zh-hant", "zh-Hant"), ("zh_Hant", "zh-Hant"), ("EN", "en"),
])
def test_lang_values(typed: str, lang: Lang) -> None:
    assert i18n.parse_lang(typed) == lang


def test_a_bad_lang_is_one_line_in_the_interface_s_language() -> None:
    with pytest.raises(UserError) as english:
        i18n.parse_lang("fr")
    assert str(english.value) == "--lang must be zh-Hans, zh-Hant or en, not 'fr'"
    i18n.use("zh-Hans")
    with pytest.raises(UserError) as chinese:
        i18n.parse_lang("fr")
    assert str(chinese.value) == "--lang 只能是 zh-Hans、zh-Hant 或 en，不能是 'fr'"


def test_messages_and_counts_in_each_language() -> None:
    assert ngettext("{total} node", "{total} nodes", 1).format(total=1) == "1 node"
    assert ngettext("{total} node", "{total} nodes", 11).format(total=11) == "11 nodes"
    i18n.use("zh-Hans")
    assert ngettext("{total} node", "{total} nodes", 1).format(total=1) == "1 个条目"
    assert ngettext("{total} node", "{total} nodes", 11).format(total=11) == "11 个条目"
    assert _("Quit") == "退出" and _("Bookmarks") == "书签" and _("Search") == "搜索"
    i18n.use("zh-Hant")
    assert ngettext("{total} node", "{total} nodes", 11).format(total=11) == "11 個條目"
    assert _("Help") == "說明" and _("Bookmarks") == "書籤" and _("Search") == "搜尋"
    assert _("a note (optional)") == "備註（可不填）"
    i18n.use("en")
    assert _("Quit") == "Quit"


FIELD = re.compile(r"\{[^{}]*\}")


def _translations(catalogue: Catalog) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for message in catalogue:
        if not message.id:
            continue  # the header
        key = message.id[0] if isinstance(message.id, (tuple, list)) else message.id
        strings = message.string if isinstance(message.string, (tuple, list)) else (
            message.string,)
        out[str(key)] = tuple(str(s or "") for s in strings)
    return out


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
def test_every_message_has_a_translation(lang: Lang) -> None:
    """Each _(), N_() and ngettext() of the code is translated, with the same {fields}; the
    catalogue keeps nothing the code no longer says."""
    wanted = messages()
    catalogue = read(lang)
    got = _translations(catalogue)
    assert sorted(set(wanted) - set(got)) == [], "run: python -m tools.catalogues, translate"
    assert sorted(set(got) - set(wanted)) == [], "stale: python -m tools.catalogues"
    assert [m for m, strings in got.items() if not all(s.strip() for s in strings)] == []
    assert [m.id for m in catalogue if m.id and m.fuzzy] == []
    fields = {m: (set(FIELD.findall(m)), [set(FIELD.findall(s)) for s in got[m]])
              for m in wanted}
    assert [m for m, (need, have) in fields.items() if any(h != need for h in have)] == []
    plural = [m for m, p in wanted.items() if p is not None]
    assert plural and all(len(got[m]) == 1 for m in plural)  # Chinese has one form


def test_the_remembered_language_is_read_from_the_store_s_own_file(tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    assert i18n.remembered_lang(path) is None  # no file yet
    store = Store(path)
    store.set_setting("script", "simplified")
    assert i18n.remembered_lang(path) is None  # no such setting
    store.set_setting(i18n.LANG_SETTING, "zh-Hant")
    assert i18n.remembered_lang(path) == "zh-Hant"
    store.set_setting(i18n.LANG_SETTING, "fr")  # not a language: ignored
    assert i18n.remembered_lang(path) is None
    for garbage in (b"", b"{", b"[]", b'{"settings": []}', b'{"settings": {"1": 3}}'):
        path.write_bytes(garbage)
        assert i18n.remembered_lang(path) is None


def test_the_command_line_speaks_the_remembered_language(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Store(data / "store.json").set_setting(i18n.LANG_SETTING, "zh-Hans")
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "IPX_TUI_DATA_DIR": str(data)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "ipx_tui", *args], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=60)

    shown = run("show", "9.9")
    assert (shown.returncode, shown.stderr) == (2, "ipx-tui: 没有条目 9.9：文件的部分为 1 至 3\n")
    asked = run("show", "9.9", "--lang", "en")
    assert asked.stderr == "ipx-tui: unknown node 9.9: the document has parts 1 to 3\n"


def test_the_extractor_sees_every_kind_of_call(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(
        'x = _("one")\ny = N_("two" " parts")\nz = ngettext("a {n}", "{n}s", 2)\n'
        'w = _(name)\nv = other("no")\n', encoding="utf-8")
    assert messages(tmp_path) == {"one": None, "two parts": None, "a {n}": "{n}s"}


def test_loading_a_catalogue_imports_little() -> None:
    """gettext is the standard library's; loading a .mo pulls in nothing else of note."""
    assert loaded_by("from ipx_tui.core import i18n; i18n.use('zh-Hant')",
                     ("babel", "argparse", "textual", "tinydb", "opencc")) == []


def test_the_cli_help_follows_lang_and_the_locale() -> None:
    def helped(*args: str, lang: str) -> str:
        env = {"PATH": "/usr/bin:/bin", "LANG": lang}
        return subprocess.run([sys.executable, "-m", "ipx_tui", *args, "--help"], env=env,
                              cwd=ROOT, capture_output=True, text=True, timeout=60).stdout

    # the column argparse gives the help depends on the longest option (--idle-timeout MINUTES)
    def goto_line(text: str) -> str:
        line = next(line for line in text.splitlines() if line.startswith("  --goto ID "))
        return " ".join(line.split(maxsplit=2))

    assert goto_line(helped(lang="zh_CN.UTF-8")) == "--goto ID 启动时打开此条目（如 2.6.3）"
    assert goto_line(helped(lang="zh_TW.UTF-8")) == "--goto ID 啟動時開啟此條目（如 2.6.3）"
    assert goto_line(helped(lang="en_US.UTF-8")) == (
        "--goto ID start at this node (for example 2.6.3)")
    assert goto_line(helped("--lang", "en", lang="zh_CN.UTF-8")) == (
        "--goto ID start at this node (for example 2.6.3)")
