"""The document's metadata and its errata, as worked out by hand from gov.cn's page and the
Wikisource text."""

from __future__ import annotations

import datetime

import pytest

from ipx_tui.core.metadata import (
    Erratum,
    apply_errata,
    chinese_date,
    errata_of,
    load_errata,
    load_metadata,
    parse_metadata,
)
from ipx_tui.core.parse import load


def test_the_metadata_fields() -> None:
    m = load_metadata()
    assert m.issuer == "國務院"
    assert m.number == "國發〔2015〕40號"
    assert m.written == datetime.date(2015, 7, 1) and m.written_text == "2015年7月1日"
    assert m.published == datetime.date(2015, 7, 4) and m.published_text == "2015年7月4日"
    assert m.index_number == "000014349/2015-00112"
    assert m.url == "https://www.gov.cn/zhengce/content/2015-07/04/content_10002.htm"
    assert m.english_title == ('Guiding Opinions of the State Council on Vigorously Moving '
                               'Forward the "Internet Plus" Action')
    assert m.english_number == "Guo Fa [2015] No. 40"
    assert m.english_issuer == "State Council"
    assert not hasattr(m, "validity")  # no status without a source to cite


def test_the_metadata_agrees_with_the_text() -> None:
    document, m = load(), load_metadata()
    assert (document.title, document.issuer, document.number, document.date) == (
        m.title, m.issuer, m.number, m.written_text)


def test_an_unconfirmed_address_is_left_out() -> None:
    text = ('title="t"\nissuer="i"\nnumber="n"\nwritten=2015-07-01\npublished=2015-07-04\n'
            'url="http://example.invalid/"\n[english]\ntitle="e"\nissuer="s"\nnumber="g"\n')
    assert parse_metadata(text).url == ""
    assert parse_metadata(text + "").index_number == ""
    with pytest.raises(ValueError, match="missing"):
        parse_metadata('title="t"\n')
    with pytest.raises(ValueError, match="dates"):
        parse_metadata(text.replace("written=2015-07-01", 'written="2015-07-01"'))


def test_chinese_dates_have_no_leading_zeros() -> None:
    assert chinese_date(datetime.date(2015, 7, 4)) == "2015年7月4日"
    assert chinese_date(datetime.date(2023, 12, 31)) == "2023年12月31日"


def test_exactly_two_errata_each_in_its_node() -> None:
    errata = load_errata()
    assert [(e.node, e.before, e.after) for e in errata] == [
        ("1.3", "促進制造業", "促進製造業"),
        ("3.5.1", "加強制造業", "加強製造業"),
    ]
    assert all("製造" in e.why for e in errata)
    document = load()
    for erratum in errata:
        assert erratum.after in document.node(erratum.node).text
        assert erratum.before not in document.node(erratum.node).text
    assert [e.node for e in errata_of("1.3")] == ["1.3"]
    assert errata_of("2.9.1") == ()


def test_an_erratum_must_name_one_place() -> None:
    assert apply_errata("甲制造乙", [Erratum("1", "制造", "製造", "")]) == "甲製造乙"
    with pytest.raises(ValueError, match="2 times"):
        apply_errata("制造制造", [Erratum("1", "制造", "製造", "")])
    with pytest.raises(ValueError, match="0 times"):
        apply_errata("製造", [Erratum("1", "制造", "製造", "")])
