"""Kinds blind set 15 showed (B97 B98 B103), each tested on an invented example of our own."""

from __future__ import annotations

import io

import docx
from paperwork_samples import topic_rows

from paperwork.importer import import_document, import_text
from paperwork.published_text import _split_committees, _split_fields, _split_people
from paperwork.title_forms import form_suffix

_rows = topic_rows


# -- a joint 界别 lead beside 主办部门/协办部门 (both government), fields after a tab (B97) ----------


def test_a_joint_sector_lead_stays_whole_beside_government_departments():
    assert _split_committees("县政协农业界、科技界、县农业农村局") == ["农业界、科技界", "县农业农村局"]
    assert _split_committees("县政协农业界、科技界") == ["农业界、科技界"]


def test_tab_fields_with_a_joint_sector_lead_and_two_department_labels():
    d = docx.Document()
    d.add_paragraph("政协澄岭市委员会2026年度协商计划")
    d.add_paragraph("目录")
    d.add_paragraph("（一）界别协商…………………………2")
    d.add_paragraph("（二）对口协商…………………………3")
    d.add_page_break()
    d.add_paragraph("（一）界别协商")
    d.add_paragraph("议题一：推动校外培训规范发展")
    d.add_paragraph("协商时间：\t６月中旬")
    d.add_paragraph("承办单位：\t市政协教育界、科技界")
    d.add_paragraph("主办部门：\t市教育局\t协办部门：\t市市场监管局、市科技局")
    d.add_paragraph("出席领导：\t副市长何青")
    d.add_paragraph("参加委员：\t教育界、科技界委员")
    d.add_paragraph("（二）对口协商")
    d.add_paragraph("议题二：加强城市内涝治理")
    d.add_paragraph("协商时间：\t４月、１０月各一次")
    d.add_paragraph("承办单位：\t市政协城建委")
    d.add_paragraph("主办部门：\t市水务局")
    d.add_paragraph("参加委员：\t王某、李某")
    d.add_paragraph("附：各单位联络员")
    table = d.add_table(rows=3, cols=3)
    for row, cells in zip(
        table.rows,
        [("单位", "联络员", "电话"), ("市水务局", "赵某", "0000-1111111"), ("市教育局", "钱某", "0000-2222222")],
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    buf = io.BytesIO()
    d.save(buf)
    draft = import_document("计划.docx", buf.getvalue())
    assert _rows(draft.plan) == [
        (
            "推动校外培训规范发展",
            "界别协商",
            [6],
            ["教育界、科技界"],
            ["市教育局", "市市场监管局", "市科技局"],  # 主办 first
            ["副市长何青"],
        ),
        ("加强城市内涝治理", "对口协商", [4], ["城建委"], ["市水务局"], []),
        ("加强城市内涝治理", "对口协商", [10], ["城建委"], ["市水务局"], []),
    ]


# -- tab-separated rows with no form column: the form is the end of the title (B98) -------------------


def test_a_form_at_the_end_of_a_title_is_read_as_written():
    assert form_suffix("关于完善村级议事制度的主席会议专题协商") == "主席会议专题协商"
    assert form_suffix("加强山塘水库安全管理对口协商会") == "对口协商会"
    assert form_suffix("推进“石门议事厅”建设民主监督协商") == "民主监督协商"
    assert form_suffix("提升城区停车管理水平") == ""
    assert form_suffix("专题协商") == ""  # the whole line is a form: a heading, not a title


def test_a_party_post_before_a_cppcc_post_is_two_leaders():
    assert _split_people("县委副书记、县政协主席郑远")[0] == ["县委副书记", "县政协主席郑远"]
    assert _split_people("县委副书记、县长郑远")[0] == ["县委副书记、县长郑远"]


def test_tab_rows_whose_titles_end_in_their_form():
    text = "\n".join(
        [
            "政协石门县委员会2026年度协商计划",
            "序号\t协商议题\t时间\t承办单位\t协商部门\t出席领导",
            "SM-01\t关于完善村级议事制度的主席会议专题协商\t3月\t县政协社会法制委\t县民政局、县司法局\t副县长孔亮",
            "SM-02\t加强山塘水库安全管理对口协商会\t5月\t县政协农业农村委\t县水利局\t",
            "SM-03\t推进“石门议事厅”建设民主监督协商\t9月\t县政协办公室\t县委组织部\t县委副书记、县政协主席郑远",
        ]
    )
    rows = _rows(import_text(text).plan)
    assert [(r[0], r[1], r[2], r[5]) for r in rows] == [
        ("关于完善村级议事制度的主席会议专题协商", "主席会议专题协商", [3], ["副县长孔亮"]),
        ("加强山塘水库安全管理对口协商会", "对口协商会", [5], []),
        ("推进“石门议事厅”建设民主监督协商", "民主监督协商", [9], ["县委副书记", "县政协主席郑远"]),
    ]


# -- a month timeline: "■ 5月" headings, "◆【form】title", fields joined by bars (B103) --------------


def test_an_unlabelled_piece_after_the_last_bar_is_a_note_or_the_time():
    assert _split_fields("承办:区政协文史委|部门:区文旅局|领导:副区长甲|(第二次)") == [
        "承办:区政协文史委",
        "部门:区文旅局",
        "领导:副区长甲",
        "备注:(第二次)",
    ]
    assert _split_fields("承办:区政协文史委|部门:区文旅局|领导:副区长甲|11月20日前完成")[-1] == (
        "时间安排:11月20日前完成"
    )


def test_a_month_timeline_gives_each_item_its_heading_month():
    text = "\n".join(
        [
            "政协松川区委员会2026年度协商计划",
            "■ ４月",
            "◆【专题协商】推进老旧小区加装电梯",
            "承办：区政协城建委｜部门：区住建局、各街道办事处｜领导：副区长甲",
            "■ ７月",
            "◆【对口协商】加强校园周边交通治理",
            "承办：区政协社法委｜部门：区公安分局、区教育局｜领导：区政协副主席乙｜（7月、10月各一次）",
            "■ １０月",
            "◆【对口协商】加强校园周边交通治理",
            "承办：区政协社法委｜部门：区公安分局、区教育局｜领导：区政协副主席乙｜（第二次）",
            "■ 年内适时",
            "◆【视察协商】提升公园绿地管养水平",
            "承办：区政协人资环委｜部门：区园林局",
            "◆【民主监督性协商】规范涉企检查民主监督",
            "承办：区政协经济委｜部门：区市场监管局｜领导：区政协副主席乙｜11月20日前完成",
            "工作要求",
            "1. 各承办单位提前拟定方案。2. 协商部门按时报送材料。",
        ]
    )
    plan = import_text(text).plan
    rows = _rows(plan)
    assert [(r[0], r[1], r[2], r[5]) for r in rows] == [
        ("推进老旧小区加装电梯", "专题协商", [4], ["副区长甲"]),
        ("加强校园周边交通治理", "对口协商", [7], ["区政协副主席乙"]),
        ("加强校园周边交通治理", "对口协商", [10], ["区政协副主席乙"]),
        ("提升公园绿地管养水平", "视察协商", [], []),
        ("规范涉企检查民主监督", "民主监督性协商", [], ["区政协副主席乙"]),
    ]
    assert plan.topics[-1].window == (1, 11)
