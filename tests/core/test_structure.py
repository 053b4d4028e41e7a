"""The outline, pinned against a reading of the source text by hand."""

from __future__ import annotations

import pytest

from ipx_tui.core.document import Document
from ipx_tui.core.parse import ParseError, load, numeral, parse

# Copied by hand from the source text: id → title (no numbering, no final 。).
TITLES = {
    "1": "行動要求",
    "1.1": "總體思路", "1.2": "基本原則", "1.3": "發展目標",
    "2": "重點行動",
    "2.1": "「互聯網+」創業創新",
    "2.1.1": "強化創業創新支撐", "2.1.2": "積極發展眾創空間", "2.1.3": "發展開放式創新",
    "2.2": "「互聯網+」協同製造",
    "2.2.1": "大力發展智能製造", "2.2.2": "發展大規模個性化定製",
    "2.2.3": "提升網絡化協同製造水平", "2.2.4": "加速製造業服務化轉型",
    "2.3": "「互聯網+」現代農業",
    "2.3.1": "構建新型農業生產經營體系", "2.3.2": "發展精準化生產方式",
    "2.3.3": "提升網絡化服務水平", "2.3.4": "完善農副產品質量安全追溯體系",
    "2.4": "「互聯網+」智慧能源",
    "2.4.1": "推進能源生產智能化", "2.4.2": "建設分布式能源網絡", "2.4.3": "探索能源消費新模式",
    "2.4.4": "發展基於電網的通信設施和新型業務",
    "2.5": "「互聯網+」普惠金融",
    "2.5.1": "探索推進互聯網金融雲服務平台建設", "2.5.2": "鼓勵金融機構利用互聯網拓寬服務覆蓋面",
    "2.5.3": "積極拓展互聯網金融服務創新的深度和廣度",
    "2.6": "「互聯網+」益民服務",
    "2.6.1": "創新政府網絡化管理和服務", "2.6.2": "發展便民服務新業態",
    "2.6.3": "推廣在線醫療衛生新模式", "2.6.4": "促進智慧健康養老產業發展",
    "2.6.5": "探索新型教育服務供給方式",
    "2.7": "「互聯網+」高效物流",
    "2.7.1": "構建物流信息共享互通體系", "2.7.2": "建設深度感知智能倉儲系統",
    "2.7.3": "完善智能物流配送調配體系",
    "2.8": "「互聯網+」電子商務",
    "2.8.1": "積極發展農村電子商務", "2.8.2": "大力發展行業電子商務", "2.8.3": "推動電子商務應用創新",
    "2.8.4": "加強電子商務國際合作",
    "2.9": "「互聯網+」便捷交通",
    "2.9.1": "提升交通運輸服務品質", "2.9.2": "推進交通運輸資源在線集成",
    "2.9.3": "增強交通運輸科學治理能力",
    "2.10": "「互聯網+」綠色生態",
    "2.10.1": "加強資源環境動態監測", "2.10.2": "大力發展智慧環保",
    "2.10.3": "完善廢舊資源回收利用體系", "2.10.4": "建立廢棄物在線交易系統",
    "2.11": "「互聯網+」人工智能",
    "2.11.1": "培育發展人工智能新興產業", "2.11.2": "推進重點領域智能產品創新",
    "2.11.3": "提升終端產品智能化水平",
    "3": "保障支撐",
    "3.1": "夯實發展基礎",
    "3.1.1": "鞏固網絡基礎", "3.1.2": "強化應用基礎", "3.1.3": "做實產業基礎", "3.1.4": "保障安全基礎",
    "3.2": "強化創新驅動",
    "3.2.1": "加強創新能力建設", "3.2.2": "加快制定融合標準", "3.2.3": "強化知識產權戰略",
    "3.2.4": "大力發展開源社區",
    "3.3": "營造寬鬆環境",
    "3.3.1": "構建開放包容環境", "3.3.2": "完善信用支撐體系", "3.3.3": "推動數據資源開放",
    "3.3.4": "加強法律法規建設",
    "3.4": "拓展海外合作",
    "3.4.1": "鼓勵企業抱團出海", "3.4.2": "發展全球市場應用", "3.4.3": "增強走出去服務能力",
    "3.5": "加強智力建設",
    "3.5.1": "加強應用能力培訓", "3.5.2": "加快複合型人才培養", "3.5.3": "鼓勵聯合培養培訓",
    "3.5.4": "利用全球智力資源",
    "3.6": "加強引導支持",
    "3.6.1": "實施重大工程包", "3.6.2": "加大財稅支持", "3.6.3": "完善融資服務",
    "3.7": "做好組織實施",
    "3.7.1": "加強組織領導", "3.7.2": "開展試點示範", "3.7.3": "有序推進實施",
}


@pytest.fixture(scope="module")
def doc() -> Document:
    return load()


