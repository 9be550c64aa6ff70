"""Reading a plan's own document back into it (``known``) keeps its topic ids; new topics take free ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from paperwork.document import plan_document
from paperwork.importer import import_document, import_text
from solver import load_plan

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.mark.parametrize("sample", ["weihai-2023.json", "synthetic-50.json"])
def test_the_plans_own_document_read_back_with_known_keeps_every_id(sample: str) -> None:
    plan = load_plan(DATA / sample)
    draft = import_document("计划.docx", plan_document(plan), known=plan)
    read = {t.title: t.id for t in draft.plan.topics}
    want = {t.title: t.id for t in plan.topics}
    assert read == want


def test_a_new_topic_takes_an_id_no_kept_topic_uses_and_order_does_not_matter() -> None:
    plan = load_plan(DATA / "weihai-2023.json")
    first, second = plan.topics[0], plan.topics[1]
    text = "\n".join(
        [
            f"{plan.year}年度协商计划",
            "一、对口协商",
            "1.全新推进某项重点工作",
            "时间安排:5月",
            f"2.{second.title}",  # the known plan's second topic, written first here
            "时间安排:6月",
            f"3.{first.title}。",
            "时间安排:7月",
        ]
    )
    draft = import_text(text, known=plan)
    ids = {t.title: t.id for t in draft.plan.topics}
    assert ids[second.title] == second.id and ids[first.title] == first.id
    new_id = next(i for title, i in ids.items() if title.startswith("全新"))
    assert new_id not in {t.id for t in plan.topics}
    assert len(set(ids.values())) == 3


def test_without_known_topics_are_numbered_in_document_order() -> None:
    draft = import_text("2026年度协商计划\n一、对口协商\n1.甲议题\n时间安排:5月\n2.乙议题\n时间安排:6月")
    assert [t.id for t in draft.plan.topics] == ["T01", "T02"]
