"""Documents to import: versions of the shipped one made from its source, three synthetic
documents with the counts worked out by hand beside them, and texts an import must refuse."""

from __future__ import annotations

import re
from pathlib import Path

from ipx_tui.core.script import t2s

ROOT = Path(__file__).resolve().parent.parent
WIKISOURCE = ROOT / "content" / "source" / "wikisource.txt"

# --- the shipped document, in the versions readers bring -------------------------------------


def wikisource_text() -> str:
    """The Wikisource copy as saved from the site: wrapper lines, ASCII punctuation, footer."""
    return WIKISOURCE.read_text(encoding="utf-8")


def gov_cn_text() -> str:
    """As gov.cn publishes it: simplified script, with “” for 「」."""
    return t2s(wikisource_text())  # t2s writes simplified text's “” for 「」


def full_width_digits(text: str) -> str:
    """Each item's number in full-width digits with a full-width stop (１２．)."""
    wide = str.maketrans("0123456789.", "０１２３４５６７８９．")
    return re.sub(r"(?m)^(\s*)(\d+\.)", lambda m: m.group(1) + m.group(2).translate(wide), text)


def crlf(text: str) -> bytes:
    """As Windows saves it."""
    return text.replace("\n", "\r\n").encode("gbk")


# --- synthetic documents ---------------------------------------------------------------------

# A: simplified, GBK with CRLF, as copied from a gov.cn page: three lines of the site above
# the title (one of them the title itself) and two below the date; “” quotes; full-width item
# numbers; sections numbered on across parts ((三) opens 二、); a section with no items;
# every list ending in simplified: 等负责, 牵头, 共同牵头, a collective 负责; an alias (发改委);
# a body the registry does not know.
DOC_A = """首页 > 政策 > 国务院文件
国务院关于深化制造业与互联网融合发展的指导意见
发布日期：2016年5月20日

国务院关于深化制造业与互联网融合发展的指导意见
国发〔2016〕28号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
　　制造业是国民经济的主体，是实施“互联网+”行动的主战场。
　　现就深化制造业与互联网融合发展提出以下意见。
一、总体要求
（一）指导思想。深入贯彻落实党的十八大精神。
（二）主要目标。到2018年底，制造业重点行业骨干企业互联网“双创”平台普及率达到80%。
二、主要任务
（三）打造制造企业互联网“双创”平台。组织实施制造企业互联网“双创”平台建设工程。
１．建设平台。支持制造企业建设基于互联网的“双创”平台。（工业和信息化部、发展改革委、科技部等负责）
２．推动大企业开放资源。推动中央企业开放资源。（国资委牵头）
（四）推动互联网企业构建制造业“双创”服务体系。（发改委、工业和信息化部共同牵头）
１．发展服务平台。支持互联网企业发展服务平台。
２．培育示范企业。培育一批示范企业。（国家制造强国建设领导小组办公室、科技部负责）
三、保障措施
（五）完善体制机制。各地区、各部门要加强组织领导。（各部门、各地方政府负责）
国务院
2016年5月13日
（此件公开发布）
【我要纠错】 责任编辑：张三
扫一扫在手机打开当前页
"""
# By hand: parts 一 二 三 = 3; sections （一）–（五） = 5; items 2 in （三）, 2 in （四） = 4.
DOC_A_IDS = ["front", "preamble", "1", "1.1", "1.2", "2", "2.3", "2.3.1", "2.3.2", "2.4",
             "2.4.1", "2.4.2", "3", "3.5", "closing"]
DOC_A_COUNTS = (3, 5, 4)
# Lists: stated in sections （四）（五） = 2; in items 2.3.1, 2.3.2, 2.4.2 = 3; 2.4.1 inherits
# （四）'s. Bodies, in order, as the registry names them: 工業和信息化部 發展改革委 科技部 國資委
# 国家制造强国建设领导小组办公室 各部門 各地方政府 = 7, of which the registry lacks 1.
DOC_A_LISTS = (2, 3)
DOC_A_BODIES = ("工業和信息化部", "發展改革委", "科技部", "國資委", "国家制造强国建设领导小组办公室",
                "各部門", "各地方政府")
DOC_A_UNKNOWN = ("国家制造强国建设领导小组办公室",)
DOC_A_DROPPED = (3, 2)
# Roles by the rules: X、Y、Z等负责 → X leads; X牵头 → X; X、Y共同牵头 → both; X、Y负责 and
# 各部门、各地方政府负责 → every one takes part, none leads.
DOC_A_ROLES = {
    "2.3.1": [("工業和信息化部", "lead"), ("發展改革委", "participant"), ("科技部", "participant")],
    "2.3.2": [("國資委", "lead")],
    "2.4": [("發展改革委", "lead"), ("工業和信息化部", "lead")],
    "2.4.1": [("發展改革委", "lead"), ("工業和信息化部", "lead")],
    "2.4.2": [("国家制造强国建设领导小组办公室", "participant"), ("科技部", "participant")],
    "3.5": [("各部門", "participant"), ("各地方政府", "participant")],
}
DOC_A_TITLES = {"2.3": "打造制造企业互联网“双创”平台", "2.3.1": "建设平台",
                "2.4.2": "培育示范企业", "3.5": "完善体制机制"}


