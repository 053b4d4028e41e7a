"""The registry's English names, histories with their plans, aliases and the drug regulator.

Every expectation here was written by hand from the sources named in content/SOURCES.md
(the bodies' English websites, the 2018 and 2023 國務院機構改革方案, the Party's 2018
深化黨和國家機構改革方案 and 2023 黨和國家機構改革方案), not copied from the registry.
"""

from __future__ import annotations

import pytest

from ipx_tui.core.agencies import UnknownAgency, load_registry, parse_registry

# name as written → (English name in July 2015, abbreviation then, successor's English name
# today, its abbreviation)
ENGLISH = {
    "發展改革委": ("National Development and Reform Commission", "NDRC",
                "National Development and Reform Commission", "NDRC"),
    "科技部": ("Ministry of Science and Technology", "MOST",
            "Ministry of Science and Technology", "MOST"),
    "工業和信息化部": ("Ministry of Industry and Information Technology", "MIIT",
                "Ministry of Industry and Information Technology", "MIIT"),
    "人力資源社會保障部": ("Ministry of Human Resources and Social Security", "MOHRSS",
                  "Ministry of Human Resources and Social Security", "MOHRSS"),
    "商務部": ("Ministry of Commerce", "MOFCOM", "Ministry of Commerce", "MOFCOM"),
    "農業部": ("Ministry of Agriculture", "MOA", "Ministry of Agriculture and Rural Affairs", "MARA"),
    "質檢總局": ("General Administration of Quality Supervision, Inspection and Quarantine", "AQSIQ",
             "State Administration for Market Regulation", "SAMR"),
    "食品藥品監管總局": ("China Food and Drug Administration", "CFDA",
                 "State Administration for Market Regulation", "SAMR"),
    "林業局": ("State Forestry Administration", "SFA",
            "National Forestry and Grassland Administration", "NFGA"),
    "能源局": ("National Energy Administration", "NEA", "National Energy Administration", "NEA"),
    "人民銀行": ("People's Bank of China", "PBOC", "People's Bank of China", "PBOC"),
    "銀監會": ("China Banking Regulatory Commission", "CBRC",
            "National Financial Regulatory Administration", "NFRA"),
    "證監會": ("China Securities Regulatory Commission", "CSRC",
            "China Securities Regulatory Commission", "CSRC"),
    "保監會": ("China Insurance Regulatory Commission", "CIRC",
            "National Financial Regulatory Administration", "NFRA"),
    "網信辦": ("Cyberspace Administration of China", "CAC", "Cyberspace Administration of China", "CAC"),
    "教育部": ("Ministry of Education", "MOE", "Ministry of Education", "MOE"),
    "民政部": ("Ministry of Civil Affairs", "MCA", "Ministry of Civil Affairs", "MCA"),
    "衛生計生委": ("National Health and Family Planning Commission", "NHFPC",
              "National Health Commission", "NHC"),
    "旅遊局": ("China National Tourism Administration", "CNTA", "Ministry of Culture and Tourism", "MCT"),
    "信訪局": ("State Bureau for Letters and Calls", "",
            "National Public Complaints and Proposals Administration", ""),
    "交通運輸部": ("Ministry of Transport", "MOT", "Ministry of Transport", "MOT"),
    "海關總署": ("General Administration of Customs", "GAC",
             "General Administration of Customs of the People's Republic of China", "GACC"),
    "稅務總局": ("State Administration of Taxation", "SAT", "State Taxation Administration", "STA"),
    "環境保護部": ("Ministry of Environmental Protection", "MEP", "Ministry of Ecology and Environment", "MEE"),
    "財政部": ("Ministry of Finance", "MOF", "Ministry of Finance", "MOF"),
    "國資委": ("State-owned Assets Supervision and Administration Commission of the State Council", "SASAC",
            "State-owned Assets Supervision and Administration Commission of the State Council", "SASAC"),
    "公安部": ("Ministry of Public Security", "MPS", "Ministry of Public Security", "MPS"),
    "安全部": ("Ministry of State Security", "MSS", "Ministry of State Security", "MSS"),
    "知識產權局": ("State Intellectual Property Office", "SIPO",
              "China National Intellectual Property Administration", "CNIPA"),
    "工商總局": ("State Administration for Industry and Commerce", "SAIC",
             "State Administration for Market Regulation", "SAMR"),
    "國務院辦公廳": ("General Office of the State Council", "", "General Office of the State Council", ""),
    "法制辦": ("Legislative Affairs Office of the State Council", "", "Ministry of Justice", "MOJ"),
    "外交部": ("Ministry of Foreign Affairs", "MFA", "Ministry of Foreign Affairs", "MFA"),
    "開發銀行": ("China Development Bank Corporation", "CDB", "China Development Bank", "CDB"),
    "各部門": ("all departments", "", "all departments", ""),
    "各地方政府": ("all local governments", "", "all local governments", ""),
}


