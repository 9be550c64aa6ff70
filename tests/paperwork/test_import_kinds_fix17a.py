"""Kinds blind set 17 showed (B105, B111), each tested on an invented example of our own."""

from __future__ import annotations

from paperwork_samples import topic_rows

from paperwork.importer import import_text
from paperwork.page_parts import work_points_lines
from paperwork.published_text import _is_form_name, quoted_subject_and_form
from paperwork.relayout import duty_sentence_kinds, title_sentence_paragraphs

_rows = topic_rows


# -- "（一）TITLE。拟于T召开，由L承办，A、B参加，X出席。" in one paragraph (B105) ----------------------


def test_a_duty_sentence_is_made_of_duty_clauses_in_any_order():
    assert duty_sentence_kinds("拟于5月召开，由市政协经济委员会承办，市发改委、市商务局参加，副市长甲出席。") == {
        "time",
        "lead",
        "departments",
        "leaders",
    }
    assert duty_sentence_kinds("以座谈会形式进行，由县政协文史委负责组织，计划于第三季度举行。") == {
        "form",
        "lead",
        "time",
    }
    # the time without a verb of planning before it
    assert duty_sentence_kinds("6月中旬召开，县文旅局参加") == {"time", "departments"}
    # a remit inside brackets does not cut the clause
    assert duty_sentence_kinds("县水利局参加，邀请副县长（分管水利、农业）出席") == {"departments", "leaders"}
    # one kind alone, or a clause of anything else, is prose
    assert duty_sentence_kinds("拟于6月召开。") is None
    assert duty_sentence_kinds("协商会召开，市教育局参加") is None  # no time in the time clause
    assert duty_sentence_kinds("协商成果于会后7个工作日内报送，由市政协办公室统筹协调。") is None
    assert duty_sentence_kinds("各承办委员会要于会前一个月制定方案，由县政协办公室牵头。") is None


def test_title_then_duty_sentence_paragraphs_are_split_whatever_the_verbs():
    lines = [
        "1、完善溪岚县山区供水保障。由县政协农业农村委员会承办，县水利局参加，拟于第三季度举行。",
        "2、推进溪岚茶旅融合。计划于4月开展，县文旅局、县农业农村局配合，邀请县政协副主席甲出席。",
        "3、强化责任落实。各承办委员会要于会前一个月制定方案。",
    ]
    assert title_sentence_paragraphs(lines) == [
        "1、完善溪岚县山区供水保障",
        "由县政协农业农村委员会承办，县水利局参加，拟于第三季度举行。",
        "2、推进溪岚茶旅融合",
        "计划于4月开展，县文旅局、县农业农村局配合，邀请县政协副主席甲出席。",
        "3、强化责任落实。各承办委员会要于会前一个月制定方案。",
    ]
    assert title_sentence_paragraphs(lines[:1]) == lines[:1]  # one alone is more likely prose


_NEWS_PAGE = """关于印发《政协澄岭市委员会2026年度协商工作计划》的通知
政协澄岭市委员会2026年度协商工作计划
一、专题议政性常委会议
（一）推动澄岭临空经济区扩能升级。拟于6月召开，由市政协经济委员会承办，市发展改革委、市商务局、澄岭空港集团参加，副市长邵启明、市政协副主席聂文澜出席。
（二）加强澄河上游水源地保护。由市政协人口资源环境委员会承办，拟于10月上旬举行，市生态环境局、市水利局、各县（市、区）人民政府参加，副市长（分管生态环境、水利）出席。
二、对口协商
（一）优化城区公交线网布局。以座谈会形式进行，由市政协社会和法制委员会承办，市交通运输局参加，计划于第二季度开展。
（二）推进中小学体育场馆开放。计划于7月开展，由市政协教科卫体委员会承办，市教育局、市体育局参加，市政协副主席聂文澜出席。
三、工作要求
（一）加强统筹协调。各承办委员会要制定实施方案，由市政协办公室统筹安排。
（二）注重成果运用。协商意见于会后10个工作日内报送市委、市政府。
"""