def test_counts(doc: Document) -> None:
    assert len(TITLES) == 89
    assert len(doc.of_kind("part")) == 3
    assert len(doc.of_kind("section")) == 21
    assert len(doc.of_kind("item")) == 65
    assert len(doc.tasks) == 65
    assert [n.id for n in doc.nodes if n.kind == "front"] == ["front", "preamble", "closing"]


def test_every_numbered_node_and_title(doc: Document) -> None:
    assert {n.id: n.title for n in doc.nodes if n.numbered} == TITLES
    # and in document order, which the dict comparison alone would not check
    assert [n.id for n in doc.nodes if n.numbered] == list(TITLES)


def test_sections_per_part(doc: Document) -> None:
    assert [len(doc.children(p)) for p in ("1", "2", "3")] == [3, 11, 7]
    items = {s.id: len(s.children) for s in doc.of_kind("section")}
    assert items == {
        "1.1": 0, "1.2": 0, "1.3": 0, "2.1": 3, "2.2": 4, "2.3": 4, "2.4": 4, "2.5": 3, "2.6": 5,
        "2.7": 3, "2.8": 4, "2.9": 3, "2.10": 4, "2.11": 3, "3.1": 4, "3.2": 4, "3.3": 4,
        "3.4": 3, "3.5": 4, "3.6": 3, "3.7": 3,
    }


def test_parents_and_labels(doc: Document) -> None:
    assert doc.node("2.11.3").parent == "2.11"
    assert doc.node("2.11").parent == "2"
    assert doc.node("2").parent is None
    assert doc.node("2.11").label == "（十一）"
    assert doc.node("2").label == "二、"
    assert doc.node("3.7.3").label == "3."
    assert [a.id for a in doc.ancestors("3.7.3")] == ["3", "3.7"]


def test_own_text_is_heading_plus_own_paragraphs(doc: Document) -> None:
    section = doc.node("2.1")
    assert section.paragraphs[0] == "（一）「互聯網+」創業創新。"
    assert len(section.paragraphs) == 2
    assert section.paragraphs[1].startswith("充分發揮互聯網的創新驅動作用")
    assert "強化創業創新支撐" not in section.text  # the child's text is not the section's
    item = doc.node("2.1.1")
    assert item.paragraphs == (item.text,)
    assert item.text.startswith("1.強化創業創新支撐。鼓勵大型互聯網企業")
    assert doc.node("2").text == "二、重點行動"


def test_principles_and_goals_are_paragraphs_of_their_sections(doc: Document) -> None:
    principles = doc.node("1.2").paragraphs[1:]
    assert [p[:6] for p in principles] == [
        "堅持開放共享", "堅持融合創新", "堅持變革轉型", "堅持引領跨越", "堅持安全有序",
    ]
    goals = doc.node("1.3").paragraphs[1:]
    assert goals[0].startswith("到2018年")
    assert goals[-1].startswith("到2025年")
    assert len(goals) == 6  # 2018, its four ——dashes, 2025
    assert sum(p.startswith("——") for p in goals) == 4


def test_front_matter(doc: Document) -> None:
    assert doc.title == "國務院關於積極推進「互聯網+」行動的指導意見"
    assert doc.number == "國發〔2015〕40號"
    assert doc.date == "2015年7月1日"
    assert doc.issuer == "國務院"
    assert doc.addressees == "各省、自治區、直轄市人民政府，國務院各部委、各直屬機構"
    assert doc.node("front").paragraphs == (
        doc.title, doc.number, "各省、自治區、直轄市人民政府，國務院各部委、各直屬機構：")
    preamble = doc.node("preamble").paragraphs
    assert len(preamble) == 2
    assert preamble[0].startswith("「互聯網+」是把互聯網的創新成果")
    assert preamble[1].startswith("近年來，我國在互聯網技術")
    assert doc.node("closing").paragraphs == ("國務院", "2015年7月1日", "（此件公開發布）")


def test_wrapper_lines_are_gone(doc: Document) -> None:
    text = "\n".join(p for n in doc.nodes for p in n.paragraphs)
    for wrapper in ("維基文庫", "自由的圖書館", "Public domain", "發布機關", "本作品是"):
        assert wrapper not in text


def test_full_width_punctuation_restored(doc: Document) -> None:
    text = "\n".join(p for n in doc.nodes for p in n.paragraphs)
    for ascii_mark in "(),:;":
        assert ascii_mark not in text
    assert text.count("（") == text.count("）") == 65  # as many pairs as the source has
    # "." survives only after the 65 item numbers
    assert text.count(".") == 65


def test_chinese_numerals() -> None:
    assert [numeral(n) for n in ("一", "九", "十", "十一", "二十", "二十三")] == [
        1, 9, 10, 11, 20, 23]


def test_parse_rejects_what_is_not_the_document() -> None:
    with pytest.raises(ParseError):
        parse("")
    with pytest.raises(ParseError):
        parse("a\nb\nc\nd\ne\nf\n")
