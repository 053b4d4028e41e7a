"""The command palette (Ctrl+p): every action of the browser, every node, every agency."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from ipx_tui.tui.host import Host, host_of
from ipx_tui.tui.keys import KeyHelp, key_help
from ipx_tui.tui.messages import OpenAgency, OpenNode
from ipx_tui.tui.pages import heading_of
from ipx_tui.tui.texts import tr


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
        seen: set[str] = set()
        for owner, target in self.host.action_owners():
            for entry in key_help(app, owner):
                name = f"{owner.__name__}.{entry.action}"
                if name in seen or entry.action in ("command_palette",):
                    continue
                seen.add(name)
                out.append((entry.description, _keys(entry),
                            partial(_run, app, entry.action, target)))
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
        for node in host.document.nodes:
            text = f"{node.id} {heading_of(node, host.document, script)}" if node.numbered \
                else heading_of(node, host.document, script)
            score = matcher.match(text)
            if score > 0:
                yield Hit(score * 0.9, matcher.highlight(text), partial(post, OpenNode(node.id)),
                          help="go to this node")
        for inv in host.involvement_table().values():
            name = tr(inv.agency.name, script)
            text = f"{name} {tr(inv.agency.full_name, script)}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score * 0.8, matcher.highlight(text),
                          partial(post, OpenAgency(inv.agency.name, filter_on=True)),
                          help=f"filter on this agency ({inv.total} tasks, leads {len(inv.lead)})")


def _keys(entry: KeyHelp) -> str:
    return "key: " + " ".join(entry.keys)


async def _run(app: App[Any], action: str, target: DOMNode) -> None:
    await app.run_action(action, target)