def test_every_english_name_and_abbreviation() -> None:
    registry = load_registry()
    assert {a.name: (a.english, a.abbreviation, a.successor_english, a.successor_abbreviation)
            for a in registry.agencies} == ENGLISH


def test_only_the_collectives_are_descriptive_and_every_body_names_a_source() -> None:
    registry = load_registry()
    assert [a.name for a in registry.agencies if a.english_descriptive] == ["各部門", "各地方政府"]
    assert all(a.source for a in registry.agencies)


def test_uncertain_english_names_say_so() -> None:
    registry = load_registry()
    note = registry["信訪局"].english_note
    assert "uncertain" in note and "Letters and Visits" in note
    assert "PBC" in registry["人民銀行"].english_note
    noted = {a.name for a in registry.agencies if a.english_note}
    assert noted == {"人民銀行", "信訪局", "海關總署", "稅務總局", "安全部", "知識產權局", "法制辦"}


# name as written → its history as (year, plan key, words the line must contain), oldest
# first. sc = the State Council's plan approved by the NPC; party = the Party's plan.
HISTORY: dict[str, list[tuple[int, str, tuple[str, ...]]]] = {
    "發展改革委": [
        (2018, "sc2018", ("應對氣候變化和減排職責劃入生態環境部", "價格監督檢查與反壟斷執法職責劃入國家市場監督管理總局",
                          "重大項目稽察職責劃入審計署", "國家糧食和物資儲備局", "主體功能區規劃職責劃入自然資源部",
                          "農業投資項目管理職責劃入農業農村部", "藥品和醫療服務價格管理職責劃入國家醫療保障局")),
        (2023, "sc2023", ("國家數據局", "企業債券發行審核職責劃入中國證券監督管理委員會")),
    ],
    "科技部": [
        (2018, "sc2018", ("國家外國專家局", "國家自然科學基金委員會改由科學技術部管理")),
        (2023, "sc2023", ("在人力資源和社會保障部加掛國家外國專家局牌子", "科學技術部不再保留國家外國專家局牌子",
                          "劃入農業農村部", "劃入工業和信息化部")),
        (2023, "party2023", ("中央科技委員會",)),
    ],
    "工業和信息化部": [
        (2018, "sc2018", ("《煙草控制框架公約》履約工作職責劃入國家衛生健康委員會",)),
        (2018, "party2018", ("國家計算機網絡與信息安全管理中心", "中央網絡安全和信息化委員會辦公室管理")),
        (2023, "sc2023", ("劃入科學技術部", "高新技術發展及產業化規劃和政策")),
    ],
    "人力資源社會保障部": [
        (2018, "sc2018", ("生育保險職責劃入國家醫療保障局", "軍官轉業安置職責劃入退役軍人事務部")),
        (2018, "party2018", ("國家公務員局併入中央組織部",)),
        (2023, "sc2023", ("加掛國家外國專家局牌子",)),
    ],
    "商務部": [
        (2018, "sc2018", ("經營者集中反壟斷執法", "國家市場監督管理總局", "對外援助工作有關職責劃入國家國際發展合作署",
                          "國家糧食和物資儲備局")),
    ],
    "農業部": [
        (2018, "sc2018", ("組建農業農村部，不再保留農業部", "漁船檢驗和監督管理職責劃入交通運輸部",
                          "草原監督管理職責劃入國家林業和草原局")),
        (2018, "party2018", ("中央農村工作領導小組辦公室設在農業農村部",)),
        (2023, "sc2023", ("加掛國家鄉村振興局牌子", "不再保留單設的國家鄉村振興局")),
    ],
    "質檢總局": [
        (2018, "sc2018", ("不再保留國家質量監督檢驗檢疫總局", "出入境檢驗檢疫管理職責和隊伍劃入海關總署",
                          "原產地地理標誌管理職責劃入重新組建的國家知識產權局")),
    ],
    "食品藥品監管總局": [
        (2018, "sc2018", ("不再保留國家食品藥品監督管理總局", "組建國家藥品監督管理局，由國家市場監督管理總局管理")),
    ],
    "林業局": [
        (2018, "sc2018", ("組建國家林業和草原局，由自然資源部管理", "加掛國家公園管理局牌子", "不再保留國家林業局",
                          "森林防火相關職責劃入應急管理部")),
    ],
    "能源局": [(2018, "sc2018", ("國家糧食和物資儲備局",))],
    "人民銀行": [
        (2018, "sc2018", ("擬訂銀行業、保險業重要法律法規草案和審慎監管基本制度的職責",)),
        (2023, "sc2023", ("金融消費者保護職責劃入國家金融監督管理總局", "設立省級分行")),
        (2023, "party2023", ("不再保留國務院金融穩定發展委員會", "中央金融委員會辦公室")),
    ],
    "銀監會": [
        (2018, "sc2018", ("組建中國銀行保險監督管理委員會", "不再保留中國銀行業監督管理委員會", "劃入中國人民銀行")),
        (2023, "sc2023", ("組建國家金融監督管理總局", "不再保留中國銀行保險監督管理委員會")),
    ],
    "證監會": [
        (2023, "sc2023", ("由國務院直屬事業單位調整為國務院直屬機構", "企業債券發行審核職責",
                          "投資者保護職責劃入國家金融監督管理總局", "行政編制")),
    ],
    "保監會": [
        (2018, "sc2018", ("組建中國銀行保險監督管理委員會", "不再保留中國保險監督管理委員會", "劃入中國人民銀行")),
        (2023, "sc2023", ("組建國家金融監督管理總局", "不再保留中國銀行保險監督管理委員會")),
    ],
    "網信辦": [
        (2018, "party2018", ("中央網絡安全和信息化委員會", "一個機構兩塊牌子", "國家計算機網絡與信息安全管理中心")),
        (2023, "sc2023", ("數字中國建設方案", "國家數據局")),
    ],
    "教育部": [(2018, "party2018", ("中央教育工作領導小組", "秘書組設在教育部"))],
    "民政部": [
        (2018, "sc2018", ("救災職責劃入應急管理部", "退役軍人優撫安置職責劃入退役軍人事務部", "醫療救助職責劃入國家醫療保障局")),
        (2023, "sc2023", ("應對人口老齡化", "全國老齡工作委員會辦公室改設在民政部")),
        (2023, "party2023", ("中央社會工作部",)),
    ],
    "衛生計生委": [
        (2018, "sc2018", ("組建國家衛生健康委員會", "不再保留國家衛生和計劃生育委員會", "新型農村合作醫療職責劃入國家醫療保障局")),
        (2023, "sc2023", ("應對人口老齡化", "劃入民政部")),
    ],
    "旅遊局": [(2018, "sc2018", ("組建文化和旅遊部", "不再保留國家旅遊局"))],
    "信訪局": [
        (2023, "sc2023", ("由國務院辦公廳管理的國家局調整為國務院直屬機構",)),
        (2023, "party2023", ("中央社會工作部統一領導",)),
    ],
    "交通運輸部": [(2018, "sc2018", ("漁船檢驗和監督管理職責",))],
    "海關總署": [(2018, "sc2018", ("出入境檢驗檢疫管理職責和隊伍",))],
    "稅務總局": [
        (2018, "sc2018", ("省級和省級以下國稅地稅機構合併", "雙重領導管理體制")),
        (2018, "party2018", ("社會保險費交由稅務部門統一徵收",)),
    ],
    "環境保護部": [
        (2018, "sc2018", ("組建生態環境部，不再保留環境保護部", "應對氣候變化和減排職責")),
        (2023, "sc2023", ("科技促進社會發展規劃和政策",)),
    ],
    "財政部": [(2018, "sc2018", ("審計署", "農業綜合開發項目管理職責劃入農業農村部", "全國社會保障基金理事會"))],
    "國資委": [
        (2018, "sc2018", ("國有企業領導幹部經濟責任審計和國有重點大型企業監事會的職責劃入審計署",)),
        (2023, "party2023", ("全國性行業協會商會黨的建設職責劃入新組建的中央社會工作部",)),
    ],
    "公安部": [
        (2018, "sc2018", ("消防管理職責劃入應急管理部", "組建國家移民管理局", "由公安部管理")),
        (2018, "party2018", ("全部退出現役", "公安消防部隊轉到地方後成建制劃歸應急管理部")),
    ],
    "安全部": [],
    "知識產權局": [
        (2018, "sc2018", ("重新組建國家知識產權局，由國家市場監督管理總局管理", "商標管理職責")),
        (2023, "sc2023", ("調整為國務院直屬機構",)),
    ],
    "工商總局": [(2018, "sc2018", ("不再保留國家工商行政管理總局", "商標管理職責劃入重新組建的國家知識產權局"))],
    "國務院辦公廳": [
        (2018, "sc2018", ("應急管理職責劃入應急管理部",)),
        (2023, "sc2023", ("國家信訪局",)),
    ],
    "法制辦": [
        (2018, "sc2018", ("重新組建司法部，不再保留國務院法制辦公室",)),
        (2018, "party2018", ("中央全面依法治國委員會", "辦公室設在司法部")),
    ],
    "外交部": [(2018, "sc2018", ("對外援助協調等職責劃入國家國際發展合作署",))],
    "開發銀行": [(2017, "cdb2017", ("國家開發銀行股份有限公司變更為國家開發銀行",))],
    "各部門": [],
    "各地方政府": [],
}


