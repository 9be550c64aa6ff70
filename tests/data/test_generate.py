"""The synthetic plan generator: deterministic, valid, realistic, feasible by construction."""

from __future__ import annotations

import statistics
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from plan_hard_rules import hard_rule_violations

from solver.validate import load_plan, parse_plan
from tools.generate import (
    MAX_DEPARTMENTS,
    MIN_DEPARTMENTS,
    form_counts,
    generate_plan,
    generate_plan_and_reference,
)

ROOT = Path(__file__).resolve().parents[2]


def test_same_seed_same_plan():
    assert generate_plan(60, seed=7).to_json() == generate_plan(60, seed=7).to_json()


def test_different_seeds_differ():
    assert generate_plan(60, seed=1).to_json() != generate_plan(60, seed=2).to_json()


def test_year_and_body_are_used():
    plan = generate_plan(20, seed=0, year=2031, body="测试市政协")
    assert plan.year == 2031 and plan.body == "测试市政协"


@pytest.mark.parametrize("n", [10, 60, 300, 1000])
def test_valid_and_feasible(n):
    plan, reference = generate_plan_and_reference(n, seed=n)
    assert len(plan.topics) == n
    again = parse_plan(plan.to_dict())  # round trip through the exchange format
    assert again.to_json() == plan.to_json()
    assert hard_rule_violations(plan, reference) == []


@settings(max_examples=25, deadline=None)
@given(n=st.integers(min_value=1, max_value=150), seed=st.integers(min_value=0, max_value=10_000))
def test_any_size_and_seed_is_valid_and_feasible(n, seed):
    plan, reference = generate_plan_and_reference(n, seed=seed)
    assert len(plan.topics) == n
    assert hard_rule_violations(plan, reference) == []


def test_department_popularity_is_skewed():
    plan = generate_plan(300, seed=3)
    used = Counter(d for t in plan.topics for d in t.departments)
    counts = [used[d.id] for d in plan.departments]
    assert max(counts) >= 3 * statistics.median(counts)
    top = used.most_common(1)[0][0]
    assert top in {"fagai", "caizheng", "shangwu", "gongxin"}


@pytest.mark.parametrize("n", [10, 60, 300])
def test_departments_per_topic_within_bounds(n):
    plan = generate_plan(n, seed=5)
    forms = plan.form_by_id()
    sizes = []
    for t in plan.topics:
        if forms[t.form].session_only:
            assert t.departments == []
        else:
            assert MIN_DEPARTMENTS <= len(t.departments) <= MAX_DEPARTMENTS, t.id
            sizes.append(len(t.departments))
    if n >= 60:  # mostly 1–4, as the domain notes observe
        assert sum(1 for s in sizes if s <= 4) / len(sizes) >= 0.85


def test_form_mix_follows_the_domain_notes():
    plan = generate_plan(40, seed=0)
    forms = Counter(t.form for t in plan.topics)
    assert forms["plenary"] == 1
    assert 2 <= forms["standing"] <= 3
    assert forms["bimonthly"] >= 3
    assert forms["counterpart"] >= 8
    standing = plan.form_by_id()["standing"]
    assert standing.max_per_month == 1 and standing.min_gap_months == 2
    plenary = next(t for t in plan.topics if t.form == "plenary")
    assert plan.form_by_id()["plenary"].session_only and plan.calendar.session_month == 1
    assert plenary.window is None or plan.calendar.session_month in range(plenary.window[0], plenary.window[1] + 1)


def test_every_committee_gets_counterpart_consultations():
    plan = generate_plan(80, seed=4)
    leads = Counter(t.lead_options[0] for t in plan.topics if t.form == "counterpart")
    assert all(leads[c.id] >= 2 for c in plan.committees if c.id != "bangongshi")


def test_form_counts_scale():
    assert form_counts(1)["plenary"] == 1 and sum(form_counts(1).values()) == 1
    for n in (10, 40, 200, 1000):
        counts = form_counts(n)
        assert sum(counts.values()) == n
        assert counts["plenary"] == 1
    assert form_counts(1000)["standing"] > 5  # then min_gap cannot stay 2
    plan = generate_plan(1000, seed=0)
    standing = plan.form_by_id()["standing"]
    assert standing.min_gap_months == 0


def test_realistic_details():
    plan = generate_plan(300, seed=1)
    topics = plan.topics
    assert all(name.startswith(("省", "团省委", "人民银行", "金融监管")) for name in (d.name for d in plan.departments))
    assert plan.body == "某省政协"
    windows = Counter(tuple(t.window) for t in topics if t.window)
    assert windows[(4, 11)] >= len(topics) / 3
    assert any(w[0] >= 5 for w in windows)  # research-first topics start later
    share = sum(1 for t in topics if t.preferred_months) / len(topics)
    assert 0.45 <= share <= 0.75
    assert sum(1 for t in topics if t.after) >= 10
    assert sum(1 for x in plan.leaders if x.unavailable_months) >= 3
    assert all("\\u" not in t.title and t.title for t in topics)
    assert len({t.title for t in topics}) >= 0.95 * len(topics)


def test_city_flavour_below_300():
    plan = generate_plan(50, seed=1)
    assert plan.body == "某市政协"
    assert any(d.name == "市发改委" for d in plan.departments)


@pytest.mark.parametrize("n", [60, 300])
def test_department_overloads_do_occur(n):
    plan, reference = generate_plan_and_reference(n, seed=2)
    month = reference.month_of()
    load: Counter[tuple[str, int]] = Counter()
    for t in plan.topics:
        for d in t.departments:
            load[d, month[t.id]] += 1
    limit = {d.id: d.max_per_month for d in plan.departments}
    assert any(n_ > limit[d] for (d, _), n_ in load.items())


def test_command_line(tmp_path):
    out = tmp_path / "x.json"
    ref = tmp_path / "ref.json"
    subprocess.run(
        [sys.executable, "-m", "tools.generate", "20", "--seed", "3", "-o", str(out), "--reference", str(ref)],
        check=True,
        cwd=ROOT,
    )
    assert load_plan(out).to_json() == generate_plan(20, seed=3).to_json()
    assert ref.exists()


@pytest.mark.parametrize(
    ("name", "n", "seed", "year"), [("synthetic-50.json", 50, 1, 2025), ("synthetic-200.json", 200, 2, 2026)]
)
def test_committed_synthetic_plans_are_regenerable(name, n, seed, year):
    """If the generator changes, regenerate them (data/README.md says how).

    The two have different years: the database keeps one plan per 政协 and year.
    """
    text = (ROOT / "data" / name).read_text(encoding="utf-8")
    assert text == generate_plan(n, seed=seed, year=year).to_json() + "\n"
