"""Uploads: size and type are checked (extension and content) before anything is parsed."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from docx import Document

from paperwork import (
    MAX_UPLOAD_BYTES,
    PaperworkError,
    check_upload,
    template,
    text_from_upload,
)
from paperwork.common import MAX_UNZIPPED_BYTES


def refused(name: str, data: bytes, kind: str) -> str:
    with pytest.raises(PaperworkError) as err:
        check_upload(name, data, kind)  # type: ignore[arg-type]
    (issue,) = err.value.issues
    return issue.message


def test_good_uploads_pass():
    check_upload("计划.xlsx", template(), "xlsx")
    check_upload("计划.json", b'{"format": "consult-plan/1"}', "json")
    check_upload("计划.txt", "一、工作安排".encode(), "text")


def test_size_limit_is_checked_first():
    big = b"\0" * (MAX_UPLOAD_BYTES + 1)
    for kind, name in (("xlsx", "a.xlsx"), ("json", "a.json"), ("text", "a.txt"), ("xlsx", "a.csv")):
        msg = refused(name, big, kind)
        assert "超过导入上限 10.0 MB" in msg, msg


def test_wrong_type_by_extension_and_by_content():
    assert "需要 Excel 工作簿(.xlsx)" in refused("计划.csv", b"a,b\n", "xlsx")
    assert "不是有效的 Excel" in refused("计划.xlsx", b"a,b\n", "xlsx")
    assert "旧版 Excel" in refused("计划.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "xlsx")
    assert "不是有效的 JSON" in refused("计划.json", b"{not json", "json")
    assert "不是文本文件" in refused("计划.txt", b"\x00\x01\x02binary", "text")
    assert "旧版 Word" in refused("计划.doc", b"\xd0\xcf\x11\xe0", "text")
    assert "是空的" in refused("计划.txt", b"", "text")
    docx_bytes = io.BytesIO()
    Document().save(docx_bytes)
    assert "不是有效的 Excel" in refused("计划.xlsx", docx_bytes.getvalue(), "xlsx")  # a .docx renamed


def test_zip_bomb_is_refused(monkeypatch):
    from paperwork import common

    monkeypatch.setattr(common, "MAX_UNZIPPED_BYTES", 1000)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "x" * 5000)
    assert "解压后超过" in refused("炸弹.xlsx", buf.getvalue(), "xlsx")
    assert MAX_UNZIPPED_BYTES > MAX_UPLOAD_BYTES


def test_text_from_upload_reads_utf8_gbk_and_docx():
    text = "(一)对口协商(1项)\n1.发展农业\n时间安排:8月"
    assert text_from_upload("a.txt", text.encode("utf-8")) == text
    assert text_from_upload("a.txt", b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert text_from_upload("a.txt", text.encode("gb18030")) == text
    doc = Document()
    for line in text.splitlines():
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    assert text_from_upload("计划.docx", buf.getvalue()).splitlines()[:3] == text.splitlines()


def test_json_uploads_report_every_problem():
    from paperwork import example_plan, json_to_plan, json_to_schedule

    plan = example_plan()
    assert json_to_plan(plan.to_json().encode()).to_dict() == plan.to_dict()
    bad = plan.to_dict()
    bad["topics"][0]["departments"] = ["nope"]
    bad["topics"][1]["fixed_month"] = 13
    with pytest.raises(PaperworkError) as err:
        json_to_plan(json.dumps(bad).encode())
    assert len(err.value.issues) == 2
    sched = (
        b'{"format": "consult-schedule/1", "plan_year": 2024, "status": "feasible", '
        b'"assignments": [{"topic": "T09", "month": 3, "lead": "proposal"}]}'
    )
    with pytest.raises(PaperworkError) as err:
        json_to_schedule(sched, plan)
    assert "T09" in str(err.value)
    with pytest.raises(PaperworkError):
        json_to_plan(b"\0" * (MAX_UPLOAD_BYTES + 1))


def test_broken_docx_upload():
    with pytest.raises(PaperworkError) as err:
        text_from_upload("计划.docx", b"PK\x03\x04 not really a zip")
    assert "不是有效的 Word" in str(err.value)
