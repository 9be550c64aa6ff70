"""Kinds blind set 18 showed (B115, B120), each tested on invented examples of our own.

- text copied out of a PDF: hard-wrapped at a fixed width, page numbers and a running
  header or footer between the halves of a field (B120);
- a "(X委配合)" bracket after the lead: a committee that helps, neither lead nor department (B120);
- topics told as "（一）TITLE。由X牵头，…" with the duty clauses in any order and only some of them,
  "等部门参加", "以F形式", "各召开一次" (B115).
"""

from __future__ import annotations

from paperwork_samples import topic_rows

from paperwork.hard_wrap import hard_wrap_width, page_furniture, rejoin
from paperwork.importer import import_document, import_text
from paperwork.relayout import title_sentence_paragraphs

# -- hard-wrapped text with page furniture (B120) ----------------------------------------------


def _width(text: str, half_ascii: bool) -> float:
    return sum(0.5 if half_ascii and ord(c) < 0x2000 else 1.0 for c in text)


def _wrap(paragraphs: list[str], width: int, *, half_ascii: bool = False) -> list[str]:
    """Paragraphs broken every ``width`` characters (display width when ``half_ascii``), as a PDF viewer copies them."""
    out = []
    for para in paragraphs:
        line = ""
        for c in para:
            if _width(line + c, half_ascii) > width:
                out.append(line)
                line = ""
            line += c
        out.append(line)
    return out


def _paged(lines: list[str], per_page: int, furniture) -> list[str]:
    """``lines`` cut into pages of ``per_page`` lines, ``furniture(n)`` (page n's margin lines) between pages."""
    out = []
    for start in range(0, len(lines), per_page):
        n = start // per_page + 1
        out += lines[start : start + per_page]
        if start + per_page < len(lines):
            out += furniture(n)
    return out


_INDENTED_PLAN = [
    "政协岚汐区委员会2026年度协商工作计划",
    "　　根据区委部署，经主席会议研究，全年安排协商议题4项，具体如下：",
    "一、专题协商会",
    "　　1．推进岚汐老港区功能更新改造。承办：区政协城建委（区政协提案委配合）；"
    "协商部门：区住房和城乡建设局、区自然资源和规划分局、区财政局；时间：10月下旬；"
    "出席领导：副区长（分管城建、交通）符晓岚、区政协主席包正清。",
    "　　2．完善社区托育服务体系。承办：区政协妇女儿童委；"
    "协商部门：区卫生健康局、区教育局、各街道办事处；时间：第二、三季度；"
    "出席领导：区政协副主席沈青禾。",
    "二、对口协商会",
    "　　3．加强岚河沿岸生态修复。承办：区政协人资环委；协商部门：区生态环境分局、区水务局；"
    "时间：7月底前；出席领导：分管副区长、区政协副主席沈青禾。",
    "　　4．推动老字号品牌焕新发展。承办：区政协经济科技委（区政协文史委配合）；"
    "协商部门：区商务局、区市场监督管理局；时间：9月中旬；出席领导：区政协副主席柯远帆。",
    "三、工作要求",
    "　　各承办专委会要提前谋划，会前开展调研，形成高质量调研报告。",
]

_EXPECTED_ROWS = [
    (
        "推进岚汐老港区功能更新改造",
        "专题协商会",
        [10],
        ["城建委"],
        ["区住房和城乡建设局", "区自然资源和规划分局", "区财政局"],
        ["副区长(分管城建、交通)符晓岚", "区政协主席包正清"],
    ),
    (
        "完善社区托育服务体系",
        "专题协商会",
        [],
        ["妇女儿童委"],
        ["区卫生健康局", "区教育局", "各街道办事处"],
        ["区政协副主席沈青禾"],
    ),
    (
        "加强岚河沿岸生态修复",
        "对口协商会",
        [],
        ["人资环委"],
        ["区生态环境分局", "区水务局"],
        ["分管副区长", "区政协副主席沈青禾"],
    ),
    (
        "推动老字号品牌焕新发展",
        "对口协商会",
        [9],
        ["经济科技委"],
        ["区商务局", "区市场监督管理局"],
        ["区政协副主席柯远帆"],
    ),
]


def _leaders_by_role(plan) -> list[tuple]:
    """The rows with each leader shown by the role the reader kept for a generic post ("分管副区长")."""
    leaders = plan.leader_by_id()
    rows = topic_rows(plan)
    return [
        (*row[:5], [leaders[x].role or leaders[x].name for x in t.leaders])
        for row, t in zip(rows, plan.topics, strict=True)
    ]


