"""Who is responsible for what, pinned against the parentheses of the source text."""

from __future__ import annotations

import pytest

from ipx_tui.core.agencies import (
    by_involvement,
    involvement,
    load_registry,
)
from ipx_tui.core.document import Document
from ipx_tui.core.parse import load, parse_responsibility

# Each list as written in the source (hand-copied), and the nodes it applies to.
# In 二、 the list sits in the section's intro and covers every item of the section.
S = "、"
LISTS: dict[str, tuple[str, str]] = {
    # node: (names in order, how the list ends)
    "2.1": ("發展改革委、科技部、工業和信息化部、人力資源社會保障部、商務部", "等負責"),
    "2.2": ("工業和信息化部、發展改革委、科技部", "共同牽頭"),
    "2.3": ("農業部、發展改革委、科技部、商務部、質檢總局、食品藥品監管總局、林業局", "等負責"),
    "2.4": ("能源局、發展改革委、工業和信息化部", "等負責"),
    "2.5": ("人民銀行、銀監會、證監會、保監會、發展改革委、工業和信息化部、網信辦", "等負責"),
    "2.6": ("發展改革委、教育部、工業和信息化部、民政部、人力資源社會保障部、商務部、衛生計生委、"
            "質檢總局、食品藥品監管總局、林業局、旅遊局、網信辦、信訪局", "等負責"),
    "2.7": ("發展改革委、商務部、交通運輸部、網信辦", "等負責"),
    "2.8": ("發展改革委、商務部、工業和信息化部、交通運輸部、農業部、海關總署、稅務總局、質檢總局、"
            "網信辦", "等負責"),
    "2.9": ("發展改革委、交通運輸部", "共同牽頭"),
    "2.10": ("發展改革委、環境保護部、商務部、林業局", "等負責"),
    "2.11": ("發展改革委、科技部、工業和信息化部、網信辦", "等負責"),
    "3.1.1": ("發展改革委、工業和信息化部、財政部、國資委、網信辦", "等負責"),
    "3.1.2": ("發展改革委、工業和信息化部", "等負責"),
    "3.1.3": ("工業和信息化部、發展改革委、科技部、網信辦", "等負責"),
    "3.1.4": ("網信辦、發展改革委、科技部、工業和信息化部、公安部、安全部、質檢總局", "等負責"),
    "3.2.1": ("發展改革委、科技部、工業和信息化部、網信辦", "等負責"),
    "3.2.2": ("質檢總局、工業和信息化部、網信辦、能源局", "等負責"),
    "3.2.3": ("知識產權局", "牽頭"),
    "3.2.4": ("科技部、工業和信息化部、質檢總局、知識產權局", "等負責"),
    "3.3.1": ("發展改革委、網信辦、教育部、科技部、工業和信息化部、民政部、商務部、衛生計生委、"
              "工商總局、質檢總局", "等負責"),
    "3.3.2": ("發展改革委、人民銀行、工商總局、質檢總局、網信辦", "等負責"),
    "3.3.3": ("發展改革委、工業和信息化部、國務院辦公廳、網信辦", "等負責"),
    "3.3.4": ("法制辦、網信辦、發展改革委、工業和信息化部、公安部、安全部、商務部、工商總局", "等負責"),
    "3.4.1": ("發展改革委、外交部、工業和信息化部、商務部、網信辦", "等負責"),
    "3.4.2": ("商務部、發展改革委、工業和信息化部、網信辦", "等負責"),
    "3.4.3": ("商務部、外交部、發展改革委、工業和信息化部、稅務總局、質檢總局、網信辦", "等負責"),
    "3.5.1": ("科技部、工業和信息化部、人力資源社會保障部、網信辦", "等負責"),
    "3.5.2": ("教育部、發展改革委、科技部、工業和信息化部、人力資源社會保障部、網信辦", "等負責"),
    "3.5.3": ("教育部、發展改革委、科技部、工業和信息化部、人力資源社會保障部、網信辦", "等負責"),
    "3.5.4": ("人力資源社會保障部、發展改革委、教育部、科技部、網信辦", "等負責"),
    "3.6.1": ("發展改革委", "牽頭"),
    "3.6.2": ("財政部、稅務總局、發展改革委、科技部、網信辦", "等負責"),
    "3.6.3": ("人民銀行、發展改革委、銀監會、證監會、保監會、網信辦、開發銀行", "等負責"),
    "3.7.1": ("發展改革委", "牽頭"),
    "3.7.2": ("各部門、各地方政府", "負責"),
    "3.7.3": ("各部門、各地方政府", "負責"),
}


def expected_roles(names: str, ending: str) -> list[tuple[str, str]]:
    """The roles a list gives, by the document's rule (列第一位者為牽頭部門)."""
    listed = names.split(S)
    if ending == "共同牽頭":
        return [(n, "lead") for n in listed]
    if ending == "負責":  # 各部門、各地方政府負責: shared, no lead
        return [(n, "participant") for n in listed]
    return [(listed[0], "lead")] + [(n, "participant") for n in listed[1:]]


@pytest.fixture(scope="module")
def doc() -> Document:
    return load()


def test_every_item_and_key_action_section_has_its_agencies(doc: Document) -> None:
    for node in doc.nodes:
        own = LISTS.get(node.id)
        if own is None and node.kind == "item" and node.parent in LISTS:
            own = LISTS[node.parent]  # an item of 二、 takes its section's list
        got = [(a.agency, a.role) for a in node.agencies]
        if own is None:
            assert got == [], node.id
            assert node.kind != "item", node.id  # every item has a list
        else:
            assert got == expected_roles(*own), node.id