def test_a_news_page_plan_with_each_topic_and_its_duty_sentence_in_one_paragraph():
    rows = _rows(import_text(_NEWS_PAGE).plan)
    assert rows == [
        (
            "推动澄岭临空经济区扩能升级",
            "专题议政性常委会议",
            [6],
            ["经济委员会"],
            ["市发展改革委", "市商务局", "澄岭空港集团"],
            ["副市长邵启明", "市政协副主席聂文澜"],
        ),
        (
            "加强澄河上游水源地保护",
            "专题议政性常委会议",
            [10],
            ["人口资源环境委员会"],
            ["市生态环境局", "市水利局", "各县(市、区)人民政府"],
            ["副市长(分管生态环境、水利)"],
        ),
        ("优化城区公交线网布局", "对口协商", [], ["社会和法制委员会"], ["市交通运输局"], []),
        (
            "推进中小学体育场馆开放",
            "对口协商",
            [7],
            ["教科卫体委员会"],
            ["市教育局", "市体育局"],
            ["市政协副主席聂文澜"],
        ),
    ]
    plan = import_text(_NEWS_PAGE).plan
    assert next(t for t in plan.topics if t.title == "优化城区公交线网布局").window == (4, 6)


# -- "围绕“T”召开/开展F" items; a plan inside a 工作要点 (B111) -------------------------------------


def test_a_quoted_subject_and_the_form_held_are_the_title_and_the_form():
    assert quoted_subject_and_form("围绕“推进甲乙园区扩容”召开专题协商会") == ("推进甲乙园区扩容", "专题协商会")
    assert quoted_subject_and_form("就“完善“丙丁”服务网络”开展对口协商") == ("完善“丙丁”服务网络", "对口协商")
    assert quoted_subject_and_form("聚焦“戊己融合”举行双月协商座谈会") == ("戊己融合", "双月协商座谈会")
    # what follows the verb is no form: the title stays as it is
    assert quoted_subject_and_form("围绕“推进甲乙园区扩容”开展调研并形成报告") is None
    assert quoted_subject_and_form("推进甲乙园区扩容") is None


_WORK_POINTS = """政协溪岚区委员会2026年工作要点
　　2026年区政协工作的总体要求是：坚持团结和民主两大主题，服务全区中心工作。
一、加强思想政治引领，凝聚团结奋进共识
　　1．深化理论学习。全年组织委员读书活动不少于6次，围绕“学思想、强履职”开展专题研讨。
　　2．完善请示报告制度。年度协商计划按程序报区委审定。
二、深化协商议政，助推高质量发展
　　3．开好区政协九届六次会议。2月召开全体会议，围绕区政府工作报告协商讨论。
　　4．认真落实年度协商计划。经区委同意，全年安排协商活动4次：
　　（1）围绕“培育溪岚低空经济产业”召开专题议政性常委会议。时间：6月；承办：区政协经济委员会；协商部门：区发改局、区工信局；出席领导：副区长韦东川。
　　（2）围绕“改善城中村人居环境”开展对口协商。时间：8月；承办：区政协城建委员会；协商部门：区住建局、各街道办事处。
　　（3）围绕“完善“15分钟”便民生活圈”召开专题协商会。时间：第四季度；承办：区政协社会法制委员会；协商部门：区商务局；出席领导：区政协副主席詹秋。
　　（4）围绕“规范校外培训机构管理”开展界别协商。时间：5月；承办：区政协教育界；协商部门：区教育局。
　　5．拓展“溪岚茶座”协商平台。各社区每半年开展1次协商活动，议题由社区自行确定，不列入本计划。
三、突出民主监督，推动决策落实
　　6．围绕“改善城中村人居环境”开展专项民主监督，6月—10月组织委员视察。
　　7．围绕“推进垃圾分类”召开监督性座谈会，11月举行。
四、做好提案工作，提升办理质效
　　8．区长韦东川领衔督办《关于优化老城区交通组织的提案》，9月底前完成。
抄送：区委办公室。
"""


