"""Kinds blind set 24 showed (B161–B168), each tested on invented examples of our own.

- "N．TITLE，6月。" — a compact item, its time after the title's last comma, its fields on the line
  below; a plenary listed so ("1．X县政协九届三次全体会议，2月。" under "一、全体会议") is a topic like
  the others (B166; the corpus's rule since set 10: a plenary listed with a title is a topic). A title
  that holds a comma of its own ("落实X，加强Y") keeps it (B166, B162);
- numbered titles listed first, and a later part giving "第N项：T，L；协商部门：…；出席：…" by topic
  number, in month order, a line wrapping: each title and its line are one topic, in the titles'
  order; an unlabelled clause is the time when it is only a time, the lead when it is only a 政协
  committee's (or sectors') name — a government's commission ("市发改委") never is (B165);
- "月份：" is the label "时间：" (B167);
- "一、“X”协商议事会" "二、委员小组协商": a platform's or the members' own form, a form heading even
  as the plan's first heading (B167);
- fields in spans side by side on a web page, no space between them (B168); a label Word's pasted
  HTML cut into spans ("邀</span><span>请</span><span>出席领导：") is not set apart (B137);
- a table with no time column whose 备注 says "拟安排在5月" "拟于9月底前完成": the note gives the
  time; a note without a time gives none (B162);
- "出席市领导：" (区/县) after "；" inside a bracket of fields: the leaders' label whole, "出席" is no
  department (B161);
- "小计 1 项" "合计 13 项" "（次）" fallen out of a PDF table under the last row: no field's tail (B163);
- a sentence broken before a label ("…协商部门和" / "出席市领导：") is no title (B165).
"""

from __future__ import annotations

from paperwork_samples import topic_rows

from paperwork.importer import import_document, import_text
from paperwork.item_duties import duty_fields

# -- "N．TITLE，TIME。" compact items, a listed plenary (B166) ------------------------------------

_COMPACT = "\n".join(
    [
        "政协岚溪县委员会2026年度协商计划",
        "一、全体会议",
        "1．县政协九届三次全体会议，2月。",
        "内容：协商讨论县人民政府工作报告。",
        "承办：县政协办公室。",
        "二、专题协商",
        "2．加快乡村旅游提质升级，第三季度。",
        "承办：县政协文史委；协商部门：县文旅局、县农业农村局；出席县领导：副县长罗青。",
        "3．落实林长制，加强森林防火，5月、10月各一次。",
        "承办：县政协农业委；协商部门：县林业局。",
        "4．推进城乡供水一体化，适时。",
        "承办：县政协城建委；协商部门：县水利局。",
        "5．健全县域医共体，促进分级诊疗",
        "承办：县政协教科卫体委；协商部门：县卫健局。",
    ]
)


def test_compact_items_time_after_the_last_comma_and_a_listed_plenary():
    rows = topic_rows(import_text(_COMPACT).plan)
    assert [r[0] for r in rows] == [
        "县政协九届三次全体会议",
        "加快乡村旅游提质升级",
        "落实林长制,加强森林防火",  # the reader prints punctuation half-width
        "落实林长制,加强森林防火",
        "推进城乡供水一体化",
        "健全县域医共体,促进分级诊疗",  # the comma is the title's own: no time after it
    ]
    assert rows[0][1:4] == ("全体会议", [2], ["办公室"]) or (rows[0][1], rows[0][2]) == ("全体会议", [2])
    assert rows[0][4] == [] and rows[0][5] == []  # the 内容 line gives nothing
    assert [r[2] for r in rows[2:4]] == [[5], [10]]
    assert rows[1][4] == ["县文旅局", "县农业农村局"] and rows[1][5] == ["副县长罗青"]
    assert rows[4][2] == [] and rows[5][2] == []


