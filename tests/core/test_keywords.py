"""Keywords and related nodes: facts read off the shipped table, checked against the text."""

from __future__ import annotations

from ipx_tui.core.keywords import keywords, related
from ipx_tui.core.parse import load


def test_keywords_and_related() -> None:
    assert keywords("2.6.3")[:2] == ["醫療", "醫療衛生"]
    assert keywords("2.6.3", "simplified")[:2] == ["医疗", "医疗卫生"]
    assert keywords("2.4.2")[0] == "分布式"
    assert keywords("1") == [] and related("1") == []  # parts have only a heading
    assert related("2.11")[:1] == ["2.11.3"]
    document = load()
    for node in document.nodes:
        assert node.id not in related(node.id)
        assert all(other in document for other in related(node.id))
        assert len(keywords(node.id)) <= 10
