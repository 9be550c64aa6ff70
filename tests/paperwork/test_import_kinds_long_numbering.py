"""Item numbers past 99: a province's plan with its cities' numbers its items in the hundreds or thousands.

A new-user trial found ``100.关于…`` kept in the title at full confidence (numbers 1–99 were stripped):
every item number of the reader allowed two digits. Each way of numbering an item is tried here at three
and four digits, in plans of our own, with a quantity or a year that must stay text.
"""

from __future__ import annotations

import pytest

from paperwork.importer import import_document, import_text

_FORMS = ("专题议政性常委会议", "对口协商", "提案办理协商")


def _plan(n: int, number) -> str:
    """A plan of ``n`` topics in three forms, each numbered by ``number(k)``, with a time and a lead."""
    lines = ["政协澄岭省委员会2026年度协商工作计划", "为做好年度协商工作，制定本计划。"]
    per = -(-n // len(_FORMS))
    k = 0
    for f, form in enumerate(_FORMS):
        lines.append(f"{'一二三'[f]}、{form}")
        for _ in range(per):
            k += 1
            if k > n:
                break
            lines += [f"{number(k)}推进第{k}个县域片区协同发展", f"时间安排：{4 + k % 8}月", "牵头单位：经济委员会"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "number",
    [
        lambda k: f"{k}.",
        lambda k: f"{k}、",
        lambda k: f"（{k}）",
        lambda k: f"【{k}】",
        lambda k: f"第{k}项：",
    ],
    ids=["dot", "dunhao", "paren", "lenticular", "di-n-xiang"],
)
def test_three_digit_item_numbers_are_not_part_of_the_title(number):
    draft = import_text(_plan(130, number))
    titles = [t.title for t in draft.plan.topics]
    assert len(titles) == 130
    assert titles[99] == "推进第100个县域片区协同发展" and titles[129] == "推进第130个县域片区协同发展"
    assert not [t for t in titles if t[0].isdigit() or t[0] in "（【第"]


def test_a_plan_numbered_into_the_thousands_keeps_every_title_clean():
    draft = import_document("全省协商计划.txt", _plan(1203, lambda k: f"{k}.").encode("utf-8"))
    titles = [t.title for t in draft.plan.topics]
    assert len(titles) == 1203
    assert titles[999] == "推进第1000个县域片区协同发展" and titles[-1] == "推进第1203个县域片区协同发展"
    assert [t.preferred_months for t in draft.plan.topics][999] == [4 + 1000 % 8]


def test_a_quantity_after_a_space_is_not_an_item_number():
    text = (
        "政协澄岭省委员会2026年度协商工作计划\n一、对口协商\n"
        "1.推进县域商业体系建设\n时间安排：5月\n牵头单位：经济委员会\n"
        "内容：围绕全省 2000 家以上商贸企业开展调研。\n"
    )
    draft = import_text(text)
    assert [t.title for t in draft.plan.topics] == ["推进县域商业体系建设"]


def test_a_year_in_a_document_number_is_no_item():
    text = (
        "政协澄岭省委员会办公厅文件\n〔2026〕2号\n政协澄岭省委员会2026年度协商工作计划\n一、对口协商\n"
        "1.推进县域商业体系建设\n时间安排：5月\n牵头单位：经济委员会\n"
        "2026、2027年连续开展跟踪协商。\n"
    )
    draft = import_text(text)
    assert [t.title for t in draft.plan.topics] == ["推进县域商业体系建设"]
