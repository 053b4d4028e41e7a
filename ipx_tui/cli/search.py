"""`ipx-tui search QUERY… [--agency NAME [--role ROLE]]`: the browser's search engine, on the
command line. Each hit says how the query's agencies matched it (牽頭, 參與, named in the text).

``--json`` prints only nodes that
contain the whole query (``[]`` when none do, exit 0); the partial fallback is for people, so
it is printed as text, and named on stderr under ``--json``.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from ipx_tui.cli.library import add_document_flag, document_line, every_document, opened_of
from ipx_tui.cli.output import add_script_flag, dump_json, script_of
from ipx_tui.cli.parsing import Add, positive
from ipx_tui.console import say
from ipx_tui.core import labels
from ipx_tui.core.document import Role
from ipx_tui.core.errors import UserError
from ipx_tui.core.i18n import _, ngettext
from ipx_tui.core.script import Script, render

if TYPE_CHECKING:  # deferred: the engine (4 ms with its segmenter) is for this command only
    from ipx_tui.core.library import Opened
    from ipx_tui.core.search import Engine, Hit, SearchResult

SNIPPET_WIDTH = 40
"""Characters of text around the first match (double-width: about 80 columns)."""


def register(add: Add) -> None:
    """Add the ``search`` subcommand."""
    p = add("search", cmd_search,
            _("print the nodes whose own text contains every word of QUERY, best first "
            "(either script); a word naming an agency (any name, alias, today's name) also "
            "matches what it leads or joins"))
    p.add_argument("query", nargs="+", metavar="QUERY",
                   help=_("words in traditional or simplified script; all must occur"))
    p.add_argument("--json", action="store_true",
                   help=_('print JSON: [{"id", "title", "snippet", "score"}], best first'))
    p.add_argument("--limit", type=positive, metavar="N", help=_("print at most N nodes"))
    p.add_argument("--agency", metavar="NAME",
                   help=_("only the tasks this agency leads or joins (the tasks of `tasks --agency"
                        " NAME`); any name it goes by, in either script"))
    p.add_argument("--role", choices=("lead", "participant"),
                   help=_("with --agency: only the tasks it leads, or only those it joins"))
    add_script_flag(p)
    add_document_flag(p, all_documents=True)


def cmd_search(args: argparse.Namespace) -> int:
    """Print the nodes matching the query."""
    query = " ".join(args.query)
    if args.role and not args.agency:
        raise UserError(_("--role needs --agency: whose role?"))
    if args.all_documents:
        return _search_all(args, query)
    opened = opened_of(args)
    found = opened.engine()
    result = found.search(query)
    if not result.words:
        raise UserError(_("nothing to search for: the query has no characters that can match"))
    if args.agency:
        result = _within(opened, result, args.agency, args.role)
    return _print(found, result, args)


def _search_all(args: argparse.Namespace, query: str) -> int:
    """Search every document: each one's hits under its head line (JSON: each hit carries
    its document's id and number)."""
    script = script_of(args)
    answers: list[tuple[Opened, SearchResult]] = []
    for opened in every_document():
        result = opened.engine().search(query)
        if not result.words:
            raise UserError("nothing to search for: the query has no characters that can match")
        if args.agency:
            try:
                result = _within(opened, result, args.agency, args.role)
            except UserError:
                continue  # no body of this document goes by that name
        answers.append((opened, result))
    if args.json:
        dump_json([{"document": o.id, "number": o.document.number,
                    **_row(o.engine(), r, h, script)}
                   for o, r in answers if not r.partial for h in r.hits[:args.limit]])
        return 0
    blocks = [f"{document_line(o, script)}\n{_text(o.engine(), r, script, args.limit)}"
              for o, r in answers if r.hits and not r.partial]
    if not blocks:
        say(f"no document contains {_shown(answers[0][1]) if answers else query}")
        return 0
    sys.stdout.write("\n".join(blocks))
    return 0


def _print(found: Engine, result: SearchResult, args: argparse.Namespace) -> int:
    script = script_of(args)
    if args.json:
        rows = [] if result.partial else [_row(found, result, h, script)
                                          for h in result.hits[:args.limit]]
        dump_json(rows)
        if result.partial:
            say(_nothing(result) + (
                _("; some of its words occur: {words} (see it without --json)").format(
                    words="、".join(result.fallback_words)) if result.hits else ""))
        return 0
    sys.stdout.write(_text(found, result, script, args.limit))
    return 0


