"""The interface's language: 简体中文, 繁體中文 or English, with gettext catalogues.

Every message for people is written in English in the code, wrapped in :func:`_` (or
:func:`ngettext` for a count, :func:`N_` where a string is only marked, as in a class's
bindings, and translated where it is shown). The Chinese catalogues are gettext ``.po``
files in ``ipx_tui/locale/`` and ship compiled as ``.mo`` beside them (``python -m
tools.regen`` compiles them; a test fails when one is stale, or when a message lacks a
translation). English needs no catalogue: the message is its own text.

The language is chosen once per process, before anything is shown (``--lang`` >
remembered > the locale), and switched live by the browser's ``t`` in a Chinese interface.
"""

from __future__ import annotations

# not deferred: measured 0.4 ms on top of what Textual imports anyway (locale, re), and a
# catalogue loads in 0.5 ms (GNUTranslations over a 28 KB .mo): both before the first frame
import gettext
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from ipx_tui.core.errors import UserError
from ipx_tui.core.script import Script

Lang = Literal["zh-Hans", "zh-Hant", "en"]
LANGS: tuple[Lang, ...] = ("zh-Hans", "zh-Hant", "en")
"""The interface languages, as ``--lang`` names them (BCP 47 script subtags)."""

DOMAIN = "ipx-tui"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
"""``ipx_tui/locale/``: one folder per Chinese language, gettext's layout."""
FOLDER: dict[Lang, str] = {"zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant"}
"""Each catalogue's folder under LOCALE_DIR (English has none)."""

SIMPLIFIED_REGIONS = frozenset({"CN", "SG"})
TRADITIONAL_REGIONS = frozenset({"TW", "HK", "MO"})

LANG_SETTING = "lang"
"""The store's setting that remembers the language chosen."""


def locale_language(environ: Mapping[str, str] | None = None) -> Lang:
    """The language the locale asks for: LC_ALL, else LC_MESSAGES, else LANG (POSIX's order
    for messages). zh_CN and zh_SG give 简体, zh_TW, zh_HK and zh_MO 繁體, anything else
    (C, POSIX, en_US, unset) English."""
    env = os.environ if environ is None else environ
    name = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), "")
    base = name.partition(".")[0].partition("@")[0]
    language, _sep, region = base.replace("-", "_").partition("_")
    if language.lower() != "zh":
        return "en"
    if region.upper() in SIMPLIFIED_REGIONS:
        return "zh-Hans"
    if region.upper() in TRADITIONAL_REGIONS:
        return "zh-Hant"
    return "en"


def parse_lang(text: str) -> Lang:
    """``--lang``'s value (any case, ``_`` for ``-``); UserError for any other."""
    wanted = text.strip().replace("_", "-").lower()
    for lang in LANGS:
        if lang.lower() == wanted:
            return lang
    shown = text if len(text) <= 20 else text[:20] + "…"
    raise UserError(_("--lang must be zh-Hans, zh-Hant or en, not {value!r}").format(
        value=shown))


def known_lang(value: object) -> Lang | None:
    """A remembered language, or None when the store holds nothing valid."""
    return next((lang for lang in LANGS if lang == value), None)


def remembered_lang(path: Path | None) -> Lang | None:
    """The language the store remembers, read straight from its file, or None (no file, no
    such setting, anything unreadable).

    The store itself (TinyDB, the lock) opens after the first frame; but the first frame must
    already be in the remembered language (a server's LANG=C.UTF-8 would otherwise flash
    English first), so this reads the one setting from the file's layout, which
    :mod:`ipx_tui.core.store` documents (``{"settings": {id: {"key", "value"}}}``). It only
    reads; a file the store cannot read is the store's to report. Measured: 0.1 ms.
    """
    if path is None:
        return None
    import json  # already imported by Textual and the command line; here for the core's sake

    try:
        with path.open("rb") as stream:
            settings = json.load(stream).get("settings", {})
        return next((known_lang(doc.get("value")) for doc in settings.values()
                     if isinstance(doc, dict) and doc.get("key") == LANG_SETTING), None)
    except (OSError, ValueError, AttributeError):
        return None


def script_of(lang: Lang) -> Script | None:
    """The script a Chinese interface is written in (None for English)."""
    return {"zh-Hans": "simplified", "zh-Hant": "traditional"}.get(lang)  # type: ignore[return-value]


def lang_of(script: Script) -> Lang:
    """The Chinese interface written in a script."""
    return "zh-Hans" if script == "simplified" else "zh-Hant"


def catalogue_path(lang: Lang) -> Path:
    """Where a Chinese language's compiled catalogue ships."""
    return LOCALE_DIR / FOLDER[lang] / "LC_MESSAGES" / f"{DOMAIN}.mo"


_loaded: dict[Lang, gettext.NullTranslations] = {}
_active: gettext.NullTranslations = gettext.NullTranslations()
_lang: Lang = "en"


def load_catalogue(lang: Lang) -> gettext.NullTranslations:
    """A language's translations, read once (English: the messages as written)."""
    found = _loaded.get(lang)
    if found is None:
        if lang == "en":
            found = gettext.NullTranslations()
        else:
            with catalogue_path(lang).open("rb") as stream:
                found = gettext.GNUTranslations(stream)
        _loaded[lang] = found
    return found


def use(lang: Lang) -> None:
    """Make ``lang`` the language every message is shown in from now on."""
    global _active, _lang
    _active = load_catalogue(lang)
    _lang = lang


def current() -> Lang:
    """The language messages are shown in."""
    return _lang


def _(message: str) -> str:
    """A message in the interface's language."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """A message about ``n`` things in the interface's language (Chinese has one form)."""
    return _active.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a message for the catalogues without translating it here (it is translated
    where it is shown: a binding's description, a constant)."""
    return message
