"""The agency registry (content/agencies.toml) and who does what in the document.

Lookup (:meth:`Registry.find`, :meth:`Registry.resolve`) goes by every name a body has: as
written, its 2015 full name, its aliases in either script, its English names and
abbreviations, and the names of the bodies that hold its functions today. A body of today
stands for every 2015 body it took functions from (市场监管总局 finds three), and a second
successor stands for the one body it came from: 国家药监局 (NMPA, from 食品藥品監管總局's drug
functions) finds 食品藥品監管總局 alone, whose main successor stays 市場監管總局.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from ipx_tui.core import content
from ipx_tui.core.document import Document, Role
from ipx_tui.core.errors import UserError, shorten
from ipx_tui.core.i18n import _
from ipx_tui.core.script import Script, normalize, render

AgencyKind = Literal["body", "collective"]
PlanKind = Literal["state-council", "party", "other"]
"""Who made a change: the State Council's 國務院機構改革方案 (approved by the National People's
Congress), the Party's 深化黨和國家機構改革方案 (2018) or 黨和國家機構改革方案 (2023), or neither
(a body's own renaming)."""


@dataclass(frozen=True, slots=True)
class Plan:
    """A reorganisation plan (or other act) that history lines cite."""

    key: str
    """Its key in the registry's [plans] table (``sc2018``)."""
    kind: PlanKind
    title: str
    """The plan's title without 《》 (國務院機構改革方案)."""
    year: int
    issued_by: str
    adopted: str
    """Who adopted or approved it, and when."""


@dataclass(frozen=True, slots=True)
class Change:
    """What one plan did to a body (or to the body that took over its functions)."""

    year: int
    plan: Plan
    text: str

    @property
    def line(self) -> str:
        """The history line as shown: 2018年（國務院機構改革方案）：…; a renaming has no plan."""
        if self.plan.kind == "other":
            return f"{self.year}年：{self.text}"
        return f"{self.year}年（{self.plan.title}）：{self.text}"


@dataclass(frozen=True, slots=True)
class Successor:
    """A further body that took over part of a 2015 body's functions (國家藥品監督管理局)."""

    name: str
    short: str
    english: str
    abbreviation: str
    managed_by: str
    """The body that manages it, or ""."""
    aliases: tuple[str, ...] = ()
    aliases_simplified: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every name it is known by, in either script and in English."""
        return tuple(n for n in (self.name, self.short, self.english, self.abbreviation,
                                 *self.aliases, *self.aliases_simplified) if n)


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
    """Each change as one line (:attr:`Change.line`), oldest first."""
    aliases: tuple[str, ...]
    """What people type, in traditional script or Latin letters."""
    english: str = ""
    """The official English name in July 2015 (a plain rendering where descriptive)."""
    abbreviation: str = ""
    """The usual English abbreviation in 2015, or ""."""
    successor_english: str = ""
    """The successor's official English name today."""
    successor_abbreviation: str = ""
    english_descriptive: bool = False
    """The English names are a plain rendering, not official (各部門, 各地方政府)."""
    english_note: str = ""
    """What is uncertain about the English names, or ""."""
    source: str = ""
    """Where the English names come from."""
    changes: tuple[Change, ...] = ()
    """The history with each line's plan, oldest first."""
    aliases_simplified: tuple[str, ...] = ()
    """What people type in simplified script, as they write it (国家发展改革委)."""
    other_successors: tuple[Successor, ...] = ()
    """Further bodies that took over part of its functions (國家藥品監督管理局)."""
    registered: bool = True
    """In the registry; False for a body an imported document names that it does not know
    (shown as written, with its tasks, counts and filter like any other)."""

    @property
    def renamed(self) -> bool:
        """Whether the body no longer exists under its 2015 name."""
        return self.successor != self.full_name

    @property
    def successors(self) -> tuple[str, ...]:
        """Every body holding its functions today: the successor first, then the others."""
        return (self.successor, *(s.name for s in self.other_successors))

    @property
    def english_names(self) -> tuple[str, ...]:
        """Its English names and abbreviations, 2015's and today's, without repeats."""
        return tuple(dict.fromkeys(n for n in (self.english, self.abbreviation,
                                               self.successor_english,
                                               self.successor_abbreviation) if n))

    @property
    def names(self) -> tuple[str, ...]:
        """Every name it is known by: as written, full, aliases in both scripts, today's,
        English, and its other successors'."""
        return (self.name, self.full_name, *self.aliases, *self.aliases_simplified,
                self.successor, self.successor_short, *self.english_names,
                *(n for s in self.other_successors for n in s.names))

    def aliases_in(self, script: Script) -> tuple[str, ...]:
        """The aliases to show in a script: traditional shows those written in traditional
        (never a simplified one as if it were traditional); simplified shows those converted
        and the ones written in simplified, without repeats."""
        if script == "traditional":
            return self.aliases
        return tuple(dict.fromkeys((*(render(a, script) for a in self.aliases),
                                    *self.aliases_simplified)))


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
        hint = (_("; did you mean {names}?").format(names=", ".join(suggestions)) if suggestions
                else _("; `ipx-tui agencies` lists them"))
        super().__init__(_("unknown agency {query!r}{hint}").format(query=shorten(query),
                                                                      hint=hint))


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

    def search_english(self, query: str) -> list[Agency]:
        """Agencies with an English name that has every word of the query as a word, or as
        the start of one (``market regulation``, ``Regul Market``), case-insensitive."""
        words = _words(query)
        if not words:
            return []
        return [a for a in self.agencies
                if any(_has_words(name, words) for name in _english_words(a))]

    def resolve(self, query: str) -> list[Agency]:
        """The agencies a name stands for; UnknownAgency with suggestions if none.

        In order: an exact name in any script or in English (:meth:`find`); a part of a name
        (:meth:`search`); the words of an English name (:meth:`search_english`).
        """
        found = self.find(query) or (
            (self.search(query) or self.search_english(query)) if _long_enough(query) else [])
        if not found:
            raise UnknownAgency(query, self.suggest(query))
        return found

    def suggest(self, query: str, n: int = 3) -> list[str]:
        """The registry names closest to a query; a query in Latin letters is compared with
        the English names (``ministry of agricture`` suggests 農業部)."""
        text = query.strip()
        if text.isascii() and any(c.isalpha() for c in text):
            needle = _normalize_name(text)[:80]
            english = {_normalize_name(e): a.name for a in self.agencies
                       for e in a.english_names}
            close = difflib.get_close_matches(needle, list(english), n=n * 2, cutoff=0.6)
            return list(dict.fromkeys(english[c] for c in close))[:n]
        needle = normalize(text)[:40]
        names = {normalize(a.name): a.name for a in self.agencies}
        close = difflib.get_close_matches(needle, list(names), n=n, cutoff=0.3)
        return [names[c] for c in close]


def _long_enough(query: str) -> bool:
    # a single character (部, 局) is in too many names to stand for one
    return len(unicodedata.normalize("NFKC", query.strip())) >= 2


def _normalize_name(name: str) -> str:
    # Latin names (NDRC, the English names) fold the same without t2s, which would import
    # OpenCC for strings that the shipped simplified table does not hold
    if name.isascii():
        return unicodedata.normalize("NFKC", name).casefold()
    return normalize(name)


@cache
def _normalized_names(agency: Agency) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_normalize_name(n) for n in agency.names))


