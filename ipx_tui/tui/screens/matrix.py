"""The 分工 matrix: agencies by sections of 二、 and 三、; ● where they lead, ○ where they join."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ipx_tui.core import labels
from ipx_tui.core.agencies import Involvement
from ipx_tui.core.document import Role
from ipx_tui.core.i18n import N_, _
from ipx_tui.core.matrix import matrix_columns, matrix_parts, matrix_rows, section_role
from ipx_tui.core.script import Script
from ipx_tui.tui.cursor import point_at
from ipx_tui.tui.host import Host, host_of
from ipx_tui.tui.messages import MatrixMoved, OpenAgency, OpenNode
from ipx_tui.tui.pages import count_runs, heading_of
from ipx_tui.tui.texts import ROLE_MARK, fit, tr
from ipx_tui.tui.widgets.chrome import KeysFooter, TitleHeader

NAME_CELLS = 18
"""The widest agency name (人力資源社會保障部), after a space."""
COLUMN_CELLS = 3
"""A section's column: ``10`` or a mark, centred, with a space to each side of a mark."""


class MatrixTable(DataTable[Text]):
    """The matrix grid, with vi keys besides the arrows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", N_("Up"), show=False, id="matrix.up"),
        Binding("down,j", "cursor_down", N_("Down"), show=False, id="matrix.down"),
        Binding("left,h", "cursor_left", N_("Left"), show=False, id="matrix.left"),
        Binding("right,l", "cursor_right", N_("Right"), show=False, id="matrix.right"),
        Binding("pagedown", "page_down", N_("Page down"), show=False, id="matrix.page-down"),
        Binding("pageup", "page_up", N_("Page up"), show=False, id="matrix.page-up"),
        Binding("g,home", "scroll_top", N_("First row"), show=False, id="matrix.first"),
        Binding("G,end", "scroll_bottom", N_("Last row"), show=False, id="matrix.last"),
        Binding("enter", "select_cursor", N_("Open"), id="matrix.open",
                tooltip=N_("Open the section filtered; on a name, its page")),
    ]

    def watch_cursor_coordinate(self, old_coordinate: Coordinate,
                                new_coordinate: Coordinate) -> None:
        super().watch_cursor_coordinate(old_coordinate, new_coordinate)
        self.call_after_refresh(self.point_cursor)  # once the cell is scrolled into view

    def on_focus(self) -> None:
        self.point_cursor()

    def point_cursor(self) -> None:
        """The terminal's cursor on the cursor's cell, for screen readers (tui/cursor.py)."""
        if self.has_focus:
            # DataTable has no public way to a cell's place (its widths vary by column)
            cell = self._get_cell_region(self.cursor_coordinate)
            point_at(self, cell.y, cell.x)


class MatrixScreen(Screen[None]):
    """The 分工 matrix as a screen of its own; it is a view in the history."""

    ALLOWS_VIEW_KEYS: ClassVar[bool] = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,m", "app.close_matrix", N_("Close"), id="matrix.close"),
    ]

    def __init__(self, key: str = "") -> None:
        super().__init__()
        self.start_key = key
        self.rows: list[tuple[Involvement, list[Role | None]]] = []
        self.columns: list[str] = []
        # No padding in the cells: with the default (a cell each side) the 18 columns took 92
        # cells and 三 5-7 went behind a scroll at 80 columns; now they take 19 + 18 × 3 = 73.
        self.table = MatrixTable(id="matrix", cursor_type="cell", fixed_columns=1,
                                 header_height=2, zebra_stripes=True, cell_padding=0)
        self.status = Static("", id="matrix-status", markup=False)
        self.legend = Static("", id="matrix-legend", markup=False)

    @property
    def host(self) -> Host:
        """The app, as screens see it."""
        return host_of(self)

    def compose(self) -> ComposeResult:
        yield TitleHeader(icon="≡")
        yield self.legend
        yield self.table
        yield self.status
        yield KeysFooter()

    def on_mount(self) -> None:
        document = self.host.document
        self.columns = matrix_columns(document)
        self.rows = matrix_rows(document, self.host.involvement_table())
        self.fill()
        self.watch(self.app, "script", self.fill, init=False)

    def on_screen_resume(self) -> None:
        # Each time it is shown (it is built once and kept): the cursor where it was asked for.
        self.move_to(self.start_key)
        self.table.focus()

    # --- contents ---------------------------------------------------------------------

    def fill(self) -> None:
        """(Re)build the grid in the app's script, keeping the cursor."""
        script: Script = self.host.script
        cursor = self.table.cursor_coordinate
        self.table.clear(columns=True)
        legend = Text(f" {ROLE_MARK['lead']} {tr(labels.LEADS, script)}\n"
                      f" {ROLE_MARK['participant']} {tr(labels.JOINS, script)}")
        self.table.add_column(legend, key="agency", width=NAME_CELLS + 1)
        numerals = {p: tr(self.host.document.node(p).label, script).rstrip("、")
                    for p in matrix_parts(self.host.document)}
        for i, section_id in enumerate(self.columns):
            part, number = section_id.split(".")
            # the part's numeral over its first column (sections may number on across parts)
            first = i == 0 or self.columns[i - 1].split(".")[0] != part
            top = numerals[part] if first else ""
            self.table.add_column(Text(f"{top}\n{number}", justify="center"), key=section_id,
                                  width=COLUMN_CELLS)
        for inv, roles in self.rows:
            cells = [Text(" " + tr(inv.agency.name, script))]
            cells += [Text(ROLE_MARK[r] if r else "", justify="center",
                           style="bold" if r == "lead" else "") for r in roles]
            self.table.add_row(*cells, key=inv.agency.name)
        self.legend.update(self._cut(self.legend, self._legend(script)))
        if self.table.row_count:
            self.table.cursor_coordinate = cursor
        self.update_status()

    def _legend(self, script: Script) -> str:
        parts = [tr(self.host.document.node(p).label, script)
                 + tr(self.host.document.node(p).title, script)
                 for p in matrix_parts(self.host.document)]
        return f"分工 · {' / '.join(parts)} · ↑↓←→ Enter"

    def move_to(self, key: str) -> None:
        """Put the cursor on the cell ``agency|section`` (or the first cell)."""
        agency, _, section = key.partition("|")
        names = [inv.agency.name for inv, _ in self.rows]
        row = names.index(agency) if agency in names else 0
        column = self.columns.index(section) + 1 if section in self.columns else 1
        self.table.cursor_coordinate = Coordinate(row, column)

    @property
    def cell(self) -> tuple[Involvement, str | None]:
        """The agency and the section (None in the agency column) under the cursor."""
        row, column = self.table.cursor_coordinate
        inv = self.rows[row][0]
        return inv, self.columns[column - 1] if column >= 1 else None

    @property
    def cursor_key(self) -> str:
        """The cursor as a history key."""
        inv, section = self.cell
        return f"{inv.agency.name}|{section or ''}"

    def update_status(self) -> None:
        """Say what the cursor is on: the agency's counts, the section and the role."""
        if not self.rows:
            return
        script: Script = self.host.script
        inv, section = self.cell
        first = "".join(r.text for r in count_runs(inv.agency, inv, script))
        if section is None:
            second = _("Enter: {agency}").format(agency=tr(inv.agency.name, script))
        else:
            node = self.host.document.node(section)
            role = section_role(self.host.document, inv, section)
            said = tr(labels.ROLE[role], script) if role else "—"
            second = f"{section} {heading_of(node, self.host.document, script)} · {said}"
        self.status.update(self._cut(self.status, f"{first}\n{second}"))

    @staticmethod
    def _cut(widget: Static, text: str) -> str:
        """Each line of text cut with the mark to the widget's width (once it has one)."""
        cells = widget.content_region.width
        return "\n".join(fit(line, cells) for line in text.split("\n")) if cells > 0 else text

    def on_resize(self) -> None:
        if self.rows:
            self.legend.update(self._cut(self.legend, self._legend(self.host.script)))
            self.update_status()

    # --- events -----------------------------------------------------------------------

    @on(DataTable.CellHighlighted)
    def _moved(self) -> None:
        self.update_status()
        self.post_message(MatrixMoved(self.cursor_key))

    @on(DataTable.CellSelected)
    def _chosen(self) -> None:
        inv, section = self.cell
        if section is None:
            self.post_message(OpenAgency(inv.agency.name))
        elif section_role(self.host.document, inv, section) is None:
            self.notify(_("{agency} has no task in {section}").format(
                agency=tr(inv.agency.name, self.host.script), section=section), timeout=3)
        else:
            self.post_message(OpenNode(section, agency=inv.agency.name, keep_filter=False))
