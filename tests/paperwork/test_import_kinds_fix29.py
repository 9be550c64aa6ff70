"""Kinds blind set 29 showed (B201–B208), each tested on an invented example of our own."""

from __future__ import annotations

from paperwork_samples import topic_rows

from paperwork.importer import import_text

# -- a portal's article: each topic one paragraph "一、围绕“X”召开<form>。拟于…举行,由…牵头,…参加" (B206) --

_PART_NUMBERED_SENTENCES = """政协桐岭市委员会2026年度协商工作计划
经市委同意，市政协全年安排协商议题4项，具体如下：
一、围绕“推进城乡供水一体化”召开专题议政性常委会议。拟于6月举行，由市政协人口资源环境委员会牵头，市水利局、市住房城乡建设局参加，邀请市长贺明远出席。
二、围绕“发展夜间文旅消费”召开专题协商会。拟于第三季度举行，由市政协文化文史和学习委员会牵头，市文化和旅游局、市商务局参加。
三、围绕“规范住宅小区物业服务”召开对口协商会。拟于3月、11月各一次举行，由市政协社会和法制委员会牵头，市住房城乡建设局参加，邀请副市长梁青出席。
四、工作要求
各牵头单位要制定具体方案，做好调研和成果报送工作。
"""


def test_a_whole_item_sentence_numbered_like_a_part_is_a_topic():
    draft = import_text(_PART_NUMBERED_SENTENCES)
    assert topic_rows(draft.plan) == [
        (
            "推进城乡供水一体化",
            "专题议政性常委会议",
            [6],
            ["人口资源环境委员会"],
            ["市水利局", "市住房城乡建设局"],
            ["市长贺明远"],
        ),
        ("发展夜间文旅消费", "专题协商会", [], ["文化文史和学习委员会"], ["市文化和旅游局", "市商务局"], []),
        ("规范住宅小区物业服务", "对口协商会", [3], ["社会和法制委员会"], ["市住房城乡建设局"], ["副市长梁青"]),
        ("规范住宅小区物业服务", "对口协商会", [11], ["社会和法制委员会"], ["市住房城乡建设局"], ["副市长梁青"]),
    ]
    assert [r.line for r in draft.reports] == [3, 4, 5, 5]
    assert draft.plan.topics[1].window == (7, 9)


def test_a_short_part_heading_stays_a_heading():
    # "四、工作要求" and its sentence: no topic (only a long sentence with a quoted subject and a lead is an item)
    titles = [t.title for t in import_text(_PART_NUMBERED_SENTENCES).plan.topics]
    assert not any("工作要求" in t or "方案" in t for t in titles)


# -- a county's "第一项 TITLE" then its fields numbered "（一）协商形式：…（五）出席县领导：…" (B204) -----------

_ITEMS_WITH_NUMBERED_FIELDS = """政协梧川县委员会2026年度协商计划
经县委同意，县政协2026年计划开展协商活动3项，具体如下：
第一项 推进县域冷链物流建设
（一）协商形式：常委会议专题协商
（二）协商时间：6月
（三）牵头单位：县政协经济委员会
（四）协商部门：县商务局、县交通运输局
（五）出席县领导：副县长柏安
第二项 加强农村饮水安全保障
（一）协商时间：第三季度
（二）协商形式：主席会议协商
（三）牵头单位：县政协农业农村委员会
（四）协商部门：县水利局
—（五）出席县领导：
第三项 促进县城商圈提档升级
（一）协商形式：界别协商
（二）牵头单位：县政协文史和学习委员会
（三）协商部门：县商务局、县市场监管局
本计划如需调整，由县政协党组报县委同意后实施。
"""


def test_fields_numbered_like_sections_under_a_numbered_topic_are_its_fields():
    draft = import_text(_ITEMS_WITH_NUMBERED_FIELDS)
    assert topic_rows(draft.plan) == [
        ("推进县域冷链物流建设", "常委会议专题协商", [6], ["经济委员会"], ["县商务局", "县交通运输局"], ["副县长柏安"]),
        ("加强农村饮水安全保障", "主席会议", [], ["农业农村委员会"], ["县水利局"], []),
        ("促进县城商圈提档升级", "界别协商", [], ["文史和学习委员会"], ["县商务局", "县市场监管局"], []),
    ]
    assert [r.line for r in draft.reports] == [3, 9, 15]
    assert draft.plan.topics[1].window == (7, 9)


def test_a_dash_set_before_an_empty_fields_label_is_its_value_not_a_topic():
    # "—（五）出席县领导：" (a PDF drew the cell's "—" first): no topic "五)", no leader
    titles = [t.title for t in import_text(_ITEMS_WITH_NUMBERED_FIELDS).plan.topics]
    assert len(titles) == 3 and not any("五" in t for t in titles)


# -- a PDF table a reader could not see as one: its header one run of names ("序" wrapped over "号"), its
#    rows columns set apart by spaces, the attending leader last (B205) ----------------------------------

_SPACED_SERIES = """政协桐岭市委员会2026年度协商计划
一、双月协商座谈会
全年召开双月协商座谈会3次，由市政协主席或副主席主持，邀请有关部门负责同志到会。
序协商议题时间牵头单位协商部门出席领导
号
1  推进电动自行车安全治理  3月  市政协社会和法制委员会  市公安局、市消防救援支队  副市长柯远
2  加强中小学心理健康教育  5月  市政协教科卫体委员会  市教育局、市卫生健康委
3  发展林下经济  9月  市政协农业和农村委员会  市林业局、市农业农村局  副市长、市林业局局长甘霖
"""


def test_spaced_rows_under_a_run_together_header_with_leaders_last():
    draft = import_text(_SPACED_SERIES)
    rows = topic_rows(draft.plan)
    assert [r[:5] for r in rows] == [
        ("推进电动自行车安全治理", "双月协商座谈会", [3], ["社会和法制委员会"], ["市公安局", "市消防救援支队"]),
        ("加强中小学心理健康教育", "双月协商座谈会", [5], ["教科卫体委员会"], ["市教育局", "市卫生健康委"]),
        ("发展林下经济", "双月协商座谈会", [9], ["农业和农村委员会"], ["市林业局", "市农业农村局"]),
    ]
    assert rows[0][5] == ["副市长柯远"] and rows[1][5] == [] and rows[2][5]
    assert [r.line for r in draft.reports] == [6, 7, 8]
