"""Regenerate every derived file: content/derived/ and the compiled message catalogues
(ipx_tui/locale/*/LC_MESSAGES/ipx-tui.mo, from the .po beside each): ``python -m tools.regen``.

A maintainer's tool, run from the checkout; it is not shipped, and it writes into the
checkout's content/ and ipx_tui/locale/ (never into an installed package). ``--check`` writes
nothing and exits 1 when a committed file is stale (the tests run it).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from ipx_tui.core import labels
from ipx_tui.core.agencies import load_registry
from ipx_tui.core.content import SIMPLIFIED
from ipx_tui.core.i18n import FOLDER, catalogue_path
from ipx_tui.core.metadata import load_errata, load_metadata
from ipx_tui.core.parse import load
from ipx_tui.core.script import t2s
from tools.catalogues import compiled
from tools.search_build import GENERATORS as SEARCH_FILES

CONTENT = Path(__file__).resolve().parent.parent / "content"
"""The checkout's content/ folder."""


def _shipped_strings() -> Iterator[str]:
    """Every string the document and the registry show."""
    document = load()
    yield from (document.title, document.number, document.date, document.issuer,
                document.addressees)
    for node in document.nodes:
        yield node.title
        yield node.label
        yield from node.paragraphs
        if node.responsibility:
            yield node.responsibility.source
    for agency in load_registry().agencies:
        yield from (agency.name, agency.full_name, agency.successor, agency.successor_short)
        yield from agency.history
        yield from agency.aliases
        yield from agency.aliases_simplified
        for change in agency.changes:
            yield from (change.text, change.plan.title, change.plan.issued_by, change.plan.adopted)
        for other in agency.other_successors:
            yield from (other.name, other.short, other.managed_by, *other.aliases,
                        *other.aliases_simplified)
    metadata = load_metadata()
    yield from (metadata.title, metadata.issuer, metadata.number, metadata.written_text,
                metadata.published_text)
    for erratum in load_errata():
        yield from (erratum.before, erratum.after, erratum.why)
    for name, value in vars(labels).items():
        if name.startswith("_"):
            continue
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            yield from (v for v in value.values() if isinstance(v, str))


def simplified_table() -> str:
    """content/derived/simplified.json: each shipped string → its simplified form (OpenCC t2s,
    with the simplified quotation marks: core.script.t2s)."""
    strings = {s: t2s(s) for s in sorted(set(_shipped_strings())) if s}
    payload = {"generated_by": "python -m tools.regen",
               "converter": "opencc t2s, then 「」『』 → “”‘’",
               "strings": strings}
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


#: Derived file name → the function that makes its text. Other derived files join here.
GENERATORS: dict[str, Callable[[], str]] = {SIMPLIFIED: simplified_table, **SEARCH_FILES}


def stale(directory: Path | None = None) -> list[str]:
    """The derived files whose committed text differs from a fresh build (catalogues named
    by their path in the checkout)."""
    where = directory or CONTENT
    out = []
    for name, make in GENERATORS.items():
        path = where / name
        if not path.exists() or path.read_text(encoding="utf-8") != make():
            out.append(name)
    if directory is None:
        for lang in FOLDER:
            path = catalogue_path(lang)
            if not path.exists() or path.read_bytes() != compiled(lang):
                out.append(str(path.relative_to(CONTENT.parent)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.regen", description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args(argv)
    if args.check:
        names = stale()
        for name in names:
            print(f"stale: {name if '/' in name else 'content/' + name}")
        return 1 if names else 0
    for name, make in GENERATORS.items():
        (CONTENT / name).write_text(make(), encoding="utf-8")
        print(f"wrote content/{name}")
    for lang in FOLDER:
        catalogue_path(lang).write_bytes(compiled(lang))
        print(f"wrote {catalogue_path(lang).relative_to(CONTENT.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