def test_every_history_line_and_its_plan() -> None:
    registry = load_registry()
    assert [a.name for a in registry.agencies] == list(HISTORY)
    for agency in registry.agencies:
        expected = HISTORY[agency.name]
        assert [(c.year, c.plan.key) for c in agency.changes] == [(y, p) for y, p, _ in expected], agency.name
        for change, (_, _, words) in zip(agency.changes, expected, strict=True):
            for word in words:
                assert word in change.text, (agency.name, change.year, word)


def test_the_plans_are_named_right() -> None:
    plans = {c.plan.key: c.plan for a in load_registry().agencies for c in a.changes}
    assert {k: (p.kind, p.title, p.year, p.issued_by) for k, p in plans.items()} == {
        "sc2018": ("state-council", "國務院機構改革方案", 2018, "國務院"),
        "party2018": ("party", "深化黨和國家機構改革方案", 2018, "中共中央"),
        "sc2023": ("state-council", "國務院機構改革方案", 2023, "國務院"),
        "party2023": ("party", "黨和國家機構改革方案", 2023, "中共中央、國務院"),
        "cdb2017": ("other", "國家開發銀行更名", 2017, "國家開發銀行"),
    }
    assert "2018年3月17日" in plans["sc2018"].adopted and "第十三屆" in plans["sc2018"].adopted
    assert "2023年3月10日" in plans["sc2023"].adopted and "第十四屆" in plans["sc2023"].adopted