def test_a_comma_tail_that_is_not_a_time_stays_in_the_title():
    text = "\n".join(
        [
            "政协岚溪县委员会2026年度协商计划",
            "一、专题协商",
            "1．推进老城区改造，提升居住品质。",
            "时间：6月；承办：县政协城建委。",
        ]
    )
    rows = topic_rows(import_text(text).plan)
    assert [(r[0], r[2]) for r in rows] == [("推进老城区改造,提升居住品质", [6])]


# -- titles first, "第N项：…" arrangements by number in month order (B165) ------------------------

_TITLES_FIRST = "\n".join(
    [
        "政协桐川市委员会关于2026年度协商计划的通知",
        "一、协商议题",
        "（一）专题议政性常委会议",
        "1．推动先进制造业集群发展",
        "2．加强湖泊湿地保护",
        "（二）对口协商会",
        "3．提升社区养老服务水平",
        "4．优化城市公交线网",
        "二、协商安排",
        "按时间先后列出各项议题的时间、承办专委会、协商部门和",
        "出席市领导：",
        "第3项：4月，社会和法制委员会；协商部门：市民政局、市卫健委；出席：副市长杜鹃。",
        "第4项：5月、9月各一次，城乡建设委员会；协商部门：市交通运输局、市公交",
        "集团；出席：分管副市长。",
        "第1项：6月，经济委员会；协商部门：市工信局、市发改委；出席：常务副市长。",
        "第2项：第三季度，人口资源环境委员会；协商部门：市生态环境局、市水利局。",
        "三、有关要求",
        "1．各专委会要提前启动调研。2．方案于活动前报市政协办公室。",
    ]
)


def test_titles_listed_first_joined_with_their_numbered_arrangements():
    rows = topic_rows(import_text(_TITLES_FIRST).plan)
    assert [r[0] for r in rows] == [
        "推动先进制造业集群发展",
        "加强湖泊湿地保护",
        "提升社区养老服务水平",
        "优化城市公交线网",
        "优化城市公交线网",
    ]
    assert [r[1] for r in rows] == [
        "专题议政性常委会议",
        "专题议政性常委会议",
        "对口协商会",
        "对口协商会",
        "对口协商会",
    ]
    assert [r[2] for r in rows] == [[6], [], [4], [5], [9]]
    assert [r[3] for r in rows] == [
        ["经济委员会"],
        ["人口资源环境委员会"],
        ["社会和法制委员会"],
        ["城乡建设委员会"],
        ["城乡建设委员会"],
    ]
    assert rows[3][4] == ["市交通运输局", "市公交集团"]  # the wrapped line joined
    assert len(rows[3][5]) == 1 and rows[3][5][0].startswith("分管副市长")  # a generic role, numbered
    assert rows[0][4] == ["市工信局", "市发改委"]
    assert import_text(_TITLES_FIRST).plan.topics[1].window == (7, 9)


def test_an_unlabelled_clause_is_the_time_or_a_committee_lead_never_a_government_commission():
    assert duty_fields("5月，市发改委；协商部门：市商务局") == [("time", "5月"), ("departments", "市商务局")]
    assert duty_fields("8月底前，港澳台侨和外事委员会") == [("time", "8月底前"), ("lead", "港澳台侨和外事委员会")]
    assert duty_fields("10月，经济界、农业界；出席：X") == [
        ("time", "10月"),
        ("lead", "经济界、农业界"),
        ("leaders", "X"),
    ]
    assert duty_fields("适时，市政协提案委") == [("time", "适时"), ("lead", "市政协提案委")]
    # a clause that says more than a time is no time
    assert duty_fields("结合专题视察开展，提案委员会") == [("lead", "提案委员会")]


def test_numbering_restarting_per_form_is_not_joined_by_number():
    text = "\n".join(
        [
            "政协桐川市委员会2026年度协商计划",
            "一、专题协商会",
            "1．推动甲项工作",
            "时间：5月",
            "承办单位：市政协经济委员会",
            "二、对口协商",
            "1．推动乙项工作",
            "时间：6月",
            "承办单位：市政协城建委员会",
            "三、督办安排",
            "第1项：7月，提案委员会；协商部门：市商务局。",
            "第2项：8月，提案委员会；协商部门：市商务局。",
        ]
    )
    rows = topic_rows(import_text(text).plan)
    # "1." is printed twice: no title is given the "第1项" line's fields
    assert [(r[0], r[2], r[3]) for r in rows][:2] == [
        ("推动甲项工作", [5], ["经济委员会"]),
        ("推动乙项工作", [6], ["城建委员会"]),
    ]


