"""Two documents in the browser: --document, the switcher (d), bookmarks and the last
position kept per document, the filter on a body the registry lacks, search in the document
shown, and an agency's tasks in the other documents (Pilot)."""

from __future__ import annotations

import pytest

from ipx_tui.core import library
from ipx_tui.core.options import BrowseOptions, check
from ipx_tui.tui.screens.documents import DocumentPicker
from tests import library_docs as docs
from tests.tui.kit import browser, browsing, detail_text, outline_labels, pilot_test, press


@pytest.fixture(autouse=True)
def imported() -> None:
    library.import_document(docs.DOC_A.encode("gbk"), "a.txt", "a")
    library.import_document(docs.DOC_C.encode("utf-8"), "c.txt", "c")


@pilot_test
async def test_the_switcher_opens_each_document_where_it_was_left() -> None:
    async with browsing() as (app, pilot):
        assert app.document.number == "國發〔2015〕40號"
        await press(app, pilot, "d")
        picker = app.screen
        assert isinstance(picker, DocumentPicker)
        assert [e.id for e in picker.entries] == ["2015-40", "a", "c"]
        assert picker.options.highlighted == 0  # the document shown
        await press(app, pilot, "down", "enter")
        assert app.doc_id == "a" and app.document.number == "国发〔2016〕28号"
        assert app.sub_title == "国发〔2016〕28号"
        assert outline_labels(app)[:3] == ["国务院关于深化制造业与互联网融合发展的指导意见",
                                           "前言", "一、总体要求"]
        app.open_node("2.3.1")
        await press(app, pilot, "b", "enter")  # bookmark it, no note
        store = app.store()
        assert store is not None and [b.node_id for b in store.bookmarks()] == ["2.3.1"]
        # back to the shipped document: its own bookmarks (none), its own place
        await press(app, pilot, "d")
        await press(app, pilot, "up", "enter")
        assert app.doc_id is None and app.document.number == "國發〔2015〕40號"
        shipped_store = app.store()
        assert shipped_store is not None and shipped_store.bookmarks() == []
        # and to A again: where it was left
        await press(app, pilot, "d", "down", "enter")
        assert app.history.current.key == "2.3.1"
        assert "建设平台" in detail_text(app)


@pilot_test
async def test_document_option_filter_on_a_body_the_registry_lacks_and_search() -> None:
    plan = check(BrowseOptions(document="c", agency="產業聯盟"))
    assert (plan.document, plan.agency) == ("c", "工業互聯網產業聯盟")
    async with browsing(document=plan.document, agency=plan.agency) as (app, pilot):
        assert app.agency_filter == "工業互聯網產業聯盟"
        page = detail_text(app)
        assert page.startswith("工業互聯網產業聯盟")
        assert "不在機構登記表中" in page
        # tasks are items: 1.2.3 inherits （二）'s list
        assert browser(app).outline.node_ids == ("1", "1.2", "1.2.3")
        await press(app, pilot, "A", "slash", *"平台")
        ids = [app.screen.results.get_option_at_index(i).id  # type: ignore[attr-defined]
               for i in range(app.screen.results.option_count)]  # type: ignore[attr-defined]
        # 平臺 is in （二）'s heading and text and in 3.'s (by hand); nothing else says it
        # (both in their titles: the shorter text ranks first)
        assert sorted(ids) == ["1.2", "1.2.3"]


@pilot_test
async def test_an_agencys_page_lists_its_tasks_in_the_other_documents() -> None:
    async with browsing(agency="發展改革委") as (app, _pilot):
        page = detail_text(app)
        # in A: 2.3.1 (participant, listed second in 等负责) and 2.4.1 (lead, （四）'s
        # 共同牵头); C names no 發展改革委
        assert "其他文件 1" in page
        assert "a · 国发〔2016〕28号 · 2 項任務" in page
        assert "○ 2.3.1  1.建设平台" in page and "● 2.4.1  1.发展服务平台" in page
        assert "c · " not in page
