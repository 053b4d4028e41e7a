"""The running IpxApp, typed, for screens and providers (imported late: app.py imports them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.dom import DOMNode

if TYPE_CHECKING:
    from ipx_tui.tui.app import IpxApp


def ipx_of(node: DOMNode) -> IpxApp:
    """The IpxApp a widget or screen runs in."""
    from ipx_tui.tui.app import IpxApp

    app = node.app
    assert isinstance(app, IpxApp)
    return app
