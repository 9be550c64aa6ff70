"""Kinds met in blind set 19 (B126), each tested on invented examples of our own.

- a group heading numbered like the topics around it ("4、其他协商" between "6、…" and "(7)…"), with no
  field of its own, over numbered topics with fields (each often with its own 形式 line): a heading, not
  a topic. A catch-all ("其他" "其他协商活动" "其他形式") names no form, so each topic below keeps its
  own, or the reader's default; a form's name alone ("专项协商" "界别协商") gives its form to the topics
  below that name none. A topic's title that merely holds 协商 ("关于加强基层协商民主建设的协商",
  "加强和改进界别协商工作"), a "其他协商" with fields of its own, and a list of titles with no fields
  at all stay topics (B126);
- a warning never calls a field missing that the topic's line writes (the guarantee checked over the
  corpus by corpus/missing_claims.py): a time written in words with no month ("时间：汛期前") is said
  as written, and no longer thrown away as a web page's date line; a lead written as "待定" or "无"
  is said as written, once.
"""

from __future__ import annotations

import pytest
from paperwork_samples import topic_rows

from paperwork.importer import import_document, import_text

_HEAD = """青岚县政协2026年度协商计划
一、专题协商会
1、推进县域商贸物流发展
时间：5月
承办：县政协经济委
协商部门：县商务局
2、改善农村人居环境
时间：6月
承办：县政协农业农村委
协商部门：县农业农村局
"""

_ITEMS_WITH_FORMS = """{n1}加快中小学校舍改造
形式：界别协商会
时间：8月
承办：县政协教育界
协商部门：县教育局
{n2}县政协重点提案督办
形式：提案办理协商会
时间：9月
承办：县政协提案委
协商部门：县政府办公室
"""

_ITEMS_WITHOUT_FORMS = """{n1}加快中小学校舍改造
时间：8月
承办：县政协教育委
协商部门：县教育局
{n2}县政协重点提案督办
时间：9月
承办：县政协提案委
协商部门：县政府办公室
"""

_FIRST_TWO = [
    ("推进县域商贸物流发展", "专题协商会", [5], ["经济委"], ["县商务局"], []),
    ("改善农村人居环境", "专题协商会", [6], ["农业农村委"], ["县农业农村局"], []),
]


@pytest.mark.parametrize(
    ("heading", "numbers"),
    [
        ("3、其他协商", ("4、", "5、")),
        ("(3)其他", ("4.", "(5)")),
        ("3．其他协商活动（2项）", ("（4）", "5．")),
        ("3、其他形式", ("4、", "5、")),
        ("3、其它协商议题", ("4）", "5）")),
        ("3、专项协商", ("4、", "5、")),
        ("3、界别协商", ("(4)", "(5)")),
    ],
)
def test_a_group_heading_numbered_like_the_topics_is_no_topic(heading, numbers):
    text = _HEAD + heading + "\n" + _ITEMS_WITH_FORMS.format(n1=numbers[0], n2=numbers[1])
    draft = import_text(text)
    assert topic_rows(draft.plan) == [
        *_FIRST_TWO,
        ("加快中小学校舍改造", "界别协商会", [8], ["教育界"], ["县教育局"], []),
        ("县政协重点提案督办", "提案办理协商会", [9], ["提案委"], ["县政府办公室"], []),
    ]
    head = _strip(heading)
    assert not any(head in w for w in draft.warnings)  # no "没有写明…" for a heading
    # the heading's line is said as a heading, not left unaccounted
    line = text.splitlines().index(heading) + 1
    assert line not in {r.line for r in draft.reports}


def _strip(heading: str) -> str:
    return heading.split("、")[-1].split("．")[-1].split(")")[-1].split("（")[0]