def doc_b() -> str:
    """B: traditional, Big5, ASCII punctuation as Wikisource writes it, 「」 quotes; ten parts
    (一、 to 十、), the first nine with one section （一） and no items, the tenth with
    sections （一） to （二十）, only （二十） with items (1. to 3.); no agency list at all; a date
    in Chinese numerals; the note under it in ASCII parentheses."""
    numerals = "一二三四五六七八九十"
    lines = ["國務院關於加快推進「互聯網+政務服務」工作的指導意見", "國發〔2016〕55號",
             "各省、自治區、直轄市人民政府,國務院各部委、各直屬機構:",
             "為加快推進「互聯網+政務服務」工作,現提出以下意見。"]
    for n in range(9):
        lines += [f"{numerals[n]}、第{numerals[n]}部分", "(一)總體要求。堅持問題導向,統籌推進。"]
    lines.append("十、保障措施")
    tens = ["", "十", "二十"]
    for s in range(1, 21):
        numeral = tens[s // 10] + (numerals[s % 10 - 1] if s % 10 else "")
        lines.append(f"({numeral})第{s}項措施。加強組織領導,落實責任。")
    lines += ["1.建立工作機制。明確責任分工。", "2.加強考核評估。定期通報。",
              "3.強化宣傳培訓。提升服務能力。", "國務院", "二〇一六年九月二十五日",
              "(此件公開發布)"]
    return "\n".join(lines) + "\n"


# By hand: parts 10; sections 9 × 1 + 20 = 29; items 3; lists none.
DOC_B_COUNTS = (10, 29, 3)
DOC_B_LAST_SECTION = ("10.20", "（二十）", "第20項措施")

# C: a ministry's action plan, UTF-8 with a byte-order mark, traditional, full-width
# punctuation: no addressees; a preamble whose parentheses hold a document number, not a list;
# items numbered on across sections (3. opens （二）); sections on across parts; an unknown
# body in a list a section states; a section with no items closing the document.
DOC_C = """工業和信息化部關於工業互聯網發展的行動計劃
工信部信管〔2017〕188號
為貫徹落實《國務院關於深化「互聯網+先進製造業」發展工業互聯網的指導意見》（國發〔2017〕50號），制定本行動計劃。
一、主要行動
（一）網絡基礎設施升級行動。推動企業內外網改造。
1.改造企業內網。支持企業改造內網。（工業和信息化部牽頭）
2.建設標識解析體系。建設國家頂級節點。（工業和信息化部、財政部共同牽頭）
（二）平臺培育行動。培育工業互聯網平臺。（網信辦、公安部、工業互聯網產業聯盟等負責）
3.培育平臺。遴選一批平臺。
4.推動上雲。推動企業上雲。（各地方政府負責）
二、保障措施
（三）加強組織實施。各地要結合實際抓好落實。
工業和信息化部
2017年11月27日
"""
# By hand: parts 2; sections （一）（二）（三） = 3; items 1.–4. = 4.
DOC_C_IDS = ["front", "preamble", "1", "1.1", "1.1.1", "1.1.2", "1.2", "1.2.3", "1.2.4", "2",
             "2.3", "closing"]
DOC_C_COUNTS = (2, 3, 4)
# Lists: stated in section （二） = 1; in items 1.1.1, 1.1.2, 1.2.4 = 3; 1.2.3 inherits （二）'s.
# Bodies: 工業和信息化部 財政部 網信辦 公安部 工業互聯網產業聯盟 各地方政府 = 6, unknown 1.
DOC_C_LISTS = (1, 3)
DOC_C_BODIES = ("工業和信息化部", "財政部", "網信辦", "公安部", "工業互聯網產業聯盟", "各地方政府")
DOC_C_ROLES = {
    "1.1.1": [("工業和信息化部", "lead")],
    "1.1.2": [("工業和信息化部", "lead"), ("財政部", "lead")],
    "1.2": [("網信辦", "lead"), ("公安部", "participant"), ("工業互聯網產業聯盟", "participant")],
    "1.2.3": [("網信辦", "lead"), ("公安部", "participant"), ("工業互聯網產業聯盟", "participant")],
    "1.2.4": [("各地方政府", "participant")],
}

# --- what an import refuses: the text, and the line its message names (counted by hand) ----

HEAD = "國務院關於某事的意見\n國發〔2016〕1號\n各省人民政府:\n前言。\n"  # lines 1–4
TAIL = "國務院\n2016年1月1日\n"
REFUSED = {
    "no number": ("這是一段文字。\n又一段文字。\n", 1, "document number"),
    "no title": ("國發〔2016〕1號\n一、總則\n(一)目的。\n國務院\n2016年1月1日\n", 1, "title"),
    "no structure": (HEAD + "正文。\n" + TAIL, 7, "found no part"),
    "item before a section": (HEAD + "一、總則\n1.第一項。\n" + TAIL, 6, "before any section"),
    "section skips": (HEAD + "一、總則\n(一)目的。\n(三)範圍。\n" + TAIL, 7, "expected （二）"),
    "part skips": (HEAD + "一、總則\n(一)目的。\n三、附則\n" + TAIL, 7, "expected 二、"),
    "item skips": (HEAD + "一、總則\n(一)目的。\n1.甲。\n3.丙。\n" + TAIL, 8, "expected 2."),
    "no date": (HEAD + "一、總則\n(一)目的。\n國務院\n", 7, "found no date"),
}
NOT_TEXT = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
