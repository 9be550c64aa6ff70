"""services.imports: a plan from a workbook or a published text, then stored as a new plan."""

from __future__ import annotations

import pytest

import paperwork
from services import Reason, ServiceError, imports, plans
from solver.validate import load_plan
from tests.actors import PLANNER, planner
from tests.store.store_samples import DATA_DIR

PUBLISHED = """\
某市政协2024年度协商工作计划
一、工作安排
2024年,共安排重点协商议题2项。
(一)专题议政性常委会议(1项)
1.推进老旧小区改造
时间安排:6月
承办部门:市政协城建委
协商部门:市住建局
(二)对口协商(1项)
1.发展乡村旅游
时间安排:9月
承办单位:市政协经济委
"""


def test_a_workbook_becomes_a_plan_that_can_be_created(engine):
    original = load_plan(DATA_DIR / "luoyang-2019.json")
    data = paperwork.plan_to_xlsx(original, None)
    plan = imports.plan_from_xlsx("计划.xlsx", data, actor=PLANNER)
    assert [t.title for t in plan.topics] == [t.title for t in original.topics]
    pid = plans.create_plan(engine, plan, actor=planner("张三"))
    stored = plans.open_plan(engine, pid, actor=PLANNER)
    assert [t.id for t in stored.plan.topics] == [t.id for t in plan.topics]


def test_a_broken_workbook_is_refused_with_its_problems():
    with pytest.raises(ServiceError) as err:
        imports.plan_from_xlsx("计划.xlsx", b"PK\x03\x04 not really a workbook", actor=PLANNER)
    assert err.value.reason is Reason.INVALID
    assert err.value.issues and all(isinstance(i, str) and i for i in err.value.issues)
    with pytest.raises(ServiceError) as err:
        imports.plan_from_xlsx("计划.pdf", b"%PDF-1.4", actor=PLANNER)
    assert err.value.reason is Reason.INVALID


def test_a_published_text_becomes_a_draft_then_a_plan(engine):
    draft = imports.draft_from_text(PUBLISHED, actor=PLANNER)
    assert len(draft.plan.topics) == 2
    assert draft.plan.year == 2024
    pid = plans.create_plan(engine, draft.plan, actor=PLANNER)
    assert len(plans.open_plan(engine, pid, actor=PLANNER).plan.topics) == 2


def test_an_uploaded_text_file_wins_over_the_text_box():
    draft = imports.draft_from_text("无关文字", upload=("计划.txt", PUBLISHED.encode("utf-8")), actor=PLANNER)
    assert len(draft.plan.topics) == 2


def test_a_text_without_topics_is_refused():
    with pytest.raises(ServiceError) as err:
        imports.draft_from_text("今天天气很好。", actor=PLANNER)
    assert err.value.reason is Reason.INVALID and str(err.value)


def test_a_draft_has_only_its_own_lists_unless_it_is_for_a_merge():
    """Trial of issue 10: the older text import read with the open plan as ``known`` and saved that as a
    "new" plan carrying the open plan's committees, departments and leaders."""
    import inspect

    base = load_plan(DATA_DIR / "luoyang-2019.json")
    assert "known" not in inspect.signature(imports.draft_from_text).parameters
    own = imports.draft_from_text(PUBLISHED, actor=PLANNER).plan
    assert {c.name for c in own.committees} == {"城建委", "经济委"}
    assert not {d.name for d in own.departments} - {"市住建局"} and not own.leaders
    merging = imports.draft_from_text(PUBLISHED, actor=PLANNER, merge_into=base).plan
    assert {c.id for c in base.committees} <= {c.id for c in merging.committees}  # base's ids reused, to merge