def test_a_catch_all_heading_gives_no_form_to_the_topics_below():
    """Under "3、其他协商" a topic with no 形式 line is not of the form heading above ("一、专题协商会")."""
    plan = import_text(_HEAD + "3、其他协商\n" + _ITEMS_WITHOUT_FORMS.format(n1="4、", n2="5、")).plan
    rows = topic_rows(plan)
    assert [r[0] for r in rows] == [r[0] for r in _FIRST_TWO] + ["加快中小学校舍改造", "县政协重点提案督办"]
    assert rows[2][1] != "专题协商会" and rows[3][1] != "专题协商会"
    assert rows[3][1] == "提案办理协商" or rows[3][1] == rows[2][1]  # its own, or the reader's default


@pytest.mark.parametrize(("heading", "form"), [("3、专项协商", "专项协商"), ("3、界别协商", "界别协商")])
def test_a_form_name_heading_gives_its_form_to_the_topics_below(heading, form):
    plan = import_text(_HEAD + heading + "\n" + _ITEMS_WITHOUT_FORMS.format(n1="4、", n2="5、")).plan
    assert [(r[0], r[1]) for r in topic_rows(plan)][2:] == [("加快中小学校舍改造", form), ("县政协重点提案督办", form)]


@pytest.mark.parametrize(
    "title",
    [
        "关于加强基层协商民主建设的协商",  # holds 协商 and a form's word (基层), names its subject
        "推进基层协商民主建设",
        "加强和改进界别协商工作",  # names a form, but as the work a topic is about
        "协商民主",  # short, with no consultation's ending
    ],
)
def test_a_topic_title_without_fields_above_fielded_topics_stays_a_topic(title):
    plan = import_text(_HEAD + f"3、{title}\n" + _ITEMS_WITH_FORMS.format(n1="4、", n2="5、")).plan
    assert [r[0] for r in topic_rows(plan)] == [
        "推进县域商贸物流发展",
        "改善农村人居环境",
        title,
        "加快中小学校舍改造",
        "县政协重点提案督办",
    ]


def test_other_consultation_with_fields_of_its_own_stays_a_topic():
    text = _HEAD + "3、其他协商\n时间：7月\n承办：县政协办公室\n" + _ITEMS_WITH_FORMS.format(n1="4、", n2="5、")
    rows = topic_rows(import_text(text).plan)
    assert [r[0] for r in rows][2:] == ["其他协商", "加快中小学校舍改造", "县政协重点提案督办"]
    assert rows[2][2] == [7] and rows[2][3] == ["办公室"]


def test_a_list_of_titles_without_fields_keeps_other_consultation_as_a_topic():
    """No topic has fields: nothing shows "其他协商" heads a group, so it is read as the list gives it."""
    text = "青岚县政协2026年度协商计划\n一、专题协商会\n1、推进县域商贸物流发展\n2、其他协商\n3、改善农村人居环境\n"
    assert [r[0] for r in topic_rows(import_text(text).plan)] == [
        "推进县域商贸物流发展",
        "其他协商",
        "改善农村人居环境",
    ]


