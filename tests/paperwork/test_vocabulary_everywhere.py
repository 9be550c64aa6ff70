"""One label vocabulary, understood by every layout (issue #10).

Each test writes the same invented plan in several layouts (fields on their own
lines, fields run together on one line, a table's header, a table whose cells
carry their labels, a card of bare labels over values, a duty sentence) with a
synonym the vocabulary knows, and checks each layout reads it into the same field.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from paperwork_samples import topic_rows

from paperwork import vocabulary as V
from paperwork.importer import import_document, import_text

_HEAD = "溪桥市政协2026年度协商工作计划\n一、专题协商会\n"


def _lines(lead: str, depts: str, leaders: str, time: str) -> str:
    return (
        _HEAD
        + f"1.推进甲乙丙协同发展\n{time}:6月\n{lead}:市政协经济委员会\n{depts}:市发展改革委、市商务局\n"
        + f"{leaders}:副市长罗安平\n"
        + f"2.建设丁戊生态走廊\n{time}:9月\n{lead}:市政协人口资源环境委员会\n{depts}:市林业局\n"
        + f"{leaders}:副市长魏宁\n"
    )


def _one_line(lead: str, depts: str, leaders: str, time: str) -> str:
    return (
        _HEAD
        + "1.推进甲乙丙协同发展\n"
        + f"{time}:6月 {lead}:市政协经济委员会 {depts}:市发展改革委、市商务局 {leaders}:副市长罗安平\n"
        + "2.建设丁戊生态走廊\n"
        + f"{time}:9月 {lead}:市政协人口资源环境委员会 {depts}:市林业局 {leaders}:副市长魏宁\n"
    )


def _cards(lead: str, depts: str, leaders: str, time: str) -> str:
    # a WeChat article's cards: a big number, the title, then each label on a line over its value
    return (
        _HEAD
        + f"01\n推进甲乙丙协同发展\n{time}\n6月\n{lead}\n市政协经济委员会\n{depts}\n市发展改革委\n市商务局\n"
        + f"{leaders}\n副市长罗安平\n"
        + f"02\n建设丁戊生态走廊\n{time}\n9月\n{lead}\n市政协人口资源环境委员会\n{depts}\n市林业局\n"
        + f"{leaders}\n副市长魏宁\n"
    )


def _table(lead: str, depts: str, leaders: str, time: str) -> bytes:
    return (
        "<html><body><p>溪桥市政协2026年度协商工作计划</p><table>"
        f"<tr><th>序号</th><th>协商议题</th><th>协商形式</th><th>{time}</th><th>{lead}</th>"
        f"<th>{depts}</th><th>{leaders}</th></tr>"
        "<tr><td>1</td><td>推进甲乙丙协同发展</td><td>专题协商会</td><td>6月</td><td>市政协经济委员会</td>"
        "<td>市发展改革委、市商务局</td><td>副市长罗安平</td></tr>"
        "<tr><td>2</td><td>建设丁戊生态走廊</td><td>专题协商会</td><td>9月</td><td>市政协人口资源环境委员会</td>"
        "<td>市林业局</td><td>副市长魏宁</td></tr>"
        "</table></body></html>"
    ).encode()


def _labelled_cells(lead: str, depts: str, leaders: str, time: str) -> bytes:
    # a title row, then a row of cells each opening with its own label; the headers say nothing
    def topic(n: int, title: str, month: str, who: str, units: str, leader: str) -> str:
        return (
            f'<tr><td rowspan="2">{n}</td><td colspan="5">议题：{title}</td></tr>'
            f"<tr><td>形式：专题协商会</td><td>{time}：{month}</td><td>{lead}：{who}</td>"
            f"<td>{depts}：{units}</td><td>{leaders}：{leader}</td></tr>"
        )

    return (
        "<html><body><p>溪桥市政协2026年度协商工作计划</p><table>"
        "<tr><th>序号</th><th colspan='5'>协商议题及安排</th></tr>"
        + topic(1, "推进甲乙丙协同发展", "6月", "市政协经济委员会", "市发展改革委、市商务局", "副市长罗安平")
        + topic(2, "建设丁戊生态走廊", "9月", "市政协人口资源环境委员会", "市林业局", "副市长魏宁")
        + "</table></body></html>"
    ).encode("utf-8")


_EXPECTED = [
    (
        "推进甲乙丙协同发展",
        "专题协商会",
        [6],
        ["经济委员会"],
        ["市发展改革委", "市商务局"],
        ["副市长罗安平"],
    ),
    ("建设丁戊生态走廊", "专题协商会", [9], ["人口资源环境委员会"], ["市林业局"], ["副市长魏宁"]),
]

_LAYOUTS = {
    "fields on their own lines": lambda *a: import_text(_lines(*a)),
    "fields on one line": lambda *a: import_text(_one_line(*a)),
    "card of bare labels": lambda *a: import_text(_cards(*a)),
    "table header": lambda *a: import_document("计划.html", _table(*a)),
    "labelled cells": lambda *a: import_document("计划.html", _labelled_cells(*a)),
}

# Synonyms of the lead, departments, leaders and time, each from the vocabulary's own table
_SYNONYMS = [
    ("组织单位", "对口部门", "联系领导", "计划时间"),
    ("责任委室", "邀请单位", "参加领导", "召开时间"),
    ("牵头部门", "参与单位", "责任领导", "活动时间"),
]


@pytest.mark.parametrize("layout", list(_LAYOUTS))
@pytest.mark.parametrize("words", _SYNONYMS, ids=lambda w: "/".join(w))
def test_a_synonym_of_the_vocabulary_is_read_by_every_layout(layout, words):
    for word, key in zip(words, ("lead", "departments", "leaders", "time"), strict=True):
        assert V.LABEL_OF[word] == key  # the test's words are the vocabulary's, not the test's own
    draft = _LAYOUTS[layout](*words)
    assert topic_rows(draft.plan) == _EXPECTED
    assert not [w for w in draft.warnings if "识别词表" in w]


# -- duty sentences: the verbs that name a lead, the departments and the leaders ------------------

_SENTENCE = (
    _HEAD + "（一）推进甲乙丙协同发展。拟于6月召开，由市政协经济委员会{lead}，市发展改革委、市商务局{dept}，"
    "邀请副市长罗安平{leader}。\n"
    "（二）建设丁戊生态走廊。由市政协人口资源环境委员会{lead}，市林业局{dept}，9月召开，"
    "邀请副市长魏宁{leader}。\n"
)
_CLAUSES = (
    "溪桥市政协2026年度协商工作计划\n"
    "一、专题协商会。全年安排2项：6月，围绕“推进甲乙丙协同发展”召开专题协商会，由市政协经济委员会{lead}，"
    "市发展改革委、市商务局{dept}，邀请副市长罗安平{leader}；9月，围绕“建设丁戊生态走廊”召开专题协商会，"
    "由市政协人口资源环境委员会{lead}，市林业局{dept}，邀请副市长魏宁{leader}。\n"
)
_ITEM_DUTIES = (
    _HEAD + "1.推进甲乙丙协同发展（6月）\n2.建设丁戊生态走廊（9月）\n二、责任分工\n"
    "第1项：由市政协经济委员会{lead}，市发展改革委、市商务局{dept}，邀请副市长罗安平{leader}。\n"
    "第2项：由市政协人口资源环境委员会{lead}，市林业局{dept}，邀请副市长魏宁{leader}。\n"
)

_VERB_LAYOUTS = {"title sentence": _SENTENCE, "form paragraph of clauses": _CLAUSES, "duties by item": _ITEM_DUTIES}


@pytest.mark.parametrize("layout", list(_VERB_LAYOUTS))
@pytest.mark.parametrize(("lead", "dept", "leader"), [("牵头", "参加", "出席"), ("承办", "参与", "出席")])
def test_a_duty_verb_of_the_vocabulary_is_read_by_every_sentence_layout(layout, lead, dept, leader):
    assert lead in V.DUTY_VERBS["lead"] and dept in V.DUTY_VERBS["departments"]
    assert leader in V.DUTY_VERBS["leaders"]
    draft = import_text(_VERB_LAYOUTS[layout].format(lead=lead, dept=dept, leader=leader))
    assert topic_rows(draft.plan) == _EXPECTED


# -- the 政协 members taking part: a known label, kept in the notes ---------------------------------


@pytest.mark.parametrize("label", ["参加委员", "委员代表", "参会委员"])
def test_the_members_taking_part_are_a_known_label_kept_in_the_notes(label):
    text = _lines("承办单位", "协商部门", "出席领导", "时间安排").replace(
        "副市长罗安平\n", f"副市长罗安平\n{label}:部分市政协委员、经济界别委员\n"
    )
    draft = import_text(text)
    assert topic_rows(draft.plan) == _EXPECTED  # no leader, no department more
    assert f"{label}" not in "".join(draft.warnings)  # never reported as an unknown label
    first = draft.plan.topics[0]
    assert "部分市政协委员、经济界别委员" in first.notes
    assert V.field_of_label(label) == "members"


def test_the_members_column_of_a_table_is_kept_in_the_notes_too():
    page = _table("牵头单位", "协商部门", "出席领导", "时间安排").decode("utf-8")
    page = page.replace("<th>出席领导</th>", "<th>出席领导</th><th>参加委员</th>")
    page = page.replace("罗安平</td>", "罗安平</td><td>经济界别委员</td>").replace("魏宁</td>", "魏宁</td><td></td>")
    draft = import_document("计划.html", page.encode("utf-8"))
    assert topic_rows(draft.plan) == _EXPECTED
    assert "经济界别委员" in draft.plan.topics[0].notes


# -- no module keeps a label list of its own ----------------------------------------------------

_PAPERWORK = Path(__file__).resolve().parents[2] / "paperwork"
# two duty words (the vocabulary's verbs, or its two-character labels) written out as a regex
# alternation: a private list the vocabulary would not know of
_WORD = V.alternation([v for vs in V.DUTY_VERBS.values() for v in vs] + list(V.GLUED_SHORT_LABELS))
_PRIVATE_LIST = re.compile(rf"(?:{_WORD})\|(?:{_WORD})")


def test_no_module_but_the_vocabulary_writes_out_a_list_of_duty_words():
    found = []
    for path in sorted(_PAPERWORK.glob("*.py")):
        if path.name == "vocabulary.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            if _PRIVATE_LIST.search(code) and not code.lstrip().startswith(('"""', "``")):
                found.append(f"{path.name}:{n}: {line.strip()}")
    assert not found, "\n".join(found)