# -- "时间"/"月份" labels, platform and members' form headings (B167) -----------------------------

_LIAISON = "\n".join(
    [
        "政协枫林区委员会石桥街道联络组",
        "石桥街道政协联络组2026年协商议事安排",
        "一、“邻里好商量”协商议事会",
        "1．小区停车难治理　时间：4月　牵头：第一委员小组　参加：街道城建办、各社区居委会",
        "2．农贸市场改造　月份：八月　牵头：委员工作室　参加：街道经济发展办",
        "二、委员小组协商",
        "3．社区助餐服务　月份：第二季度　牵头：第二委员小组　参加：街道社会事务办　邀请：街道办事处主任钟岚",
        "三、委员工作室议事",
        "4．口袋公园建设　时间：年内　牵头：委员工作室　参加：街道城管科",
    ]
)


def test_month_label_and_grassroots_form_headings():
    rows = topic_rows(import_text(_LIAISON).plan)
    assert [r[0] for r in rows] == ["小区停车难治理", "农贸市场改造", "社区助餐服务", "口袋公园建设"]
    assert [r[1] for r in rows] == [
        "“邻里好商量”协商议事会",
        "“邻里好商量”协商议事会",
        "委员小组协商",
        "委员工作室议事",
    ]
    assert [r[2] for r in rows] == [[4], [8], [], []]
    assert import_text(_LIAISON).plan.topics[2].window == (4, 6)
    assert rows[2][5] == ["街道办事处主任钟岚"]


def test_a_members_heading_that_names_no_form_is_no_form():
    text = "\n".join(
        [
            "政协枫林区委员会石桥街道联络组2026年协商议事安排",
            "一、委员小组协商",
            "1．小区停车难治理　时间：4月　牵头：第一委员小组　参加：街道城建办",
            "二、委员工作室建设",
            "　　委员工作室每月开放一次，接待群众来访。",
        ]
    )
    rows = topic_rows(import_text(text).plan)
    assert [(r[0], r[1]) for r in rows] == [("小区停车难治理", "委员小组协商")]


# -- fields in spans side by side on a web page (B168) ---------------------------------------------

_SPANS = """<html><body><h3>政协松阳区委员会2026年度协商计划</h3>
<div class="sec">一、区政协经济委员会</div>
<div class="yt">1．推动数字产业园建设</div>
<div class="fld"><span>形式：专题协商会</span><span>时间：6月</span><span>协商部门：区科技局、区数据局、\
松阳高新区管委会</span><span>邀请区领导：副区长温涛</span></div>
<div class="yt">2．扶持个体工商户发展</div>
<div class="fld"><span>形式：对口协商会</span><span>时间：9月</span><span>协商部门：区市场监管局</span></div>
</body></html>"""


def test_field_spans_without_a_space_between_them():
    rows = topic_rows(import_document("松阳区协商计划.html", _SPANS.encode("utf-8")).plan)
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("推动数字产业园建设", "专题协商会", [6]),
        ("扶持个体工商户发展", "对口协商会", [9]),
    ]
    assert rows[0][4] == ["区科技局", "区数据局", "松阳高新区管委会"]
    assert rows[0][5] == ["副区长温涛"]


_WORD_FRAGMENTS = """<html><body><p>政协松阳区委员会2026年度协商计划</p>
<p>一、专题协商会</p>
<p>1．推动数字产业园建设</p>
<p><span>时间：6月</span></p>
<p><span>承办单位：区政协经济委员会</span></p>
<p><span>协商部门：区科技局、区数据局</span></p>
<p><span>邀</span><span>请</span><span>出席领导：副区长温涛</span></p>
</body></html>"""


