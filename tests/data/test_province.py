"""Province-wide plans (tools.province): the shape issue 9 asks for, valid, feasible by construction."""

from __future__ import annotations

import math
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from plan_hard_rules import hard_rule_violations

from solver.validate import load_plan, parse_plan
from tools.province import MAX_CITIES, MIN_CITIES, province_plan, province_plan_and_reference

ROOT = Path(__file__).resolve().parents[2]


def bodies(plan) -> set[str]:
    return {f.id.split("_", 1)[1] for f in plan.forms if f.id.startswith("standing_")}


@pytest.mark.parametrize(("n", "seed"), [(20, 0), (200, 1), (1000, 2), (5000, 3)])
def test_valid_and_feasible_at_any_size(n, seed):
    plan, reference = province_plan_and_reference(n, seed=seed)
    assert len(plan.topics) == n
    assert parse_plan(plan.to_dict()).to_json() == plan.to_json()  # round trip through the format
    assert hard_rule_violations(plan, reference) == []


def test_same_seed_same_plan_and_seeds_differ():
    assert province_plan(300, seed=4).to_json() == province_plan(300, seed=4).to_json()
    assert province_plan(300, seed=4).to_json() != province_plan(300, seed=5).to_json()


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_a_province_and_15_to_40_cities_each_with_their_own_series(seed):
    plan = province_plan(1000, seed=seed)
    names = bodies(plan)
    assert "P" in names and MIN_CITIES <= len(names) - 1 <= MAX_CITIES
    forms = plan.form_by_id()
    for b in names:
        for series in ("standing", "bimonthly"):
            f = forms[f"{series}_{b}"]
            assert f.max_per_month == 1 and f.min_gap_months == 2
    assert province_plan(1000, seed=seed, cities=25).form_by_id().keys() >= {"standing_C25"}


def test_the_features_that_break_schedulers():
    plan = province_plan(1000, seed=1)
    topics = plan.topic_by_id()
    n = len(plan.topics)
    # research → consultation → inspection chains, windows opening in month 3–6
    chains = [t for t in plan.topics if t.form == "inspection" and t.after]
    assert len(chains) >= n // 20
    for insp in chains:
        cons = topics[insp.after[0]]
        research = topics[cons.after[0]]
        assert research.form == "research" and 3 <= research.window[0] <= 6
        assert research.window[0] < cons.window[0] < insp.window[0]
    pinned = sum(1 for t in plan.topics if t.fixed_month is not None)
    assert 0.06 * n <= pinned <= 0.14 * n
    assert plan.calendar.max_topics_per_month >= math.ceil(1.6 * n / 10)
    # 1–3 months away; none only for a leader busy in every usable month of the reference
    away = [len(x.unavailable_months) for x in plan.leaders]
    assert max(away) <= 3 and sum(1 for k in away if k >= 1) >= 0.97 * len(away)
    # committee limits near the average load over the ten usable months, not far above it
    load = Counter(c for t in plan.topics for c in (t.lead_options[0], *t.co_organizers))
    near = [c for c in plan.committees if c.max_per_month <= math.ceil(load[c.id] / 10) + 1]
    assert len(near) >= 0.8 * len(plan.committees)


def test_comfortable_loads_near_average_use():
    plan = province_plan(1000, seed=2)
    uses = Counter(d for t in plan.topics for d in t.departments)
    for d in plan.departments:
        assert d.max_per_month == max(1, round(uses[d.id] / 10))


def test_command_line(tmp_path):
    out, ref = tmp_path / "p.json", tmp_path / "ref.json"
    cmd = [sys.executable, "-m", "tools.generate", "120", "--province", "--seed", "3", "--cities", "4"]
    subprocess.run([*cmd, "-o", str(out), "--reference", str(ref)], check=True, cwd=ROOT)
    assert load_plan(out).to_json() == province_plan(120, seed=3, cities=4).to_json()
    assert ref.exists()
    bad = subprocess.run([sys.executable, "-m", "tools.generate", "10", "--province"], capture_output=True, text=True)
    assert bad.returncode == 2 and "至少需要 20 个议题" in bad.stderr
