"""Issue 11: a committee, department or leader written as "待定" in a published plan is not created silently.

The reader keeps the word as a new entity (a topic must name a lead
committee), which the review then showed like any real committee. Every
topic using such a placeholder gets a warning asking for the real one, on
every path (text, documents; with or without a known plan).
"""

from __future__ import annotations

import pytest

from paperwork import import_document, import_text
from paperwork import texts as T

TEXT = """某县政协2024年度协商计划

一、专题协商
1. 关于优化营商环境
协商时间:5月
承办单位:{lead}
协商部门:{department}
出席领导:县委副书记
"""


@pytest.mark.parametrize("word", T.PLACEHOLDER_NAMES[:4])
def test_a_placeholder_lead_committee_is_warned_about(word):
    draft = import_text(TEXT.format(lead=word, department="县商务局"))
    warned = [w for w in draft.warnings if "承办专委会" in w and f"“{word}”" in w]
    assert len(warned) == 1 and "T01" in warned[0]


def test_a_placeholder_department_is_warned_about_in_a_document_too():
    data = TEXT.format(lead="经济委", department="待定").encode("utf-8")
    draft = import_document("计划.txt", data)
    assert any("协商部门" in w and "“待定”" in w for w in draft.warnings)
    assert not any("没有写明协商部门" in w for w in draft.warnings)  # it was on the line: undecided, not missing
    assert not any("承办专委会写作" in w for w in draft.warnings)


def test_a_missing_lead_is_warned_about_once():
    draft = import_text(TEXT.format(lead="", department="县商务局").replace("承办单位:\n", ""))
    about_lead = [w for w in draft.warnings if "T01" in w and "承办" in w]
    assert len(about_lead) == 1
