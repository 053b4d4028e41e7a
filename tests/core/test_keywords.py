"""Keywords and related nodes: facts read off the shipped table, checked against the text."""

from __future__ import annotations

from ipx_tui.core import content
from ipx_tui.core.keywords import keywords, related
from ipx_tui.core.parse import load
from ipx_tui.core.script import t2s
from ipx_tui.core.segment import Segmenter, parse_dictionary


def test_keywords_and_related() -> None:
    # 醫療衛生 and 醫療機構 are words of 2.6.3: 醫療, a piece of both, is not a keyword of it
    assert keywords("2.6.3")[:1] == ["醫療衛生"] and "醫療機構" in keywords("2.6.3")
    assert "醫療" not in keywords("2.6.3")
    assert keywords("2.6.3", "simplified")[:1] == ["医疗卫生"]
    # 2.4.2 建設分布式能源網絡: the term whole (jieba alone cuts 分布式/能源)
    assert "分布式能源" in keywords("2.4.2")[:5] and "分布式" not in keywords("2.4.2")
    assert keywords("1") == [] and related("1") == []  # parts have only a heading
    assert related("2.11")[:1] == ["2.11.3"]
    document = load()
    for node in document.nodes:
        assert node.id not in related(node.id)
        assert all(other in document for other in related(node.id))
        assert len(keywords(node.id)) <= 10


NEVER = ("聯網", "更好", "滿足", "進一步", "顯著", "找得着", "提供數據")
"""Keywords a reader would not underline: 聯網 is a piece of 互聯網 and 物聯網, the rest filler."""


def keyword_cut() -> Segmenter:
    """jieba's cut as the keywords use it: the default dictionary's words in this document,
    and the terms of content/keyword_words.txt (read here, not through the build tool)."""
    words = parse_dictionary(content.read_text(content.JIEBA_DICT))
    for line in content.read_text(content.KEYWORD_WORDS).splitlines():
        if line and not line.startswith("#"):
            word, freq = line.split()
            words[word] = int(freq)
    return Segmenter(words)


def test_keywords_are_whole_words_never_pieces_never_filler() -> None:
    document = load()
    cut = keyword_cut()
    stop = set(content.read_lines(content.KEYWORD_STOPLIST))
    assert {"更好", "满足", "进一步", "显著"} <= stop
    shown = 0
    for node in document.nodes:
        simple = keywords(node.id, "simplified")
        shown += len(simple)
        if not simple:
            continue
        words = set(cut.cut(t2s(node.text)))
        for word in simple:
            if word.isascii() or not word.isalpha() or any(c.isascii() for c in word):
                # the shipped dictionary holds its words casefolded, as search compares them,
                # so it has no IC卡 (2.5.2: 集成電路卡（IC卡）): look for it between brackets
                assert f"（{word}）" in t2s(node.text), (node.id, word)
                continue
            assert word in words, (node.id, word)  # a whole word of the node's cut
            longer = [w for w in words if len(w) > len(word) and word in w]
            assert not longer, (node.id, word, longer)
            assert word not in stop, (node.id, word)
        assert not set(keywords(node.id)) & set(NEVER), node.id
    assert shown > 500  # 10 for nearly every section and item


def test_terms_of_the_field_are_keywords_whole() -> None:
    # 3.1.2: 加強物聯網網絡架構研究 … 實施雲計算工程 (jieba alone cuts 物/聯網 and 雲/計算)
    assert keywords("3.1.2")[:2] == ["物聯網", "雲計算"]
    assert "物聯網" in keywords("2.3.2") and "車聯網" in keywords("2.9.2")
