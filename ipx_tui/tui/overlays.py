"""A wide character in a layer on top (a notice over the footer) drawn whole, not as two spaces.

Textual's compositor cuts every line at the edge of every widget on it, those hidden behind
an overlay too, and divides each widget's line at those cuts; a double-width character
across a cut becomes two spaces (``Segment.split_cells``). A notice drawn over the footer
lost the character that sat over the edge of a footer key: 已是最早的视图 showed as
``已是最  的视图`` (Textualize/textual#6357, open as of Textual 8.2). English never has
double-width characters, so only the Chinese interfaces showed it.

The fix is the one proposed there: a widget is not divided at a cut when it paints both
sides of it (no widget in front took either), and the bucket it would have filled holds an
empty strip, so that no widget behind claims it. Cuts where a widget in front does take a
side are kept: a character truly half covered is still blanked, as it must be.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from textual._compositor import Compositor
from textual.geometry import Region
from textual.strip import Strip

_EMPTY = Strip([], 0)
_TAKEN = object()
"""What ``dict.get`` gives for a position that is no bucket (the line's end)."""


def _render_chops(self: Compositor, crop: Region, is_rendered_line: Callable[[int], bool]
                  ) -> Sequence[Mapping[int, Strip]]:
    """Textual's ``Compositor._render_chops`` (8.2), dividing a widget's line only at the
    cuts where a widget in front takes one side (see the module's docstring)."""
    cuts = self.cuts
    chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    for region, clip, strips in self._get_renders(crop):
        render_region = Region.intersection(region, clip)
        render_x = render_region.x
        first_cut, last_cut = render_region.column_span
        for y, strip in zip(render_region.line_range, strips, strict=False):
            if not is_rendered_line(y):
                continue
            line = chops[y]
            final_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
            divide_at: list[int] = []
            merged: list[int] = []
            for index in range(1, len(final_cuts)):
                cut = final_cuts[index]
                inside = index < len(final_cuts) - 1
                if (inside and line.get(final_cuts[index - 1], _TAKEN) is None
                        and line.get(cut, _TAKEN) is None):
                    merged.append(cut)  # this widget paints both sides: keep it whole here
                else:
                    divide_at.append(cut)
            starts = [final_cuts[0], *divide_at[:-1]] if final_cuts else []
            pieces = strip.divide([cut - render_x for cut in divide_at])
            for start, piece in zip(starts, pieces, strict=False):
                if line.get(start) is None:
                    line[start] = piece
            for cut in merged:
                if line.get(cut) is None:
                    line[cut] = _EMPTY
    return chops  # type: ignore[return-value]


_ORIGINAL: Any = Compositor.__dict__.get("_render_chops")


def keep_wide_characters_whole() -> bool:
    """Use the fixed ``_render_chops`` (once, for the process); False when this Textual has no
    such method to replace (then its own stays, and wide characters may lose half as before).
    """
    if _ORIGINAL is None:
        return False
    Compositor._render_chops = _render_chops  # type: ignore[method-assign]
    return True
