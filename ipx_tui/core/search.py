"""Search: which nodes contain a query, best first, whichever script it is typed in.

The ground truth is substring matching on normalised text (:func:`ipx_tui.core.script.normalize`:
NFKC, t2s, casefold) over each node's own text, so no hit is lost to word segmentation.
Words separated by spaces must all occur (AND). A word that names an agency exactly (as written,
an alias, a full name, today's name) also matches the names the document uses for it: 发改委
finds what 發展改革委 finds, and 市场监管总局 finds the three 2015 bodies merged into it. Such a
word also matches every node the agency is responsible for, leading or taking part, including
the items of 二 that inherit their section's list without naming anyone: each hit says how
(:attr:`Hit.agencies`).

Ranking: nodes whose title contains the words first, then a BM25 score over the jieba words of
the simplified text (shipped pre-segmented in content/derived/search_index.json), ties in
document order.
When nothing contains the whole query, each of its words that matches on its own is kept whole,
and only the words that match nothing are cut into jieba words of two or more characters; the
nodes holding any of those are marked partial, most of them first. 区块链 物联网 finds the 11
物联网 nodes and says 区块链 was not found; 区块链 alone finds nothing (not every node with 链).

Nothing here is loaded at import: the index is built on the first search (about 10 ms).
"""

from __future__ import annotations

import math
import threading
import unicodedata
from bisect import bisect_right
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property
from typing import TYPE_CHECKING, Literal, NamedTuple, TypeVar

from ipx_tui.core import content, labels
from ipx_tui.core.document import Document, Role
from ipx_tui.core.i18n import _
from ipx_tui.core.parse import load
from ipx_tui.core.script import Script, normalize, render
from ipx_tui.core.segment import Segmenter, load_segmenter

if TYPE_CHECKING:
    from ipx_tui.core.agencies import Registry

FALLBACK_CHARS = 200
"""How much of a long query the partial fallback cuts into words (a 10,000-character paste)."""

_K1, _B = 1.2, 0.75  # the usual BM25 constants
CACHE_SIZE = 256
"""Queries (and words) remembered, least recently used dropped first: the bar searches again at
every keystroke, and going back over a query is common."""
CACHED_CHARS = 200
"""Longer queries and words are not remembered: nobody types them twice, and a pasted megabyte
kept per keystroke grew the cache by a megabyte each time."""
# Control and format characters (zero-width spaces, a pasted escape sequence) and lone
# surrogates (undecodable bytes from argv) are dropped from a query: they are never meant.
_DROPPED = {"Cc", "Cf", "Cs"}


Span = tuple[int, int]
"""A half-open range of character offsets into a node's ``text``."""

How = Literal["lead", "participant", "named"]
"""How an agency word matched a node: it leads it, takes part in it, or only is named in it."""

_LEAD_WEIGHT, _PARTICIPANT_WEIGHT = 1.0, 0.6
"""What responsibility adds to a node's score, in idf units: leads rank above participants."""


class Hit(NamedTuple):
    """One node that matches, with why. (A NamedTuple: a search may make a hundred of them.)"""

    node_id: str
    title: str
    """As written (traditional)."""
    score: float
    """The BM25 score of the words in this node (higher is more relevant)."""
    title_hit: bool
    """Its title contains every word (for a partial result: at least one)."""
    partial: bool
    """Found only by some of the query's words, not by the whole query."""
    terms: tuple[str, ...]
    """The normalised strings found in this node (what to highlight)."""
    via: tuple[str, ...] = ()
    """Agencies found under another of their names (the registry's names, as written)."""
    agencies: tuple[tuple[str, How], ...] = ()
    """For each agency the query names (registry name): how it matched this node."""

    def how(self) -> tuple[How, ...]:
        """The distinct ways the query's agencies matched, strongest first."""
        found = {h for _, h in self.agencies}
        return tuple(h for h in ("lead", "participant", "named") if h in found)


@dataclass(frozen=True, slots=True)
class AliasNote:
    """A query word that names agencies the document calls something else."""

    word: str
    """The normalised query word, such as 市场监管总局."""
    agencies: tuple[str, ...]
    """The names the document uses (registry names, as written), such as 質檢總局."""
    today: bool
    """The word is today's name of bodies that had other names in 2015."""