def _co_names(plan) -> list[list[str]]:
    comms = plan.committee_by_id()
    return [[comms[c].name for c in t.co_organizers] for t in plan.topics]


def test_a_plan_wrapped_every_27_characters_with_a_header_and_dash_page_numbers_between_pages():
    lines = _paged(_wrap(_INDENTED_PLAN, 27), 9, lambda n: [f"— {n} —", "岚汐区政协2026年度协商工作计划"])
    text = "\n".join(lines)
    # the layout as it is meant: fields and names cut across lines and pages
    assert "— 1 —" in text and "— 2 —" in text
    assert rejoin(lines) is not None
    plan = import_text(text).plan
    assert _leaders_by_role(plan) == _EXPECTED_ROWS
    windows = [(t.window, t.fixed_month) for t in plan.topics]
    assert windows[1][0] == (4, 9)
    assert _co_names(plan) == [["提案委"], [], [], ["文史委"]]


def test_a_plan_wrapped_by_display_width_with_a_footer_and_page_of_pages_below_each_page():
    # no indentation; ASCII counts half (a viewer wraps by the page's width, not by characters)
    plain = [p.lstrip("　") for p in _INDENTED_PLAN]
    lines = _paged(_wrap(plain, 24, half_ascii=True), 7, lambda n: ["岚汐区政协办公室印", f"第{n}页 共4页"])
    assert len({len(x) for x in lines}) > 3  # not one length in characters
    plan = import_document("岚汐区协商计划.txt", "\n".join(lines).encode("utf-8")).plan
    assert _leaders_by_role(plan) == _EXPECTED_ROWS
    assert _co_names(plan) == [["提案委"], [], [], ["文史委"]]


def test_rejoin_keeps_which_lines_each_paragraph_was_made_from_and_drops_the_furniture():
    paragraphs = [
        f"　　{n}．推进第{n}片区综合整治。承办：区政协城建委；协商部门：区住建局、区城管局；时间：{n + 3}月中旬；"
        "出席领导：区政协副主席某丙。"
        for n in range(1, 4)
    ]
    wrapped = _wrap(paragraphs, 23)
    assert len(wrapped) == 9 and wrapped[1].endswith("时间：4月中") and wrapped[2].startswith("旬；")
    # a page break inside the time of the first two paragraphs ("4月中" / "旬")
    lines = [*wrapped[:2], "-2-", "某某区政协协商计划", *wrapped[2:5], "- 3 -", "某某区政协协商计划", *wrapped[5:]]
    assert page_furniture(lines) == {2, 3, 7, 8}
    joined = rejoin(lines)
    assert joined is not None
    assert [j.parts for j in joined] == [(0, 1, 4), (5, 6, 9), (10, 11, 12)]
    assert [j.text for j in joined] == paragraphs


def test_a_label_at_a_line_start_splits_unless_it_ends_the_label_cut_above():
    title = "　　1．推进某片区综合整治提升工作。承办：区政协城建委；协商"
    assert len(title) == 30
    lines = [
        title,
        "部门：区住建局、区城管局、区自然资源分局、区交通运输局、区财",
        "政局、区发改局、区生态环境分局、区水务局、区数据局、区档案局",
        "时间：5月；出席领导：区政协副主席某丙。",
        "　　2．推进某片区综合整治提升工作二期。承办：区政协城建委",
        "　　3．推进某片区综合整治提升工作三期。承办：区政协城建委",
        "　　4．推进某片区综合整治提升工作四期。承办：区政协城建委",
    ]
    assert [len(x) for x in lines] == [30, 30, 30, 20, 29, 29, 29]
    joined = rejoin(lines)
    assert joined is not None
    # "协商" + "部门：" is one label cut in two; "时间：" after a full line is a field of its own
    assert [j.parts for j in joined] == [(0, 1, 2), (3,), (4,), (5,), (6,)]


def test_text_of_short_lines_or_of_uneven_lines_is_not_taken_for_a_hard_wrap():
    short = ["一、专题协商会", "1．推进甲事", "承办：区政协经济委", "时间：5月", "2．推进乙事", "时间：6月"] * 3
    assert hard_wrap_width(short) is None and rejoin(short) is None
    uneven = [
        "　　根据区委部署，全年安排协商议题两项。",
        "1．推进某某产业园区提档升级，由区政协经济委牵头。",
        "2．加强某某河流域综合治理，由区政协人资环委牵头，区水务局参加。",
        "3．完善养老服务体系。",
        "4．推进城乡教育优质均衡发展，由区政协教科卫体委牵头，区教育局、区财政局参加，拟于6月召开。",
    ]
    assert rejoin(uneven) is None


