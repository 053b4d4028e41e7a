"""`ipx-tui search QUERY…`: the search engine of the browser, on the command line.

``--json`` prints only nodes that
contain the whole query (``[]`` when none do, exit 0); the partial fallback is for people, so
it is printed as text, and named on stderr under ``--json``.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from ipx_tui.cli.output import add_script_flag, dump_json, script_of
from ipx_tui.cli.parsing import Add, positive
from ipx_tui.console import say
from ipx_tui.core.errors import UserError
from ipx_tui.core.script import Script, render

if TYPE_CHECKING:  # deferred: the engine (4 ms with its segmenter) is for this command only
    from ipx_tui.core.search import Engine, Hit, SearchResult

SNIPPET_WIDTH = 40
"""Characters of text around the first match (double-width: about 80 columns)."""


def register(add: Add) -> None:
    """Add the ``search`` subcommand."""
    p = add("search", cmd_search,
            "print the nodes whose own text contains every word of QUERY, best first "
            "(either script; agency aliases and today's names work too)")
    p.add_argument("query", nargs="+", metavar="QUERY",
                   help="words in traditional or simplified script; all must occur")
    p.add_argument("--json", action="store_true",
                   help='print JSON: [{"id", "title", "snippet", "score"}], best first')
    p.add_argument("--limit", type=positive, metavar="N", help="print at most N nodes")
    add_script_flag(p)


def cmd_search(args: argparse.Namespace) -> int:
    """Print the nodes matching the query."""
    from ipx_tui.core.search import engine

    query = " ".join(args.query)
    script = script_of(args)
    found = engine()
    result = found.search(query)
    if not result.words:
        raise UserError("nothing to search for: the query has no characters that can match")
    if args.json:
        rows = [] if result.partial else [_row(found, result, h, script)
                                          for h in result.hits[:args.limit]]
        dump_json(rows)
        if result.partial:
            say(_nothing(result) + (
                f"; some of its words occur: {'、'.join(result.fallback_words)} (see it without"
                " --json)" if result.hits else ""))
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