# the members' label in each layout, after the first topic's leader
_MEMBERS_IN = {
    "fields on their own lines": ("副市长罗安平\n", "副市长罗安平\n{label}:经济界别委员、环境界别委员\n"),
    "fields on one line": ("副市长罗安平\n", "副市长罗安平 {label}:经济界别委员、环境界别委员\n"),
    "card of bare labels": ("副市长罗安平\n", "副市长罗安平\n{label}\n经济界别委员\n环境界别委员\n"),
    "labelled cells": ("副市长罗安平</td>", "副市长罗安平</td><td>{label}：经济界别委员、环境界别委员</td>"),
}


@pytest.mark.parametrize("layout", list(_MEMBERS_IN))
@pytest.mark.parametrize("label", ["参加委员", "委员代表"])
def test_the_members_label_is_known_to_every_layout(layout, label):
    old, new = _MEMBERS_IN[layout]
    words = ("承办单位", "协商部门", "出席领导", "时间安排")
    if layout == "labelled cells":
        page = _labelled_cells(*words).decode("utf-8").replace(old, new.format(label=label), 1)
        draft = import_document("计划.html", page.encode())
    else:
        maker = {"fields on their own lines": _lines, "fields on one line": _one_line, "card of bare labels": _cards}
        draft = import_text(maker[layout](*words).replace(old, new.format(label=label), 1))
    assert topic_rows(draft.plan) == _EXPECTED
    assert label not in "".join(draft.warnings)
    assert "经济界别委员、环境界别委员" in draft.plan.topics[0].notes


