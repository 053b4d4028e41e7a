"""Citations in each style and both scripts: every expected string written out by hand."""

from __future__ import annotations

import datetime

import pytest

from ipx_tui.core.cite import UnknownStyle, cite, english_place, place
from ipx_tui.core.ids import UnknownNode
from ipx_tui.core.parse import load

DAY = datetime.date(2026, 12, 2)
URL = "https://www.gov.cn/zhengce/content/2015-07/04/content_10002.htm"
TITLE_T = "國務院關於積極推進「互聯網+」行動的指導意見"
TITLE_S = "国务院关于积极推进“互联网+”行动的指导意见"
EN = ('State Council. Guiding Opinions of the State Council on Vigorously Moving Forward the '
      '"Internet Plus" Action (Guo Fa [2015] No. 40). 1 July 2015.')


@pytest.mark.parametrize(("node_id", "traditional", "simplified"), [
    ("2.9.1", "《國務院關於積極推進「互聯網+」行動的指導意見》（國發〔2015〕40號）二（九）1",
              "《国务院关于积极推进“互联网+”行动的指导意见》（国发〔2015〕40号）二（九）1"),
    ("3.2.3", "《國務院關於積極推進「互聯網+」行動的指導意見》（國發〔2015〕40號）三（二）3",
              "《国务院关于积极推进“互联网+”行动的指导意见》（国发〔2015〕40号）三（二）3"),
    ("2", "《國務院關於積極推進「互聯網+」行動的指導意見》（國發〔2015〕40號）二",
          "《国务院关于积极推进“互联网+”行动的指导意见》（国发〔2015〕40号）二"),
    ("2.6", "《國務院關於積極推進「互聯網+」行動的指導意見》（國發〔2015〕40號）二（六）",
            "《国务院关于积极推进“互联网+”行动的指导意见》（国发〔2015〕40号）二（六）"),
    ("2.11.1", "《國務院關於積極推進「互聯網+」行動的指導意見》（國發〔2015〕40號）二（十一）1",
               "《国务院关于积极推进“互联网+”行动的指导意见》（国发〔2015〕40号）二（十一）1"),
    ("preamble", "《國務院關於積極推進「互聯網+」行動的指導意見》（國發〔2015〕40號）",
                 "《国务院关于积极推进“互联网+”行动的指导意见》（国发〔2015〕40号）"),
    ("front", "《國務院關於積極推進「互聯網+」行動的指導意見》（國發〔2015〕40號）",
              "《国务院关于积极推进“互联网+”行动的指导意见》（国发〔2015〕40号）"),
    ("closing", "《國務院關於積極推進「互聯網+」行動的指導意見》（國發〔2015〕40號）",
                "《国务院关于积极推进“互联网+”行动的指导意见》（国发〔2015〕40号）"),
])
def test_short(node_id: str, traditional: str, simplified: str) -> None:
    document = load()
    assert cite(document, node_id, "short", "traditional") == traditional
    assert cite(document, node_id, "short", "simplified") == simplified
    assert cite(document, node_id) == traditional  # short and traditional by default


GBT_T = ("國務院. 國務院關於積極推進「互聯網+」行動的指導意見: 國發〔2015〕40號[EB/OL]. "
         "(2015-07-04)[2026-12-02]. https://www.gov.cn/zhengce/content/2015-07/04/content_10002.htm.")
GBT_S = ("国务院. 国务院关于积极推进“互联网+”行动的指导意见: 国发〔2015〕40号[EB/OL]. "
         "(2015-07-04)[2026-12-02]. https://www.gov.cn/zhengce/content/2015-07/04/content_10002.htm.")


@pytest.mark.parametrize("node_id", ["2.9.1", "3.2.3", "2", "2.6", "preamble"])
def test_gbt7714_cites_the_document_whatever_the_node(node_id: str) -> None:
    document = load()
    assert cite(document, node_id, "gbt7714", "traditional", accessed=DAY) == GBT_T
    assert cite(document, node_id, "gbt7714", "simplified", accessed=DAY) == GBT_S


def test_gbt7714_gives_today_as_the_access_date_by_default() -> None:
    today = datetime.date.today().isoformat()
    assert f"(2015-07-04)[{today}]. " in cite(load(), "2.9.1", "gbt7714", "simplified")


@pytest.mark.parametrize(("node_id", "expected"), [
    ("2.9.1", EN + " Part II, section (9), item 1. " + URL),
    ("3.2.3", EN + " Part III, section (2), item 3. " + URL),
    ("2", EN + " Part II. " + URL),
    ("2.6", EN + " Part II, section (6). " + URL),
    ("2.11.1", EN + " Part II, section (11), item 1. " + URL),
    ("preamble", EN + " " + URL),
])
def test_en_in_either_script(node_id: str, expected: str) -> None:
    document = load()
    assert cite(document, node_id, "en", "traditional") == expected
    assert cite(document, node_id, "en", "simplified") == expected


def test_places() -> None:
    document = load()
    assert [place(document, n) for n in ("1", "1.3", "3.5.1", "front")] == ["一", "一（三）", "三（五）1", ""]
    assert english_place(document, "3.7.3") == "part III, section (7), item 3"


def test_bad_ids_and_styles_are_user_errors() -> None:
    document = load()
    with pytest.raises(UnknownNode):
        cite(document, "2.99")
    with pytest.raises(UnknownStyle, match="unknown citation style 'apa'"):
        cite(document, "2.9.1", "apa")  # type: ignore[arg-type]
    assert cite(document, " 2.9.1 ").endswith("二（九）1")