def test_history_strings_carry_year_and_plan() -> None:
    registry = load_registry()
    assert registry["科技部"].history[2] == (
        "2023年（黨和國家機構改革方案）：組建中央科技委員會，其辦事機構職責由重組後的科學技術部整體承擔")
    assert registry["外交部"].history == ("2018年（國務院機構改革方案）：對外援助協調等職責劃入國家國際發展合作署",)
    assert registry["開發銀行"].history == ("2017年：名稱由國家開發銀行股份有限公司變更為國家開發銀行",)


def test_history_lines_name_known_plans_of_their_year() -> None:
    base = ('[plans.p]\nkind="state-council"\ntitle="t"\nyear=2018\nissued_by="i"\nadopted="a"\n'
            '[[agency]]\nname="x"\nkind="body"\nfull_name="x"\nsuccessor="x"\n'
            'successor_short="x"\naliases=[]\n')
    assert parse_registry(base + 'history=[{year=2018, plan="p", text="t"}]\n')["x"].history == (
        "2018年（t）：t",)
    with pytest.raises(ValueError, match="unknown plan"):
        parse_registry(base + 'history=[{year=2018, plan="q", text="t"}]\n')
    with pytest.raises(ValueError, match="not 2023"):
        parse_registry(base + 'history=[{year=2023, plan="p", text="t"}]\n')
    with pytest.raises(ValueError, match="a table"):
        parse_registry(base + 'history=["2018年：t"]\n')


