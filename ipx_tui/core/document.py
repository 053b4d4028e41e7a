"""The document model: frozen dataclasses, built once by :mod:`ipx_tui.core.parse`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["lead", "participant"]
"""An agency's part in a task: 牽頭 (lead) or 參與 (participant)."""

Kind = Literal["front", "part", "section", "item"]
"""What a node is: front matter, a part (一、), a section ((一)) or a numbered item (1.)."""

Rule = Literal["first-leads", "joint-lead", "sole-lead", "collective"]
"""How a list of agencies assigns roles.

- ``first-leads``: ``X、Y、Z等負責``, the first listed leads (列第一位者為牽頭部門).
- ``joint-lead``: ``X、Y共同牽頭``, all lead.
- ``sole-lead``: ``X牽頭``.
- ``collective``: ``各部門、各地方政府負責``, shared responsibility with no lead.
"""


@dataclass(frozen=True, slots=True)
class Assignment:
    """One agency named in a task's list, with its role."""

    agency: str
    """The registry key: the name as written in the document (traditional)."""
    role: Role


@dataclass(frozen=True, slots=True)
class Responsibility:
    """A list of responsible agencies as the document states it."""

    assignments: tuple[Assignment, ...]
    rule: Rule
    source: str
    """The words inside the parentheses, as written."""
    inherited_from: str | None = None
    """The section whose list applies, for items of 二、; None where the node states its own."""

    @property
    def leads(self) -> tuple[str, ...]:
        """The agencies that lead."""
        return tuple(a.agency for a in self.assignments if a.role == "lead")

    @property
    def participants(self) -> tuple[str, ...]:
        """The agencies that take part without leading."""
        return tuple(a.agency for a in self.assignments if a.role == "participant")


@dataclass(frozen=True, slots=True)
class Node:
    """One node of the outline."""

    id: str
    """Dotted numbering (``2.11.3``) or a front-matter name (``front``, ``closing``)."""
    parent: str | None
    kind: Kind
    label: str
    """The numbering as written: ``一、``, ``（十一）``, ``3.``; empty for front matter."""
    title: str
    """The heading without numbering and without a final 。."""
    paragraphs: tuple[str, ...]
    """The heading line and the node's own paragraphs, not its children's."""
    responsibility: Responsibility | None = None
    children: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The node's own text: its paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)

    @property
    def agencies(self) -> tuple[Assignment, ...]:
        """The node's agencies with their roles (empty where none are named)."""
        return self.responsibility.assignments if self.responsibility else ()

    @property
    def numbered(self) -> bool:
        """Whether the node is part of the document's numbering (not front matter)."""
        return self.kind != "front"

    @property
    def heading_alone(self) -> bool:
        """Whether the first paragraph is only the heading (``（一）總體思路。``, ``一、行動要求``),
        which a reader is shown once, as the heading."""
        return bool(self.paragraphs) and (
            self.paragraphs[0].rstrip("。") == self.label + self.title)

    @property
    def depth(self) -> int:
        """0 for parts and front matter, 1 for sections, 2 for items."""
        return {"front": 0, "part": 0, "section": 1, "item": 2}[self.kind]


@dataclass(frozen=True)
class Document:
    """The whole document: metadata and nodes in document order."""

    title: str
    number: str
    """The document number, 國發〔2015〕40號."""
    date: str
    issuer: str
    addressees: str
    nodes: tuple[Node, ...]
    by_id: dict[str, Node] = field(repr=False, compare=False)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self.by_id

    def node(self, node_id: str) -> Node:
        """The node with this id; KeyError if there is none."""
        return self.by_id[node_id]

    def children(self, node_id: str) -> tuple[Node, ...]:
        """The node's children in document order."""
        return tuple(self.by_id[c] for c in self.by_id[node_id].children)

    def of_kind(self, kind: Kind) -> tuple[Node, ...]:
        """Every node of one kind, in document order."""
        return tuple(n for n in self.nodes if n.kind == kind)

    @property
    def roots(self) -> tuple[Node, ...]:
        """The top of the outline: front matter and the three parts."""
        return tuple(n for n in self.nodes if n.parent is None)

    @property
    def tasks(self) -> tuple[Node, ...]:
        """The 65 numbered items: the tasks agencies are responsible for."""
        return self.of_kind("item")

    def ancestors(self, node_id: str) -> tuple[Node, ...]:
        """The node's ancestors, outermost first."""
        chain: list[Node] = []
        parent = self.by_id[node_id].parent
        while parent is not None:
            chain.append(self.by_id[parent])
            parent = self.by_id[parent].parent
        return tuple(reversed(chain))
