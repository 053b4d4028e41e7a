"""The agency registry: every full name and successor, and lookup by any name."""

from __future__ import annotations

import pytest

from ipx_tui.core.agencies import UnknownAgency, load_registry, parse_registry

# name as written → (full name in 2015, the body holding its functions today).
# Checked against the 2018 and 2023 國務院機構改革方案.
FACTS = {
    "發展改革委": ("國家發展和改革委員會", "國家發展和改革委員會"),
    "科技部": ("科學技術部", "科學技術部"),
    "工業和信息化部": ("工業和信息化部", "工業和信息化部"),
    "人力資源社會保障部": ("人力資源和社會保障部", "人力資源和社會保障部"),
    "商務部": ("商務部", "商務部"),
    "農業部": ("農業部", "農業農村部"),
    "質檢總局": ("國家質量監督檢驗檢疫總局", "國家市場監督管理總局"),
    "食品藥品監管總局": ("國家食品藥品監督管理總局", "國家市場監督管理總局"),
    "林業局": ("國家林業局", "國家林業和草原局"),
    "能源局": ("國家能源局", "國家能源局"),
    "人民銀行": ("中國人民銀行", "中國人民銀行"),
    "銀監會": ("中國銀行業監督管理委員會", "國家金融監督管理總局"),
    "證監會": ("中國證券監督管理委員會", "中國證券監督管理委員會"),
    "保監會": ("中國保險監督管理委員會", "國家金融監督管理總局"),
    "網信辦": ("國家互聯網信息辦公室", "國家互聯網信息辦公室"),
    "教育部": ("教育部", "教育部"),
    "民政部": ("民政部", "民政部"),
    "衛生計生委": ("國家衛生和計劃生育委員會", "國家衛生健康委員會"),
    "旅遊局": ("國家旅遊局", "文化和旅遊部"),
    "信訪局": ("國家信訪局", "國家信訪局"),
    "交通運輸部": ("交通運輸部", "交通運輸部"),
    "海關總署": ("海關總署", "海關總署"),
    "稅務總局": ("國家稅務總局", "國家稅務總局"),
    "環境保護部": ("環境保護部", "生態環境部"),
    "財政部": ("財政部", "財政部"),
    "國資委": ("國務院國有資產監督管理委員會", "國務院國有資產監督管理委員會"),
    "公安部": ("公安部", "公安部"),
    "安全部": ("國家安全部", "國家安全部"),
    "知識產權局": ("國家知識產權局", "國家知識產權局"),
    "工商總局": ("國家工商行政管理總局", "國家市場監督管理總局"),
    "國務院辦公廳": ("國務院辦公廳", "國務院辦公廳"),
    "法制辦": ("國務院法制辦公室", "司法部"),
    "外交部": ("外交部", "外交部"),
    "開發銀行": ("國家開發銀行股份有限公司", "國家開發銀行"),  # renamed in 2017
    "各部門": ("各部門", "各部門"),
    "各地方政府": ("各地方政府", "各地方政府"),
}


def test_every_full_name_and_successor() -> None:
    registry = load_registry()
    assert {a.name: (a.full_name, a.successor) for a in registry.agencies} == FACTS


def test_the_two_step_successions_are_recorded() -> None:
    registry = load_registry()
    for name in ("銀監會", "保監會"):
        history = registry[name].history
        assert len(history) == 2
        assert history[0].startswith("2018年") and "中國銀行保險監督管理委員會" in history[0]
        assert history[1].startswith("2023年") and "國家金融監督管理總局" in history[1]
    assert "海關總署" in registry["質檢總局"].history[0]  # entry-exit inspection moved there
    assert "國家藥品監督管理局" in registry["食品藥品監管總局"].history[0]


@pytest.mark.parametrize(("query", "names"), [
    ("发改委", ["發展改革委"]),
    ("發改委", ["發展改革委"]),
    ("发展改革委", ["發展改革委"]),
    ("国家发展和改革委员会", ["發展改革委"]),
    ("NDRC", ["發展改革委"]),
    ("ndrc", ["發展改革委"]),
    ("工信部", ["工業和信息化部"]),
    ("人社部", ["人力資源社會保障部"]),
    ("央行", ["人民銀行"]),
    ("国开行", ["開發銀行"]),
    ("卫计委", ["衛生計生委"]),
    ("卫健委", ["衛生計生委"]),
    ("市场监管总局", ["質檢總局", "食品藥品監管總局", "工商總局"]),
    ("国家市场监督管理总局", ["質檢總局", "食品藥品監管總局", "工商總局"]),
    ("金融监管总局", ["銀監會", "保監會"]),
    ("司法部", ["法制辦"]),
    ("生态环境部", ["環境保護部"]),
    ("农业农村部", ["農業部"]),
    ("文化和旅游部", ["旅遊局"]),
    ("  科技部 ", ["科技部"]),
    ("ＮＤＲＣ", ["發展改革委"]),  # full-width Latin folds too
])
def test_find_by_any_name(query: str, names: list[str]) -> None:
    assert [a.name for a in load_registry().find(query)] == names


def test_resolve_falls_back_to_a_part_of_a_name() -> None:
    assert [a.name for a in load_registry().resolve("知识产权")] == ["知識產權局"]


@pytest.mark.parametrize("query", ["", "   ", "部", "xyz", "交通局", "x" * 10_000, "🙂", "(.*"])
def test_unknown_agency(query: str) -> None:
    with pytest.raises(UnknownAgency) as info:
        load_registry().resolve(query)
    message = str(info.value)
    assert message.startswith("unknown agency")
    assert "\n" not in message and len(message) < 200


def test_suggestions_name_the_closest() -> None:
    with pytest.raises(UnknownAgency) as info:
        load_registry().resolve("交通局")
    assert "交通運輸部" in info.value.suggestions


def test_registry_rejects_an_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        parse_registry('[[agency]]\nname="x"\nkind="nope"\nfull_name="x"\nsuccessor="x"\n'
                       'successor_short="x"\nhistory=[]\naliases=[]\n')
