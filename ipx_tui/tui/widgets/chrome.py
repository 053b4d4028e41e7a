"""The header and the footer of every screen, fitted to the terminal's width.

Textual's own cut text silently (a title with "…", an ambiguous-width mark) or mid-word (a
footer binding cut to ``m Matr``, a stray cell left of the palette key). These never cut a
word: the header falls back to the document number, the footer drops whole bindings.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.content import Content
from textual.css.query import NoMatches
from textual.events import Resize
from textual.widgets import Footer, Header
from textual.widgets._footer import FooterKey
from textual.widgets._header import HeaderTitle

from ipx_tui.core.i18n import _
from ipx_tui.tui.texts import fit

ICON_CELLS = 8
"""The header's icon column (Textual's HeaderIcon: width 8)."""
CLOCK_CELLS = 10
"""The space Textual's header keeps for a clock on the right, even without one."""
SEPARATOR = " — "


def title_text(title: str, number: str, cells: int) -> str:
    """The header's text in ``cells``: the title and the number, else the number alone (the
    document's short name), cut with the mark only when even that does not fit."""
    full = f"{title}{SEPARATOR}{number}" if number else title
    if cell_len(full) <= cells:
        return full
    return fit(number or title, cells)


class TitleHeader(Header):
    """The header: ``title — number`` where it fits, else the number alone."""

    def format_title(self) -> Content:
        room = self.size.width - ICON_CELLS - CLOCK_CELLS
        if room <= 0:  # not laid out yet
            return super().format_title()
        title, number = self.screen_title, self.screen_sub_title
        text = title_text(title, number, room)
        if text.startswith(title) and number and text.endswith(number):
            return Content.assemble(title, (SEPARATOR, "dim"), (number, "dim"))
        return Content(text)

    def on_resize(self, event: Resize) -> None:
        try:
            self.query_one(HeaderTitle).update(self.format_title())
        except NoMatches:
            pass


def key_cells(key: FooterKey) -> int:
    """The cells a compact footer key takes, its margin included: ``q Quit `` is 7."""
    shown = cell_len(key.key_display)
    if key.description:
        shown += 1 + cell_len(key.description)
    return shown + 1


class KeysFooter(Footer):
    """A compact footer that shows as many whole bindings as fit, from the left, with the
    palette key at the right edge."""

    DEFAULT_CSS = """
    KeysFooter.-compact FooterKey.-command-palette {
        margin-right: 0;
    }
    """

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._fitted_width = -1

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        for key in keys:  # bindings are declared in English (marked N_): shown translated
            if isinstance(key, FooterKey):
                key.description = _(key.description)
                if isinstance(key.tooltip, str):
                    key.tooltip = _(key.tooltip)
        width = self.size.width
        self._fitted_width = width
        palette = [k for k in keys if isinstance(k, FooterKey) and k.has_class("-command-palette")]
        # the palette key: a one-cell border, the key and its word, no margin at the edge
        room = width - sum(key_cells(k) for k in palette)
        for key in keys:
            if key in palette:
                continue
            # (a group of keys is never squeezed in: this app has none)
            if not isinstance(key, FooterKey) or key_cells(key) > room:
                break
            room -= key_cells(key)
            yield key
        yield from palette

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._fitted_width and self.is_attached:
            self.call_after_refresh(self.recompose)
