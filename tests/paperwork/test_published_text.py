"""Reading published plan text: the seeds recovered exactly, and messy text handled."""

from __future__ import annotations

import os
import unicodedata

import pytest
from paperwork_samples import (
    SEEDS,
    plan_and_schedule,
    sample_plan_paths,
    seed004_plan1,
    seed_text,
    shared_seeds,
)

from paperwork import PaperworkError, parse_published_text, plan_to_xlsx, xlsx_to_plan
from paperwork.hanzi import looks_traditional, to_simplified
from paperwork.published_text import classify_form, parse_time
from solver.plan import Plan


def nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def rows(plan: Plan) -> list[tuple]:
    """(form name, title, months, lead names, department names, leader names) per topic, in order."""
    forms, comms = plan.form_by_id(), plan.committee_by_id()
    depts, leaders = plan.department_by_id(), plan.leader_by_id()
    return [
        (
            forms[t.form].name,
            nfkc(t.title),
            t.preferred_months,
            [comms[c].name for c in t.lead_options + t.co_organizers],
            [depts[d].name for d in t.departments],
            [leaders[x].name for x in t.leaders],
        )
        for t in plan.topics
    ]


# -- seed 000: 威海 2023 -----------------------------------------------------------------------

SEED000 = [
    ("市政协十四届二次会议协商议政", "session", None, []),
    (
        "降低企业成本,吸引投资创业",
        7,
        "提案委",
        "市工信局、市教育局、市人社局、市交通局、市水务局、市商务局、市行政审批局、市地方金融监管局、市供电公司",
    ),
    (
        "放大生态比较优势,推动经济绿色低碳高质量发展",
        10,
        "农业和农村委",
        "市发改委、市生态环境局、市农业农村局、市海洋发展局、市文旅局、市商务局",
    ),
    (
        "加强燃气安全信息化建设,提高城镇安全保障能力",
        7,
        "社会法制委",
        "市住建局、市发改委、市公安局、市财政局、市自然资源和规划局、市交通局、市应急局、市大数据中心、市行政审批局、市市场监管局",
    ),
    (
        "强化多方协作,推动《家庭教育促进法》落实落地",
        6,
        "教科卫体委",
        "市妇联、团市委、市法院、市检察院、市教育局、市公安局、市民政局、市司法局",
    ),
    (
        "发挥爱国爱港社团作用,促进威港两地联络联谊",
        5,
        "港澳台侨和民族宗教外事委",
        "市委统战部、市委台港澳办、团市委、市工商联、市商务局、市外事办、市贸促会、驻威高校",
    ),
    (
        "补齐农村突出短板,加快共同富裕进程",
        8,
        "委员联络工作委",
        "市农业农村局、市教育局、市民政局、市财政局、市人社局、市生态环境局、市住建局、市交通局、市文旅局、市卫健委、市统计局、市医保局",
    ),
    ("发展电商经济,打造经济增长新动力", 6, "委员联络工作委", "市商务局、市发改委、市工信局、市市场监管局"),
    (
        "加快科技型企业培育,促进经济高质量发展",
        9,
        "人口资源环境和经济委",
        "市科技局、市发改委、市工信局、市财政局、市人社局、市市场监管局、市地方金融监管局、市税务局",
    ),
    (
        "加大设施配套产业互联力度,全力打造千里山海乡村振兴路",
        8,
        "农业和农村委",
        "市农业农村局、市自然资源和规划局、市住建局、市交通局、市文旅局",
    ),
    ("发展智慧交通,推进精致城市建设", 4, "提案委", "市交通局、市公安局交警支队、市公路事业发展中心、市公交集团"),
]
SEED000_FORMS = [1, 2, 3, 5]


