"""Field labels typed without a colon, as office staff type them (blind set 19: B121, B122, B124–B126),
each tested on invented examples of our own.

- a label then a space, a tab or a space and a tab, then the value ("时间 7月", "协商部门 \\t市林业局");
- a label spaced out to line up ("时　　间 9月", "形 式 界别协商会");
- several label–value pairs on one line ("牵头 X　时 间 10月上旬");
- a long label glued to the value before it, as PDF text gives it ("…科技委协商部门市科技局");
- a time label glued to its time ("时间6 月", "时间第三季度");
- topics numbered in a part's style among others ("3、…" "四.…" "(5)…"), their fields below;
- and titles that only contain a label's word stay titles ("完善协商部门联动机制", "“时间银行”").
"""

from __future__ import annotations

import pytest
from paperwork_samples import topic_rows

from paperwork.importer import import_text
from paperwork.label_marks import unmarked_labels
from paperwork.published_text import _is_form_name


def _rewrite(line: str) -> str:
    return unmarked_labels(line, is_form=_is_form_name)


# -- one line ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("时间 7月", "时间:7月"),
        ("时间\t \t9月下旬", "时间:9月下旬"),
        ("协商部门 \t市林业局、市水务局", "协商部门:市林业局、市水务局"),
        ("时  间 11月", "时间:11月"),
        ("形 式\t界别协商会", "形式:界别协商会"),
        ("出席领导 副市长(分管农业)袁一鸣;市政协副主席康宁", "出席领导:副市长(分管农业)袁一鸣;市政协副主席康宁"),
        ("牵头 市政协农业农村委 时 间 10月上旬", "牵头:市政协农业农村委 时间:10月上旬"),
        ("部门 市卫健委、市医保局 形式 对口协商会", "部门:市卫健委、市医保局 形式:对口协商会"),
        ("承办单位:市政协科技委协商部门市科技局、市财政局", "承办单位:市政协科技委 协商部门:市科技局、市财政局"),
        ("时间6 月", "时间:6 月"),
        ("时间第三季度", "时间:第三季度"),
        ("推进X工程 时间 5月", "推进X工程 时间:5月"),
        # labels the vocabulary names by their root word only (field_of_label), at a line's start
        ("承办委员会  区政协城乡建设委员会", "承办委员会:区政协城乡建设委员会"),
        ("拟请领导 副区长魏明;区政协副主席祝安", "拟请领导:副区长魏明;区政协副主席祝安"),
        ("计划月份\t9月", "计划月份:9月"),
    ],
)
def test_a_label_set_off_by_spaces_is_a_field(line, want):
    assert _rewrite(line) == want


@pytest.mark.parametrize(
    "line",
    [
        "完善协商部门联动机制",  # a label's word inside a title
        "推广时间银行互助养老",
        "时间银行试点建设",  # a time label glued to what is no time
        "时间 银行试点",  # a short label before what is no time
        "形式 主义整治回头看",  # a short label before what is no form
        "推动部门 协同联动",  # 部门 ends a word, and 协同联动 names no unit
        "协商部门:各重点提案承办单位、市政府办公室",  # 承办单位 ends one name here
        "领导 要高度重视,认真组织。",  # a sentence, not a list of people
        "加强领导 干部队伍建设",  # a title ending in a leaders' root word, before no leader
        "完善领导体制 机制建设",
        "祁远航副市长 · 柏青副主席",  # a person named before a gap, not a label
    ],
)
def test_a_title_or_a_sentence_with_a_label_word_is_left_alone(line):
    assert _rewrite(line) == line


# -- whole plans ---------------------------------------------------------------------------------

_TABBED = """政协青峦区委员会2026年度协商计划

一、协商议题

1、推进青峦区老字号品牌振兴
    时\u3000\u3000间\t6月
    形式    专题协商会
    牵头单位 区政协经济委员会
    部门\t\t区商务局、区市场监管局
    出席领导\t副区长(分管商贸)任远山;区政协副主席柏青

2、完善协商部门联动机制
    牵头    区政协提案委员会
    时\u3000\u3000间 9月中旬
    形式\t\t对口协商会
    部门    区政府办公室、区司法局
    出席领导 区政协秘书长祁然

3.推广“时间银行”互助养老
    形\u3000\u3000式 界别协商会
    部门\t\t区民政局、区卫生健康局
    时\u3000\u3000间\t第四季度
    牵头    区政协社会福利和社会保障界
"""


def test_a_plan_typed_with_tabs_and_spaces_instead_of_colons():
    rows = topic_rows(import_text(_TABBED).plan)
    assert [r[0] for r in rows] == ["推进青峦区老字号品牌振兴", "完善协商部门联动机制", "推广“时间银行”互助养老"]
    assert rows[0][1:] == (
        "专题协商会",
        [6],
        ["经济委员会"],
        ["区商务局", "区市场监管局"],
        ["副区长(分管商贸)任远山", "区政协副主席柏青"],
    )
    assert rows[1][2:5] == ([9], ["提案委员会"], ["区政府办公室", "区司法局"])
    assert rows[1][1] == "对口协商会"
    assert rows[2][1] == "界别协商会" and rows[2][4] == ["区民政局", "区卫生健康局"]