@dataclass(frozen=True)
class SearchResult:
    """The answer to one query, best first."""

    query: str
    words: tuple[str, ...]
    """The normalised words that must all occur; empty for a blank query."""
    hits: tuple[Hit, ...]
    total: int
    """How many nodes match (``hits`` may be cut short by a limit)."""
    partial: bool = False
    """No node contains the whole query; the hits contain some of ``fallback_words``."""
    fallback_words: tuple[str, ...] = ()
    aliases: tuple[AliasNote, ...] = ()
    not_found: tuple[str, ...] = ()
    """Query words that match nothing, whole or cut into words (区块链), in a partial result."""
    within: tuple[str, ...] = ()
    """Set by :meth:`Engine.restrict`: what the hits were narrowed to (a caller's label)."""
    whole_total: int | None = None
    """Set by :meth:`Engine.restrict`: how many nodes match in the whole document."""

    @cached_property
    def terms(self) -> tuple[str, ...]:
        """Every normalised string to highlight in the hits."""
        return tuple(dict.fromkeys(t for hit in self.hits for t in hit.terms))

    def how(self, hit: Hit, script: Script) -> str:
        """How the query's agencies matched a hit: ``[發展改革委 牽頭]``, ``[2015: 質檢總局
        參與]``, ``[工業和信息化部 named in the text]``; empty when the query names no agency.
        The same words on the command line and in the browser."""
        if not hit.agencies:
            return ""
        groups: dict[str, list[str]] = {}
        for name, how in hit.agencies:
            word = _("named in the text") if how == "named" else render(labels.ROLE[how], script)
            groups.setdefault(word, []).append(render(name, script))
        inner = "; ".join(f"{'、'.join(names)} {word}" for word, names in groups.items())
        today = any(note.today for note in self.aliases)
        return f"[2015: {inner}]" if today else f"[{inner}]"


@dataclass(frozen=True, slots=True)
class Snippet:
    """A short piece of a node's text around its first match, in one script."""

    text: str
    spans: tuple[Span, ...]
    """The matches inside ``text``."""


@dataclass(slots=True)
class _WordMatch:
    scores: dict[int, float]
    """Node index → score, for every node containing one of the word's forms."""
    titles: frozenset[int]
    terms: dict[int, tuple[str, ...]]
    via: dict[int, tuple[str, ...]]
    note: AliasNote | None
    how: dict[int, tuple[tuple[str, How], ...]]
    """For an agency word: node → (agency, how it matched) for each agency the word names."""


@dataclass(frozen=True, slots=True)
class _AgencyTable:
    """Where a set of agencies matches, whatever name the query used for them."""

    forms: frozenset[str]
    """Their names as written and full names, normalised."""
    scores: dict[int, float]
    titles: frozenset[int]
    terms: dict[int, tuple[str, ...]]
    via: dict[str | None, dict[int, tuple[str, ...]]]
    """How the query named them (one of ``forms``, or None for an alias) → node → the agencies
    its text names under another name."""
    how: dict[int, tuple[tuple[str, How], ...]]
    normal: dict[str, str]
    """Agency → its normalised name as written."""
    today: dict[str, tuple[str, str]]
    """Agency → its successor's names, normalised."""


K = TypeVar("K")
V = TypeVar("V")


def _recall(cache: OrderedDict[K, V], key: K) -> V | None:
    """A remembered value, now the most recently used; None if not remembered."""
    found = cache.get(key)
    if found is not None:
        cache.move_to_end(key)
    return found


def _remember(cache: OrderedDict[K, V], key: K, value: V, chars: int) -> None:
    """Remember a value (unless its key is long), forgetting the least recently used."""
    if chars > CACHED_CHARS:
        return
    cache[key] = value
    while len(cache) > CACHE_SIZE:
        cache.popitem(last=False)


def clean(query: str) -> str:
    """The query without control and format characters and lone surrogates; spaces stay."""
    return "".join(c for c in query if unicodedata.category(c) not in _DROPPED or c.isspace())