def test_word_fragments_of_one_label_are_not_set_apart():
    # Word's pasted HTML cuts "邀请出席领导：" into spans: no field stands before "出席领导：", no space goes in
    rows = topic_rows(import_document("松阳区协商计划.html", _WORD_FRAGMENTS.encode("utf-8")).plan)
    assert [(r[0], r[2], r[4]) for r in rows] == [("推动数字产业园建设", [6], ["区科技局", "区数据局"])]
    assert rows[0][5] == ["副区长温涛"]


# -- the time in a 备注 column of a table without a time column (B162) ------------------------------

_REMARK_TABLE = "\n".join(
    [
        "政协临江区委员会2026年度协商工作计划表",
        "序号\t协商议题\t协商形式\t牵头单位\t协商部门\t备注",
        "1\t推动临港物流园建设\t常委会\t区政协经济委\t区发改局、区商务局\t拟安排在6月",
        "2\t发展社区托育服务\t座谈会\t区政协社会委\t区卫健局\t拟安排在第三季度",
        "3\t关于整治占道经营的提案\t提案\t区政协提案委\t区城管局\t拟于9月底前完成",
        "4\t规范农村集体资产管理\t对口\t区政协农业委\t区农业农村局\t结合专题视察开展",
        "5\t加强河道保洁\t对口\t区政协城建委\t区水利局\t拟安排在11月，邀请部分委员参加",
    ]
)


def test_time_from_a_planning_note_when_the_table_has_no_time_column():
    plan = import_text(_REMARK_TABLE).plan
    rows = topic_rows(plan)
    assert [r[0] for r in rows] == [
        "推动临港物流园建设",
        "发展社区托育服务",
        "关于整治占道经营的提案",
        "规范农村集体资产管理",
        "加强河道保洁",
    ]
    assert [r[1] for r in rows] == ["常委会", "座谈会", "提案", "对口", "对口"]
    assert rows[0][2] == [6] and rows[4][2] == [11]
    assert plan.topics[1].window == (7, 9)
    assert rows[2][2] == [] and plan.topics[2].window is not None and plan.topics[2].window[1] == 9
    assert rows[3][2] == []  # a note that says no time gives none


# -- "出席市领导：" inside a bracket of fields (B161) ------------------------------------------------


def test_attending_city_leaders_label_inside_a_bracket():
    text = "\n".join(
        [
            "政协青屿市委员会2026年度协商计划",
            "一、协商议题",
            "（一）专题协商会（2项）",
            "1．推进海岸带综合治理（时间：7月；牵头单位：市政协人资环委；协商部门：市海洋局、市自然资源局；"
            "出席市领导：副市长（分管海洋、渔业）方舟）",
            "2．完善夜间经济配套（牵头单位：市政协经济委；出席区领导：副区长陈默；时间：9月；协商部门：市商务局）",
        ]
    )
    rows = topic_rows(import_text(text).plan)
    assert rows[0][4] == ["市海洋局", "市自然资源局"]
    assert rows[0][5] == ["副市长（分管海洋、渔业）方舟"] or rows[0][5] == ["副市长(分管海洋、渔业)方舟"]
    assert rows[1][4] == ["市商务局"] and rows[1][5] == ["副区长陈默"] and rows[1][2] == [9]


# -- count rows under the last row (B163) ------------------------------------------------------------


def test_subtotal_and_total_lines_are_no_field_tail():
    text = "\n".join(
        [
            "政协云台县委员会2026年度协商计划",
            "一、提案办理协商",
            "1．关于加强农村污水治理的提案",
            "时间：8月",
            "承办单位：县政协提案委",
            "出席领导：副县长（分管城建、水利）秦风",
            "小计 1 项",
            "合计 9 项",
            "（次）",
        ]
    )
    rows = topic_rows(import_text(text).plan)
    assert len(rows) == 1
    assert rows[0][5] == ["副县长（分管城建、水利）秦风"] or rows[0][5] == ["副县长(分管城建、水利)秦风"]
