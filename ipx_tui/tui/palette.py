"""The command palette (Ctrl+p): every action of the browser, every node, every agency.

Agencies are found as the picker finds them: by any name (as written, full, alias, today's,
English), typed in either script; today's name of several bodies is an entry of its own. Each
action is listed once, and keys that only move a cursor or scroll are left to the footer and
the help.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from ipx_tui.core.agencies import Involvement
from ipx_tui.core.document import Node
from ipx_tui.core.i18n import _, ngettext
from ipx_tui.core.script import Script
from ipx_tui.tui.host import Host, host_of
from ipx_tui.tui.keys import KeyHelp, key_help
from ipx_tui.tui.messages import OpenAgency, OpenNode
from ipx_tui.tui.pages import heading_of
from ipx_tui.tui.texts import tr

MOVEMENT = frozenset({
    "cursor_up", "cursor_down", "first", "last", "open", "close", "scroll_up", "scroll_down",
    "page_up", "page_down", "scroll_home", "scroll_end", "next_link", "previous_link",
    "open_link", "screen.scroll_text_down", "screen.scroll_text_up",
})
"""Actions that only move a cursor or scroll: not worth a palette entry."""


class BrowserCommands(Provider):
    """Actions (with their keys), then 'go to' a node and 'filter on' an agency when searching."""

    @property
    def host(self) -> Host:
        """The app, as screens see it."""
        return host_of(self.app)

    def _actions(self) -> list[tuple[str, str, Callable[[], object]]]:
        """(title, help, run) for every bound action, once each."""
        app = self.app
        out: list[tuple[str, str, Callable[[], object]]] = []
        seen: dict[str, int] = {}
        for owner, target in self.host.action_owners():
            for entry in key_help(app, owner):
                if entry.action in MOVEMENT or entry.action == "command_palette":
                    continue
                # one entry per thing done: Esc and A both clear the filter (app.clear_filter)
                action = entry.action.removeprefix("app.")
                title = entry.description
                if action in seen or title in seen:
                    at = seen.get(action, seen.get(title, 0))
                    old_title, old_keys, run = out[at]
                    out[at] = (old_title, old_keys + " " + " ".join(entry.keys), run)
                    continue
                seen[action] = seen[title] = len(out)
                out.append((title, _keys(entry), partial(_run, app, entry.action, target)))
        return out

    async def discover(self) -> Hits:
        for title, help_text, run in self._actions():
            yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, run in self._actions():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, help=help_text)
        host, post = self.host, self.app.post_message
        script = host.script
        other: Script = "traditional" if script == "simplified" else "simplified"
        for node in host.document.nodes:
            text = _node_text(node, host, script)
            score = max(matcher.match(text), matcher.match(_node_text(node, host, other)))
            if score > 0:
                yield Hit(score * 0.9, matcher.highlight(text), partial(post, OpenNode(node.id)),
                          help=_("go to this node"))
        for inv, names in self._agencies():
            name = tr(inv.agency.name, script)
            text = f"{name} {tr(inv.agency.full_name, script)}"
            score, best = max((matcher.match(n), n) for n in names)
            if score > 0:
                shown = text if best in text else f"{text} ({best})"
                yield Hit(score * 0.8, matcher.highlight(shown),
                          partial(post, OpenAgency(inv.agency.name, filter_on=True)),
                          help=ngettext("filter on this agency ({total} task, leads {lead})",
                                        "filter on this agency ({total} tasks, leads {lead})",
                                        inv.total).format(total=inv.total, lead=len(inv.lead)))

    def _agencies(self) -> list[tuple[Involvement, list[str]]]:
        """Every agency and today's name of several, with every name it goes by in both
        scripts (the picker's names)."""
        host = self.host
        out = []
        for key, inv in {**host.involvement_table(), **host.combined_table()}.items():
            agency = inv.agency
            names = (agency.names if key in host.registry().by_name
                     else (agency.name, agency.full_name, *agency.english_names))
            both = {form for n in names for form in (n, tr(n, "simplified"))}
            out.append((inv, sorted(both)))
        return out


def _node_text(node: Node, host: Host, script: Script) -> str:
    heading = heading_of(node, host.document, script)
    return f"{node.id} {heading}" if node.numbered else heading


def _keys(entry: KeyHelp) -> str:
    return _("key: {keys}").format(keys=" ".join(entry.keys))


async def _run(app: App[Any], action: str, target: DOMNode) -> None:
    await app.run_action(action, target)
