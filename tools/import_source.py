"""Turn the Wikisource copy into content/document.txt.

Run once by a maintainer: ``python -m tools.import_source content/source/wikisource.txt``.
The Wikisource copy uses ASCII ``( ) , : ;`` where the official text has full-width
forms; this restores them, drops the site's wrapper lines and the licence footer,
writes one paragraph per line with a blank line between paragraphs, and then makes the
corrections declared in content/errata.toml.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ipx_tui.core.metadata import apply_errata, parse_errata

CONTENT = Path(__file__).resolve().parent.parent / "content"
"""The checkout's content/ folder."""

#: ASCII punctuation in the Wikisource copy and the full-width form the official text uses.
#: "." stays: it only follows the item numbers (1. 2. …), as in the official text.
FULL_WIDTH = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "：", ";": "；"})

#: The document body starts at its own title line (the second occurrence) and ends
#: with the publication note; everything else is Wikisource's.
LAST_LINE = "(此件公開發布)"


def clean(seed_text: str) -> str:
    """The document body of the Wikisource copy, with official punctuation."""
    lines = [line.strip() for line in seed_text.splitlines()]
    title = lines[0]
    start = lines.index(title, lines.index(title, 1) + 1)
    end = lines.index(LAST_LINE)
    paragraphs = [line for line in lines[start : end + 1] if line]
    return "\n\n".join(p.translate(FULL_WIDTH) for p in paragraphs) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tools.import_source SEED", file=sys.stderr)
        return 2
    out = CONTENT / "document.txt"
    errata = parse_errata((CONTENT / "errata.toml").read_text(encoding="utf-8"))
    text = apply_errata(clean(Path(args[0]).read_text(encoding="utf-8")), errata)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