# -- a lead's "(X委配合)" bracket, not wrapped ------------------------------------------------


def test_a_committee_helping_in_a_bracket_after_the_lead_co_organises():
    text = """政协桉川市委员会2026年度协商计划
一、专题议政性常委会议
1．推进桉川港多式联运发展
承办单位：市政协经济委员会（市政协提案委员会、市政协港澳台侨委员会配合）
协商部门：市交通运输局、市商务局
时间：6月
"""
    plan = import_text(text).plan
    assert topic_rows(plan) == [
        ("推进桉川港多式联运发展", "专题议政性常委会议", [6], ["经济委员会"], ["市交通运输局", "市商务局"], [])
    ]
    assert _co_names(plan) == [["提案委员会", "港澳台侨委员会"]]


# -- duty sentences in any order (B115) ----------------------------------------------------------

_RUN_ON = """政协榕岗县委员会2026年度协商工作计划
一、重点协商议题
（一）推进县域冷链物流体系建设。拟于第二季度以专题协商会形式开展，由县政协经济委牵头，县政协农业农村委配合，邀请县商务局、县农业农村局、县供销社等单位参加，请副县长（分管商务、农业）骆一鸣出席。
（二）做好农村留守老人关爱服务。由县政协社会和法制委牵头，拟于11月召开界别协商会。
（三）加强古茶树资源保护利用。邀请县林业局、县文旅局等部门参加，由县政协文史委牵头，拟于5月、10月各召开一次对口协商会，请县政协副主席穆清出席。
（四）优化县城停车资源配置。由县政协城建委牵头，县政协提案委配合，邀请县公安局参加，拟于8月召开专题议政性常委会议。
二、工作要求
（一）加强统筹。各牵头专委会要提前制定方案。（二）注重实效。协商成果按时报送县委、县政府。
"""


def test_run_on_duty_sentences_in_any_order_give_every_topic():
    plan = import_text(_RUN_ON).plan
    assert topic_rows(plan) == [
        (
            "推进县域冷链物流体系建设",
            "专题协商会",
            [],
            ["经济委"],
            ["县商务局", "县农业农村局", "县供销社"],
            ["副县长(分管商务、农业)骆一鸣"],
        ),
        ("做好农村留守老人关爱服务", "界别协商会", [11], ["社会和法制委"], [], []),
        ("加强古茶树资源保护利用", "对口协商会", [5], ["文史委"], ["县林业局", "县文旅局"], ["县政协副主席穆清"]),
        ("加强古茶树资源保护利用", "对口协商会", [10], ["文史委"], ["县林业局", "县文旅局"], ["县政协副主席穆清"]),
        ("优化县城停车资源配置", "专题议政性常委会议", [8], ["城建委"], ["县公安局"], []),
    ]
    assert plan.topics[0].window == (4, 6)
    assert _co_names(plan) == [["农业农村委"], [], [], [], ["提案委"]]


def test_half_year_each_once_is_a_topic_held_twice_not_a_count_of_the_items_below():
    text = """政协榕岗县委员会2026年度协商工作计划
一、常态化协商议题
（一）提升乡镇卫生院服务能力。由县政协教卫委牵头，邀请县卫健局、县医保局等部门参加，拟于上半年、下半年各召开一次对口协商会，请县政协副主席穆清出席。
（二）推进农村公路提档升级。由县政协城建委牵头，邀请县交通运输局参加，拟于9月召开对口协商会。
"""
    plan = import_text(text).plan
    forms = plan.form_by_id()
    assert [(t.title, t.window, t.preferred_months, forms[t.form].name) for t in plan.topics] == [
        ("提升乡镇卫生院服务能力", (1, 6), [], "对口协商会"),
        ("提升乡镇卫生院服务能力", (7, 12), [], "对口协商会"),
        ("推进农村公路提档升级", None, [9], "对口协商会"),
    ]


def test_a_title_and_a_duty_sentence_naming_only_the_lead_and_the_meeting_are_split():
    lines = [
        "（一）推进甲乙丙协同发展。由市政协经济委牵头，拟于10月召开界别协商会。",
        "（二）建设丁戊生态走廊。以对口协商会形式开展，由市政协人资环委承办。",
        "（三）加强组织领导。各专委会要高度重视，认真组织实施。",
    ]
    assert title_sentence_paragraphs(lines) == [
        "（一）推进甲乙丙协同发展",
        "由市政协经济委牵头，拟于10月召开界别协商会。",
        "（二）建设丁戊生态走廊",
        "以对口协商会形式开展，由市政协人资环委承办。",
        "（三）加强组织领导。各专委会要高度重视，认真组织实施。",
    ]
