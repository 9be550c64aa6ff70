"""Merging an import into the open plan (trial of issue 10): what the planner is warned about, what is added.

Kinds: a document of another body or year is flagged before the merge; a topic
the open plan already has (same title and form) is a duplicate, left out unless
the planner keeps it, so merging one document twice does not double the plan;
the summary counts the document's own forms, not the open plan's.
"""

from __future__ import annotations

from paperwork import import_text
from paperwork.review import apply_review, duplicate_topics, merge_check, merge_into, own_form_count, topic_rows

OPEN = (
    "青溪市政协2027年度协商工作计划\n"
    "一、专题议政性常委会议\n1.推进青溪湿地保护\n时间安排:5月\n承办单位:市政协人资环委\n协商部门:市生态环境局\n"
    "二、对口协商\n1.提升社区养老服务\n时间安排:6月\n承办单位:市政协社法委\n协商部门:市民政局\n"
    "2.发展县域特色产业\n时间安排:9月\n承办单位:市政协经济委\n协商部门:市工信局\n"
)
OTHER = (
    "柳岸区政协2026年度协商工作计划\n"
    "一、对口协商\n1.提升社区养老服务\n时间安排:7月\n承办单位:区政协社法委\n协商部门:区民政局\n"
    "二、界别协商\n1.规范夜间经济管理\n时间安排:8月\n承办单位:区政协文史委\n协商部门:区商务局\n"
)


def _open_plan():
    return import_text(OPEN).plan


def test_another_body_and_year_are_flagged_before_a_merge():
    base = _open_plan()
    check = merge_check(base, import_text(OTHER, known=base))
    assert check.other_plan and check.other_body == "柳岸区政协" and check.other_year == 2026


def test_the_open_plans_own_document_is_not_another_plan():
    base = _open_plan()
    check = merge_check(base, import_text(OPEN, known=base))
    assert not check.other_plan
    assert [title for _, title in check.duplicates] == [t.title for t in base.topics]


def test_merging_the_same_document_twice_adds_nothing_the_second_time():
    base = _open_plan()
    once = merge_into(base, import_text(OTHER, known=base).plan)
    # "提升社区养老服务" under 对口协商 is already in the open plan: only the 界别协商 topic is new
    assert len(once.topics) == len(base.topics) + 1
    twice = merge_into(once, import_text(OTHER, known=once).plan)
    assert twice == once  # and no orphan names of the left-out topics
    assert duplicate_topics(once, import_text(OTHER, known=once).plan)


def test_a_left_out_duplicate_brings_none_of_its_names():
    base = _open_plan()
    merged = merge_into(base, import_text(OTHER, known=base).plan)
    assert "区民政局" not in {d.name for d in merged.departments}  # only the left-out duplicate names it
    assert "区商务局" in {d.name for d in merged.departments}


def test_the_planner_may_keep_the_duplicates():
    base = _open_plan()
    merged = merge_into(base, import_text(OTHER, known=base).plan, keep_duplicates=True)
    assert len(merged.topics) == len(base.topics) + 2
    assert len({t.id for t in merged.topics}) == len(merged.topics)


def test_the_same_title_under_another_form_is_not_a_duplicate():
    base = _open_plan()
    text = OTHER.replace("一、对口协商", "一、界别协商")
    assert not duplicate_topics(base, import_text(text, known=base).plan)


def test_reviewed_rows_merge_without_duplicates():
    base = _open_plan()
    draft = import_text(OPEN, known=base)
    reviewed = apply_review(draft, topic_rows(draft), body=base.body, year=base.year)
    assert merge_into(base, reviewed).topics == base.topics


def test_the_form_count_is_the_documents_own_when_merging():
    base = _open_plan()
    draft = import_text(OTHER, known=base)
    assert len(draft.plan.forms) == 3  # the open plan's two forms and the document's new one
    assert own_form_count(draft.plan) == 2


def test_a_local_file_over_the_limit_is_not_called_an_upload(tmp_path, capsys):
    from paperwork import MAX_UPLOAD_BYTES
    from paperwork.cli import main

    big = tmp_path / "大计划.txt"
    big.write_bytes(OPEN.encode("utf-8") * (MAX_UPLOAD_BYTES // len(OPEN.encode("utf-8")) + 1))
    assert main(["text2json", str(big)]) != 0
    err = capsys.readouterr()
    said = err.out + err.err
    assert "超过导入上限 10.0 MB" in said and "上传" not in said, said


def test_text2json_with_known_writes_only_the_texts_own_lists(tmp_path, capsys):
    """``--known`` maps names to its ids; the plan written must not carry the known plan's other items."""
    import json

    from paperwork.cli import main

    known, text, out = tmp_path / "已有.json", tmp_path / "计划.txt", tmp_path / "新.json"
    base = _open_plan()
    known.write_text(base.to_json(), encoding="utf-8")
    text.write_text(OTHER.replace("区政协社法委", "市政协社法委"), encoding="utf-8")
    assert main(["text2json", str(text), "--known", str(known), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    sfw = next(c.id for c in base.committees if c.name == "社法委")
    # the known committee reused by its id, the known plan's others (人资环委, 经济委) left out
    assert sorted((c["id"] == sfw, c["name"]) for c in data["committees"]) == [(False, "文史委"), (True, "社法委")]
    assert "市生态环境局" not in {d["name"] for d in data["departments"]}
    assert {f["name"] for f in data["forms"]} == {"对口协商", "界别协商"}
