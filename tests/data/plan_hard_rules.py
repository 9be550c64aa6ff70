"""A small stand-alone check of the hard rules of `consult-plan/1`, for the data tests.

Deliberately shares no code with the solver or its checker: it re-reads the
rules from docs/plan-format ("Hard rules") so the sample schedules and the
generator's reference schedules are judged independently.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import pairwise

from solver.plan import Plan, Schedule


def hard_rule_violations(plan: Plan, schedule: Schedule) -> list[str]:
    """Every hard rule the schedule breaks, one line each (empty: all kept)."""
    out: list[str] = []
    topics = plan.topic_by_id()
    forms = plan.form_by_id()
    committees = plan.committee_by_id()
    leaders = plan.leader_by_id()
    cal = plan.calendar
    month = {a.topic: a.month for a in schedule.assignments}
    lead = {a.topic: a.lead for a in schedule.assignments}

    for tid, n in Counter(a.topic for a in schedule.assignments).items():
        if n != 1:
            out.append(f"{tid}: assigned {n} times")
    for tid in topics.keys() - month.keys():
        out.append(f"{tid}: not assigned")

    month_load: Counter[int] = Counter()
    form_load: dict[str, Counter[int]] = defaultdict(Counter)
    committee_load: dict[str, Counter[int]] = defaultdict(Counter)
    for tid, m in month.items():
        t = topics[tid]
        lo, hi = t.window if t.window is not None else (min(cal.months), max(cal.months))
        if m not in cal.months:
            out.append(f"{tid}: month {m} not in the calendar")
        if not lo <= m <= hi:
            out.append(f"{tid}: month {m} outside window {lo}–{hi}")
        if m in cal.blackout_months:
            out.append(f"{tid}: month {m} is a blackout month")
        if t.fixed_month is not None and m != t.fixed_month:
            out.append(f"{tid}: fixed in {t.fixed_month}, placed in {m}")
        if forms[t.form].session_only and m != cal.session_month:
            out.append(f"{tid}: session-only form outside the session month")
        for x in t.leaders:
            if m in leaders[x].unavailable_months:
                out.append(f"{tid}: leader {x} unavailable in {m}")
        if lead[tid] not in t.lead_options:
            out.append(f"{tid}: lead {lead[tid]} not among {t.lead_options}")
        for a in t.after:
            if a in month and not month[a] < m:
                out.append(f"{tid}: must come after {a} ({month[a]}), placed in {m}")
        month_load[m] += 1
        form_load[t.form][m] += 1
        for c in {lead[tid], *t.co_organizers}:
            committee_load[c][m] += 1

    if cal.max_topics_per_month is not None:
        for m, n in month_load.items():
            if n > cal.max_topics_per_month:
                out.append(f"month {m}: {n} topics > {cal.max_topics_per_month}")
    for fid, f in forms.items():
        if f.max_per_month is not None:
            for m, n in form_load[fid].items():
                if n > f.max_per_month:
                    out.append(f"form {fid}: {n} in month {m} > {f.max_per_month}")
        if f.min_gap_months:
            ms = sorted(month[t.id] for t in plan.topics if t.form == fid and t.id in month)
            for a, b in pairwise(ms):
                if b - a < f.min_gap_months:
                    out.append(f"form {fid}: months {a} and {b} closer than {f.min_gap_months}")
    for cid, c in committees.items():
        if c.max_per_month is not None:
            for m, n in committee_load[cid].items():
                if n > c.max_per_month:
                    out.append(f"committee {cid}: {n} in month {m} > {c.max_per_month}")
    return out