# name as written → (aliases in traditional or Latin letters, aliases in simplified)
ALIASES = {
    "發展改革委": (["發改委", "國家發改委", "國家發展改革委"], ["国家发改委", "国家发展改革委"]),
    "工業和信息化部": (["工信部"], []),
    "人力資源社會保障部": (["人社部"], []),
    "質檢總局": (["國家質檢總局"], ["国家市场监管总局"]),
    "食品藥品監管總局": (["食藥監總局", "國家食藥監總局"], ["国家市场监管总局"]),
    "林業局": (["國家林業局", "國家林草局"], []),
    "能源局": (["國家能源局"], []),
    "人民銀行": (["央行", "人行", "PBC"], []),
    "銀監會": (["銀保監會", "CBIRC"], ["中国银监会", "中国银保监会", "国家金融监管总局"]),
    "證監會": ([], ["中国证监会"]),
    "保監會": (["銀保監會", "CBIRC"], ["中国保监会", "中国银保监会", "国家金融监管总局"]),
    "網信辦": (["國家網信辦", "中央網信辦"], []),
    "衛生計生委": (["衛計委", "國家衛計委", "國家衛生計生委", "衛健委", "國家衛健委"], ["国家卫生计生委"]),
    "旅遊局": (["國家旅遊局", "文旅部"], []),
    "信訪局": (["國家信訪局"], []),
    "交通運輸部": (["交通部"], []),
    "海關總署": (["海關"], ["中国海关"]),
    "稅務總局": (["國家稅務總局", "國稅總局"], []),
    "環境保護部": (["環保部"], []),
    "國資委": (["國務院國資委"], ["国务院国资委"]),
    "安全部": (["國安部"], []),
    "知識產權局": (["國家知識產權局", "國知局"], []),
    "工商總局": (["國家工商總局"], ["国家市场监管总局"]),
    "國務院辦公廳": (["國辦"], []),
    "法制辦": (["國務院法制辦", "LAO"], []),
    "開發銀行": (["國開行", "國家開發銀行"], []),
}


def test_every_alias_in_its_script() -> None:
    registry = load_registry()
    got = {a.name: (list(a.aliases), list(a.aliases_simplified)) for a in registry.agencies
           if a.aliases or a.aliases_simplified}
    assert got == ALIASES


def test_the_traditional_view_lists_no_simplified_alias() -> None:
    registry = load_registry()
    development = registry["發展改革委"]
    assert development.aliases_in("traditional") == ("發改委", "國家發改委", "國家發展改革委")
    assert development.aliases_in("simplified") == ("发改委", "国家发改委", "国家发展改革委")
    assert registry["證監會"].aliases_in("traditional") == ()
    assert registry["證監會"].aliases_in("simplified") == ("中国证监会",)
    for agency in registry.agencies:
        for alias in agency.aliases:
            assert not set(alias) & set("发监总国务资卫计银证关药"), (agency.name, alias)


