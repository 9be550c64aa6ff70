"""Kinds of layout blind sets 6 and 7 showed (B61 B64 B68 B69 B70), each on an invented example of our own.

- a table aligned by spaces alone, its long cells wrapped (``pdftotext -layout``), over a page break;
- a web table of two rows per topic: a title row, then cells that carry their own labels;
- a Word table whose title cell also holds the content, and whose responsibility cell names its parts;
- a topic list followed by a duty list keyed by item numbers ("第1项、第4项：由X承办…");
- a PDF table running on over a page break (the rest of a cut row, then rows without a header);
- the dashes plans write ranges with (``―``, ``——``, ``～``).
"""

from __future__ import annotations

from paperwork.aligned_table import aligned_table
from paperwork.importer import import_document, import_text
from paperwork.item_duties import duty_fields, duty_items
from paperwork.labelled_cells import labelled_cell_lines, labelled_paragraphs, title_and_content
from paperwork.published_text import committee_key
from paperwork.sources import _pdf_table_goes_on, _pdf_tables, table_lines
from paperwork.texts import ITEM_DUTY_ROLE
from paperwork.time_phrases import parse_time


def _rows(draft):
    plan = draft.plan
    comms, depts = plan.committee_by_id(), plan.department_by_id()
    leaders, forms = plan.leader_by_id(), plan.form_by_id()
    return [
        {
            "title": t.title,
            "form": forms[t.form].name,
            "months": t.preferred_months,
            "window": t.window,
            "lead": [committee_key(comms[c].name) for c in t.lead_options],
            "departments": [depts[d].name for d in t.departments],
            "leaders": [leaders[x].role or leaders[x].name for x in t.leaders],
        }
        for t in plan.topics
    ]


# -- a space-aligned table with wrapped cells (pdftotext -layout) --------------------------------

ALIGNED = """某县政协2026年度协商计划
  一、协商安排
    序号        议题      形式   时间 承办单位        参加单位     县领导
1        推进茶产业提质   专题协商会 5月  县政协经济 县农业局、县商     副县长李
                                   务局、县市场监     某某
         增效                  委     管局
2        加强山洪灾害    对口协商  6—7 县政协人资 县水利局、各乡     —
                         月   环委    镇政府
         防御

                           —1—
\f    序号        议题      形式   时间 承办单位        参加单位     县领导
3        办好县政协重点   提案办理协 9月、11 县政协提案 各承办单位     县政协主席
         提案督办      商     月各一次 委                王某
  二、工作要求
  （一）各单位要加强配合。
"""


def test_a_space_aligned_table_joins_each_cells_wrapped_pieces():
    lines = ALIGNED.splitlines()
    rows, end = aligned_table(lines, 2)
    assert rows[0] == ["序号", "议题", "形式", "时间", "承办单位", "参加单位", "县领导"]
    assert rows[1] == [
        "1",
        "推进茶产业提质增效",
        "专题协商会",
        "5月",
        "县政协经济委",
        "县农业局、县商务局、县市场监管局",
        "副县长李某某",
    ]
    assert rows[2] == ["2", "加强山洪灾害防御", "对口协商", "6—7月", "县政协人资环委", "县水利局、各乡镇政府", "—"]
    # the footer and the header repeated on the next page are passed over
    assert rows[3] == [
        "3",
        "办好县政协重点提案督办",
        "提案办理协商",
        "9月、11月各一次",
        "县政协提案委",
        "各承办单位",
        "县政协主席王某",
    ]
    assert lines[end].strip() == "二、工作要求"


def test_a_space_aligned_table_is_read_as_a_plan():
    got = _rows(import_document("计划.txt", ALIGNED.encode("utf-8")))
    assert [r["title"] for r in got] == [
        "推进茶产业提质增效",
        "加强山洪灾害防御",
        "办好县政协重点提案督办",
        "办好县政协重点提案督办",
    ]
    assert got[0]["departments"] == ["县农业局", "县商务局", "县市场监管局"]
    assert got[0]["leaders"] == ["副县长李某某"]
    assert got[1]["months"] == [6, 7] and got[1]["lead"] == [committee_key("县政协人资环委")]
    assert [r["months"] for r in got[2:]] == [[9], [11]]


def test_a_header_over_one_line_rows_is_left_to_the_plain_reader():
    lines = [
        "序号  议题  形式  时间  承办单位",
        "1  推进某事  对口协商  5月  经济委",
        "2  加强某事  专题协商会  6月  城建委",
    ]
    assert aligned_table(lines, 0) is None  # no cell wraps: the separator reader reads it as before
    assert aligned_table(["一、协商安排", *lines], 0) is None


# -- a web table: a title row, then a row of labelled cells --------------------------------------