def assert_seed000(draft) -> None:
    plan = draft.plan
    assert len(plan.topics) == 11
    got = rows(plan)
    session = plan.calendar.session_month
    assert session is not None
    for (_form, title, months, leads, depts, _), (want_title, want_month, want_lead, want_depts) in zip(
        got, SEED000, strict=True
    ):
        assert title == nfkc(want_title)
        assert months == ([session] if want_month == "session" else [want_month]), title
        if want_lead:
            assert leads == [want_lead], title
        assert depts == (want_depts.split("、") if want_depts else []), title
    # sections per form, in the order printed, with their sizes
    sizes = {}
    for t in plan.topics:
        sizes[t.form] = sizes.get(t.form, 0) + 1
    assert list(sizes.values()) == SEED000_FORMS
    forms = plan.form_by_id()
    assert forms[plan.topics[0].form].session_only
    assert "对口协商" in forms[plan.topics[-1].form].name
    assert "专题议政性常委会" in forms[plan.topics[1].form].name


def test_seed000_every_topic_month_committee_and_department():
    draft = parse_published_text(seed_text("000"))
    assert_seed000(draft)
    assert draft.plan.year == 2023
    assert draft.plan.body == "市政协"
    # the plenary has no 承办部门: a placeholder, said out loud
    assert "待定" in draft.new_committees
    assert any("T01" in w and "承办" in w for w in draft.warnings)
    # the web page's navigation is skipped, not read as a topic
    assert "首页 |" in draft.unparsed_lines
    # the arrangement's own count agrees with what was found: no mismatch warning
    assert not any("识别出" in w for w in draft.warnings)


def test_seed000_wrapped_title_is_joined():
    draft = parse_published_text(seed_text("000"))
    titles = [t.title for t in draft.plan.topics]
    assert nfkc("加大设施配套产业互联力度,全力打造千里山海乡村振兴路") in [nfkc(t) for t in titles]
    assert not any(t == "振兴路" for t in titles)


def test_seed000_preamble_and_closing_are_kept_for_the_document():
    draft = parse_published_text(seed_text("000"))
    assert draft.preamble.startswith("一、总体原则")
    assert draft.closing.startswith("四、组织实施")
    assert "二、工作安排" not in draft.preamble and "二、工作安排" not in draft.closing


# -- seed 004, plan 1: 洛阳 -------------------------------------------------------------------

SEED004 = [
    ("加强人才建设,为经济高质量发展提供重要支撑", "session", ""),
    ("进一步加快乡村振兴步伐", 6, "市发改委、市农业农村局"),
    ("以科技创新推动经济高质量发展", 9, "市发改委、市科技局、市工信局"),
    (
        "做好洛阳济源融合发展协商调研,助推洛阳与豫西各市联动发展",
        5,
        "市发改委、市工信局、市自然资源和规划局、市商务局、市交通运输局",
    ),
    ("促进农业龙头企业做大做强,带动农民脱贫增收", 5, "市农业农村局、市商务局、市扶贫开发办公室"),
    ("加大黄河湿地环境资源保护力度,促进生态环境质量提升", 7, "市林业局、市生态环境局、市水利局"),
    ("深化河洛文化研究,促进华夏历史文明传承创新区建设", 8, "市文化广电和旅游局"),
    (
        "优化营商环境,推动支持民营经济持续健康发展政策举措加快落实",
        7,
        "市发改委、市工信局、市商务局、市市场监督管理局、市税务局",
    ),
    ("发展学前教育,鼓励普惠性幼儿园发展", 10, "市人力资源和社会保障局、市编办、市教育局"),
    ("全国和省、市宗教工作会议精神贯彻落实情况", 5, ""),
    ("加强农村寄宿制学校建设,改善乡村教师资源配置", 7, ""),
    ("应天门、二里头在建大遗址项目保护利用情况", 7, ""),
    ("我市国土绿化提速提质行动工作推进情况", 9, ""),
    ("优化城市区教育资源配置,有效消肿“大班额”、降温“择校热”", 3, ""),
    ("推进军民融合产业园建设", 5, ""),
    ("全市重点民生实事落实情况", 9, ""),
    ("“四河同治、三渠联动”推进情况", 10, ""),
    ("全市重点项目建设推进情况", 10, ""),
]
SEED004_FORMS = [1, 2, 4, 1, 1, 4, 5]