@pytest.mark.parametrize(("query", "names"), [
    ("国家发展改革委", ["發展改革委"]),
    ("中国证监会", ["證監會"]),
    ("国家市场监管总局", ["質檢總局", "食品藥品監管總局", "工商總局"]),
    ("国务院国资委", ["國資委"]),
    ("国家金融监管总局", ["銀監會", "保監會"]),
    ("国家卫生计生委", ["衛生計生委"]),
    ("中国银监会", ["銀監會"]),
    ("中国保监会", ["保監會"]),
    ("中国银保监会", ["銀監會", "保監會"]),
    ("中国海关", ["海關總署"]),
    # the drug regulator: a second successor of 食品藥品監管總局 alone
    ("国家药监局", ["食品藥品監管總局"]),
    ("药监局", ["食品藥品監管總局"]),
    ("国家药品监督管理局", ["食品藥品監管總局"]),
    ("國家藥品監督管理局", ["食品藥品監管總局"]),
    ("NMPA", ["食品藥品監管總局"]),
    ("nmpa", ["食品藥品監管總局"]),
    # English names and abbreviations, either case
    ("NDRC", ["發展改革委"]),
    ("SAMR", ["質檢總局", "食品藥品監管總局", "工商總局"]),
    ("miit", ["工業和信息化部"]),
    ("National Development and Reform Commission", ["發展改革委"]),
    ("china food and drug administration", ["食品藥品監管總局"]),
    ("State Administration of Taxation", ["稅務總局"]),
    ("State Taxation Administration", ["稅務總局"]),
    ("Ministry of Justice", ["法制辦"]),
    ("CNIPA", ["知識產權局"]),
])
def test_find_the_new_names(query: str, names: list[str]) -> None:
    assert [a.name for a in load_registry().find(query)] == names


@pytest.mark.parametrize(("query", "names"), [
    ("market regulation", ["質檢總局", "食品藥品監管總局", "工商總局"]),
    ("Market Regulation", ["質檢總局", "食品藥品監管總局", "工商總局"]),
    ("MARKET REGULATION", ["質檢總局", "食品藥品監管總局", "工商總局"]),
    ("regulation market", ["質檢總局", "食品藥品監管總局", "工商總局"]),
    ("medical products", ["食品藥品監管總局"]),
    ("customs", ["海關總署"]),
    ("letters calls", ["信訪局"]),
    ("ecology environment", ["環境保護部"]),
    ("financial regulatory", ["銀監會", "保監會"]),
    ("ＮＤＲＣ", ["發展改革委"]),
])
def test_resolve_by_words_of_an_english_name(query: str, names: list[str]) -> None:
    assert [a.name for a in load_registry().resolve(query)] == names


def test_the_drug_regulator_is_recorded_as_a_second_successor() -> None:
    food_and_drug = load_registry()["食品藥品監管總局"]
    assert food_and_drug.successor == "國家市場監督管理總局"  # the main successor stays
    assert food_and_drug.successors == ("國家市場監督管理總局", "國家藥品監督管理局")
    (nmpa,) = food_and_drug.other_successors
    assert (nmpa.name, nmpa.short, nmpa.english, nmpa.abbreviation, nmpa.managed_by) == (
        "國家藥品監督管理局", "國家藥監局", "National Medical Products Administration", "NMPA",
        "國家市場監督管理總局")


@pytest.mark.parametrize("query", ["market xyz", "ministry of nothing", "zz"])
def test_english_words_that_name_nothing(query: str) -> None:
    with pytest.raises(UnknownAgency):
        load_registry().resolve(query)


def test_a_misspelt_english_name_suggests_the_body() -> None:
    with pytest.raises(UnknownAgency) as info:
        load_registry().resolve("ministry of agricture")
    assert info.value.suggestions[0] == "農業部"
    assert load_registry().suggest("NDCR") == ["發展改革委"]
    assert load_registry().suggest("Minstry of Comerce")[0] == "商務部"


def test_simplified_aliases_are_written_in_simplified() -> None:
    from ipx_tui.core.script import t2s

    for agency in load_registry().agencies:
        for alias in agency.aliases_simplified:
            assert t2s(alias) == alias, (agency.name, alias)
        for other in agency.other_successors:
            for alias in other.aliases_simplified:
                assert t2s(alias) == alias, (other.name, alias)
