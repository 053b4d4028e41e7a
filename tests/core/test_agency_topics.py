"""Agency + topic: the question readers ask most, answered by hand from content/document.txt.

物聯網 is in 11 nodes (grep -c 物聯網: 1.3 2.2.1 2.2.4 2.3.2 2.3.4 2.4.3 2.7.2 2.9.2 2.10.3
3.1.2 3.6.1). The lists that say who is responsible are the parentheses ending in 負責 or 牽頭
(grep -o '（[^（）]*\\(負責\\|牽頭\\)）'); the items of 二 inherit their section's list, 1.3 has none.
"""

from __future__ import annotations

import pytest

from ipx_tui.core.search import search

L, P = "lead", "participant"

CASES: list[tuple[str, dict[str, tuple[tuple[str, str], ...]]]] = [
    # 發展改革委 leads 2.2 (共同牽頭), 2.7 2.9 2.10, 3.1.2 (first listed) and 3.6.1 (牽頭);
    # joins 2.3 and 2.4; 1.3 states no list
    ("發展改革委 物联网", {
        "2.2.1": (("發展改革委", L),), "2.2.4": (("發展改革委", L),),
        "2.3.2": (("發展改革委", P),), "2.3.4": (("發展改革委", P),),
        "2.4.3": (("發展改革委", P),), "2.7.2": (("發展改革委", L),),
        "2.9.2": (("發展改革委", L),), "2.10.3": (("發展改革委", L),),
        "3.1.2": (("發展改革委", L),), "3.6.1": (("發展改革委", L),)}),
    # 工業和信息化部: 2.2 (共同牽頭), 2.4 (after 能源局、發展改革委), 3.1.2 (after 發展改革委)
    ("工信部 物联网", {"2.2.1": (("工業和信息化部", L),), "2.2.4": (("工業和信息化部", L),),
                      "2.4.3": (("工業和信息化部", P),), "3.1.2": (("工業和信息化部", P),)}),
    # 市場監管總局 today: 質檢總局 and 食品藥品監管總局 are both in the list of 2.3 (農業部 first)
    ("市场监管总局 物联网", {
        "2.3.2": (("質檢總局", P), ("食品藥品監管總局", P)),
        "2.3.4": (("質檢總局", P), ("食品藥品監管總局", P))}),
    # 人民銀行 leads 2.5 and 3.6.3 (first listed); it joins 3.3.2, which never says 金融
    ("央行 金融", {i: (("人民銀行", L),) for i in ("2.5", "2.5.1", "2.5.2", "2.5.3", "3.6.3")}),
    # 農業部 leads 2.3 and joins 2.8 (after 發展改革委、商務部、工業和信息化部、交通運輸部)
    ("农业部 电子商务", {i: (("農業部", P),) for i in ("2.8", "2.8.1", "2.8.2", "2.8.3",
                                                      "2.8.4")}),
    # 人才 is in 3.5.1-3.5.4 (and the preamble, which has no list): 人力資源社會保障部 leads
    # 3.5.4 and is in the three others' lists
    ("人社部 人才", {"3.5.1": (("人力資源社會保障部", P),), "3.5.2": (("人力資源社會保障部", P),),
                    "3.5.3": (("人力資源社會保障部", P),),
                    "3.5.4": (("人力資源社會保障部", L),)}),
    # 物流 is in 2.7 2.7.1-3 2.8.1 2.8.4 2.10 2.10.3; 交通運輸部 joins 2.7 and 2.8, not 2.10
    ("交通运输部 物流", {i: (("交通運輸部", P),) for i in ("2.7", "2.7.1", "2.7.2", "2.7.3",
                                                       "2.8.1", "2.8.4")}),
    # 電子商務 in 2.8 and its items (質檢總局 in the list) and 3.3.4 (工商總局 in the list);
    # 1.3 2.4.3 2.5.2 say 電子商務 but list none of the three
    ("市場監管總局 電子商務", {**{i: (("質檢總局", P),) for i in ("2.8", "2.8.1", "2.8.2",
                                                                 "2.8.3", "2.8.4")},
                              "3.3.4": (("工商總局", P),)}),
    # today's name of 農業部 alone: it leads 2.3
    ("农业农村部 物聯網", {"2.3.2": (("農業部", L),), "2.3.4": (("農業部", L),)}),
]


def _t2s_free(query: str) -> str:
    """The same query in the other script, written out by hand (no converter)."""
    other = {"發展改革委 物联网": "发展改革委 物聯網", "工信部 物联网": "工信部 物聯網",
             "市场监管总局 物联网": "市場監管總局 物聯網", "央行 金融": "央行 金融",
             "农业部 电子商务": "農業部 電子商務", "人社部 人才": "人社部 人才",
             "交通运输部 物流": "交通運輸部 物流", "市場監管總局 電子商務": "市场监管总局 电子商务",
             "农业农村部 物聯網": "農業農村部 物联网"}
    return other[query]


@pytest.mark.parametrize(("query", "expected"), CASES, ids=[q for q, _ in CASES])
def test_agency_and_topic_in_both_scripts(query: str, expected: dict[str, tuple[tuple[str,
                                                                                  str], ...]]
                                          ) -> None:
    for typed in (query, _t2s_free(query)):
        result = search(typed)
        assert not result.partial, typed
        assert {h.node_id: h.agencies for h in result.hits} == expected, typed
        assert result.total == len(expected)


def test_leads_rank_above_participants_when_the_text_scores_tie() -> None:
    # 2.3.2 and 2.2.1 say 物聯網 twice and once; what matters here: every hit says how
    hits = search("发改委 物联网").hits
    assert {h.how() for h in hits} == {("lead",), ("participant",)}


def test_fallback_keeps_the_words_that_match_whole() -> None:
    eleven = {"1.3", "2.2.1", "2.2.4", "2.3.2", "2.3.4", "2.4.3", "2.7.2", "2.9.2", "2.10.3",
              "3.1.2", "3.6.1"}
    result = search("区块链 物联网")
    assert result.partial and {h.node_id for h in result.hits} == eleven
    assert result.fallback_words == ("物联网",) and result.not_found == ("区块链",)
    assert all(h.terms == ("物联网",) for h in result.hits)  # never 联网 (in 互联网 everywhere)
    # grep -c: 大數據 is on 21 lines, 雲計算 on 13, one node each; 元宇宙 and 區塊鏈 on none
    for query, word, count in (("元宇宙 大数据", "大数据", 21), ("区块链 云计算", "云计算", 13)):
        result = search(query)
        assert result.partial and result.total == count, query
        assert result.fallback_words == (word,), query
        assert all(h.terms == (word,) for h in result.hits), query
    blank = search("区块链")
    assert blank.total == 0 and blank.not_found == ("区块链",) and blank.fallback_words == ()
