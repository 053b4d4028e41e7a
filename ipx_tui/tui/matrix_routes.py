"""Opening and closing the matrix screen, without importing it before it is first opened.

The matrix is a DataTable: importing it would cost the first frame, so its module is looked
for in ``sys.modules`` to tell whether it can be showing at all. It is built once, when first
opened, and kept (installed) for the next time: building it again at every ``m`` cost its
table each time, and every closed one stayed in memory.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from textual.app import App

if TYPE_CHECKING:
    from ipx_tui.tui.screens.matrix import MatrixScreen

_MODULE = "ipx_tui.tui.screens.matrix"
NAME = "matrix"
"""The matrix screen's name among the app's installed screens."""


def show(app: App[Any], key: str) -> None:
    """Show the matrix with the cursor on ``agency|section``."""
    from ipx_tui.tui.screens.matrix import MatrixScreen  # deferred: DataTable

    if isinstance(app.screen, MatrixScreen):
        app.screen.move_to(key)
        return
    if not app.is_screen_installed(NAME):
        app.install_screen(MatrixScreen(key), NAME)
    screen = app.get_screen(NAME)
    assert isinstance(screen, MatrixScreen)
    screen.start_key = key
    app.push_screen(screen)


def close(app: App[Any]) -> None:
    """Take the matrix off the screen, if it is on."""
    while shown(app) is not None:
        app.pop_screen()


def shown(app: App[Any]) -> MatrixScreen | None:
    """The matrix screen, when it is the one shown."""
    if _MODULE not in sys.modules:
        return None  # never opened
    from ipx_tui.tui.screens.matrix import MatrixScreen

    return app.screen if isinstance(app.screen, MatrixScreen) else None