def test_seed004_plan1_all_18_activities_months_and_departments():
    draft = parse_published_text(seed004_plan1())
    plan = draft.plan
    assert len(plan.topics) == 18
    session = plan.calendar.session_month
    for (_form, title, months, leads, depts, _leaders), (want_title, want_month, want_depts) in zip(
        rows(plan), SEED004, strict=True
    ):
        assert title == nfkc(want_title)
        assert months == ([session] if want_month == "session" else [want_month]), title
        assert depts == (want_depts.split("、") if want_depts else []), title
        assert leads, title  # every activity names who organises it
    sizes: dict[str, int] = {}
    for t in plan.topics:
        sizes[t.form] = sizes.get(t.form, 0) + 1
    assert list(sizes.values()) == SEED004_FORMS
    got = rows(plan)
    # "由市政协调研室、农业和农村委员会联合组织实施": lead and co-organiser
    assert got[1][3] == ["调研室", "农业和农村委员会"]
    assert got[2][3] == ["调研室", "经济委员会", "教科卫体委员会"]
    # 参加人员 splits into the leader and the departments; members and experts are not departments
    # a generic role is one placeholder per topic (issue 10 §9), not one person shared by all
    assert got[1][5] == ["市政府分管副市长(T02)"]
    assert plan.leader_by_id()[plan.topics[1].leaders[0]].role == "市政府分管副市长"
    assert len({x for t in plan.topics for x in t.leaders}) == sum(len(t.leaders) for t in plan.topics)
    assert "部分政协委员" not in draft.new_departments and "智库专家" not in draft.new_departments
    assert plan.year == 2023
    assert not any("识别出" in w for w in draft.warnings), draft.warnings


def test_seed004_whole_page_still_finds_plan1():
    """The other three 'plans' on the page are prose; they add no topics."""
    draft = parse_published_text(seed_text("004"))
    assert len(draft.plan.topics) == 18


# -- seed 001: traditional characters ------------------------------------------------------------


def test_seed001_traditional_characters_and_pinyin_glosses():
    raw = seed_text("001")
    assert looks_traditional(raw)
    draft = parse_published_text(raw)
    plan = draft.plan
    titles = [t.title for t in plan.topics]
    assert nfkc("发展绿色循环经济,加大工业固废物回收处理") in [nfkc(t) for t in titles]
    assert nfkc("关于做精XX乡村振兴示范带的建议") in [nfkc(t) for t in titles]
    assert not any(looks_traditional(t, threshold=1) for t in titles)
    assert not any("(" in t and "xi" in t for t in titles)  # "(xié)" glosses are gone
    comms = {c.name for c in plan.committees}
    assert {"提案委", "社法委", "经科委", "文史委", "人资环委", "委工委", "农业和农村委"} <= comms
    assert plan.year == 2022
    # the committee in brackets after a title leads that topic
    by_title = {nfkc(t.title): t for t in plan.topics}
    lead = plan.committee_by_id()[by_title[nfkc("推进五级公园体系建设")].lead_options[0]].name
    assert lead == "人资环委"
    # sections 常委会议 (4) + 协商建言 (6) + 专题调研 (12) + 走访委员 (1)
    assert len(plan.topics) == 23
    # "7-8月份,采取座谈……" is the visit's time
    visit = plan.topics[-1]
    assert visit.preferred_months == [7, 8] and visit.window == (7, 8)
    # no month in the text: said, per topic
    assert sum("没有写明时间安排" in w for w in draft.warnings) == 22


def test_to_simplified_table():
    assert to_simplified("協商計劃與專門委員會") == "协商计划与专门委员会"
    assert to_simplified("显著") == "显著"  # context-dependent characters are left alone


# -- messy text ---------------------------------------------------------------------------------

FULL = str.maketrans({",": "\uff0c", ":": "\uff1a", "(": "\uff08", ")": "\uff09", ";": "\uff1b", ".": "\uff0e"})


def test_full_width_punctuation_reads_the_same():
    text = seed_text("000")
    full = text.translate(FULL)
    assert full != text and "\uff1a" in full
    assert_seed000(parse_published_text(full))


