"""Property tests: the hit set is exactly a brute-force scan of the normalised own texts."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipx_tui.core.agencies import load_registry
from ipx_tui.core.parse import load
from ipx_tui.core.script import normalize, t2s
from ipx_tui.core.search import clean, search

NODES = load().nodes
ORDER = {node.id: i for i, node in enumerate(NODES)}


@cache
def normalized() -> dict[str, str]:
    return {node.id: normalize(node.text) for node in NODES}


def forms(word: str) -> set[str]:
    """The word, and the names the document uses for an agency it names exactly."""
    out = {word}
    for agency in load_registry().find(word):
        out |= {normalize(agency.name), normalize(agency.full_name)}
    return out


def responsible(word: str) -> set[str]:
    """The nodes whose list (their own or their section's) names an agency the word names."""
    names = {agency.name for agency in load_registry().find(word)}
    return {node.id for node in NODES if names & {a.agency for a in node.agencies}}


def brute_force(query: str) -> set[str]:
    """Every node whose normalised own text holds each word (control characters dropped), or,
    for a word naming an agency, whose list names it."""
    words = normalize(clean(query)).split()
    if not words:
        return set()
    return {node_id for node_id, text in normalized().items()
            if all(any(f in text for f in forms(w)) or node_id in responsible(w)
                   for w in words)}


@st.composite
def substrings(draw: st.DrawFn) -> str:
    """A piece of some node's own text, as written, in simplified, or in a mix of both."""
    text = draw(st.sampled_from(NODES)).text
    start = draw(st.integers(0, len(text) - 1))
    piece = text[start:start + draw(st.integers(1, 12))]
    script = draw(st.sampled_from(["traditional", "simplified", "mixed"]))
    if script == "simplified":
        return t2s(piece)
    if script == "mixed":
        return "".join(t2s(c) if draw(st.booleans()) else c for c in piece)
    return piece


def check(query: str) -> None:
    result = search(query)
    expected = brute_force(query)
    found = {hit.node_id for hit in result.hits}
    assert result.total == len(result.hits)
    if expected:
        assert found == expected and not result.partial
        # title hits first, then score, then document order
        keys = [(not h.title_hit, -h.score, ORDER[h.node_id]) for h in result.hits]
        assert keys == sorted(keys)
    else:
        assert result.partial or not result.words
        # a partial result only ever holds nodes with one of the fallback words
        for hit in result.hits:
            assert any(brute_force(word) >= {hit.node_id} for word in result.fallback_words)
        # words that match on their own are kept whole; the rest only by pieces of 2 or more
        alone = [w for w in result.words if brute_force(w)]
        assert set(alone) <= set(result.fallback_words)
        assert all(w in alone or len(w) > 1 for w in result.fallback_words)
        assert all(not brute_force(w) for w in result.not_found)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(substrings())
def test_substrings_in_either_script_find_exactly_the_brute_force_set(query: str) -> None:
    check(query)


@settings(max_examples=200, deadline=None)
@given(st.lists(substrings(), min_size=2, max_size=3).map(" ".join))
def test_several_words_find_the_intersection(query: str) -> None:
    check(query)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_random_junk_never_raises_and_still_agrees(query: str) -> None:
    check(query)
