"""`ipx-tui search QUERY…`: the search engine of the browser, on the command line.

Plugged into the main parser through ``cli._EXTENSIONS``. ``--json`` prints only nodes that
contain the whole query (``[]`` when none do, exit 0); the partial fallback is for people, so
it is printed as text, and named on stderr under ``--json``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from ipx_tui.core.script import Script, render
from ipx_tui.launch import UserError

if TYPE_CHECKING:  # the engine is imported by the command, not by every start of ipx-tui
    from ipx_tui.core.search import Engine, Hit, SearchResult

Add = Callable[..., argparse.ArgumentParser]

SNIPPET_WIDTH = 40
"""Characters of text around the first match (double-width: about 80 columns)."""


def _limit(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        shown = raw if len(raw) <= 20 else raw[:20] + "…"
        raise argparse.ArgumentTypeError(f"must be a whole number from 1, not {shown!r}")
    return value


def register(add: Add) -> None:
    """Add the ``search`` subcommand."""
    p = add("search", cmd_search,
            "print the nodes whose own text contains every word of QUERY, best first "
            "(either script; agency aliases and today's names work too)")
    p.add_argument("query", nargs="+", metavar="QUERY",
                   help="words in traditional or simplified script; all must occur")
    p.add_argument("--json", action="store_true",
                   help='print JSON: [{"id", "title", "snippet", "score"}], best first')
    p.add_argument("--limit", type=_limit, metavar="N", help="print at most N nodes")
    p.add_argument("--simplified", action="store_true", help="print in simplified script")


def cmd_search(args: argparse.Namespace) -> int:
    """Print the nodes matching the query."""
    from ipx_tui.core.search import engine

    query = " ".join(args.query)
    script: Script = "simplified" if args.simplified else "traditional"
    found = engine()
    result = found.search(query)
    if not result.words:
        raise UserError("nothing to search for: the query has no characters that can match")
    if args.json:
        rows = [] if result.partial else [_row(found, result, h, script)
                                          for h in result.hits[:args.limit]]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        if result.partial:
            print(f"ipx-tui: {_nothing(result)}" + (
                f"; some of its words occur: {'、'.join(result.fallback_words)} (see it without"
                " --json)" if result.hits else ""), file=sys.stderr)
        return 0
    sys.stdout.write(_text(found, result, script, args.limit))
    return 0


def _row(found: Engine, result: SearchResult, hit: Hit, script: Script) -> dict[str, object]:
    snippet = found.snippet(hit.node_id, result.terms, script, SNIPPET_WIDTH)
    return {"id": hit.node_id, "title": render(hit.title, script), "snippet": snippet.text,
            "score": round(hit.score, 4)}


def _shown(result: SearchResult) -> str:
    """The query as typed, on one line, without control characters, at most 40 characters."""
    from ipx_tui.core.search import clean

    text = " ".join(clean(result.query).split())
    return text if len(text) <= 40 else text[:40] + "…"


def _nothing(result: SearchResult) -> str:
    return f"no node contains {_shown(result)}"


def _text(found: Engine, result: SearchResult, script: Script, limit: int | None) -> str:
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    lines = []
    today = any(note.today for note in result.aliases)
    for note in result.aliases:
        names = "、".join(render(a, script) for a in note.agencies)
        lines.append(f"{note.word}: today's name of {names} (the document's 2015 names)"
                     if note.today else f"{note.word} = {names}")
    if result.partial and result.hits:
        lines.append(f"{_nothing(result)}; {result.total} contain some of its words "
                     f"({'、'.join(result.fallback_words)}), marked ~ (partial):")
    elif result.partial:
        lines.append(f"{_nothing(result)}, nor any of its words of two or more characters")
    else:
        lines.append(f"{_shown(result)}: {result.total} node{'s' if result.total != 1 else ''}")
    for hit in result.hits[:limit]:
        snippet = found.snippet(hit.node_id, result.terms, script, SNIPPET_WIDTH)
        text = snippet.text
        if color:
            for a, b in reversed(snippet.spans):
                text = f"{text[:a]}\x1b[7m{text[a:b]}\x1b[27m{text[b:]}"
        mark = "~" if hit.partial else " "
        # 2015's names are labelled when the query was today's name (市场监管总局 → 質檢總局)
        via = (f"  [2015: {'、'.join(render(v, script) for v in hit.via)}]"
               if hit.via and today else "")
        lines.append(f"{mark}{hit.node_id:<8} {render(hit.title, script)}{via}")
        lines.append(f" {'':<8} {text}")
    if limit is not None and result.total > limit:
        lines.append(f"… {result.total - limit} more (--limit {limit})")
    return "\n".join(lines) + "\n"
