"""The Excel import's fast reader (python-calamine) gives the values openpyxl gives, or stands aside.

``paperwork.excel`` reads a workbook without formulas, error values or empty
texts with calamine (a 5000-topic import: 0.2 s instead of 1.9 s of parsing)
and every other one with openpyxl. Each workbook here is read both ways and
the cells, sheet names and merged ranges must agree; the workbooks the fast
reader must not take are checked to be given to openpyxl.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from openpyxl import Workbook, load_workbook
from paperwork_samples import plan_and_schedule, sample_plan_paths

from paperwork import example_plan, plan_to_xlsx, template, xlsx_to_plan
from paperwork.excel import _plain_sheets, _scan


def wb_bytes(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _trimmed(rows: list[list[object]]) -> list[list[object]]:
    """Rows without trailing empty cells, and without trailing empty rows (where a sheet ends is no value)."""
    out = []
    for r in rows:
        r = list(r)
        while r and r[-1] is None:
            r.pop()
        out.append(r)
    while out and not out[-1]:
        out.pop()
    return out


def openpyxl_view(data: bytes) -> list[tuple[str, list[list[object]], list[str]]]:
    wb = load_workbook(io.BytesIO(data))
    return [
        (
            ws.title,
            _trimmed([[c.value for c in row] for row in ws.iter_rows()]),
            sorted(r.coord for r in ws.merged_cells.ranges),
        )
        for ws in wb.worksheets
    ]


def fast_view(data: bytes) -> list[tuple[str, list[list[object]], list[str]]]:
    sheets = _plain_sheets(data)
    assert sheets is not None
    return [(s.title, _trimmed(s.values), sorted(r.coord for r in s.merged)) for s in sheets]


def typed(view):
    """Values with their types: 3 and 3.0, a date and a datetime must not pass for each other."""
    return [(t, [[(type(v).__name__, v) for v in r] for r in rows], m) for t, rows, m in view]


NUMBER_FORMATS = [
    'yyyy"年"m"月"d"日"',
    'm"月"d"日"',
    '[$-804]yyyy"年"m"月"d"日"',
    '[DBNum1][$-804]yyyy"年"m"月"',
    "yyyy/m/d",
    "yyyy-mm-dd hh:mm",
    "h:mm AM/PM",
    "[h]:mm:ss",
    "mm:ss",
    "mmm-yy",
    "ge.m.d",
    "[$-409]mmmm d, yyyy;@",
    "0.00%",
    "@",
    "General",
    "#,##0.00",
    "[Red]0.00",
    '"第"0"月"',
    '0"月"',
]


def awkward_workbook() -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "值"
    ws["C4"] = 3
    ws["D4"] = 3.0
    ws["E4"] = -2.5
    ws["F4"] = 1e20
    ws["G4"] = 123456789012345
    ws["H4"] = 0
    ws["C5"] = dt.datetime(2025, 1, 2)
    ws["D5"] = dt.datetime(2025, 1, 2, 3, 4, 5)
    ws["E5"] = dt.date(2025, 3, 4)
    ws["F5"] = dt.time(3, 4)
    ws["G5"] = dt.timedelta(hours=30)
    ws["C6"] = True
    ws["D6"] = False
    ws["C7"] = "  空格  "
    ws["D7"] = "两行\n文字"
    ws["E7"] = "a_x00b"
    ws["F7"] = "=不是公式"  # typed as text by the quote prefix, as the export writes it
    ws["F7"].data_type = "s"
    ws["F7"].quotePrefix = True
    ws["G7"] = "𠀀 emoji 🙂 &<>\"'"
    ws["C9"] = "合并"
    ws.merge_cells("C9:D10")
    ws.merge_cells("F12:F13")
    ws.cell(row=300, column=30, value="远处")
    wb.create_sheet("空表")
    formats = wb.create_sheet("格式")  # date or not is decided by the number format: both readers must agree
    for i, fmt in enumerate(NUMBER_FORMATS, start=1):
        for col, value in ((1, 45678.25), (2, 5), (3, 0.5)):
            formats.cell(row=i, column=col, value=value).number_format = fmt
    other = wb.create_sheet("第三张")
    other.append(["表头", None, "x"])
    other.append([None, None, None])
    other.append([1, 2.5, "y"])
    return wb


def test_awkward_values_read_the_same_both_ways():
    data = wb_bytes(awkward_workbook())
    assert _scan(data) == (False, True)
    assert typed(fast_view(data)) == typed(openpyxl_view(data))


@pytest.mark.parametrize("path", sample_plan_paths(), ids=lambda p: p.stem)
def test_exported_sample_plans_read_the_same_both_ways(path):
    plan, schedule = plan_and_schedule(path)
    data = plan_to_xlsx(plan, schedule)
    assert _scan(data) == (False, True)
    assert typed(fast_view(data)) == typed(openpyxl_view(data))


def test_template_reads_the_same_both_ways():
    data = template()
    assert _scan(data) == (False, True)
    assert typed(fast_view(data)) == typed(openpyxl_view(data))
    assert xlsx_to_plan(data).to_dict() == example_plan().to_dict()


def _with(change) -> bytes:
    wb = load_workbook(io.BytesIO(template()))
    change(wb)
    return wb_bytes(wb)


def _set(ref: str, value: object, data_type: str | None = None):
    def change(wb):
        ws = wb["议题"]
        ws[ref] = value
        if data_type:
            ws[ref].data_type = data_type

    return change


def _rezip(data: bytes, edit) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for name in src.namelist():
            out.writestr(name, edit(src.read(name)) if name.startswith("xl/worksheets/") else src.read(name))
    return buf.getvalue()


_EMPTY_TEXT = _set("Z2", "EMPTY")


@pytest.mark.parametrize(
    ("change", "scan"),
    [
        (_set("Z2", "=1+1"), (True, False)),  # a formula: its saved value needs openpyxl
        (_set("Z2", "#N/A", "e"), (False, False)),  # an error value: openpyxl gives its text, calamine nothing
        (_EMPTY_TEXT, (False, False)),  # an empty text: openpyxl gives "", calamine no cell
        (_set("Z2", "a_x000D_b"), (False, False)),  # Excel's escape: calamine decodes it, openpyxl not
    ],
    ids=["formula", "error", "empty-text", "escape"],
)
def test_what_the_fast_reader_would_read_differently_goes_to_openpyxl(change, scan):
    data = _with(change)
    if change is _EMPTY_TEXT:  # openpyxl writes "" as no text at all: make the empty text by hand
        data = _rezip(data, lambda xml: xml.replace(b"<t>EMPTY</t>", b"<t></t>"))
    assert _scan(data) == scan
    cell = load_workbook(io.BytesIO(data))["议题"]["Z2"]
    assert cell.value is not None  # the case is really in the file ("" for the empty text)


def test_not_a_workbook_is_left_to_openpyxl():
    assert _scan(b"not a zip") == (True, False)


def test_a_plain_workbook_is_imported_without_openpyxl(monkeypatch):
    from paperwork import excel

    def refuse(*_a, **_k):
        raise AssertionError("openpyxl was asked to parse a plain workbook")

    monkeypatch.setattr(excel, "load_workbook", refuse)
    assert xlsx_to_plan(template()).to_dict() == example_plan().to_dict()
