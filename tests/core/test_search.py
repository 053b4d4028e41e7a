"""Search by example: facts counted by hand in content/document.txt (grep) and pinned here."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ipx_tui.core.parse import load
from ipx_tui.core.search import SearchResult, build_engine, engine, search
from tests.imports import loaded_by


def ids(result: SearchResult) -> list[str]:
    return [hit.node_id for hit in result.hits]


def containing(text: str) -> set[str]:
    """The nodes whose own text contains text as written (traditional), by plain `in`."""
    return {node.id for node in load().nodes if text in node.text}


def test_either_script_finds_the_same_nodes() -> None:
    # grep -c 物聯網 content/document.txt → 11 lines, one node each
    expected = {"1.3", "2.2.1", "2.2.4", "2.3.2", "2.3.4", "2.4.3", "2.7.2", "2.9.2", "2.10.3",
                "3.1.2", "3.6.1"}
    assert containing("物聯網") == expected
    for query in ("物联网", "物聯網", "物聯网", "物联網", "ＷＵ物聯網"[2:]):
        assert set(ids(search(query))) == expected, query


def test_platform_finds_every_platform() -> None:
    # grep -o 平台 content/document.txt | wc -l → 62 occurrences in 41 nodes; the text never
    # writes 平臺, which is what s2t would have made of the query.
    document = load()
    assert sum(node.text.count("平台") for node in document.nodes) == 62
    assert "平臺" not in "".join(node.text for node in document.nodes)
    result = search("平台")
    assert result.total == len(result.hits) == 41
    assert set(ids(result)) == containing("平台")
    spans = [engine().spans(hit.node_id, hit.terms) for hit in result.hits]
    assert sum(len(s) for s in spans) == 62
    for hit, found in zip(result.hits, spans, strict=True):
        text = document.node(hit.node_id).text
        assert all(text[a:b] == "平台" for a, b in found)


def test_latin_is_case_blind() -> None:
    for query in ("ipv6", "IPV6", "IPv6", "ｉｐｖ６"):
        assert ids(search(query)) == ["3.1.1"]


def test_words_separated_by_spaces_must_all_occur() -> None:
    both = containing("物聯網") & containing("平台")
    assert both == {"2.2.1", "2.3.4", "2.4.3", "2.10.3", "3.1.2"}
    for query in ("物联网 平台", "平台　物聯網", "  物聯網\t平台  ", "物联网 平台 物联网"):
        result = search(query)
        assert set(ids(result)) == both and not result.partial, query
    assert search("物联网 平台").words == ("物联网", "平台")


# Who is responsible for what, counted by hand from the lists in parentheses in
# content/document.txt (grep -o '（[^（）]*\(負責\|牽頭\)）'): the 11 sections of 二 state a
# list that their 40 items inherit; the 25 items of 三 state their own.
SECTIONS_OF_2 = {"2.1": 3, "2.2": 4, "2.3": 4, "2.4": 4, "2.5": 3, "2.6": 5, "2.7": 3, "2.8": 4,
                 "2.9": 3, "2.10": 4, "2.11": 3}
"""Each section of 二 and how many items it has (the outline)."""


def with_items(*sections: str) -> set[str]:
    """Sections of 二 and every item under them."""
    return {*sections, *(f"{s}.{i}" for s in sections for i in range(1, SECTIONS_OF_2[s] + 1))}


# 發展改革委 is in every section's list of 二, and in 19 of the 25 lists of 三
NDRC_IN_3 = {"3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.2.1", "3.3.1", "3.3.2", "3.3.3", "3.3.4",
             "3.4.1", "3.4.2", "3.4.3", "3.5.2", "3.5.3", "3.5.4", "3.6.1", "3.6.2", "3.6.3",
             "3.7.1"}
# 工業和信息化部: in the lists of 2.1 2.2 2.4 2.5 2.6 2.8 2.11, and of 16 items of 三
MIIT_IN_3 = {"3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.2.1", "3.2.2", "3.2.4", "3.3.1", "3.3.3",
             "3.3.4", "3.4.1", "3.4.2", "3.4.3", "3.5.1", "3.5.2", "3.5.3"}
RESPONSIBLE = {
    "發展改革委": with_items(*SECTIONS_OF_2) | NDRC_IN_3,
    "工業和信息化部": with_items("2.1", "2.2", "2.4", "2.5", "2.6", "2.8", "2.11") | MIIT_IN_3,
    "人力資源社會保障部": with_items("2.1", "2.6") | {"3.5.1", "3.5.2", "3.5.3", "3.5.4"},
    "人民銀行": with_items("2.5") | {"3.3.2", "3.6.3"},
}


def test_an_agency_word_finds_what_it_is_responsible_for_and_what_names_it() -> None:
    pairs = [("发改委", "發展改革委", 70), ("國家發改委", "發展改革委", 70),
             ("工信部", "工業和信息化部", 49), ("人社部", "人力資源社會保障部", 14),
             ("央行", "人民銀行", 6), ("ndrc", "發展改革委", 70)]
    assert len(NDRC_IN_3) == 19 and len(MIIT_IN_3) == 16
    for alias, name, count in pairs:
        expected = RESPONSIBLE[name] | containing(name)
        assert len(expected) == count, name
        assert set(ids(search(name))) == expected, name
        result = search(alias)
        assert set(ids(result)) == expected and result.total == count, alias
        assert [n.agencies for n in result.aliases] == [(name,)]
        assert not result.aliases[0].today
        # found under the document's name where the text names it; by responsibility elsewhere
        assert {h.node_id for h in result.hits if h.via == (name,)} == containing(name)
        assert all(h.via == () for h in result.hits if h.node_id not in containing(name))
        assert all(len(h.agencies) == 1 and h.agencies[0][0] == name for h in result.hits)


def test_search_for_the_ministry_of_industry_covers_its_42_tasks() -> None:
    # tasks --agency 工信部 lists 42: 26 items of 二 (3+4+4+3+5+4+3) and 16 of 三
    tasks = {t.id for t in load().tasks} & RESPONSIBLE["工業和信息化部"]
    assert len(tasks) == 42
    for query in ("工信部", "工業和信息化部", "工业和信息化部", "MIIT"):
        assert tasks <= set(ids(search(query))), query


def test_todays_name_finds_the_bodies_it_absorbed_labelled() -> None:
    # 國家市場監督管理總局 (2018) took over 質檢總局, 食品藥品監管總局 and 工商總局: they are named
    # in 10 nodes, and responsible for 20 tasks (質檢總局 19, 食品藥品監管總局 9 of them, all
    # in 2.3 and 2.6; 工商總局 3.3.1 3.3.2 3.3.4) and the sections 2.3 2.6 2.8
    merged = ("質檢總局", "食品藥品監管總局", "工商總局")
    named = containing("質檢總局") | containing("食品藥品監管總局") | containing("工商總局")
    assert len(named) == 10
    responsible = with_items("2.3", "2.6", "2.8") | {
        "3.1.4", "3.2.2", "3.2.4", "3.3.1", "3.3.2", "3.3.4", "3.4.3"}
    assert len(responsible) == 23 and named <= responsible
    for query in ("市场监管总局", "市場監管總局", "国家市场监督管理总局"):
        result = search(query)
        assert set(ids(result)) == responsible
        [note] = result.aliases
        assert note.today and note.agencies == merged
        for hit in result.hits:
            text = load().node(hit.node_id).text
            assert all(name in text for name in hit.via)
            assert (hit.node_id in named) == bool(hit.via)
    first = search("市场监管总局").hits[0]
    assert first.node_id == "2.3" and first.via == ("質檢總局", "食品藥品監管總局")
    assert first.agencies == (("質檢總局", "participant"), ("食品藥品監管總局", "participant"))
    lead = [h.node_id for h in search("市场监管总局").hits if "lead" in h.how()]
    assert lead == ["3.2.2"]  # （質檢總局、工業和信息化部、網信辦、能源局等負責）


def test_title_hits_come_first_then_score_then_document_order() -> None:
    result = search("平台")
    first = result.hits[0]
    assert first.title_hit and "平台" in first.title
    titles = [hit.title_hit for hit in result.hits]
    assert titles == sorted(titles, reverse=True)  # every title hit before every other
    assert sum(titles) == 1  # only 2.5.1 探索推進互聯網金融雲服務平台建設 has 平台 in its heading
    assert first.node_id == "2.5.1"
    assert first.score < max(h.score for h in result.hits)  # first by its title, not its score
    order = {node.id: i for i, node in enumerate(load().nodes)}
    keys = [(not h.title_hit, -h.score, order[h.node_id]) for h in result.hits]
    assert keys == sorted(keys)


def test_ties_go_in_document_order() -> None:
    # 國務院辦公廳 appears once, in the same list form, in one node; 各部門 in three
    result = search("各部門")
    order = {node.id: i for i, node in enumerate(load().nodes)}
    same = [h for h in result.hits if h.score == result.hits[0].score]
    assert [order[h.node_id] for h in same] == sorted(order[h.node_id] for h in same)


def test_no_whole_match_falls_back_to_words_marked_partial() -> None:
    result = search("互联网金融创新平台")
    assert result.partial and result.fallback_words == ("互联网", "金融", "创新", "平台")
    assert result.total == 79 and all(hit.partial for hit in result.hits)
    union = set().union(*(containing(w) for w in ("互聯網", "金融", "創新", "平台")))
    assert set(ids(result)) == union
    # nodes with more of the words come first
    have = [sum(w in load().node(h.node_id).text for w in ("互聯網", "金融", "創新", "平台"))
            for h in result.hits]
    assert have == sorted(have, reverse=True)


def test_blockchain_finds_nothing() -> None:
    # 鏈 alone is in 產業鏈 and 供應鏈; 區塊鏈 has no word of two characters to fall back to
    assert containing("鏈")
    for query in ("区块链", "區塊鏈"):
        result = search(query)
        assert result.total == 0 and result.hits == () and result.fallback_words == ()


@pytest.mark.parametrize("query", [
    "", " ", "   \t\n ", "(.*", "[", "\\", "$^", "a|b", "?", "*+", "\x00", "\x1b[2J", "\u200b",
    "🙂", "👍🏽", "\ud800", "互聯網" * 3334, "平" * 10000, "ﷺ", "ǅ", "İ", "ß", "\u0301",
])
def test_bad_input_never_breaks(query: str) -> None:
    result = search(query)
    assert result.total == len(result.hits)


def test_blank_queries_have_no_words() -> None:
    assert search("   ").words == () and search("\x00\x01").words == ()


def test_control_characters_are_dropped_not_matched() -> None:
    assert set(ids(search("物\u200b聯\x00網"))) == containing("物聯網")


def test_limit_keeps_the_total() -> None:
    result = search("平台", limit=5)
    assert len(result.hits) == 5 and result.total == 41
    assert ids(result) == ids(search("平台"))[:5]


def test_snippet_shows_the_match_in_either_script() -> None:
    hit = search("物联网").hits[0]
    for script, word in (("traditional", "物聯網"), ("simplified", "物联网")):
        snippet = engine().snippet(hit.node_id, hit.terms, script)  # type: ignore[arg-type]
        a, b = snippet.spans[0]
        assert snippet.text[a:b] == word and len(snippet.text) <= 42


def test_search_never_loads_jieba_or_textual() -> None:
    code = ("import sys; import ipx_tui.core.search as s; assert 'opencc' not in sys.modules\n"
            "from ipx_tui.core.keywords import keywords\n"
            "s.search('物联网'); s.search('互联网金融创新平台'); keywords('2.1')")
    assert loaded_by(code, ("jieba", "textual")) == []


def test_the_index_is_built_on_first_use_only() -> None:
    code = ("import sys, ipx_tui.core.search as s; assert s._engine.cache_info().currsize == 0;"
            "from ipx_tui.core.keywords import keywords, related;"
            "assert keywords('2.1') and related('2.1');"  # the detail pane needs no index
            "assert s._engine.cache_info().currsize == 0;"
            "s.search('x'); assert s._engine.cache_info().currsize == 1")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_an_engine_without_the_shipped_index_finds_the_same() -> None:
    from ipx_tui.core.search import Engine
    from ipx_tui.core.segment import load_segmenter

    bare = Engine(load(), load_segmenter())
    for query in ("物聯網", "平台", "发改委", "ipv6", "互联网金融创新平台"):
        assert {h.node_id for h in bare.search(query).hits} == set(ids(search(query)))
    assert build_engine().search("平台").total == 41