TWO_ROWS = """<html><body><h2>某区政协2026年度协商计划</h2><table border="1">
<tr><th>序号</th><th colspan="4">协商议题及安排</th></tr>
<tr><td rowspan="2">1</td><td colspan="4"><b>议题：</b>推进老字号品牌振兴</td></tr>
<tr><td>形式：对口协商</td><td>时间：2026年6月</td><td>承办：区政协经济委</td><td>参加：区商务局、区文旅局</td></tr>
<tr><td rowspan="2">2</td><td colspan="4"><b>议题：</b>提升口袋公园建设水平</td></tr>
<tr><td>形式：专题协商会</td><td>时间：9—10月</td><td>承办：区政协城建委</td><td>出席：副区长赵某</td></tr>
</table><p>说明：具体时间以通知为准。</p></body></html>"""


def test_cells_that_carry_their_own_labels_give_each_topic_its_fields():
    got = _rows(import_document("计划.html", TWO_ROWS.encode("utf-8")))
    assert [r["title"] for r in got] == ["推进老字号品牌振兴", "提升口袋公园建设水平"]
    assert got[0]["months"] == [6] and got[0]["departments"] == ["区商务局", "区文旅局"]
    assert got[1]["lead"] == [committee_key("区政协城建委")] and got[1]["leaders"] == ["副区长赵某"]


def test_a_title_row_without_its_label_heads_the_labelled_row_below():
    lines = labelled_cell_lines(
        [
            ["序号", "议题及安排", "议题及安排"],
            ["1", "推进某某湿地保护", "推进某某湿地保护"],
            ["1", "形式：视察协商", "时间：4月"],
            ["2", "加强某某街区治理", "加强某某街区治理"],
            ["2", "形式：对口协商", "承办：区政协城建委"],
        ]
    )
    assert lines[1:] == [
        "1.推进某某湿地保护",
        "协商形式:视察协商",
        "时间安排:4月",
        "2.加强某某街区治理",
        "协商形式:对口协商",
        "承办部门:区政协城建委",
    ]


def test_a_table_of_unlabelled_cells_is_not_read_as_labelled():
    assert labelled_cell_lines([["序号", "议题", "时间"], ["1", "推进某事", "5月"], ["2", "加强某事", "6月"]]) is None
    # a labelled row needs a known label in every cell
    assert labelled_cell_lines([["议题：推进某事"], ["备忘：其他", "时间：5月"], ["议题：加强某事"]]) is None


# -- a title cell holding its content, a responsibility cell naming its parts --------------------


def test_a_title_and_content_column_keeps_only_the_first_paragraph_as_the_title():
    assert title_and_content("推进某事\n围绕甲、乙开展调研。", "议题及主要内容") == ("推进某事", "围绕甲、乙开展调研。")
    # under a plain title column the paragraphs are one wrapped title
    assert title_and_content("推进某某片区\n综合整治", "协商议题") == ("推进某某片区综合整治", "")


def test_a_responsibility_cell_gives_its_lead_and_departments():
    assert labelled_paragraphs("牵头：市政协农业委\n参与：市农业局、市水利局", "lead") == [
        ("lead", "市政协农业委"),
        ("departments", "市农业局、市水利局"),
    ]
    assert labelled_paragraphs("主办：市政协办公室", "lead") == [("lead", "市政协办公室")]
    assert labelled_paragraphs("市农业局\n市水利局", "departments") is None
    lines = table_lines(
        [
            ["序号", "形式", "议题及主要内容", "时间", "责任单位", "市领导"],
            [
                "1",
                "对口协商",
                "加强耕地保护\n就耕地“非农化”问题开展协商。",
                "5月",
                "牵头：市政协农业委\n参与：市自然资源局、市农业局",
                "—",
            ],
        ]
    )
    got = _rows(import_text("某市政协2026年度协商计划\n" + "\n".join(lines)))
    assert got[0]["title"] == "加强耕地保护"
    assert got[0]["lead"] == [committee_key("市政协农业委")]
    assert got[0]["departments"] == ["市自然资源局", "市农业局"]


# -- a duty list keyed by item numbers -----------------------------------------------------------

DUTIES = """某市政协2026年度协商计划
二、协商议题
1．推进冰雪旅游提质升级（专题协商会，1―2月）
2．加强城市内涝治理（对口协商，6月）
3．完善养老服务网络（双月协商座谈会，8月）
4．发展冰雪装备制造（对口协商，第四季度）
三、责任分工
第1项、第4项：由市政协经济委员会承办，协商部门为市文旅局、市工信局；出席领导：副市长孙某。
第3项：由市政协社会法制委员会承办，协商部门为市民政局、各区（县）人民政府。
第2项：由市政协城建委员会承办，协商部门为市住建局。
四、工作要求
（一）各承办单位要精心组织。
"""


