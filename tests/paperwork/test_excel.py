"""The Excel workbook: template, round trips on every sample plan, and every kind of bad workbook."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook, load_workbook
from paperwork_samples import plan_and_schedule, sample_plan_paths

from paperwork import PaperworkError, example_plan, plan_to_xlsx, template, xlsx_to_plan
from paperwork import texts as T

PLAN_SHEETS = ["议题", "协商形式", "专委会", "部门", "领导", "日历"]


def wb_bytes(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def edit(data: bytes, change) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    change(wb)
    return wb_bytes(wb)


def col(ws, header: str) -> int:
    for c in ws[1]:
        if c.value == header:
            return c.column
    raise AssertionError(f"no column {header}")


def errors_of(data: bytes) -> PaperworkError:
    with pytest.raises(PaperworkError) as err:
        xlsx_to_plan(data)
    return err.value


# -- template ------------------------------------------------------------------------------------


def test_template_has_the_six_sheets_with_chinese_headers_and_an_example():
    wb = load_workbook(io.BytesIO(template()))
    assert set(PLAN_SHEETS) <= set(wb.sheetnames)
    topics = wb["议题"]
    heads = [c.value for c in topics[1]]
    assert heads[:4] == ["编号", "议题名称", "协商形式", T.HEAD["lead_options"]]
    assert "协商部门" in heads and "建议月份" in heads and "最早月份" in heads
    assert topics.max_row >= 2 and topics.cell(row=2, column=2).value  # a filled example
    assert topics.cell(row=1, column=col(topics, "协商部门")).comment is not None  # hints on headers
    cal = {r[0].value: r[1].value for r in wb["日历"].iter_rows(min_row=2)}
    assert cal["年度"] == 2024 and cal["全会月份"] == 1


def test_template_imports_as_the_example_plan():
    assert xlsx_to_plan(template()).to_dict() == example_plan().to_dict()


def test_list_cells_hold_names_not_ids():
    wb = load_workbook(io.BytesIO(template()))
    ws = wb["议题"]
    row = [c.value for c in ws[3]]
    assert row[col(ws, "协商部门") - 1] == "市工信局、市商务局、市发改委"
    assert row[col(ws, "协商形式") - 1] == "专题议政性常委会议"


# -- round trips ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", sample_plan_paths(), ids=lambda p: p.name)
def test_sample_plan_round_trips_through_excel(path):
    plan, schedule = plan_and_schedule(path)
    data = plan_to_xlsx(plan, schedule)
    back = xlsx_to_plan(data)
    assert back.to_dict() == plan.to_dict()
    # Excel → plan → Excel: the plan sheets come out cell for cell the same
    again = load_workbook(io.BytesIO(plan_to_xlsx(back, schedule)))
    first = load_workbook(io.BytesIO(data))
    for name in PLAN_SHEETS:
        assert [[c.value for c in r] for r in first[name].iter_rows()] == [
            [c.value for c in r] for r in again[name].iter_rows()
        ], name


@pytest.mark.parametrize("path", sample_plan_paths(), ids=lambda p: p.name)
def test_schedule_sheets_show_every_consultation_and_every_load(path):
    plan, schedule = plan_and_schedule(path)
    wb = load_workbook(io.BytesIO(plan_to_xlsx(plan, schedule)))
    months = wb[T.SHEET_MONTHS]
    listed = {(r[0].value, r[1].value) for r in months.iter_rows(min_row=2) if r[1].value}
    assert listed == {(f"{a.month}月", a.topic) for a in schedule.assignments}
    dept_load = wb[T.SHEET_LOAD["departments"]]
    want: dict[tuple[str, int], int] = {}
    month_of = schedule.month_of()
    for t in plan.topics:
        for d in t.departments:
            want[(d, month_of[t.id])] = want.get((d, month_of[t.id]), 0) + 1
    for r in dept_load.iter_rows(min_row=2):
        for m in range(1, 13):
            assert (r[2 + m].value or 0) == want.get((r[0].value, m), 0)
        over = [m for m in range(1, 13) if (r[2 + m].value or 0) > (r[2].value or 0)]
        for m in over:  # overloads are coloured
            assert r[2 + m].fill.fgColor.rgb.endswith("F8CBAD")
    assert {T.SHEET_LOAD["committees"], T.SHEET_LOAD["leaders"], T.SHEET_FINDINGS} <= set(wb.sheetnames)


def test_extra_fields_survive_the_workbook():
    plan = example_plan().model_copy(deep=True)
    plan.topics[0].source = "市委交办"  # type: ignore[attr-defined]
    plan.departments[0].contact = {"name": "张三", "phone": "123"}  # type: ignore[attr-defined]
    plan.__pydantic_extra__["source_url"] = "seed 000"  # type: ignore[index]
    back = xlsx_to_plan(plan_to_xlsx(plan))
    assert back.to_dict() == plan.to_dict()


def test_people_may_type_ids_blank_ids_and_ranges():
    def change(wb):
        ws = wb["议题"]
        ws.cell(row=3, column=col(ws, "协商部门")).value = "gxj, 市商务局"  # an id and a name, comma
        ws.cell(row=3, column=col(ws, "建议月份")).value = "6-7"
        ws.cell(row=4, column=col(ws, "编号")).value = None  # id left blank
        ws.cell(row=4, column=col(ws, "固定月份")).value = "9月"

    plan = xlsx_to_plan(edit(template(), change))
    t2 = plan.topic_by_id()["T02"]
    assert t2.departments == ["gxj", "swj"] and t2.preferred_months == [6, 7]
    new = [t for t in plan.topics if t.id not in ("T01", "T02")]
    assert len(new) == 1 and new[0].id and new[0].fixed_month == 9


# -- malformed workbooks: clear errors, nothing returned ----------------------------------------------


def test_wrong_sheet_names():
    def change(wb):
        wb["议题"].title = "Sheet1"
        wb["部门"].title = "部门表"

    err = errors_of(edit(template(), change))
    msgs = [i.message for i in err.issues]
    assert any("缺少工作表「议题」" in m and "Sheet1" in m for m in msgs)
    assert any("缺少工作表「部门」" in m for m in msgs)


def test_merged_cells_are_named():
    err = errors_of(edit(template(), lambda wb: wb["议题"].merge_cells("C2:C3")))
    assert any("「议题」表" in i.message and "C2:C3" in i.message and "合并单元格" in i.message for i in err.issues)


def test_formulas_are_refused_with_their_cell():
    def change(wb):
        ws = wb["议题"]
        ws.cell(row=3, column=col(ws, "固定月份")).value = "=3+4"

    err = errors_of(edit(template(), change))
    (i,) = [i for i in err.issues if "公式" in i.message]
    assert (i.sheet, i.row) == ("议题", 3) and i.column == "K"
    assert "=3+4" in i.message and "第 3 行" in i.message


def test_dates_instead_of_months():
    def change(wb):
        ws = wb["议题"]
        ws.cell(row=3, column=col(ws, "建议月份")).value = dt.datetime(2024, 7, 1)
        ws.cell(row=4, column=col(ws, "最早月份")).value = "2024-05-01"

    err = errors_of(edit(template(), change))
    dated = [i for i in err.issues if "应填写月份数字 1–12,而不是日期" in i.message]
    assert [(i.row, i.header) for i in dated] == [(3, "建议月份"), (4, "最早月份")]


def test_unknown_names_bad_months_empty_title_all_listed_at_once():
    def change(wb):
        ws = wb["议题"]
        ws.cell(row=2, column=col(ws, "议题名称")).value = None
        ws.cell(row=3, column=col(ws, "协商部门")).value = "市工信局、市不存在局"
        ws.cell(row=3, column=col(ws, "固定月份")).value = 13
        ws.cell(row=4, column=col(ws, "协商形式")).value = "座谈"
        ws.cell(row=4, column=col(ws, "建议月份")).value = "八月、十三"
        wb["领导"].cell(row=2, column=5).value = "很多"
        wb["协商形式"].cell(row=2, column=3).value = "也许"

    err = errors_of(edit(template(), change))
    by_cell = {(i.sheet, i.row, i.header): i.message for i in err.issues}
    assert "为空(必填)" in by_cell[("议题", 2, "议题名称")]
    assert "“市不存在局”不在「部门」表中" in by_cell[("议题", 3, "协商部门")]
    assert "13 超出范围" in by_cell[("议题", 3, "固定月份")]
    assert "“座谈”不在「协商形式」表中" in by_cell[("议题", 4, "协商形式")]
    assert "不是月份" in by_cell[("议题", 4, "建议月份")]
    assert "应为整数" in by_cell[("领导", 2, "每月上限")]
    assert "应填“是”或“否”" in by_cell[("协商形式", 2, "仅限全会期间")]
    for i in err.issues:
        assert i.message.startswith("「") and i.sheet in PLAN_SHEETS


def test_validator_findings_are_placed_on_their_cells():
    def change(wb):
        ws = wb["议题"]
        ws.cell(row=3, column=col(ws, "最早月份")).value = 10
        ws.cell(row=3, column=col(ws, "最晚月份")).value = 4  # window backwards: only the validator knows
        ws.cell(row=4, column=col(ws, "编号")).value = "T02"  # duplicate id

    err = errors_of(edit(template(), change))
    backwards = [i for i in err.issues if "起止颠倒" in i.message]
    assert backwards and backwards[0].row == 3 and backwards[0].header == "最早月份"
    assert any("编号“T02”与第 3 行重复" in i.message and i.row == 4 for i in err.issues)


def test_calendar_sheet_errors():
    def change(wb):
        ws = wb["日历"]
        for r in ws.iter_rows(min_row=2):
            if r[0].value == "年度":
                r[1].value = None
            if r[0].value == "全会月份":
                r[1].value = dt.date(2024, 1, 15)
        ws.append(["随便写的", "x"])

    err = errors_of(edit(template(), change))
    msgs = " ".join(i.message for i in err.issues)
    assert "年度为空" in msgs and "而不是日期" in msgs and "“随便写的”不是日历的项目名称" in msgs


def test_missing_column():
    def change(wb):
        wb["议题"].cell(row=1, column=2).value = "题目名"

    err = errors_of(edit(template(), change))
    assert any("缺少列「议题名称」" in i.message for i in err.issues)


def test_blank_rows_and_extra_sheets_are_fine():
    def change(wb):
        wb["议题"].insert_rows(3, amount=3)
        wb.create_sheet("我的备注").append(["随便"])

    assert xlsx_to_plan(edit(template(), change)).to_dict() == example_plan().to_dict()


def test_not_a_zip_named_xlsx():
    err = errors_of(b"this is a csv,really\n1,2,3\n")
    assert "不是有效的 Excel" in str(err)


def test_zip_without_a_workbook():
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hi")
    assert "不是有效的 Excel" in str(errors_of(buf.getvalue()))


def test_legacy_xls():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    with pytest.raises(PaperworkError) as err:
        xlsx_to_plan(ole, name="计划.xls")
    assert "旧版 Excel(.xls)" in str(err.value)


def test_50_mb_file_is_refused_before_parsing(tmp_path, monkeypatch):
    big = tmp_path / "大文件.xlsx"
    with big.open("wb") as f:
        f.write(template())
        f.seek(50 * 1024 * 1024 - 1)
        f.write(b"\0")
    from paperwork import excel

    def boom(*a, **k):
        raise AssertionError("parsed a file that is over the limit")

    monkeypatch.setattr(excel, "load_workbook", boom)
    with pytest.raises(PaperworkError) as err:
        xlsx_to_plan(big.read_bytes(), name=big.name)
    assert "超过导入上限" in str(err.value) and "50.0 MB" in str(err.value)


def test_errors_have_no_python_in_them():
    def change(wb):
        ws = wb["议题"]
        ws.cell(row=3, column=col(ws, "固定月份")).value = "=NOW()"
        ws.merge_cells("A5:B6")

    err = errors_of(edit(template(), change))
    for i in err.issues:
        assert "Traceback" not in i.message and "Error" not in i.message and "None" not in i.message


def test_year_typed_with_its_unit():
    def change(wb):
        for r in wb["日历"].iter_rows(min_row=2):
            if r[0].value == "年度":
                r[1].value = "2025年"

    assert xlsx_to_plan(edit(template(), change)).year == 2025


def test_names_with_a_list_separator_inside_brackets_round_trip_as_names():
    # Trial defect 8: 「副市长(分管农业农村、生态环境)」 was exported as its id (vm_agri).
    plan = example_plan()
    plan.leaders[0].name = "副市长(分管农业农村、生态环境)"
    plan.departments[0].name = "市发改委（市粮食和物资储备局、市能源局）"
    plan.committees[0].name = "经济委员会(港澳台侨、外事)"
    data = plan_to_xlsx(plan)
    ws = load_workbook(io.BytesIO(data))["议题"]
    cells = " ".join(str(c.value) for row in ws.iter_rows(min_row=2) for c in row if c.value is not None)
    for item in (plan.leaders[0], plan.departments[0], plan.committees[0]):
        used = any(item.id in (*t.leaders, *t.departments, *t.lead_options, *t.co_organizers) for t in plan.topics)
        if used:
            assert item.name in cells
            assert f"、{item.id}" not in cells and f"{item.id}、" not in cells and item.id not in cells.split()
    assert xlsx_to_plan(data).to_dict() == plan.to_dict()
