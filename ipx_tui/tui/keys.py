"""Every key binding of the browser, gathered from the classes that declare them.

The help screen and the command palette are made from this, so a key is written once: in the
``BINDINGS`` of the class it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode

from ipx_tui.core.i18n import _


@dataclass(frozen=True, slots=True)
class KeyHelp:
    """One action with every key that does it."""

    keys: tuple[str, ...]
    """The keys as the footer shows them (``↑``, ``k``, ``^p``)."""
    action: str
    description: str
    """What it does, in the interface's language."""
    owner: type[DOMNode]


def bindings_of(owner: type[DOMNode]) -> list[Binding]:
    """The bindings a class declares itself (not those it inherits)."""
    declared: list[BindingType] = list(owner.__dict__.get("BINDINGS", []))
    out = []
    for item in declared:
        if isinstance(item, Binding):
            out.append(item)
        else:
            key, action, *rest = item
            out.append(Binding(key, action, rest[0] if rest else ""))
    return out


def key_help(app: App[Any], owner: type[DOMNode]) -> list[KeyHelp]:
    """The actions a class binds, each with all its keys, in declaration order."""
    merged: dict[str, KeyHelp] = {}
    for binding in bindings_of(owner):
        shown = tuple(app.get_key_display(replace(binding, key=key.strip(), key_display=None))
                      for key in binding.key.split(","))
        description = _(binding.tooltip or binding.description)
        found = merged.get(binding.action)
        if found is None:
            merged[binding.action] = KeyHelp(shown, binding.action, description, owner)
        else:
            merged[binding.action] = replace(found, keys=found.keys + shown)
    return list(merged.values())