@pytest.mark.parametrize("label", ["协商时间", "计划时间", "召开时间"])
def test_a_time_label_said_as_a_sentence_in_a_clause_is_any_of_the_vocabularys(label):
    assert V.LABEL_OF[label] == "time"
    text = (
        "溪桥市政协2026年度协商工作计划\n"
        "一、专题协商会。全年安排2项：围绕“推进甲乙丙协同发展”召开专题协商会，"
        f"{label}为6月，由市政协经济委员会承办，市发展改革委、市商务局参加，邀请副市长罗安平出席；"
        f"围绕“建设丁戊生态走廊”召开专题协商会，{label}定于9月，由市政协人口资源环境委员会承办，"
        "市林业局参加，邀请副市长魏宁出席。\n"
    )
    assert topic_rows(import_text(text).plan) == _EXPECTED


@pytest.mark.parametrize("word", V.ORDINAL_TITLE_WORDS)
def test_a_title_numbered_by_a_title_word_is_read_for_each_of_them(word):
    text = _lines("承办单位", "协商部门", "出席领导", "时间安排")
    text = text.replace("1.推进", f"{word}一：推进").replace("2.建设", f"{word}二：建设")
    assert [t.title for t in import_text(text).plan.topics] == ["推进甲乙丙协同发展", "建设丁戊生态走廊"]