def test_junk_lines_between_topics_are_skipped():
    junk = [
        "首页 > 工作文档 > 工作计划",
        "分享到:微信 微博 QQ",
        "- 2 -",
        "点击查看更多>>",
        "第1页 / 共4页",
        "=====",
        "http://example.invalid/plan.html",
        "上一篇:关于印发……的通知",
    ]
    lines = seed_text("000").splitlines()
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i % 4 == 0:
            out.append(junk[i % len(junk)])
    draft = parse_published_text("\n".join(out))
    assert_seed000(draft)
    for j in junk[:5]:
        if j in out:
            assert j in draft.unparsed_lines


def test_crlf_and_blank_lines_and_indentation():
    text = "\r\n\r\n".join("\u3000\u3000" + line for line in seed_text("000").splitlines())
    assert_seed000(parse_published_text(text))


MISSING = """\
某县政协2025年度协商工作计划
一、工作安排
2025年,共安排重点协商议题3项。
(一)专题议政性常委会议(2项)
1.推进县域商业体系建设
时间安排:5月
承办部门:县政协经济委
协商部门:县商务局,县发改局;县财政局
2.加强养老服务
协商部门:县民政局
(二)对口协商(1项)
1.提升农村饮水安全水平
时间安排:第三季度
承办单位:县政协农业农村委
"""


def test_missing_fields_become_warnings_not_errors():
    draft = parse_published_text(MISSING)
    plan = draft.plan
    assert [t.title for t in plan.topics] == ["推进县域商业体系建设", "加强养老服务", "提升农村饮水安全水平"]
    assert plan.year == 2025 and plan.body == "某县政协"
    t1, t2, t3 = plan.topics
    depts = plan.department_by_id()
    assert [depts[d].name for d in t1.departments] == ["县商务局", "县发改局", "县财政局"]
    assert plan.committee_by_id()[t1.lead_options[0]].name == "经济委"
    assert t2.preferred_months == [] and plan.committee_by_id()[t2.lead_options[0]].name == "待定"
    assert any("T02" in w and "时间安排" in w for w in draft.warnings)
    assert any("T02" in w and "承办" in w for w in draft.warnings)
    assert t3.window == (7, 9) and t3.preferred_months == []
    assert any("T03" in w and "季度" in w for w in draft.warnings)
    assert any("T03" in w and "协商部门" in w for w in draft.warnings)
    assert draft.new_committees == ["经济委", "待定", "农业农村委"]


def test_section_count_that_disagrees_is_reported():
    text = MISSING.replace("(二)对口协商(1项)", "(二)对口协商(2项)")
    draft = parse_published_text(text)
    assert any("对口协商" in w and "标明 2 项" in w for w in draft.warnings)


def test_known_plan_maps_names_to_its_ids():
    known = parse_published_text(MISSING).plan
    renamed = known.model_copy(deep=True)
    for d in renamed.departments:
        d.id = "dept_" + d.id
    for c in renamed.committees:
        c.name = "县政协" + c.name.replace("委", "委员会")  # another spelling of the same committee
    again = parse_published_text(MISSING, known=renamed)
    assert again.new_departments == [] and again.new_committees == []
    assert again.plan.topics[0].departments == ["dept_D01", "dept_D02", "dept_D03"]
    assert again.plan.topics[0].lead_options == [renamed.committees[0].id]


def test_known_sample_plan_recognises_seed000_departments():
    paths = [p for p in sample_plan_paths() if "weihai" in p.name]
    assert paths, "data/weihai-2023.json is part of the repository"
    known, _ = plan_and_schedule(paths[0])
    draft = parse_published_text(seed_text("000"), known=known)
    assert draft.new_departments == []
    assert len(draft.plan.topics) == 11


def test_not_a_plan_says_so():
    with pytest.raises(PaperworkError) as err:
        parse_published_text("今天天气很好。\n我们去公园散步。\n")
    assert "没有识别出任何协商议题" in str(err.value)
    with pytest.raises(PaperworkError):
        parse_published_text("   \n")