def _within(opened: Opened, result: SearchResult, name: str, role: Role | None
            ) -> SearchResult:
    """The result narrowed to the tasks the named agency (or every body merged into a name
    used today) leads or joins: the rows of ``tasks --agency NAME [--role ROLE]``."""
    found = opened.engine()
    agencies = opened.registry().resolve(name)
    names = [a.name for a in agencies]
    tasks = {n.id for n in found.document.tasks}
    ids = [i for i in found.responsible(names, role) if i in tasks]
    return found.restrict(result, ids, (*names, role or "", str(len(ids))))


def _within_line(result: SearchResult, script: Script) -> str:
    """``within the 39 tasks 發展改革委 leads or joins (tasks --agency 發展改革委): 8``."""
    *names, role, count = result.within
    who = "、".join(render(n, script) for n in names)
    flag = f" --role {role}" if role else ""
    within = {"lead": _("within the {count} tasks {who} leads"),
              "participant": _("within the {count} tasks {who} joins")}.get(
        role, _("within the {count} tasks {who} leads or joins")).format(count=count, who=who)
    found = ngettext("{query}: {total} task", "{query}: {total} tasks", result.total).format(
        query=_shown(result), total=result.total)
    return _("{found}, {within} (tasks --agency {agency}{flag}); {whole} nodes in the whole "
             "document").format(found=found, within=within,
                                agency=names[0] if len(names) == 1 else who, flag=flag,
                                whole=result.whole_total)



def _role_text(found: Engine, hit: Hit, result: SearchResult, script: Script) -> str:
    """Under ``--agency``: the agency's role in the hit, ``[發展改革委 牽頭]``."""
    if not result.within:
        return ""
    names = result.within[:-2]
    rows = [(n, r) for n in names if (r := found.role_of(n, hit.node_id)) is not None]
    return "[" + "; ".join(f"{render(n, script)} {render(labels.ROLE[r], script)}"
                           for n, r in rows) + "]" if rows else ""


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
    return _("no node contains {query}").format(query=_shown(result))


def _text(found: Engine, result: SearchResult, script: Script, limit: int | None) -> str:
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    lines = []
    for note in result.aliases:
        names = "、".join(render(a, script) for a in note.agencies)
        lines.append(_("{word}: today's name of {names} (the document's 2015 names)").format(
            word=note.word, names=names) if note.today else f"{note.word} = {names}")
    missing = "".join(_("; {word} was not found").format(word=w) for w in result.not_found)
    if result.within:
        lines.append(_within_line(result, script))
    elif result.partial and result.hits:
        lines.append(ngettext(
            "{nothing}; {total} contains some of its words ({words}), marked ~ (partial)"
            "{missing}:",
            "{nothing}; {total} contain some of its words ({words}), marked ~ (partial)"
            "{missing}:", result.total).format(
            nothing=_nothing(result), total=result.total,
            words="、".join(result.fallback_words), missing=missing))
    elif result.partial:
        lines.append(_("{nothing}, nor any of its words of two or more characters").format(
            nothing=_nothing(result)))
    else:
        lines.append(ngettext("{query}: {total} node", "{query}: {total} nodes",
                              result.total).format(query=_shown(result), total=result.total))
    for hit in result.hits[:limit]:
        snippet = found.snippet(hit.node_id, result.terms, script, SNIPPET_WIDTH)
        text = snippet.text
        if color:
            for a, b in reversed(snippet.spans):
                text = f"{text[:a]}\x1b[7m{text[a:b]}\x1b[27m{text[b:]}"
        mark = "~" if hit.partial else " "
        how = result.how(hit, script) or _role_text(found, hit, result, script)
        lines.append(f"{mark}{hit.node_id:<8} {render(hit.title, script)}"
                     + (f"  {how}" if how else ""))
        lines.append(f" {'':<8} {text}")
    if limit is not None and result.total > limit:
        lines.append(_("… {more} more (--limit {limit})").format(more=result.total - limit,
                                                                  limit=limit))
    return "\n".join(lines) + "\n"
