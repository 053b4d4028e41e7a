"""The agency registry (content/agencies.toml) and who does what in the document."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ipx_tui.core import content
from ipx_tui.core.document import Document, Role
from ipx_tui.core.errors import UserError, shorten
from ipx_tui.core.script import normalize

AgencyKind = Literal["body", "collective"]


@dataclass(frozen=True, slots=True)
class Agency:
    """One body named in the document, as the registry records it."""

    name: str
    """The name as written in the document (traditional); the key."""
    kind: AgencyKind
    full_name: str
    """The official name in 2015."""
    successor: str
    """The body that holds its functions today (after 2018 and 2023)."""
    successor_short: str
    history: tuple[str, ...]
    aliases: tuple[str, ...]

    @property
    def renamed(self) -> bool:
        """Whether the body no longer exists under its 2015 name."""
        return self.successor != self.full_name

    @property
    def names(self) -> tuple[str, ...]:
        """Every name it is known by: as written, full, aliases, today's."""
        return (self.name, self.full_name, *self.aliases, self.successor, self.successor_short)


@dataclass(frozen=True, slots=True)
class Involvement:
    """The tasks (numbered items) one agency leads and takes part in."""

    agency: Agency
    lead: tuple[str, ...]
    participant: tuple[str, ...]

    @property
    def total(self) -> int:
        """How many tasks it is named in."""
        return len(self.lead) + len(self.participant)

    def role_in(self, node_id: str) -> Role | None:
        """Its role in a task, or None."""
        if node_id in self.lead:
            return "lead"
        if node_id in self.participant:
            return "participant"
        return None


class UnknownAgency(UserError, LookupError):
    """No agency matches a name; carries the nearest names for the message."""

    def __init__(self, query: str, suggestions: list[str]) -> None:
        self.query = query
        self.suggestions = suggestions
        hint = (f"; did you mean {', '.join(suggestions)}?" if suggestions
                else "; `ipx-tui agencies` lists them")
        super().__init__(f"unknown agency {shorten(query)!r}{hint}")


class Registry:
    """Every agency, in registry order, with lookup by any name in either script."""

    def __init__(self, agencies: Iterable[Agency]) -> None:
        self.agencies: tuple[Agency, ...] = tuple(agencies)
        self.by_name: dict[str, Agency] = {a.name: a for a in self.agencies}

    def __len__(self) -> int:
        return len(self.agencies)

    def __getitem__(self, name: str) -> Agency:
        return self.by_name[name]

    @property
    def _keys(self) -> dict[str, list[Agency]]:
        """Each normalised name → the agencies it names (today's names can name several)."""
        return _keys_of(self)

    def find(self, query: str) -> list[Agency]:
        """The agencies a query names exactly (by any name, either script), in registry order.

        Today's names find every body merged into them: 市场监管总局 finds three.
        """
        return self.find_normalized(normalize(query.strip()))

    def find_normalized(self, key: str) -> list[Agency]:
        """The agencies a name already in :func:`normalize`'s form names, in registry order."""
        return list(self._keys.get(key, []))

    def search(self, query: str) -> list[Agency]:
        """Agencies any of whose names contain the query (for a picker that narrows as you type)."""
        needle = normalize(query.strip())
        if not needle:
            return list(self.agencies)
        return [a for a in self.agencies if any(needle in k for k in _normalized_names(a))]

    def resolve(self, query: str) -> list[Agency]:
        """The agencies a name stands for; UnknownAgency with suggestions if none."""
        found = self.find(query) or (self.search(query) if _long_enough(query) else [])
        if not found:
            raise UnknownAgency(query, self.suggest(query))
        return found

    def suggest(self, query: str, n: int = 3) -> list[str]:
        """The registry names closest to a query."""
        needle = normalize(query.strip())[:40]
        names = {normalize(a.name): a.name for a in self.agencies}
        close = difflib.get_close_matches(needle, list(names), n=n, cutoff=0.3)
        return [names[c] for c in close]


