"""The 分工 matrix as data: agencies by the sections of 二、 and 三、, with their roles."""

from __future__ import annotations

from ipx_tui.core.agencies import Involvement, by_involvement
from ipx_tui.core.document import Document, Role


def matrix_parts(document: Document) -> tuple[str, ...]:
    """The parts whose sections are columns: those with a section that has tasks (in the
    shipped document 二、重點行動 (11 sections) and 三、保障支撐 (7))."""
    return tuple(p.id for p in document.of_kind("part")
                 if any(s.children for s in document.children(p.id)))


def matrix_columns(document: Document) -> list[str]:
    """The section ids that are columns, in document order."""
    return [s.id for part in matrix_parts(document) for s in document.children(part)]


def section_role(document: Document, involvement: Involvement, section_id: str) -> Role | None:
    """An agency's role in a section: lead if it leads any of its tasks, else participant if
    it takes part in any, else None."""
    roles = {involvement.role_in(task.id) for task in document.children(section_id)}
    if "lead" in roles:
        return "lead"
    if "participant" in roles:
        return "participant"
    return None


def matrix_rows(document: Document, table: dict[str, Involvement]
                ) -> list[tuple[Involvement, list[Role | None]]]:
    """Every agency named in a task, most involved first, with its role in each column."""
    columns = matrix_columns(document)
    return [(inv, [section_role(document, inv, c) for c in columns])
            for inv in by_involvement(table) if inv.total]