_ONE_LINE_EACH = """政协柘林县委员会2026年协商计划

（1）加快柘林县特色水果冷链物流建设
牵头 县政协农业农村委员会　时 间 7月
协商部门 县农业农村局、县商务局　形 式 专题议政性常委会议
出席领导 县委常委、副县长蓝天佑

（2）提升乡镇卫生院服务能力
形 式 对口协商会　部门 县卫生健康局
时间 10月下旬　承办 县政协教科卫体委员会
"""


def test_several_fields_on_one_line_without_colons():
    rows = topic_rows(import_text(_ONE_LINE_EACH).plan)
    assert [r[0] for r in rows] == ["加快柘林县特色水果冷链物流建设", "提升乡镇卫生院服务能力"]
    assert rows[0][1:5] == ("专题议政性常委会议", [7], ["农业农村委员会"], ["县农业农村局", "县商务局"])
    assert rows[1][1:5] == ("对口协商会", [10], ["教科卫体委员会"], ["县卫生健康局"])


# A PDF's text: the gap after a time label lost ("时间6 月"), one label glued to the value above, an
# introduction wrapped before its last word ("活动:", a label's shape) right above the first topic
_PDF_TEXT = """政协汀州县委员会2026年协商工作计划
经县政协主席会议研究，2026 年安排以下协商
活动：
一、推进汀州县竹产业精深加工
形式：专题议政性常委会议
 时间6 月
牵头:县政协经济委员会
协商部门 县林业局、县工业和信息化局
（二）加强农村寄宿制学校管理
承办单位：县政协教育委员会协商部门县教育局、县财政局
协商形式:对口协商会
时间：4 月
3、规范城乡垃圾收运处置
承办单位：县政协城乡建设委员会
 时间第三季度
协商形式:界别协商会
四.促进红色旅游提质
形式：协商座谈会
时间：8 月
牵头:县政协文化文史委员会
（5）优化县域营商环境
牵头:县政协提案委员会
协商部门 县市场监管局
时间 11 月
"""


def test_pdf_text_with_glued_labels_and_numbering_that_changes_style():
    rows = topic_rows(import_text(_PDF_TEXT).plan)
    assert [r[0] for r in rows] == [
        "推进汀州县竹产业精深加工",
        "加强农村寄宿制学校管理",
        "规范城乡垃圾收运处置",
        "促进红色旅游提质",
        "优化县域营商环境",
    ]
    assert [r[2] for r in rows] == [[6], [4], [], [8], [11]]
    assert [r[3] for r in rows] == [
        ["经济委员会"],
        ["教育委员会"],
        ["城乡建设委员会"],
        ["文化文史委员会"],
        ["提案委员会"],
    ]
    assert rows[0][4] == ["县林业局", "县工业和信息化局"]
    assert rows[1][4] == ["县教育局", "县财政局"]


_HTML = """<html><body><h2>政协澜江市2026年度协商计划</h2>
<p>一、专题协商会</p>
<p>1.推动澜江港口物流枢纽建设<br>出席领导 副市长邬海;市政协副主席戚兰<br>协商部门：市交通运输局、市港航中心<br>
承办：市政协经济委员会<br>时间:5月</p>
<p>2、加强城市内涝治理<br>时间:8月<br>承办：市政协城乡建设委员会<br>协商部门：市水务局<br>出席领导 市政府分管领导</p>
</body></html>"""


_GUESSED = """政协棠溪区委员会2026年协商计划
1、推进棠溪老街有机更新
    承办委员会  区政协城乡建设委员会
    时间 6月
    形式 专题协商会
    部门 区住房城乡建设局
    拟请领导 副区长魏明;区政协副主席祝安
2、加强领导 干部队伍建设
    承办委员会\t区政协社会法制委员会
    时间 9月
    形式 对口协商会
"""


def test_labels_known_by_their_root_word_and_a_title_that_looks_like_one():
    rows = topic_rows(import_text(_GUESSED).plan)
    assert rows[0] == (
        "推进棠溪老街有机更新",
        "专题协商会",
        [6],
        ["城乡建设委员会"],
        ["区住房城乡建设局"],
        ["副区长魏明", "区政协副主席祝安"],
    )
    assert rows[1][:4] == ("加强领导 干部队伍建设", "对口协商会", [9], ["社会法制委员会"])


def test_html_fields_after_br_with_a_label_and_a_space():
    rows = topic_rows(import_text(_HTML).plan)
    assert [r[0] for r in rows] == ["推动澜江港口物流枢纽建设", "加强城市内涝治理"]
    assert rows[0][5] == ["副市长邬海", "市政协副主席戚兰"]
    assert rows[0][4] == ["市交通运输局", "市港航中心"]
    assert rows[1][5] == ["市政府分管领导(T02)"]  # a generic role: one placeholder per topic
