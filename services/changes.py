"""What an edit changed, for the audit trail: items added, removed and changed, field by field.

Plain data in, plain JSON-able data out (no Streamlit, no database), so an
audit row's ``before``/``after`` can be read back without this code.
"""

from __future__ import annotations

from typing import Any

from solver.plan import Plan, Schedule

from . import texts as T

# The plan's lists of items with an ``id``, in the order a summary names them.
ITEM_LISTS = ("topics", "forms", "committees", "departments", "leaders")


def _items(plan: Plan, kind: str) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in plan.to_dict().get(kind, [])}


def plan_changes(old: Plan, new: Plan) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(before, after)``: per item list, the items removed (whole, in before), added (whole, in after) and
    the changed fields of the others (old values in before, new in after); ``calendar``/``plan`` likewise.

    Empty dicts when nothing changed. Example: ``before == {"topics": {"T03": {"fixed_month": 7}}}``,
    ``after == {"topics": {"T03": {"fixed_month": 8}, "T12": {…the new topic…}}}``.
    """
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for kind in ITEM_LISTS:
        a, b = _items(old, kind), _items(new, kind)
        was: dict[str, Any] = {}
        now: dict[str, Any] = {}
        for ident in a.keys() - b.keys():
            was[ident] = a[ident]
        for ident in b.keys() - a.keys():
            now[ident] = b[ident]
        for ident in a.keys() & b.keys():
            fields = {k for k in a[ident].keys() | b[ident].keys() if a[ident].get(k) != b[ident].get(k)}
            if fields:
                was[ident] = {k: a[ident].get(k) for k in sorted(fields)}
                now[ident] = {k: b[ident].get(k) for k in sorted(fields)}
        if was:
            before[kind] = dict(sorted(was.items()))
        if now:
            after[kind] = dict(sorted(now.items()))
    od, nd = old.to_dict(), new.to_dict()
    for key in ("calendar", "body", "year"):
        if od.get(key) != nd.get(key):
            before.setdefault("plan", {})[key] = od.get(key)
            after.setdefault("plan", {})[key] = nd.get(key)
    return before, after


def describe(before: dict[str, Any], after: dict[str, Any]) -> str:
    """One Chinese sentence for :func:`plan_changes`' result (``未改动`` when nothing changed)."""
    parts: list[str] = []
    for kind in ITEM_LISTS:
        was, now = before.get(kind, {}), after.get(kind, {})
        added = sorted(now.keys() - was.keys())
        removed = sorted(was.keys() - now.keys())
        changed = sorted(was.keys() & now.keys())
        parts += T.change_parts(kind, added, removed, {i: sorted(now[i]) for i in changed})
    if "plan" in after:
        parts.append(T.changed_plan_fields(sorted(after["plan"])))
    return ";".join(parts) or T.NOTHING_CHANGED


def schedule_moves(old: Schedule | None, new: Schedule) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(before, after)``: month and lead of each topic whose placement differs (``{"T03": [7, "c1"]}``)."""
    a = {x.topic: [x.month, x.lead] for x in old.assignments} if old is not None else {}
    b = {x.topic: [x.month, x.lead] for x in new.assignments}
    moved = sorted(t for t in a.keys() | b.keys() if a.get(t) != b.get(t))
    return {t: a[t] for t in moved if t in a}, {t: b[t] for t in moved if t in b}
