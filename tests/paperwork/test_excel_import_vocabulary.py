"""Excel import (issue 11): the text import's synonyms, look-alike headers, formulas' saved values,
months with a space, and a reference to a title two rows share."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from openpyxl import load_workbook

from paperwork import PaperworkError, template, xlsx_import, xlsx_to_plan
from paperwork.cli import main


def edited(change) -> bytes:
    wb = load_workbook(io.BytesIO(template()))
    change(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def rename(ws, old: str, new: str) -> None:
    for c in ws[1]:
        if c.value == old:
            c.value = new
            return
    raise AssertionError(old)


def cal_rename(ws, old: str, new: str) -> None:
    for row in ws.iter_rows(min_row=2):
        if row[0].value == old:
            row[0].value = new
            return
    raise AssertionError(old)


def cell_of(ws, header: str, row: int = 2):
    col = next(c.column for c in ws[1] if c.value == header)
    return ws.cell(row=row, column=col)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("前序议题", "前置议题"),
        ("承办专委会(候选)", "牵头专委会"),
        ("承办专委会(候选)", "承办单位"),
        ("协商部门", "参加单位"),
        ("出席领导", "牵头领导"),
        ("建议月份", "时间安排"),
        ("议题名称", "协商议题"),
        ("承办专委会(候选)", "责任专委会"),
        ("协办专委会", "配合专委会"),
    ],
)
def test_topic_headers_by_the_shared_synonyms(old, new):
    base = xlsx_to_plan(template())
    data = edited(lambda wb: rename(wb["议题"], old, new))
    read = xlsx_import(data)
    assert read.plan.to_dict() == base.to_dict()
    assert not read.warnings


def test_other_sheets_and_calendar_synonyms():
    def change(wb):
        rename(wb["协商形式"], "仅限全会期间", "仅限全会")
        rename(wb["领导"], "不在岗月份", "不可出席月份")
        cal_rename(wb["日历"], "可用月份", "可安排月份")
        cal_rename(wb["日历"], "不安排月份", "禁排月份")

    base = xlsx_to_plan(template())
    plan = xlsx_to_plan(edited(change))
    assert plan.to_dict() == base.to_dict()
    assert any(f.session_only for f in plan.forms) and plan.calendar.blackout_months == [2]


@pytest.mark.parametrize(
    ("sheet", "old", "new"),
    [
        ("领导", "名称", "领导姓名"),
        ("领导", "不在岗月份", "外出月份"),
        ("部门", "名称", "单位名称"),
        ("部门", "名称", "单位"),
        ("专委会", "名称", "委员会"),
        ("专委会", "名称", "专门委员会"),
        ("协商形式", "名称", "形式名称"),
    ],
)
def test_each_sheets_name_column_by_the_words_offices_use(sheet, old, new):
    base = xlsx_to_plan(template())
    read = xlsx_import(edited(lambda wb: rename(wb[sheet], old, new)))
    assert read.plan.to_dict() == base.to_dict()
    assert not read.warnings


def test_a_header_that_looks_known_but_is_not_is_warned_and_kept():
    data = edited(lambda wb: rename(wb["议题"], "固定月份", "固定月分"))
    read = xlsx_import(data)
    assert read.plan.topics[0].fixed_month is None
    assert any("固定月分" in w and "固定月份" in w for w in read.warnings)


def test_a_truly_extra_column_is_not_warned():
    def change(wb):
        ws = wb["议题"]
        ws.cell(row=1, column=ws.max_column + 1, value="联系电话")

    assert not xlsx_import(edited(change)).warnings


def _with_cached(data: bytes, value: str) -> bytes:
    """The workbook as Excel saves it: every formula cell carries its computed value."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = body.decode("utf-8")
                text = re.sub(
                    r'(<c r="[A-Z]+\d+"[^>]*?)(?: t="\w+")?>(<f>[^<]*</f>)<v\s*/?>(?:</v>)?',
                    rf'\1 t="str">\2<v>{value}</v>',
                    text,
                )
                body = text.encode("utf-8")
            dst.writestr(item, body)
    return out.getvalue()


def test_formula_cell_with_a_saved_value_is_read_by_that_value():
    data = edited(lambda wb: setattr(cell_of(wb["议题"], "备注"), "value", '="先调研"&"后协商"'))
    with pytest.raises(PaperworkError) as err:  # no saved value: refused, naming the cell
        xlsx_to_plan(data)
    assert "公式" in str(err.value)
    plan = xlsx_to_plan(_with_cached(data, "先调研后协商"))
    assert plan.topics[0].notes == "先调研后协商"


@pytest.mark.parametrize(
    ("typed", "months"), [("5 月", [5]), ("5 月、9 月", [5, 9]), ("5 - 7 月", [5, 6, 7]), ("5\u3000月份", [5])]
)
def test_months_with_spaces(typed, months):
    data = edited(lambda wb: setattr(cell_of(wb["议题"], "建议月份", 3), "value", typed))
    plan = xlsx_to_plan(data)
    assert plan.topics[1].preferred_months == months


def test_reference_to_a_title_two_rows_share_names_both_rows(tmp_path, capsys):
    def change(wb):
        ws = wb["议题"]
        assert ws.max_row >= 4
        cell_of(ws, "议题名称", 3).value = "推进甲项工作"
        cell_of(ws, "议题名称", 4).value = "推进甲项工作"
        cell_of(ws, "前序议题", 2).value = "推进甲项工作"

    data = edited(change)
    with pytest.raises(PaperworkError) as err:
        xlsx_to_plan(data)
    msg = str(err.value)
    assert "第 3 行" in msg and "第 4 行" in msg and "同名" in msg
    path = tmp_path / "重名.xlsx"
    path.write_bytes(data)
    assert main(["xlsx2json", str(path), "-o", str(tmp_path / "x.json")]) == 1
    assert "第 3 行、第 4 行" in capsys.readouterr().err


def test_cli_prints_the_lookalike_warning(tmp_path, capsys):
    path = tmp_path / "计划.xlsx"
    path.write_bytes(edited(lambda wb: rename(wb["议题"], "固定月份", "固定月分")))
    assert main(["xlsx2json", str(path), "-o", str(tmp_path / "x.json")]) == 0
    assert "固定月分" in capsys.readouterr().err
