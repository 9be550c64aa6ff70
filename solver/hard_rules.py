"""Hard rules: a returned schedule never breaks one of these.

Two kinds. *Bans* forbid (topic, month) pairs — a window, a blackout month, a
fixed month, the plenary session, a leader's absence. When solving they simply
remove variables; when explaining each ban is one guarded requirement.
*Constraints* tie several topics together — limits per month, gaps, order.
Each rule is one function opening with the rule in a sentence.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import texts as T
from .model import Ban, PlanModel, Requirement
from .plan import Plan

# -- bans ------------------------------------------------------------------------


def window_bans(plan: Plan) -> Iterator[Ban]:
    """A topic is held within its window (research first means a later start)."""
    for t in plan.topics:
        if t.window is None:
            continue
        lo, hi = t.window
        pairs = [(t.id, m) for m in plan.calendar.months if not lo <= m <= hi]
        if pairs:
            msg = T.say("window", topic=T.topic_label(t.id, t.title), window=T.months(range(lo, hi + 1)))
            yield Ban(Requirement("window", msg, [t.id], entity={"window": [lo, hi]}), pairs)


def blackout_bans(plan: Plan) -> Iterator[Ban]:
    """No topic is held in a blackout month."""
    for m in sorted(set(plan.calendar.blackout_months)):
        if m in plan.calendar.months:
            pairs = [(t.id, m) for t in plan.topics]
            yield Ban(Requirement("blackout", T.say("blackout", month=T.month(m)), [], month=m), pairs)


def fixed_month_bans(plan: Plan) -> Iterator[Ban]:
    """A topic pinned by the planner stays in its month."""
    for t in plan.topics:
        if t.fixed_month is None:
            continue
        pairs = [(t.id, m) for m in plan.calendar.months if m != t.fixed_month]
        msg = T.say("fixed_month", topic=T.topic_label(t.id, t.title), month=T.month(t.fixed_month))
        yield Ban(Requirement("fixed_month", msg, [t.id], month=t.fixed_month), pairs)


def session_only_bans(plan: Plan) -> Iterator[Ban]:
    """A topic of a session-only form (the plenary) is held in the session month."""
    forms = plan.form_by_id()
    session = plan.calendar.session_month
    for t in plan.topics:
        form = forms.get(t.form)
        if form is None or not form.session_only:
            continue
        pairs = [(t.id, m) for m in plan.calendar.months if m != session]
        msg = T.say("session_only", topic=T.topic_label(t.id, t.title), form=form.name, month=T.month(session))
        yield Ban(Requirement("session_only", msg, [t.id], month=session, entity={"form": form.id}), pairs)


def leader_unavailable_bans(plan: Plan) -> Iterator[Ban]:
    """A topic is not held in a month when one of its leaders is away."""
    for leader in plan.leaders:
        for m in sorted(set(leader.unavailable_months)):
            tids = [t.id for t in plan.topics if leader.id in t.leaders]
            if tids and m in plan.calendar.months:
                msg = T.say("leader_unavailable", leader=leader.name, month=T.month(m))
                req = Requirement("leader_unavailable", msg, tids, month=m, entity={"leader": leader.id})
                yield Ban(req, [(tid, m) for tid in tids])


BAN_RULES = (window_bans, blackout_bans, fixed_month_bans, session_only_bans, leader_unavailable_bans)


def collect_bans(plan: Plan) -> list[Ban]:
    return [ban for rule in BAN_RULES for ban in rule(plan)]


# -- constraints -----------------------------------------------------------------


def month_limit(pm: PlanModel) -> None:
    """No month holds more than ``calendar.max_topics_per_month`` topics."""
    limit = pm.plan.calendar.max_topics_per_month
    if limit is None:
        return
    req = Requirement("month_limit", T.say("month_limit", limit=limit), entity={"limit": limit})
    enforce = pm.guard(req)
    for m in pm.months:
        held = [pm.x[t.id][m] for t in pm.topics if m in pm.x[t.id]]
        if len(held) > limit:
            pm.model.add(sum(held) <= limit).only_enforce_if(enforce)


def form_limit(pm: PlanModel) -> None:
    """No month holds more than ``max_per_month`` topics of one form."""
    for form in pm.plan.forms:
        if form.max_per_month is None:
            continue
        tids = [t.id for t in pm.topics if t.form == form.id]
        if len(tids) <= form.max_per_month:
            continue
        msg = T.say("form_limit", form=form.name, limit=form.max_per_month)
        enforce = pm.guard(Requirement("form_limit", msg, tids, entity={"form": form.id, "limit": form.max_per_month}))
        for m in pm.months:
            held = [pm.x[tid][m] for tid in tids if m in pm.x[tid]]
            if len(held) > form.max_per_month:
                pm.model.add(sum(held) <= form.max_per_month).only_enforce_if(enforce)


def committee_limit(pm: PlanModel) -> None:
    """No committee leads or co-organizes more than its ``max_per_month`` topics in a month."""
    for c in pm.plan.committees:
        if c.max_per_month is None:
            continue
        leads = [t.id for t in pm.topics if c.id in t.lead_options]
        co = [t.id for t in pm.topics if c.id in t.co_organizers]
        if len(leads) + len(co) <= c.max_per_month:
            continue
        msg = T.say("committee_limit", committee=c.name, limit=c.max_per_month)
        req = Requirement("committee_limit", msg, leads + co, entity={"committee": c.id, "limit": c.max_per_month})
        enforce = pm.guard(req)
        for m in pm.months:
            load = [pm.leads_in_month(tid, c.id, m) for tid in leads if m in pm.x[tid]]
            load += [pm.x[tid][m] for tid in co if m in pm.x[tid]]
            if len(load) > c.max_per_month:
                pm.model.add(sum(load) <= c.max_per_month).only_enforce_if(enforce)


def form_gap(pm: PlanModel) -> None:
    """Two topics of a form with ``min_gap_months`` g are at least g months apart.

    Equivalently: any g consecutive months hold at most one of them, which is
    linear in the number of months rather than quadratic in topics.
    """
    for form in pm.plan.forms:
        gap = form.min_gap_months
        tids = [t.id for t in pm.topics if t.form == form.id]
        if gap < 1 or len(tids) < 2:
            continue
        msg = T.say("form_gap", form=form.name, gap=gap)
        enforce = pm.guard(Requirement("form_gap", msg, tids, entity={"form": form.id, "gap": gap}))
        for start in range(min(pm.months), max(pm.months) + 1):
            span = range(start, start + gap)
            held = [pm.x[tid][m] for tid in tids for m in span if m in pm.x[tid]]
            if len(held) > 1:
                pm.model.add(sum(held) <= 1).only_enforce_if(enforce)


def after_order(pm: PlanModel) -> None:
    """A topic comes in a later month than every topic in its ``after`` list."""
    titles = {t.id: t.title for t in pm.topics}
    for t in pm.topics:
        for before in t.after:
            label = T.topic_label(before, titles.get(before))
            msg = T.say("after", topic=T.topic_label(t.id, t.title), before=label)
            enforce = pm.guard(Requirement("after", msg, [before, t.id], entity={"before": before}))
            pm.model.add(pm.month_var(t.id) >= pm.month_var(before) + 1).only_enforce_if(enforce)


CONSTRAINT_RULES = (month_limit, form_limit, committee_limit, form_gap, after_order)


def add_all(pm: PlanModel) -> None:
    # Exactly one month per topic, only calendar months, and exactly one lead
    # among the options are structural: the variables are made that way.
    for rule in CONSTRAINT_RULES:
        rule(pm)