def _words(text: str) -> tuple[str, ...]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return tuple("".join(c if c.isalnum() else " " for c in folded).split())


def _has_words(name: tuple[str, ...], words: tuple[str, ...]) -> bool:
    return all(any(w.startswith(q) for w in name) for q in words)


@cache
def _english_words(agency: Agency) -> tuple[tuple[str, ...], ...]:
    names = (*agency.english_names, *(n for s in agency.other_successors
                                      for n in (s.english, s.abbreviation) if n))
    return tuple(_words(n) for n in names)


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
    """Read the registry from TOML text; ValueError on an unknown kind or plan."""
    import tomllib  # here: the browser reads the registry after its first frame

    data = tomllib.loads(text)
    plans = {key: _plan(key, p) for key, p in data.get("plans", {}).items()}
    agencies = []
    for entry in data["agency"]:
        kind = entry["kind"]
        if kind not in ("body", "collective"):
            raise ValueError(f"{entry['name']}: unknown kind {kind!r}")
        changes = tuple(_change(entry["name"], c, plans) for c in entry["history"])
        agencies.append(Agency(
            name=entry["name"], kind=kind, full_name=entry["full_name"],
            successor=entry["successor"], successor_short=entry["successor_short"],
            history=tuple(c.line for c in changes), aliases=tuple(entry["aliases"]),
            english=entry.get("english", ""), abbreviation=entry.get("abbreviation", ""),
            successor_english=entry.get("successor_english", ""),
            successor_abbreviation=entry.get("successor_abbreviation", ""),
            english_descriptive=bool(entry.get("english_descriptive", False)),
            english_note=entry.get("english_note", ""), source=entry.get("source", ""),
            changes=changes, aliases_simplified=tuple(entry.get("aliases_simplified", ())),
            other_successors=tuple(_successor(s) for s in entry.get("other_successors", ())),
        ))
    return Registry(agencies)