def test_a_duty_line_gives_its_fields_to_every_item_it_names():
    got = _rows(import_text(DUTIES))
    assert [r["title"] for r in got] == [
        "推进冰雪旅游提质升级",
        "加强城市内涝治理",
        "完善养老服务网络",
        "发展冰雪装备制造",
    ]
    assert got[0]["lead"] == got[3]["lead"] == [committee_key("市政协经济委员会")]
    assert got[0]["departments"] == got[3]["departments"] == ["市文旅局", "市工信局"]
    assert got[0]["leaders"] == got[3]["leaders"] == ["副市长孙某"]
    assert got[2]["departments"] == ["市民政局", "各区（县）人民政府"] and got[2]["leaders"] == []
    assert got[1]["lead"] == [committee_key("市政协城建委员会")]
    assert got[0]["months"] == [1, 2]


def test_duty_items_and_clauses():
    assert duty_items("第1项、第6项") == [1, 6]
    assert duty_items("第3—5项") == [3, 4, 5]
    assert duty_items("第二、四项") == [2, 4]
    assert duty_fields("市政协农业委牵头，市农业局、市水利局配合，邀请副市长某某出席。") == [
        ("lead", "市政协农业委"),
        ("departments", "市农业局、市水利局"),
        ("leaders", "副市长某某"),
    ]
    assert duty_fields("由市政协提案委员会牵头，参加单位为各承办单位；出席领导：市政协主席某某。") == [
        ("lead", "市政协提案委员会"),
        ("departments", "各承办单位"),
        ("leaders", "市政协主席某某"),
    ]


def test_a_duty_line_naming_no_listed_item_is_left_as_prose():
    draft = import_text(DUTIES.replace("第2项：", "第9项："))
    assert _rows(draft)[1]["lead"] == ["待定"]  # no item 9: nothing given to item 2
    line = next(i for i, x in enumerate(draft.lines, start=1) if x.startswith("第9项"))
    assert draft.line_roles[line] != ITEM_DUTY_ROLE  # the line stays prose
    used = next(i for i, x in enumerate(draft.lines, start=1) if x.startswith("第3项"))
    assert draft.line_roles[used] == ITEM_DUTY_ROLE


# -- a PDF table running on over a page break ----------------------------------------------------

HEADER = [(57.0, "序号"), (128.0, "协商内容"), (199.0, "方式"), (271.0, "时间"), (342.0, "组织单位")]


def test_a_pdf_table_runs_on_over_the_page_break():
    page1 = [
        HEADER,
        [(57.0, "1"), (128.0, "推进某某"), (199.0, "对口协"), (271.0, "5月"), (342.0, "区政协经济")],
        [(128.0, "综合整治"), (199.0, "商"), (271.0, "各一次"), (342.0, "委")],  # fills nearly every column
        [(57.0, "2"), (128.0, "加强某某"), (199.0, "界别协商"), (271.0, "6月"), (342.0, "区政协")],
    ]
    page2 = [
        [(128.0, "服务"), (342.0, "城建委")],  # the rest of row 2, cut by the break
        [(57.0, "3"), (128.0, "提升某某"), (199.0, "网络议政"), (271.0, "9月"), (342.0, "区政协文史委")],
    ]
    more = _pdf_table_goes_on(page1, page2)
    assert more == page2
    lines = _pdf_tables(page1 + more)
    assert [x for x in lines if x[:2] in ("1.", "2.", "3.")] == ["1.推进某某综合整治", "2.加强某某服务", "3.提升某某"]
    # a page opening with prose at the margin, or with a header of its own, does not continue it
    assert _pdf_table_goes_on(page1, [[(57.0, "注：以上安排如有调整另行通知。")]]) is None
    assert _pdf_table_goes_on(page1, [HEADER, page2[1]]) == [page2[1]]
    # nor does a table that ended on the page before, prose under it
    assert _pdf_table_goes_on([*page1, [(57.0, "注：以上安排如有调整另行通知。")]], page2) is None


# -- dashes --------------------------------------------------------------------------------------


def test_range_dashes_of_every_kind():
    for text in ("7―8月", "7——8月", "7～8月", "7─8月份", "7—8月"):
        assert parse_time(text).window == (7, 8), text
    assert parse_time("二―三季度").window == (4, 9)


def test_bare_quotes_go_back_into_the_holes_of_their_own_line():
    lines = _pdf_tables(
        [
            HEADER,
            [(57.0, "1"), (128.0, "推进社区治"), (199.0, "对口协商"), (271.0, "5月"), (342.0, "区政协经济委")],
            [(128.0, "理从 有"), (150.0, "“")],  # the opening quote's hole on this line
            [(128.0, "序 到 有"), (139.0, "” “")],
            [(128.0, "效"), (139.0, "”")],  # no hole left: it closes the line
        ]
    )
    assert lines[1] == "1.推进社区治理从“有序”到“有效”"
