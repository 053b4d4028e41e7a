"""`info` and `cite`: what the document is, and how to cite it or one of its nodes.

The facts come from content/document.toml and content/errata.toml (core/metadata.py); the
citation styles are core/cite.py's. An erratum's before and after are shown as written, in
traditional script under either flag: the correction is between two traditional forms (制造,
製造) that simplified script writes alike, so converting them would show no difference.
"""

from __future__ import annotations

import argparse
import datetime
from typing import Any

from ipx_tui.cli.library import add_document_flag, opened_of
from ipx_tui.cli.output import add_script_flag, dump_json, print_text, script_of
from ipx_tui.cli.parsing import Add
from ipx_tui.core import labels
from ipx_tui.core.cite import STYLES, Style, cite
from ipx_tui.core.errors import UserError
from ipx_tui.core.i18n import N_, _
from ipx_tui.core.ids import check_node_id
from ipx_tui.core.metadata import Erratum, load_errata, load_metadata
from ipx_tui.core.script import Script, render

CITE_STYLES = N_("""\
styles:
  short    the title in 《》, the number in （）, then the place in the document's own
           numbering: 《國務院關於積極推進「互聯網+」行動的指導意見》（國發〔2015〕40號）二（九）1
           (front matter: the document alone). With --simplified the title's 「」 become “”.
  gbt7714  a reference-list entry as GB/T 7714-2015 gives an electronic resource:
           國務院. 國務院關於積極推進「互聯網+」行動的指導意見: 國發〔2015〕40號[EB/OL].
           (2015-07-04)[ACCESSED]. https://www.gov.cn/zhengce/content/2015-07/04/content_10002.htm.
           It names the document, not the place: the same entry for every node.
  en       an English reference: State Council. Guiding Opinions of the State Council on
           Vigorously Moving Forward the "Internet Plus" Action (Guo Fa [2015] No. 40).
           1 July 2015. Part II, section (9), item 1. https://www.gov.cn/… (either script).
""")
"""``cite --help``'s list of the styles (translated where it is shown)."""


def erratum_dict(erratum: Erratum) -> dict[str, str]:
    """An erratum in JSON, as written (traditional) under either flag (see the docstring)."""
    return {"node": erratum.node, "before": erratum.before, "after": erratum.after,
            "why": erratum.why}


def errata_lines(errata: tuple[Erratum, ...], script: Script) -> list[str]:
    """``勘誤（維基文庫本 → 本文）：促進制造業 → 促進製造業``, then why, indented; in simplified,
    a line saying the correction is one of traditional forms."""
    lines = []
    for erratum in errata:
        lines.append(render(f"{labels.ERRATA}（{labels.ERRATA_WHAT}）：", script)
                     + f"{erratum.before} → {erratum.after}")
        lines.append(f"  {erratum.why_in(script)}")
    if lines and script == "simplified":
        lines.append(f"  （{render(labels.ERRATA_SIMPLIFIED, script)}）")
    return lines


def info_dict(script: Script) -> dict[str, Any]:
    """The document's metadata in the JSON shape of ``info --json``: the title, issuer and
    number follow the script flag; dates as ISO and as Chinese writes them."""
    m = load_metadata()
    return {
        "title": render(m.title, script), "issuer": render(m.issuer, script),
        "number": render(m.number, script),
        "written": m.written.isoformat(), "written_text": m.written_text,
        "published": m.published.isoformat(), "published_text": m.published_text,
        "index_number": m.index_number, "url": m.url,
        "english": {"title": m.english_title, "issuer": m.english_issuer,
                    "number": m.english_number},
        "errata": [erratum_dict(e) for e in load_errata()],
    }


def cmd_info(args: argparse.Namespace) -> int:
    """Print the document's metadata and the corrections its text carries."""
    script = script_of(args)
    opened = opened_of(args)

    def field(label: str, value: str) -> str:
        return f"{render(label, script)}：{value}"

    if not opened.shipped:  # an imported document: what its own text says of itself
        d = opened.document
        if args.json:
            dump_json({"title": render(d.title, script), "issuer": render(d.issuer, script),
                       "number": render(d.number, script), "written_text": d.date})
            return 0
        print_text("\n".join([render(d.title, script),
                              field(labels.ISSUER, render(d.issuer, script)),
                              field(labels.NUMBER, render(d.number, script)),
                              field(labels.WRITTEN, d.date)]))
        return 0
    if args.json:
        dump_json(info_dict(script))
        return 0
    m = load_metadata()

    lines = [render(m.title, script),
             field(labels.ISSUER, render(m.issuer, script)),
             field(labels.NUMBER, render(m.number, script)),
             field(labels.WRITTEN, m.written_text),
             field(labels.PUBLISHED, m.published_text)]
    if m.index_number:
        lines.append(field(labels.INDEX_NUMBER, m.index_number))
    if m.url:
        lines.append(field(labels.ADDRESS, m.url))
    lines += [field(labels.ENGLISH_TITLE, m.english_title),
              field(labels.ENGLISH_NUMBER, m.english_number)]
    errata = load_errata()
    if errata:
        lines.append(render(f"{labels.ERRATA}（{labels.ERRATA_WHAT}）：", script))
        lines += [f"  {e.node:<6} {e.before} → {e.after}" for e in errata]
        if script == "simplified":
            lines.append(f"  （{render(labels.ERRATA_SIMPLIFIED, script)}）")
    print_text("\n".join(lines))
    return 0


def accessed_date(raw: str) -> datetime.date:
    """An argparse type: a date as 2026-12-07."""
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        shown = raw if len(raw) <= 20 else raw[:20] + "…"
        raise argparse.ArgumentTypeError(_("not a date like 2026-12-07: {shown!r}").format(
            shown=shown)) from None


def cmd_cite(args: argparse.Namespace) -> int:
    """Print a citation of one node (or of the document, for front matter)."""
    document = opened_of(args).document
    node_id = check_node_id(document, args.id)
    style: Style = args.style
    if args.accessed is not None and style != "gbt7714":
        raise UserError(_("--accessed is for --style gbt7714 (its access date)"))
    print_text(cite(document, node_id, style, script_of(args), accessed=args.accessed))
    return 0


def register(add: Add) -> None:
    """Add `info` and `cite`."""
    p = add("info", cmd_info, _("print what the document is: issuer, number, dates, address, "
                                "the corrections its text carries"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    add_document_flag(p)
    add_script_flag(p)

    p = add("cite", cmd_cite, _("print a citation of one node in the document's own numbering"))
    p.formatter_class = argparse.RawDescriptionHelpFormatter  # keep the styles' lines
    p.epilog = _(CITE_STYLES)
    p.add_argument("id", metavar="ID",
                   help=_("a node id as `show` takes it: 2.9.1, 二（九）1, 二(九)1, ２.９.１, "
                          "preamble"))
    p.add_argument("--style", choices=STYLES, default="short",
                   help=_("short (default), gbt7714 or en; see below"))
    p.add_argument("--accessed", metavar="DATE", type=accessed_date,
                   help=_("gbt7714's access date, as 2026-12-07 (default: today)"))
    add_document_flag(p)
    add_script_flag(p)