def test_a_work_points_document_gives_only_its_consultation_items():
    draft = import_text(_WORK_POINTS)
    assert _rows(draft.plan) == [
        ("培育溪岚低空经济产业", "专题议政性常委会议", [6], ["经济委员会"], ["区发改局", "区工信局"], ["副区长韦东川"]),
        ("改善城中村人居环境", "对口协商", [8], ["城建委员会"], ["区住建局", "各街道办事处"], []),
        ("完善“15分钟”便民生活圈", "专题协商会", [], ["社会法制委员会"], ["区商务局"], ["区政协副主席詹秋"]),
        ("规范校外培训机构管理", "界别协商", [5], ["教育界"], ["区教育局"], []),
    ]
    skipped = {s.text for s in draft.skipped if "工作要点" in s.reason}
    assert "3．开好区政协九届六次会议。2月召开全体会议，围绕区政府工作报告协商讨论。" in skipped
    assert any(t.startswith("5．拓展“溪岚茶座”") for t in skipped)
    assert any(t.startswith("6．围绕“改善城中村人居环境”开展专项民主监督") for t in skipped)
    assert "三、突出民主监督，推动决策落实" in skipped


_WORK_POINTS_FLAT = """政协岚桥县委员会2026年工作要点
一、聚焦协商主业
1、开好县政协十二届三次会议，围绕县政府工作报告协商讨论。
2、围绕“发展岚桥林下经济”召开专题协商会（时间：7月，承办：县政协农业农村委员会）
3、围绕“提升县域物流效率”开展对口协商（时间：9月，承办：县政协经济委员会）
4、推广“岚桥议事会”基层协商，各村每季度议事一次，不纳入年度协商计划。
二、加强自身建设
5、围绕“提高委员履职能力”开展专题培训，全年2次。
"""


def test_work_points_whose_consultation_items_are_the_topics_themselves():
    lines = _WORK_POINTS_FLAT.splitlines()
    assert work_points_lines(lines, _is_form_name) == {2, 5, 6, 7}
    # titled 工作安排 all the same
    assert work_points_lines(["政协岚桥县委员会2026年工作安排", *lines[1:]], _is_form_name) == {2, 5, 6, 7}
    rows = _rows(import_text(_WORK_POINTS_FLAT).plan)
    assert [r[:4] for r in rows] == [
        ("发展岚桥林下经济", "专题协商会", [7], ["农业农村委员会"]),
        ("提升县域物流效率", "对口协商", [9], ["经济委员会"]),
    ]


def test_a_work_points_title_over_the_plans_own_form_parts_is_left_alone():
    lines = [
        "政协某市委员会2026年协商工作要点",
        "一、全体会议",
        "1.开好市政协十四届五次会议",
        "二、专题协商会",
        "1.推进甲乙协同",
    ]
    assert work_points_lines(lines, _is_form_name) == set()
    # a plan titled 协商工作要点 is the plan itself: its "工作要求" part and fields numbered "(1)" stay
    lines = [
        "政协某县委员会2026年协商工作要点",
        "一、专题协商",
        "1.推进甲乙协同",
        "(1)时间:5月",
        "(2)承办:县政协经济委",
        "2.加强丙丁保护(时间:9月)",
        "二、工作要求",
        "1.加强统筹。",
    ]
    assert work_points_lines(lines, _is_form_name) == set()
    # in a work points' consultation part, fields numbered "(1)" under a topic are no list of topics:
    # the topic beside it stays
    lines = [
        "政协某县委员会2026年工作要点",
        "一、深化协商议政",
        "1.围绕“推进甲乙协同”召开专题协商会",
        "(1)时间:5月",
        "(2)承办:县政协经济委",
        "2.围绕“加强丙丁保护”开展对口协商(时间:9月)",
        "二、加强自身建设",
        "3.加强委员培训。",
    ]
    assert work_points_lines(lines, _is_form_name) == {6, 7}
    # a plan of its own (no 工作要点 title) is never cut, nor one with a part headed "二、工作安排"
    assert (
        work_points_lines(["2026年度协商计划", "二、工作安排", *_WORK_POINTS_FLAT.splitlines()[1:]], _is_form_name)
        == set()
    )
    assert work_points_lines(["2026年度协商计划", *_WORK_POINTS_FLAT.splitlines()[1:]], _is_form_name) == set()