def _long_enough(query: str) -> bool:
    # a single character (部, 局) is in too many names to stand for one
    return len(unicodedata.normalize("NFKC", query.strip())) >= 2


@cache
def _normalized_names(agency: Agency) -> tuple[str, ...]:
    return tuple(dict.fromkeys(normalize(n) for n in agency.names))


@cache
def _keys_of(registry: Registry) -> dict[str, list[Agency]]:
    keys: dict[str, list[Agency]] = {}
    for agency in registry.agencies:
        for key in _normalized_names(agency):
            bucket = keys.setdefault(key, [])
            if agency not in bucket:
                bucket.append(agency)
    return keys


def parse_registry(text: str) -> Registry:
    """Read the registry from TOML text."""
    import tomllib  # here: the browser reads the registry after its first frame

    data = tomllib.loads(text)
    agencies = []
    for entry in data["agency"]:
        kind = entry["kind"]
        if kind not in ("body", "collective"):
            raise ValueError(f"{entry['name']}: unknown kind {kind!r}")
        agencies.append(Agency(
            name=entry["name"], kind=kind, full_name=entry["full_name"],
            successor=entry["successor"], successor_short=entry["successor_short"],
            history=tuple(entry["history"]), aliases=tuple(entry["aliases"]),
        ))
    return Registry(agencies)


@cache
def load_registry() -> Registry:
    """The shipped registry, read once per process."""
    return parse_registry(content.read_text(content.AGENCIES))


def involvement(document: Document, registry: Registry) -> dict[str, Involvement]:
    """Each agency's tasks by role, keyed by name, in registry order."""
    lead: dict[str, list[str]] = {a.name: [] for a in registry.agencies}
    part: dict[str, list[str]] = {a.name: [] for a in registry.agencies}
    for task in document.tasks:
        for assignment in task.agencies:
            (lead if assignment.role == "lead" else part)[assignment.agency].append(task.id)
    return {
        a.name: Involvement(a, tuple(lead[a.name]), tuple(part[a.name]))
        for a in registry.agencies
    }


def by_involvement(table: dict[str, Involvement]) -> list[Involvement]:
    """Most involved first: by tasks led, then by total, then registry order."""
    order = {name: i for i, name in enumerate(table)}
    return sorted(table.values(),
                  key=lambda v: (-v.total, -len(v.lead), order[v.agency.name]))


def merged_bodies(registry: Registry) -> dict[str, tuple[Agency, ...]]:
    """Today's names that stand for several 2015 bodies (市場監管總局: 質檢總局, 食品藥品監管總局,
    工商總局), each with its bodies in registry order; keyed by the short name as the registry
    writes it."""
    found: dict[str, list[Agency]] = {}
    for agency in registry.agencies:
        if agency.renamed:
            found.setdefault(agency.successor_short, []).append(agency)
    return {name: tuple(bodies) for name, bodies in found.items()
            if len(bodies) > 1 and name not in registry.by_name}


def combined_involvement(document: Document, table: dict[str, Involvement], name: str,
                         bodies: Iterable[Agency]) -> Involvement:
    """The tasks of several bodies as one, under today's name: each task once, led when any of
    them leads it, in document order. Its agency is a stand-in named ``name`` whose history is
    theirs."""
    bodies = tuple(bodies)
    lead = {t for b in bodies for t in table[b.name].lead}
    joined = {t for b in bodies for t in table[b.name].participant} - lead
    first = bodies[0]
    stand_in = Agency(name=name, kind="body", full_name=first.successor,
                      successor=first.successor, successor_short=name,
                      history=tuple(dict.fromkeys(h for b in bodies for h in b.history)),
                      aliases=())
    order = [t.id for t in document.tasks]
    return Involvement(stand_in, tuple(t for t in order if t in lead),
                       tuple(t for t in order if t in joined))