def test_draft_survives_excel_round_trip():
    draft = parse_published_text(seed004_plan1())
    assert xlsx_to_plan(plan_to_xlsx(draft.plan)).to_dict() == draft.plan.to_dict()


@pytest.mark.parametrize(
    ("text", "months", "window", "session"),
    [
        ("7月", [7], None, False),
        ("7月份", [7], None, False),
        ("7-8月份", [7, 8], (7, 8), False),
        ("7—8月", [7, 8], (7, 8), False),
        ("5月、9月", [5, 9], None, False),
        ("十月中旬", [10], None, False),
        ("三季度", [], (7, 9), False),
        ("下半年", [], (7, 12), False),
        ("市政协xx届二次全会期间", [], None, True),
        ("适时", [], None, False),
    ],
)
def test_parse_time(text, months, window, session):
    got = parse_time(text)
    assert (got.months, got.window, got.session) == (months, window, session)


def test_classify_form():
    assert classify_form("有事多商量·专题议政性常委会会议") == "standing"
    assert classify_form("市政协十四届二次会议协商议政") == "plenary"
    assert classify_form("政协全委会协商") == "plenary"
    assert classify_form("双月协商座谈会协商") == "bimonthly"
    assert classify_form("有事多商量·对口协商") == "counterpart"
    assert classify_form("走访政协委员") is None


def test_seed_copies_match_shared_corpus():
    shared = shared_seeds()
    if shared is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true: ../shared/seeds must be beside the repository")
        pytest.skip("shared/seeds not checked out beside the repository")
    for copy in SEEDS.glob("*.txt"):
        assert copy.read_bytes() == (shared / copy.name).read_bytes(), copy.name


def test_other_numbering_styles():
    text = (
        "(一)对口协商(3项)\n"
        "\u2460发展电商经济\n"  # ①
        "时间安排:6月\n"
        "(2)发展智慧交通\n"
        "时间安排:4月\n"
        "3\u3001加快科技型企业培育\n"  # 3、
        "时间安排:9月\n"
    )
    draft = parse_published_text(text, year=2024)
    assert [(t.title, t.preferred_months) for t in draft.plan.topics] == [
        ("发展电商经济", [6]),
        ("发展智慧交通", [4]),
        ("加快科技型企业培育", [9]),
    ]
    assert draft.plan.year == 2024 and not any("年份" in w for w in draft.warnings)


def test_junk_filter_keeps_field_lines_that_look_like_web_words():
    text = (
        "首页 > 政协 > 工作计划\n"
        "来源:某市政协网站\n"
        "(一)对口协商(1项)\n"
        "1.编辑出版地方文史资料\n"
        "时间安排:9月\n"
        "承办部门:文史委\n"
        "相关部门:市档案馆、市文旅局\n"
        "相关搜索\n"
        "返回顶部\n"
    )
    draft = parse_published_text(text, year=2024)
    (t,) = draft.plan.topics
    assert t.title == "编辑出版地方文史资料"
    assert [draft.plan.department_by_id()[d].name for d in t.departments] == ["市档案馆", "市文旅局"]
    assert {"首页 > 政协 > 工作计划", "来源:某市政协网站", "相关搜索", "返回顶部"} <= set(draft.unparsed_lines)


def test_wrapped_department_list_joins_but_a_stray_sentence_does_not():
    text = (
        "(一)对口协商(1项)\n"
        "1.发展智慧交通\n"
        "时间安排:4月\n"
        "承办部门:提案委\n"
        "协商部门:市交通局、市自然资源和\n"
        "规划局、市公交集团\n"
        "本站为文档C2C交易模式,即用户上传的文档直接被用户下载,本站只是中间服务平台。\n"
    )
    draft = parse_published_text(text, year=2024)
    (t,) = draft.plan.topics
    assert [draft.plan.department_by_id()[d].name for d in t.departments] == [
        "市交通局",
        "市自然资源和规划局",
        "市公交集团",
    ]
    assert any(line.startswith("本站为文档") for line in draft.unparsed_lines)
