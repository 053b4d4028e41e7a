"""A one-line text field with a maximum length that cuts what does not fit, and says so.

Textual's ``Input(max_length=…)`` refuses a paste that would go past its length as a whole (a
bell, nothing inserted); without a length a 1 MB paste went in whole, and every keystroke
after it searched a megabyte. A :class:`Field` keeps what fits and tells the reader the rest
was cut (see :mod:`ipx_tui.tui.bounds` for each field's length).
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Input

from ipx_tui.core.i18n import _


class Field(Input):
    """An ``Input`` that always has a maximum length and cuts text that would exceed it."""

    def __init__(self, value: str = "", *, max_length: int, **kwargs: Any) -> None:
        super().__init__(value[:max_length], max_length=max_length, **kwargs)

    def replace(self, text: str, start: int, end: int) -> None:
        """Replace ``start:end`` with as much of ``text`` as fits (a notice when cut)."""
        limit = self.max_length
        if limit and len(text) > 1:  # a paste or an insert; one typed key past it just rings
            lo, hi = sorted((max(0, start), min(len(self.value), end)))
            room = max(0, limit - (len(self.value) - (hi - lo)))
            if len(text) > room:
                text = text[:room]
                self.notify(_("Cut to {limit} characters: the most this field takes")
                            .format(limit=limit),
                            severity="warning", timeout=4)
                if not text:
                    return
        super().replace(text, start, end)
