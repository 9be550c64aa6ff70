"""Helpers for the paperwork tests: the sample plans with a schedule each, and the seed texts."""

from __future__ import annotations

from pathlib import Path

from paperwork import draft_schedule
from solver.plan import PLAN_FORMAT, read_json
from solver.validate import load_plan, load_schedule

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SEEDS = Path(__file__).resolve().parent / "seeds"


def sample_plan_paths() -> list[Path]:
    """Every plan in data/ (the *.published.json beside them are schedules)."""
    if not DATA.is_dir():
        return []
    return sorted(
        p
        for p in DATA.glob("*.json")
        if not p.name.endswith(".published.json") and read_json(p).get("format") == PLAN_FORMAT
    )


def plan_and_schedule(path: Path):
    """A sample plan and a schedule for it: the published one if there is one, else a draft."""
    plan = load_plan(path)
    published = path.with_name(path.name.replace(".json", ".published.json"))
    schedule = load_schedule(published, plan) if published.exists() else draft_schedule(plan)
    return plan, schedule


def seed_text(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def seed004_plan1() -> str:
    """The first plan (篇1) of seed 004, from its heading up to the heading of 篇2."""
    text = seed_text("004")
    start = text.index("政协2023年工作计划样本 篇1\n")
    end = text.index("政协2023年工作计划样本 篇2")
    return text[start:end]


def shared_seeds() -> Path | None:
    for cand in (ROOT.parent / "shared" / "seeds", Path("/work/shared/seeds")):
        if cand.is_dir():
            return cand
    return None


def topic_rows(plan) -> list[tuple]:
    """A read plan's topics as (title, form name, preferred months, lead names, department names,
    leader names): the shape the import-kind tests compare against."""
    forms, comms = plan.form_by_id(), plan.committee_by_id()
    depts, leaders = plan.department_by_id(), plan.leader_by_id()
    return [
        (
            t.title,
            forms[t.form].name,
            t.preferred_months,
            [comms[c].name for c in t.lead_options],
            [depts[d].name for d in t.departments],
            [leaders[x].name for x in t.leaders],
        )
        for t in plan.topics
    ]