def test_sections_of_part_one_and_three_carry_none(doc: Document) -> None:
    for node_id in ("1.1", "1.2", "1.3", *(f"3.{i}" for i in range(1, 8)), "1", "2", "3"):
        assert doc.node(node_id).agencies == ()


def test_items_of_part_two_say_where_their_list_comes_from(doc: Document) -> None:
    resp = doc.node("2.6.3").responsibility
    assert resp is not None and resp.inherited_from == "2.6"
    own = doc.node("3.2.3").responsibility
    assert own is not None and own.inherited_from is None


def test_special_cases(doc: Document) -> None:
    def rule(node_id: str) -> str:
        resp = doc.node(node_id).responsibility
        assert resp is not None
        return resp.rule

    assert rule("2.2") == rule("2.2.4") == "joint-lead"  # 共同牽頭
    assert doc.node("2.2.1").responsibility.leads == (  # type: ignore[union-attr]
        "工業和信息化部", "發展改革委", "科技部")
    assert rule("2.9") == "joint-lead"
    assert doc.node("2.9.3").responsibility.leads == (  # type: ignore[union-attr]
        "發展改革委", "交通運輸部")
    assert rule("3.2.3") == "sole-lead"  # 知識產權局牽頭
    assert [(a.agency, a.role) for a in doc.node("3.2.3").agencies] == [("知識產權局", "lead")]
    assert rule("3.6.1") == rule("3.7.1") == "sole-lead"  # 發展改革委牽頭
    assert rule("3.7.2") == rule("3.7.3") == "collective"  # 各部門、各地方政府負責
    assert doc.node("3.7.2").responsibility.leads == ()  # type: ignore[union-attr]
    # 二(十): the list has no full stop after it and is still read
    assert doc.node("2.10").paragraphs[1].endswith("等負責）")
    assert rule("2.10") == "first-leads"
    assert doc.node("2.10.4").responsibility.leads == ("發展改革委",)  # type: ignore[union-attr]
    # the first list carries the rule itself
    first = doc.node("2.1").responsibility
    assert first is not None and first.source.endswith("列第一位者為牽頭部門，下同")


def test_parentheses_that_are_not_lists_are_ignored() -> None:
    assert parse_responsibility("國家科技計劃（專項、基金等）支持形成的軟件成果") is None
    resp = parse_responsibility("……綠色化（發展改革委、環境保護部等負責）")
    assert resp is not None and resp.leads == ("發展改革委",)


# Counted by hand from the lists above (items per section of 二: 3,4,4,4,3,5,3,4,3,4,3).
HAND_COUNTS = {
    # agency: (tasks named in, tasks led)
    "科技部": (24, 6),        # 2.1 p×3, 2.2 L×4, 2.3 p×4, 2.11 p×3; 三: 3.2.4 L, 3.5.1 L, 8 more p
    "交通運輸部": (10, 3),    # 2.7 p×3, 2.8 p×4, 2.9 L×3
    "能源局": (5, 4),         # 2.4 L×4, 3.2.2 p
    "人民銀行": (5, 4),       # 2.5 L×3, 3.3.2 p, 3.6.3 L
    "商務部": (28, 2),        # 2.1,2.3,2.6,2.7,2.8,2.10 p (3+4+5+3+4+4); 3.3.1,3.3.4,3.4.1 p; 3.4.2,3.4.3 L
    "知識產權局": (2, 1),     # 3.2.3 L, 3.2.4 p
    "發展改革委": (59, 38),   # all of 二 but 2.4 participant… see below
    "法制辦": (1, 1),         # 3.3.4 L
    "林業局": (13, 0),        # 2.3 ×4, 2.6 ×5, 2.10 ×4
    "各部門": (2, 0),         # 3.7.2, 3.7.3: collective, no lead
}


def test_counts_worked_out_by_hand(doc: Document) -> None:
    table = involvement(doc, load_registry())
    got = {name: (table[name].total, len(table[name].lead)) for name in HAND_COUNTS}
    assert got == HAND_COUNTS


def test_ndrc_by_hand(doc: Document) -> None:
    # 發展改革委 in 二: leads 2.1(3) 2.2(4, joint) 2.6(5) 2.7(3) 2.8(4) 2.9(3, joint) 2.10(4)
    # 2.11(3) = 29; takes part in 2.3(4) 2.4(4) 2.5(3) = 11.
    # In 三 it leads 3.1.1 3.1.2 3.2.1 3.3.1 3.3.2 3.3.3 3.4.1 3.6.1 3.7.1 = 9 and takes part in
    # 3.1.3 3.1.4 3.3.4 3.4.2 3.4.3 3.5.2 3.5.3 3.5.4 3.6.2 3.6.3 = 10.
    v = involvement(doc, load_registry())["發展改革委"]
    assert len(v.lead) == 29 + 9
    assert len(v.participant) == 11 + 10
    assert "3.7.2" not in v.lead + v.participant


def test_every_name_in_the_lists_is_in_the_registry(doc: Document) -> None:
    registry = load_registry()
    named = {a.agency for n in doc.nodes for a in n.agencies}
    assert named == set(registry.by_name)
    assert len(registry) == 36
    assert sum(a.kind == "body" for a in registry.agencies) == 34
    assert [a.name for a in registry.agencies if a.kind == "collective"] == ["各部門", "各地方政府"]


def test_most_involved_first(doc: Document) -> None:
    ranked = [v.agency.name for v in by_involvement(involvement(doc, load_registry()))]
    assert ranked[:5] == ["發展改革委", "工業和信息化部", "網信辦", "商務部", "科技部"]
