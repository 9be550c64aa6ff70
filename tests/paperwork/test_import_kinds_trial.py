"""What a new-user trial of the import found (2026-12-02), each tried on inputs of our own.

- a Word file holding only a picture (a scan pasted into Word), or nothing at all, was refused with a
  bare 「文本为空」: the message now names the file and the likely cause, as a scanned PDF's does;
- the same topic typed twice in one document passed without a word (only a merge checked titles):
  a warning names both topics and their lines; a topic held twice from one line ("各一次") is not said.
"""

from __future__ import annotations

import base64
import io

import docx
import pytest

from paperwork.common import PaperworkError
from paperwork.importer import import_document, import_text

# a 1×1 PNG
_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def _docx(picture: bool) -> bytes:
    doc = docx.Document()
    if picture:
        doc.add_picture(io.BytesIO(_PNG))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("picture", [True, False], ids=["picture-only", "blank"])
def test_a_word_file_without_text_is_refused_naming_the_file_and_the_cause(picture):
    with pytest.raises(PaperworkError) as err:
        import_document("去年计划扫描件.docx", _docx(picture))
    message = str(err.value)
    assert "去年计划扫描件.docx" in message and "没有可读取的文字" in message and "OCR" in message


_TWICE = """政协桐溪县委员会2026年度协商工作计划
一、对口协商
1.推进县域医共体建设
时间：5月
承办：教科卫体委员会
2.加快发展县域冷链物流
时间：6月
承办：经济委员会
二、专题协商
3.推进县域医共体建设
时间：9月
承办：教科卫体委员会
4.做好农村供水保障
时间：7月、11月各一次
承办：农业农村委员会
"""


def test_the_same_title_from_two_places_is_warned_and_a_topic_held_twice_is_not():
    draft = import_text(_TWICE)
    said = [w for w in draft.warnings if "题目都是" in w]
    assert len(said) == 1
    assert "T01" in said[0] and "T03" in said[0] and "「推进县域医共体建设」" in said[0]
    assert "第 3、10 行" in said[0]
    assert [t.title for t in draft.plan.topics].count("做好农村供水保障") == 2  # held twice: not said
