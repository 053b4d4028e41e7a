"""Text in and out of the terminal under any locale: the streams' charset, argv as typed, errors.

Imported by the launcher, the command line and the browser alike; it imports nothing of
ipx-tui but the error type at the very bottom, so it can sit low in the house.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from collections.abc import Mapping, Sequence

from ipx_tui.core.errors import UserError
from ipx_tui.core.i18n import N_, _

PROG = "ipx-tui"

LEGACY_CHARSETS = frozenset({"gb18030", "gbk", "gb2312", "big5", "big5hkscs"})
"""The Chinese charsets other than UTF-8 that a terminal's locale may name (Python's codec
names): Xshell and SecureCRT on Chinese Windows send and show GBK when set to the ANSI code
page, and older Taiwanese and Hong Kong set-ups Big5."""

NOT_UTF8 = N_("arguments are not UTF-8 (is the terminal set to GBK?)")


COERCED = frozenset({"C.UTF-8", "C.utf8", "UTF-8"})
"""What Python writes into LC_CTYPE when the locale named is not installed (PEP 538)."""


def locale_name(environ: Mapping[str, str] | None = None) -> str:
    """The locale that decides the terminal's charset: LC_ALL, else LC_CTYPE, else LANG.

    When zh_CN.GBK is named but not generated (most servers), Python falls back to C and
    coerces it, setting LC_CTYPE=C.UTF-8 in its own environment: LANG still says what the
    terminal was set up with, so that LC_CTYPE does not hide it.
    """
    env = os.environ if environ is None else environ
    if env.get("LC_ALL"):
        return env["LC_ALL"]
    ctype = env.get("LC_CTYPE", "")
    if ctype and not (ctype in COERCED and env.get("LANG")):
        return ctype
    return env.get("LANG", "")


def legacy_charset(environ: Mapping[str, str] | None = None) -> str | None:
    """The Python codec of the locale's charset when it is GB18030, GBK or Big5, else None.

    Read from the environment, not from Python's own locale, because zh_CN.GBK is seldom
    generated on a server: Python then falls back to UTF-8 mode, while the terminal still
    sends and shows GBK. LANG unset, C, POSIX and every UTF-8 locale give None.
    """
    name = locale_name(environ)
    charset = name.partition(".")[2].partition("@")[0]
    if not charset:
        return None
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        return None
    return codec if codec in LEGACY_CHARSETS else None


STAND_INS = {"›": ">", "‹": "<", "▸": ">", "▾": "v", "⏎": "Enter", "…": "...", "✓": "v"}
"""What a character the terminal's charset lacks is printed as (GBK has no ›); else ``?``."""


def _stand_in(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start:error.end]
    return "".join(STAND_INS.get(c, "?") for c in bad), error.end


codecs.register_error("ipx-tui-stand-in", _stand_in)


def _reconfigure(encoding: str) -> None:
    for stream in {id(s): s for s in (sys.__stdout__, sys.__stderr__, sys.stdout, sys.stderr)
                   if s is not None}.values():
        now = codecs.lookup(getattr(stream, "encoding", None) or "ascii").name
        if now != codecs.lookup(encoding).name and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding=encoding, errors="replace" if encoding == "utf-8"
                               else "ipx-tui-stand-in")


def utf8_streams() -> None:
    """Make the standard streams write UTF-8 whatever the locale says.

    Under LC_ALL=C with PYTHONUTF8=0 they are ASCII: the commands could not print Chinese at
    all, and Textual (which writes through sys.__stderr__) would show each character as a
    \\uXXXX escape. Input needs nothing: Textual decodes keys as UTF-8 itself.
    """
    _reconfigure("utf-8")


def terminal_streams() -> None:
    """The command line's streams: the locale's charset when it is GB18030, GBK or Big5 (the
    terminal shows that), else UTF-8 as :func:`utf8_streams`. A character the charset lacks
    is printed as its stand-in (› as >), or as ``?`` (a simplified one in Big5)."""
    _reconfigure(legacy_charset() or "utf-8")


def argument_bytes(arg: str) -> bytes:
    """A command-line argument's bytes as the terminal sent them.

    Python decodes argv with the filesystem encoding and surrogateescape, so os.fsencode
    undoes it exactly; a string made in-process that the encoding cannot hold is UTF-8.
    """
    try:
        return os.fsencode(arg)
    except UnicodeError:
        return arg.encode("utf-8", "surrogateescape")


def decode_typed(raw: Sequence[bytes], what: str = "arguments") -> list[str]:
    """Bytes the reader typed as text: UTF-8, else the locale's Chinese charset, else GB18030.

    A fallback that the locale does not announce is said in one line on stderr (the reader's
    terminal is not what its locale claims); bytes that are neither give UserError, so
    nothing undecodable reaches the store or the search.
    """
    try:
        return [b.decode("utf-8") for b in raw]
    except UnicodeDecodeError:
        pass
    declared = legacy_charset()
    fallback = declared or "gb18030"
    try:
        text = [b.decode(fallback) for b in raw]
    except UnicodeDecodeError:
        raise UserError(_(NOT_UTF8) if what == "arguments"
                        else _("{what} is not UTF-8 (nor GB18030)").format(what=what)) from None
    if declared is None:
        say(_("arguments are not UTF-8: read as GB18030 (GBK); set the terminal to UTF-8")
            if what == "arguments" else _("{what} is not UTF-8: read as GB18030 (GBK)").format(
                what=what))
    return text


def as_typed(args: Sequence[str]) -> list[str]:
    """The command-line arguments as the reader typed them (see :func:`decode_typed`).

    Under LC_ALL=C without UTF-8 mode Python decodes argv as ASCII, turning each byte of
    科技部 into a lone surrogate; under a GBK terminal the bytes are GBK. Either way the
    text comes back whole.
    """
    return decode_typed([argument_bytes(a) for a in args])


def say(message: str) -> None:
    """One line for the reader on stderr, after the program's name."""
    print(f"{PROG}: {message}", file=sys.stderr)