def _plan(key: str, table: dict[str, Any]) -> Plan:
    kind = table["kind"]
    if kind not in ("state-council", "party", "other"):
        raise ValueError(f"plan {key}: unknown kind {kind!r}")
    return Plan(key, kind, table["title"], int(table["year"]), table["issued_by"],
                table["adopted"])


def _change(name: str, line: object, plans: dict[str, Plan]) -> Change:
    if not isinstance(line, dict):
        raise ValueError(f"{name}: a history line is a table {{year, plan, text}}")
    plan = plans.get(line["plan"])
    if plan is None:
        raise ValueError(f"{name}: unknown plan {line['plan']!r}")
    if plan.year != line["year"]:
        raise ValueError(f"{name}: plan {plan.key} is of {plan.year}, not {line['year']}")
    return Change(int(line["year"]), plan, line["text"])


def _successor(table: dict[str, Any]) -> Successor:
    return Successor(table["name"], table["short"], table["english"], table["abbreviation"],
                     table.get("managed_by", ""), tuple(table.get("aliases", ())),
                     tuple(table.get("aliases_simplified", ())))


@cache
def load_registry() -> Registry:
    """The shipped registry, read once per process."""
    return parse_registry(content.read_text(content.AGENCIES))


def unregistered(name: str) -> Agency:
    """A body an imported document names that the registry does not know, as written."""
    return Agency(name=name, kind="body", full_name=name, successor=name, successor_short=name,
                  history=(), aliases=(), registered=False)


def with_bodies(registry: Registry, names: Iterable[str]) -> Registry:
    """The registry and, after it, the bodies it does not know (:func:`unregistered`)."""
    extra = [unregistered(n) for n in dict.fromkeys(names) if n not in registry.by_name]
    return Registry([*registry.agencies, *extra]) if extra else registry


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
    theirs and whose English names are today's body's."""
    bodies = tuple(bodies)
    lead = {t for b in bodies for t in table[b.name].lead}
    joined = {t for b in bodies for t in table[b.name].participant} - lead
    first = bodies[0]
    stand_in = Agency(name=name, kind="body", full_name=first.successor,
                      successor=first.successor, successor_short=name,
                      history=tuple(dict.fromkeys(h for b in bodies for h in b.history)),
                      aliases=(), english=first.successor_english,
                      abbreviation=first.successor_abbreviation,
                      successor_english=first.successor_english,
                      successor_abbreviation=first.successor_abbreviation)
    order = [t.id for t in document.tasks]
    return Involvement(stand_in, tuple(t for t in order if t in lead),
                       tuple(t for t in order if t in joined))
