"""Plan edits that drop one requirement a conflict names — written against the plan
format, not the CP-SAT model, so they test the explanation from the outside."""

from __future__ import annotations

from solver import Finding, Plan
from solver.rules.calendar import Blackout, FixedMonth, SessionOnly, Window
from solver.rules.limits import CommitteeLimit, FormGap, FormLimit, MonthLimit
from solver.rules.order import After
from solver.rules.people import LeaderUnavailable


def drop(plan: Plan, c: Finding) -> Plan:
    """The plan without the single requirement ``c``."""
    p = plan.model_copy(deep=True)
    topics = p.topic_by_id()
    extra = c.model_extra or {}
    if c.kind == Window.name:
        topics[c.topics[0]].window = None
    elif c.kind == FixedMonth.name:
        topics[c.topics[0]].fixed_month = None
    elif c.kind == Blackout.name:
        p.calendar.blackout_months = [m for m in p.calendar.blackout_months if m != c.month]
    elif c.kind == SessionOnly.name:
        t = topics[c.topics[0]]
        form = p.form_by_id()[t.form]
        free = form.model_copy(
            update={"id": f"{form.id}__{t.id}", "name": f"{form.name}({t.id})", "session_only": False}
        )
        p.forms.append(free)
        t.form = free.id
    elif c.kind == LeaderUnavailable.name:
        leader = p.leader_by_id()[extra["leader"]]
        leader.unavailable_months = [m for m in leader.unavailable_months if m != c.month]
    elif c.kind == MonthLimit.name:
        p.calendar.max_topics_per_month = None
    elif c.kind == FormLimit.name:
        p.form_by_id()[extra["form"]].max_per_month = None
    elif c.kind == CommitteeLimit.name:
        p.committee_by_id()[extra["committee"]].max_per_month = None
    elif c.kind == FormGap.name:
        p.form_by_id()[extra["form"]].min_gap_months = 0
    elif c.kind == After.name:
        later = topics[c.topics[1]]
        later.after = [x for x in later.after if x != extra["before"]]
    else:
        raise AssertionError(f"no relaxation for {c.kind}")
    return p


def keep_only(plan: Plan, conflicts: list[Finding]) -> Plan:
    """The plan with every requirement removed except those in ``conflicts``."""
    keep = {
        (c.kind, tuple(c.topics), c.month, tuple(sorted((k, str(v)) for k, v in (c.model_extra or {}).items())))
        for c in conflicts
    }
    kinds = {c.kind for c in conflicts}
    p = plan.model_copy(deep=True)

    def kept(kind, topics=(), month=None, **extra):
        return any(
            k[0] == kind
            and (not topics or k[1] == tuple(topics))
            and (month is None or k[2] == month)
            and all(dict(k[3]).get(a) == str(b) for a, b in extra.items())
            for k in keep
        )

    for t in p.topics:
        if t.window and not kept(Window.name, [t.id]):
            t.window = None
        if t.fixed_month is not None and not kept(FixedMonth.name, [t.id]):
            t.fixed_month = None
        t.after = [b for b in t.after if kept(After.name, [b, t.id], before=b)]
    p.calendar.blackout_months = [m for m in p.calendar.blackout_months if kept(Blackout.name, month=m)]
    for x in p.leaders:
        x.unavailable_months = [m for m in x.unavailable_months if kept(LeaderUnavailable.name, month=m, leader=x.id)]
    if MonthLimit.name not in kinds:
        p.calendar.max_topics_per_month = None
    for f in p.forms:
        if not kept(FormLimit.name, form=f.id):
            f.max_per_month = None
        if not kept(FormGap.name, form=f.id):
            f.min_gap_months = 0
    for c in p.committees:
        if not kept(CommitteeLimit.name, committee=c.id):
            c.max_per_month = None
    for t in list(p.topics):
        form = p.form_by_id()[t.form]
        if form.session_only and not kept(SessionOnly.name, [t.id]):
            p = drop(p, Finding(kind=SessionOnly.name, message="", topics=[t.id]))
    return p
