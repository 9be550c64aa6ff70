"""Pure look-ups the pages need without pandas: which topics a filter keeps, topics per form, who a finding is about.

Kept apart from :mod:`ui.frames` (which builds pandas tables) so the overview's
calendar paints without importing pandas on a new server's first session.
"""

from __future__ import annotations

from solver.plan import Finding, Plan, Schedule
from solver.rules import KIND_LABELS


def topic_filter(
    plan: Plan,
    schedule: Schedule | None,
    *,
    committee: str | None = None,
    department: str | None = None,
    leader: str | None = None,
    form: str | None = None,
) -> set[str]:
    """Ids of the topics that involve all the given entities (None = any)."""
    lead = schedule.lead_of() if schedule is not None else {}
    out = set()
    for t in plan.topics:
        committees = {lead[t.id]} if t.id in lead else set(t.lead_options)
        committees |= set(t.co_organizers)
        if committee and committee not in committees:
            continue
        if department and department not in t.departments:
            continue
        if leader and leader not in t.leaders:
            continue
        if form and t.form != form:
            continue
        out.add(t.id)
    return out


def form_counts(plan: Plan) -> list[tuple[str, str, int]]:
    """(form id, name, number of topics) for every form, in plan order."""
    n: dict[str, int] = {f.id: 0 for f in plan.forms}
    for t in plan.topics:
        n[t.form] = n.get(t.form, 0) + 1
    return [(f.id, f.name, n[f.id]) for f in plan.forms]


# Entity fields a finding may carry, in the order one is chosen to name "who".
ENTITY_FIELDS = ("department", "leader", "committee", "form")


def finding_entity(plan: Plan, f: Finding) -> tuple[str | None, str | None, str]:
    """(kind, id, display name) of the entity a finding is about; the name is "" if none."""
    data = f.model_dump()
    tables = {
        "department": plan.department_by_id(),
        "leader": plan.leader_by_id(),
        "committee": plan.committee_by_id(),
        "form": plan.form_by_id(),
    }
    for kind in ENTITY_FIELDS:
        eid = data.get(kind)
        if isinstance(eid, str) and eid:
            return kind, eid, tables[kind][eid].name if eid in tables[kind] else eid
    return None, None, ""


def finding_kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)
