"""The interface's message catalogues: every message in the code, and the compiled ``.mo``.

``messages()`` reads every ``_("…")``, ``N_("…")`` and ``ngettext("…", "…", n)`` in
ipx_tui/ (an AST walk: the same calls :mod:`ipx_tui.core.i18n` translates), so a test can
check that each catalogue translates exactly those. ``compiled()`` turns each ``.po`` into
the ``.mo`` that ships beside it, with Babel (a maintainer's and the tests' dependency, never
needed at run time): ``python -m tools.regen`` writes them, and a test fails when one is stale.
``python -m tools.catalogues`` adds the code's new messages to both ``.po`` files (empty, to
be translated) and drops those the code no longer has.
"""

from __future__ import annotations

import ast
import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from ipx_tui.core.i18n import DOMAIN, FOLDER, LOCALE_DIR, Lang

PACKAGE = Path(__file__).resolve().parent.parent / "ipx_tui"
MARKERS = frozenset({"_", "N_", "ngettext"})

Message = tuple[str, str | None]
"""A msgid and, for ngettext, its plural msgid."""


def messages(root: Path = PACKAGE) -> dict[str, str | None]:
    """Every message the code translates: msgid → plural msgid (None for one form)."""
    found: dict[str, str | None] = {}
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in MARKERS and node.args):
                continue
            texts = [a.value for a in node.args[:2] if isinstance(a, ast.Constant)
                     and isinstance(a.value, str)]
            if node.func.id == "ngettext" and len(texts) == 2:
                found[texts[0]] = texts[1]
            elif node.func.id != "ngettext" and texts:
                found[texts[0]] = None
    return found


def po_path(lang: Lang) -> Path:
    """A Chinese language's source catalogue."""
    return LOCALE_DIR / FOLDER[lang] / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(lang: Lang) -> Catalog:
    """A source catalogue, parsed."""
    with po_path(lang).open("rb") as stream:
        return read_po(stream, locale=FOLDER[lang],
                       domain=DOMAIN)


def compiled(lang: Lang) -> bytes:
    """The ``.mo`` that ships for a language, compiled from its ``.po``."""
    out = io.BytesIO()
    write_mo(out, read(lang), use_fuzzy=False)
    return out.getvalue()


def sync(lang: Lang) -> None:
    """Add the code's new messages to a ``.po`` (untranslated) and drop the stale ones."""
    catalogue = read(lang)
    wanted = messages()
    for message in list(catalogue):
        if message.id and (message.id[0] if isinstance(message.id, tuple)
                           else message.id) not in wanted:
            catalogue.delete(message.id)
    for msgid, plural in wanted.items():
        if msgid not in catalogue:
            catalogue.add((msgid, plural) if plural else msgid,
                          ("",) if plural else "")
    out = io.BytesIO()
    write_po(out, catalogue, width=100, omit_header=False, sort_output=True)
    po_path(lang).write_bytes(out.getvalue())


if __name__ == "__main__":
    for language in FOLDER:
        sync(language)
        print(f"synced {po_path(language)}")