_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>雁栖市政协2026年度协商计划</title></head><body>
<h1>雁栖市政协2026年度协商计划</h1>
<p><strong>一、专题议政性常委会议</strong></p>
<p>1.推动智能制造产业集群发展<br>&nbsp;&nbsp;承办：市政协经济委员会<br>&nbsp;&nbsp;协商部门：市工业和信息化局<br>&nbsp;&nbsp;时间:5月</p>
<p><strong>二、对口协商会</strong></p>
<p>（2）完善社区嵌入式托育服务<br>&nbsp;&nbsp;时间:6月<br>
&nbsp;&nbsp;承办：市政协社会和法制委员会<br>&nbsp;&nbsp;协商部门：市卫生健康委</p>
<p><strong>{heading}</strong></p>
<p>（4）促进海洋牧场建设<br>形式：界别协商会<br>&nbsp;&nbsp;出席领导 市政协副主席缪青<br>
&nbsp;&nbsp;协商部门：市海洋渔业局<br>&nbsp;&nbsp;承办：市政协农业界<br>&nbsp;&nbsp;时间:8月</p>
<p>5．提高重点提案办理质量<br>形式：提案办理协商会<br>&nbsp;&nbsp;时间:9月<br>
&nbsp;&nbsp;承办：市政协提案委员会<br>&nbsp;&nbsp;协商部门：市政府办公室</p>
</body></html>"""


@pytest.mark.parametrize("heading", ["3、其他协商", "（三）其他", "3．其他协商活动", "3、专项协商"])
def test_a_group_heading_on_a_web_page_in_bold_between_numbered_topics(heading):
    page = _PAGE.format(heading=heading)
    draft = import_document("雁栖市协商计划.html", page.encode("utf-8"))
    assert topic_rows(draft.plan) == [
        ("推动智能制造产业集群发展", "专题议政性常委会议", [5], ["经济委员会"], ["市工业和信息化局"], []),
        ("完善社区嵌入式托育服务", "对口协商会", [6], ["社会和法制委员会"], ["市卫生健康委"], []),
        ("促进海洋牧场建设", "界别协商会", [8], ["农业界"], ["市海洋渔业局"], ["市政协副主席缪青"]),
        ("提高重点提案办理质量", "提案办理协商会", [9], ["提案委员会"], ["市政府办公室"], []),
    ]


def test_a_topic_on_a_web_page_whose_title_holds_consultation_stays_a_topic():
    page = _PAGE.format(heading="3、关于加强基层协商民主建设的协商")
    rows = topic_rows(import_document("雁栖市协商计划.html", page.encode("utf-8")).plan)
    assert [r[0] for r in rows] == [
        "推动智能制造产业集群发展",
        "完善社区嵌入式托育服务",
        "关于加强基层协商民主建设的协商",
        "促进海洋牧场建设",
        "提高重点提案办理质量",
    ]


# -- a warning never calls a field missing that the topic's line writes -------------------------


def _warnings(text: str) -> list[str]:
    return import_text(text).warnings


_ONE = """岚溪县政协2026年度协商计划
一、对口协商
1.推进山区供水工程建设
{time}
{lead}
协商部门：县水利局
"""


@pytest.mark.parametrize("time", ["时间：汛期前", "时间：秋收以后", "协商时间：结合调研进度确定"])
def test_a_time_written_in_words_without_a_month_is_said_as_written(time):
    """Not "没有写明时间" (nor thrown away as a web page's date line): the time is there, in words."""
    warnings = _warnings(_ONE.format(time=time, lead="承办：县政协农业农村委"))
    said = time.split("：")[1]
    assert any(f"时间写作“{said}”" in w for w in warnings), warnings
    assert not any("没有写明时间" in w for w in warnings)


def test_a_page_date_line_is_still_furniture_and_a_topic_without_time_is_told_so():
    text = "时间：2026年03月09日 来源：岚溪县政协\n" + _ONE.format(time="", lead="承办：县政协农业农村委")
    draft = import_text(text)
    assert any("没有写明时间" in w for w in draft.warnings)
    assert 1 in {s.line for s in draft.skipped}


@pytest.mark.parametrize("lead", ["承办：待定", "牵头单位：无", "承办单位：暂无"])
def test_a_lead_written_as_undecided_is_said_as_written_once(lead):
    warnings = _warnings(_ONE.format(time="时间：5月", lead=lead))
    said = lead.split("：")[1]
    lead_warnings = [w for w in warnings if "承办" in w]
    assert len(lead_warnings) == 1 and f"写作“{said}”" in lead_warnings[0], warnings
    assert not any("没有写明承办" in w for w in warnings)


def test_a_topic_with_no_lead_line_is_still_told_its_lead_is_not_written():
    warnings = _warnings(_ONE.format(time="时间：5月", lead=""))
    assert any("没有写明承办部门" in w for w in warnings)
    assert len([w for w in warnings if "承办" in w]) == 1  # the 待定 placeholder is not said twice