def split_words(query: str, cap: int | None = None) -> tuple[str, ...]:
    """The normalised, distinct words of a query.

    With ``cap``, only the first ``cap`` characters of each word are normalised: callers pass
    four times the longest text, which a longer word cannot occur in, since normalising shrinks
    text by at most four code points to one (a Greek vowel with three combining marks). This
    keeps a 10,000-character paste from costing 30 ms of OpenCC on every keystroke.
    """
    words = clean(query).split()
    if cap is not None:
        words = [w[:cap] for w in words]
    return tuple(dict.fromkeys(n for w in words for n in normalize(w).split()))


class Engine:
    """The search index of one document, built from the shipped pre-segmented words."""

    def __init__(self, document: Document, segmenter: Segmenter,
                 words: dict[str, list[str]] | None = None,
                 registry: Registry | None = None) -> None:
        words = words or {}
        self.document = document
        self.registry = registry
        """The document's registry (an imported one's names bodies the shipped one lacks);
        None for the shipped registry, read when a word is first looked up."""
        self.segmenter = segmenter
        self.ids = [n.id for n in document.nodes]
        self.position = {node_id: i for i, node_id in enumerate(self.ids)}
        self.texts: list[str] = []
        self.counts: list[dict[str, int]] = []
        for node in document.nodes:
            tokens = words.get(node.id)
            if tokens is None:  # no shipped index: still correct, only ranked by this segmenter
                tokens = list(segmenter.cut(normalize(node.text)))
            self.texts.append("".join(tokens))
            self.counts.append(dict(Counter(t for t in tokens if _is_word(t))))
        self.source_titles = [n.title for n in document.nodes]
        self.titles = [normalize(n.title) for n in document.nodes]
        # Which nodes hold each character and each pair of characters: a word's candidates are
        # the nodes holding its rarest pair, checked with `in`. (One str.find over all the text
        # costs about 15 µs; the search budget is 50.)
        grams: dict[str, list[int]] = {}
        for i, text in enumerate(self.texts):
            for gram in {*text, *(text[j:j + 2] for j in range(len(text) - 1))}:
                grams.setdefault(gram, []).append(i)
        self.grams = {gram: tuple(nodes) for gram, nodes in grams.items()}
        self.cap = 4 * max(map(len, self.texts), default=0) + 4
        """Words are cut to this many characters before normalising (see split_words)."""
        self.title_corpus, self.title_starts = _joined(self.titles)
        lengths = [sum(c.values()) for c in self.counts]
        average = sum(lengths) / max(1, len(lengths)) or 1.0
        self.norms = [_K1 * (1 - _B + _B * n / average) for n in lengths]
        """BM25's length-normalised saturation term of each node."""
        df: Counter[str] = Counter()
        for c in self.counts:
            df.update(c.keys())
        self.idf = {t: self._idf(n) for t, n in df.items()}
        self.roles: dict[str, dict[int, Role]] = {}
        """Agency (registry name) → node index → its role there, lists inherited included."""
        for i, node in enumerate(document.nodes):
            for assignment in node.agencies:
                self.roles.setdefault(assignment.agency, {})[i] = assignment.role
        self._words: OrderedDict[str, _WordMatch] = OrderedDict()
        self._agency_tables: dict[tuple[str, ...], _AgencyTable] = {}
        self._results: OrderedDict[tuple[str, int | None], SearchResult] = OrderedDict()
        self._maps: dict[int, list[int] | None] = {}

    # --- matching -------------------------------------------------------------------------

    def _idf(self, df: int) -> float:
        n = len(self.ids)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def nodes_with(self, form: str) -> Sequence[int]:
        """The indices of the nodes whose normalised own text contains form, in order."""
        grams = self.grams
        if len(form) <= 2:  # a character or a pair: the table is the answer
            return grams.get(form, ()) if form else ()
        rarest: tuple[int, ...] | None = None
        for j in range(len(form) - 1):
            nodes = grams.get(form[j:j + 2])
            if nodes is None:
                return []
            if rarest is None or len(nodes) < len(rarest):
                rarest = nodes
        texts = self.texts
        return [i for i in rarest or () if form in texts[i]]

    def titles_with(self, form: str) -> list[int]:
        """The indices of the nodes whose normalised title contains form."""
        return _find_all(self.title_corpus, self.title_starts, form)

    def _score(self, form: str, nodes: Sequence[int]) -> dict[int, float]:
        idf, counts, norms = self.idf, self.counts, self.norms
        terms = [(t, idf[t]) for t in dict.fromkeys(self.segmenter.cut(form)) if t in idf]
        form_idf = self._idf(len(nodes))
        scores: dict[int, float] = {}
        for i in nodes:
            mine, norm = counts[i], norms[i]
            s = 0.0
            for term, weight in terms:
                tf = mine.get(term)
                if tf:
                    s += weight * tf * (_K1 + 1) / (tf + norm)
            if not s:  # the form cuts across the document's words: count it as a string
                tf = self.texts[i].count(form)
                s = form_idf * tf * (_K1 + 1) / (tf + norm)
            scores[i] = s
        return scores

    def match_word(self, word: str) -> _WordMatch:
        """Where one normalised word occurs; for an agency word, also where it is responsible."""
        found = _recall(self._words, word)
        if found is not None:
            return found
        agencies = self._registry().find_normalized(word)
        if not agencies:  # the usual case, kept cheap: one form, no agency
            nodes = self.nodes_with(word)
            same = (word,)
            found = _WordMatch(self._score(word, nodes), frozenset(self.titles_with(word)),
                               dict.fromkeys(nodes, same), {}, None, {})
        else:
            found = self._agency_word(word, tuple(a.name for a in agencies))
        _remember(self._words, word, found, len(word))
        return found

    def _english_name(self, query: str, words: tuple[str, ...]) -> str | None:
        """Several Latin words that name agencies by an English name (``market regulation``,
        ``National Development and Reform Commission``) as one agency word, when the text has
        none of them (its Latin words are few: IPv6, ISO); the word, or None."""
        if len(words) < 2 or not all(w.isascii() for w in words):
            return None
        if any(self.nodes_with(w) or self._registry().find_normalized(w) for w in words):
            return None
        registry = self._registry()
        agencies = registry.find(query) or registry.search_english(query)
        if not agencies:
            return None
        word = " ".join(words)
        if word not in self._words:
            self._words[word] = self._agency_word(word, tuple(a.name for a in agencies))
        return word

    def _registry(self) -> Registry:
        if self.registry is not None:
            return self.registry
        from ipx_tui.core.agencies import load_registry  # deferred: until a word is looked up

        return load_registry()

    def _agency_word(self, word: str, names: tuple[str, ...]) -> _WordMatch:
        """An agency word: the agencies' own match (see _agencies), and the word's own text
        matches where it is not one of their names (an alias the text uses, rarely)."""
        table = self._agencies(names)
        scores, terms = table.scores, table.terms
        titles = table.titles
        if word not in table.forms:
            nodes = self.nodes_with(word)
            if nodes:
                scores, terms = dict(scores), dict(terms)
                for i, sc in self._score(word, nodes).items():
                    scores[i] = max(sc, scores.get(i, 0.0))
                    terms[i] = (word, *terms.get(i, ()))
                titles = titles | frozenset(self.titles_with(word))
        # found under another of their names: every form the node holds but the word itself
        via = table.via[word if word in table.forms else None]
        registry = self._registry()
        others = tuple(n for n in names if table.normal[n] != word)
        today = any(registry[n].renamed and word in table.today[n] for n in names)
        note = AliasNote(word, others, today) if others else None
        return _WordMatch(scores, titles, terms, via, note, table.how)

    def _agencies(self, names: tuple[str, ...]) -> _AgencyTable:
        """Where agencies are named (as written, full name) and where they are responsible.

        Built once per set of agencies and kept: it depends on the registry and the document,
        never on how the query was typed (the index's agency part, made on first use).
        """
        table = self._agency_tables.get(names)
        if table is not None:
            return table
        registry = self._registry()
        own: dict[str, tuple[str, ...]] = {}
        forms: dict[str, list[str]] = {}
        for name in names:
            agency = registry[name]
            own[name] = tuple(dict.fromkeys(normalize(n) for n in (agency.name, agency.full_name)))
            for form in own[name]:
                forms.setdefault(form, []).append(name)
        scores: dict[int, float] = {}
        terms: dict[int, list[str]] = {}
        found: dict[int, list[tuple[str, str]]] = {}
        titles: set[int] = set()
        for form, named in forms.items():
            for i, sc in self._score(form, self.nodes_with(form)).items():
                scores[i] = max(sc, scores.get(i, 0.0))
                terms.setdefault(i, []).append(form)
                found.setdefault(i, []).extend((form, n) for n in named)
            titles.update(self.titles_with(form))
        how = self._responsible(names, own, scores)
        for i, rows in how.items():  # the page's list of agencies names them: highlight it
            terms.setdefault(i, []).extend(own[name][0] for name, _ in rows)
        # what "found under another name" is, for each way the query can name them: by one
        # of these forms (then not that one), or by an alias (every form the node holds)
        via = {typed: {i: v for i, rows in found.items()
                       if (v := tuple(dict.fromkeys(n for form, n in rows if form != typed)))}
               for typed in (None, *forms)}
        table = _AgencyTable(
            forms=frozenset(forms), scores=scores, titles=frozenset(titles),
            terms={i: tuple(dict.fromkeys(terms.get(i, ()))) for i in scores},
            via=via, how=how,
            normal={n: own[n][0] for n in names},
            today={n: (normalize(registry[n].successor), normalize(registry[n].successor_short))
                   for n in names})
        self._agency_tables[names] = table
        return table

    def _responsible(self, agencies: Sequence[str], own: dict[str, tuple[str, ...]],
                     scores: dict[int, float]) -> dict[int, tuple[tuple[str, How], ...]]:
        """Add the nodes the agencies lead or take part in to ``scores``; say how each matched.

        ``scores`` holds the nodes whose text names one of them; a body is "named" in a node
        holding one of its own forms (``own``: its normalised name and full name).
        """
        responsible = [self.roles.get(name, {}) for name in agencies]
        every = set().union(*responsible) if responsible else set()
        idf = self._idf(len(every)) if every else 0.0
        how: dict[int, tuple[tuple[str, How], ...]] = {}
        for i in sorted(every | scores.keys()):
            rows: list[tuple[str, How]] = []
            best = 0.0
            for name, roles in zip(agencies, responsible, strict=True):
                role = roles.get(i)
                if role is not None:
                    rows.append((name, role))
                    best = max(best, _LEAD_WEIGHT if role == "lead" else _PARTICIPANT_WEIGHT)
                elif i in scores and any(f in self.texts[i] for f in own[name]):
                    rows.append((name, "named"))
            if best:
                scores[i] = scores.get(i, 0.0) + best * idf
            if rows:
                how[i] = tuple(rows)
        return how

    def role_of(self, agency: str, node_id: str) -> Role | None:
        """An agency's role in a node (registry name; lists inherited from a section count)."""
        return self.roles.get(agency, {}).get(self.position[node_id])

    # --- the query --------------------------------------------------------------------------

    def search(self, query: str, limit: int | None = None) -> SearchResult:
        """The nodes matching a query, best first (see the module docstring)."""
        key = (query, limit)
        cached = _recall(self._results, key)
        if cached is not None:
            return cached
        result = self._search(query, limit)
        _remember(self._results, key, result, len(query))
        return result

    def _search(self, query: str, limit: int | None) -> SearchResult:
        words = split_words(query, self.cap)
        if not words:
            return SearchResult(query, (), (), 0)
        english = self._english_name(query, words)
        if english is not None:  # market regulation: one agency, not two words
            words = (english,)
        matches = [self.match_word(w) for w in words]
        notes = tuple(m.note for m in matches if m.note is not None)
        if len(matches) == 1:  # most queries: no sums over words to make
            m = matches[0]
            scores, titles = m.scores, m.titles
            ranked = sorted(scores, key=lambda i: (i not in titles, -scores[i], i))
            hits = [self._hit(i, scores[i], i in titles, False, matches)
                    for i in ranked[:limit]]
            if hits:
                return SearchResult(query, words, tuple(hits), len(ranked), aliases=notes)
            return self._fallback(query, words, notes, limit)
        common = set(matches[0].scores)
        for m in matches[1:]:
            common &= m.scores.keys()
        if not common:
            return self._fallback(query, words, notes, limit)
        keyed = []
        for i in common:
            in_title = all(i in m.titles for m in matches)
            score = sum(m.scores[i] for m in matches)
            keyed.append(((not in_title, -score, i), i, in_title, score))
        keyed.sort()
        hits = [self._hit(i, score, title, False, matches) for _, i, title, score in keyed[:limit]]
        return SearchResult(query, words, tuple(hits), len(keyed), aliases=notes)

    def _fallback(self, query: str, words: tuple[str, ...], notes: tuple[AliasNote, ...],
                  limit: int | None) -> SearchResult:
        kept: list[str] = []
        missing: list[str] = []
        for word in words:
            if self.match_word(word).scores:
                kept.append(word)  # it matches on its own: keep it whole, never its pieces
                continue
            pieces = [p for p in self.segmenter.words(word[:FALLBACK_CHARS])
                      if p != word and self.match_word(p).scores]
            kept.extend(pieces)
            if not pieces:
                missing.append(word)
        parts = tuple(dict.fromkeys(kept))
        matches = [self.match_word(p) for p in parts]
        found: set[int] = set()
        for m in matches:
            found.update(m.scores)
        keyed = []
        for i in found:
            having = [m for m in matches if i in m.scores]
            in_title = 0
            score = 0.0
            for m in having:
                score += m.scores[i]
                in_title += i in m.titles
            keyed.append(((-len(having), -in_title, -score, i), i, in_title > 0, score, having))
        keyed.sort(key=lambda row: row[0])
        hits = [self._hit(i, score, title, True, having)
                for _, i, title, score, having in keyed[:limit]]
        notes += tuple(m.note for m in matches if m.note is not None and m.note not in notes)
        return SearchResult(query, words, tuple(hits), len(keyed), partial=True,
                            fallback_words=parts, aliases=notes, not_found=tuple(missing))

    def restrict(self, result: SearchResult, node_ids: Iterable[str],
                 label: tuple[str, ...] = ()) -> SearchResult:
        """The result narrowed to some nodes (an agency's tasks), in the same order.

        ``label`` names what they are, for the caller's status line (an agency's name).
        """
        keep = set(node_ids)
        hits = tuple(h for h in result.hits if h.node_id in keep)
        return replace(result, hits=hits, total=len(hits), within=label,
                       whole_total=result.total)

    def responsible(self, agencies: Iterable[str], role: Role | None = None) -> list[str]:
        """The ids of the nodes the agencies (registry names) lead or join, in document order."""
        found: set[int] = set()
        for name in agencies:
            found.update(i for i, r in self.roles.get(name, {}).items()
                         if role is None or r == role)
        return [self.ids[i] for i in sorted(found)]

    def _hit(self, i: int, score: float, title: bool, partial: bool,
             matches: Sequence[_WordMatch]) -> Hit:
        if len(matches) == 1:
            m = matches[0]
            return Hit(self.ids[i], self.source_titles[i], score, title, partial, m.terms[i],
                       m.via.get(i, ()), m.how.get(i, ()))
        terms: list[str] = []
        via: list[str] = []
        how: list[tuple[str, How]] = []
        for m in matches:  # (a partial result makes 80 of these: only what is there is read)
            terms += m.terms.get(i, ())
            if m.via:
                via += m.via.get(i, ())
            if m.how:
                how += m.how.get(i, ())
        return Hit(self.ids[i], self.source_titles[i], score, title, partial,
                   tuple(dict.fromkeys(terms)), tuple(dict.fromkeys(via)) if via else (),
                   tuple(dict.fromkeys(how)) if how else ())

    # --- where the matches are ----------------------------------------------------------------

    def _offsets(self, i: int) -> list[int] | None:
        """Normalised offset → offset in node.text; None where normalising kept every length."""
        if i in self._maps:
            return self._maps[i]
        source, text = self.document.nodes[i].text, self.texts[i]
        mapping: list[int] | None = None
        if len(source) != len(text):
            mapping = []
            for at, char in enumerate(source):
                mapping.extend([at] * len(normalize(char)))
            if len(mapping) != len(text):  # a conversion over several characters: approximate
                mapping = [min(len(source), j * len(source) // max(1, len(text)))
                           for j in range(len(text))]
            mapping.append(len(source))
        self._maps[i] = mapping
        return mapping

    def spans(self, node_id: str, terms: Iterable[str]) -> tuple[Span, ...]:
        """Every occurrence of the terms in the node's text (offsets into ``node.text``), merged."""
        i = self.position[node_id]
        text = self.texts[i]
        raw: list[Span] = []
        for term in terms:
            if not term:
                continue
            pos = text.find(term)
            while pos != -1:
                raw.append((pos, pos + len(term)))
                pos = text.find(term, pos + 1)
        mapping = self._offsets(i)
        if mapping is not None:
            raw = [(mapping[a], max(mapping[a] + 1, mapping[b])) for a, b in raw]
        return _merge(raw)

    def snippet(self, node_id: str, terms: Iterable[str], script: Script = "traditional",
                width: int = 40, more: str = "…") -> Snippet:
        """About ``width`` characters of the paragraph with the node's first match.

        ``more`` marks a cut at either end; a screen passes one that is never two cells wide
        (… is East Asian ambiguous width: two cells in many CJK terminals).
        """
        node = self.document.node(node_id)
        found = self.spans(node_id, terms)
        if not found:
            first = node.paragraphs[0] if node.paragraphs else ""
            shown = render(first, script)
            return Snippet(shown if len(shown) <= width else shown[:width] + more, ())
        start = found[0][0]
        # the paragraph holding the first match, and where it starts in node.text
        para_start, paragraph = 0, ""
        for paragraph in node.paragraphs:
            if start < para_start + len(paragraph):
                break
            para_start += len(paragraph) + 1
        shown = render(paragraph, script)
        if len(shown) != len(paragraph):
            shown = paragraph  # offsets would not line up: show the source script
        local = start - para_start
        lo = max(0, min(local - width // 4, len(paragraph) - width))
        hi = min(len(paragraph), lo + width)
        text = (more if lo else "") + shown[lo:hi] + (more if hi < len(paragraph) else "")
        shift = (len(more) if lo else 0) - lo - para_start
        inside = tuple((max(a, para_start + lo) + shift, min(b, para_start + hi) + shift)
                       for a, b in found if a < para_start + hi and b > para_start + lo)
        return Snippet(text, inside)


def _joined(texts: list[str]) -> tuple[str, list[int]]:
    """The texts joined by NUL (never in a cleaned query), and where each starts."""
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    return "\x00".join(texts), starts


def _find_all(corpus: str, starts: list[int], form: str) -> list[int]:
    """The indices of the texts joined in corpus that contain form."""
    out: list[int] = []
    if not form:
        return out
    last = len(starts) - 1
    pos = corpus.find(form)
    while pos != -1:
        i = bisect_right(starts, pos) - 1
        out.append(i)
        if i == last:
            break
        pos = corpus.find(form, starts[i + 1])
    return out


def _is_word(token: str) -> bool:
    """A word of the text (not punctuation or space); the first character nearly always says."""
    return token[:1].isalnum() or any(c.isalnum() for c in token)


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    out: list[Span] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return tuple(out)


def read_words() -> dict[str, list[str]]:
    """The shipped jieba words of each node's normalised own text."""
    return {k: v for k, v in content.read_nodes(content.SEARCH_INDEX).items()
            if isinstance(v, list) and all(isinstance(w, str) for w in v)}


def build_engine(document: Document | None = None) -> Engine:
    """A fresh engine over the shipped index (tests and the benchmark time this)."""
    return Engine(document or load(), load_segmenter(), read_words())


_lock = threading.Lock()


@cache
def _engine() -> Engine:
    return build_engine()


def ready() -> bool:
    """Whether the process's engine is built (then a search costs microseconds)."""
    return _engine.cache_info().currsize > 0


def engine() -> Engine:
    """The process's engine, built on first use (safe to call from a worker thread)."""
    with _lock:
        return _engine()


def search(query: str, limit: int | None = None) -> SearchResult:
    """The nodes matching a query, best first; never raises on any string."""
    return engine().search(query, limit)
