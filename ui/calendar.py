"""The year at a glance: twelve month boxes (a quarter per row), a card per topic.

Plain HTML/CSS for ``st.html``: a card is coloured by its form (the same
colours as the charts, :mod:`ui.theme`), shows the title, the lead committee
and the leaders attending; blackout months are greyed with 「不安排」, the
session month carries a 「全会」 badge. Topics without a month (no schedule
yet, or an infeasible one) are shown in a 「待编排」 tray so every topic is on
the screen whatever the state of the plan.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from html import escape

from solver import texts as ST
from solver.plan import Finding, Plan, Schedule
from solver.rules.load import DepartmentOverload, LeaderOverload

from . import texts as U
from .theme import OVER, form_colors, tint

# The checker's findings marked on the cards: a department or leader above its monthly limit.
OVERLOAD_RULES = (DepartmentOverload, LeaderOverload)

#: topic id -> (badge label, finding message) for every overload the topic is part of
Overloads = Mapping[str, Sequence[tuple[str, str]]]

CSS = """
<style>
.xs-legend {display:flex; flex-wrap:wrap; gap:.4rem 1.1rem; align-items:center; margin:.1rem 0 .8rem 0;
  font-size:.88rem; color:#3d4148;}
.xs-legend span.sw {display:inline-block; width:.85rem; height:.85rem; border-radius:3px; margin-right:.35rem;
  vertical-align:-2px;}
.xs-year {display:grid; grid-template-columns:repeat(3, minmax(0, 1fr)); gap:.75rem;}
@media (max-width: 900px) {.xs-year {grid-template-columns:repeat(2, minmax(0, 1fr));}}
@media (max-width: 560px) {.xs-year {grid-template-columns:1fr;}}
.xs-month {background:#fff; border:1px solid #E6E2DA; border-radius:10px; padding:.55rem .6rem .6rem .6rem;
  min-height:7.5rem; display:flex; flex-direction:column; gap:.4rem;}
.xs-month.off-month {background:repeating-linear-gradient(135deg,#f4f3f1,#f4f3f1 8px,#ecebe8 8px,#ecebe8 16px);
  border-style:dashed;}
.xs-month.session {border-color:#B8862B; box-shadow: inset 0 3px 0 #B8862B;}
.xs-mhead {display:flex; align-items:baseline; justify-content:space-between; gap:.4rem;}
.xs-mname {font-size:1.12rem; font-weight:700; color:#2b2e33;}
.xs-mcount {font-size:.8rem; color:#8A8F98;}
.xs-tag {display:inline-block; font-size:.72rem; font-weight:600; padding:.05rem .45rem; border-radius:999px;
  margin-left:.35rem; vertical-align:2px;}
.xs-tag.session {background:#B8862B; color:#fff;}
.xs-tag.blackout {background:#8A8F98; color:#fff;}
.xs-away {font-size:.74rem; color:#8A8F98; line-height:1.3;}
.xs-card {border-left:4px solid var(--c); background:var(--bg); border-radius:6px; padding:.35rem .5rem .4rem .55rem;}
.xs-card .t {font-size:.9rem; font-weight:600; color:#23262b; line-height:1.35;}
.xs-card .m {font-size:.78rem; color:#4a4f57; line-height:1.35; margin-top:.15rem;}
.xs-card .m b {font-weight:600; color:#6b5a3a;}
.xs-card .f {font-size:.72rem; color:var(--c); font-weight:600;}
.pin {display:inline-block; font-size:.66rem; font-weight:600; color:#fff; background:#5b5f66; border-radius:3px;
  padding:0 .3rem; margin-left:.25rem; vertical-align:1px;}
.xs-legend .pin {margin-left:0;}
.xs-card .id {font-size:.7rem; color:#9aa0a8; font-family:ui-monospace,monospace; float:right; margin-left:.3rem;}
.xs-card.over {box-shadow: inset 0 0 0 1.5px OVERCOLOR;}
.over-tag {display:inline-block; font-size:.66rem; font-weight:600; color:#fff; background:OVERCOLOR;
  border-radius:3px; padding:0 .3rem; margin-left:.25rem; vertical-align:1px;}
.xs-legend .over-tag {margin-left:0;}
.xs-empty {color:#b7b9bd; font-size:.85rem; padding:.2rem 0;}
.xs-blackout-label {color:#7b7f86; font-size:.9rem; font-weight:600; text-align:center; margin:auto 0;}
.xs-tray {margin-top:.9rem; border:1px dashed #B8862B; border-radius:10px; padding:.6rem; background:#FFFBF2;}
.xs-tray .xs-cards {display:grid; grid-template-columns:repeat(3, minmax(0,1fr)); gap:.45rem;}
@media (max-width: 900px) {.xs-tray .xs-cards {grid-template-columns:1fr;}}
</style>
""".replace("OVERCOLOR", OVER)


class _Names:
    """The plan's look-ups, built once per calendar (not once per card)."""

    def __init__(self, plan: Plan):
        self.topics, self.forms = plan.topic_by_id(), plan.form_by_id()
        self.committees, self.leaders = plan.committee_by_id(), plan.leader_by_id()
        self.departments = plan.department_by_id()


def overloads_of(findings: Iterable[Finding]) -> dict[str, list[tuple[str, str]]]:
    """Topic id → (badge label, message) of each department / leader overload finding naming it.

    ``findings``: a checker report's warnings (any kinds; only those of :data:`OVERLOAD_RULES` are kept).
    """
    labels = {r.name: r.text.label for r in OVERLOAD_RULES}
    out: dict[str, list[tuple[str, str]]] = {}
    for f in findings:
        if f.kind in labels:
            for tid in f.topics:
                out.setdefault(tid, []).append((labels[f.kind], f.message))
    return out


def _card(
    names: _Names,
    topic_id: str,
    lead: str | None,
    colors: dict[str, str],
    compact: bool,
    over: Sequence[tuple[str, str]] = (),
) -> str:
    t = names.topics[topic_id]
    forms, committees, leaders, departments = names.forms, names.committees, names.leaders, names.departments
    color = colors.get(t.form, "#4A5A6A")
    form_name = forms[t.form].name if t.form in forms else t.form
    if lead:
        lead_text = committees[lead].name if lead in committees else lead
    else:
        lead_text = " / ".join(committees[c].name if c in committees else c for c in t.lead_options)
    leader_text = U.joined(leaders[x].name if x in leaders else x for x in t.leaders)
    dept_text = U.joined(departments[d].name if d in departments else d for d in t.departments)
    pin = f' <span class="pin">{U.CAL_PINNED}</span>' if t.fixed_month is not None else ""
    tooltip = "\n".join(
        x
        for x in (
            t.title,
            f"{ST.FIELD['form']}:{form_name}",
            f"{U.CAL_LEAD}:{lead_text}",
            f"{ST.FIELD['departments']}:{dept_text}" if dept_text else "",
            f"{ST.FIELD['leaders']}:{leader_text}" if leader_text else "",
            f"{ST.FIELD['fixed_month']}:{ST.month(t.fixed_month)}" if t.fixed_month else "",
            *(f"⚠ {message}" for _, message in over),
        )
        if x
    )
    tags = "".join(f' <span class="over-tag">{escape(label)}</span>' for label in dict.fromkeys(b for b, _ in over))
    parts = [
        (
            f'<div class="xs-card{" over" if over else ""}" style="--c:{color};--bg:{tint(color, 0.07)}"'
            f' title="{escape(tooltip)}" data-topic="{escape(t.id)}">'
        ),
        f'<span class="id">{escape(t.id)}</span><div class="f">{escape(form_name)}{pin}{tags}</div>',
        f'<div class="t">{escape(t.title)}</div>',
    ]
    if not compact:
        parts.append(f'<div class="m"><b>{U.CAL_LEAD}</b> {escape(lead_text)}</div>')
        if leader_text:
            parts.append(f'<div class="m"><b>{U.CAL_LEADERS}</b> {escape(leader_text)}</div>')
    parts.append("</div>")
    return "".join(parts)


def legend_html(plan: Plan, *, overloads: bool = False) -> str:
    """The forms' colours and the marks of the calendar; ``overloads``: explain the overload badges too."""
    colors = form_colors(plan)
    items = [
        f'<span><span class="sw" style="background:{colors[f.id]}"></span>{escape(f.name)}</span>' for f in plan.forms
    ]
    items.append(f'<span><span class="xs-tag session">{U.CAL_SESSION}</span> {ST.FIELD["session_month"]}</span>')
    items.append(f'<span><span class="xs-tag blackout">{U.CAL_BLACKOUT}</span> {ST.FIELD["blackout_months"]}</span>')
    items.append(f'<span><span class="xs-card-pin pin">{U.CAL_PINNED}</span> {ST.FIELD["fixed_month"]}</span>')
    if overloads:
        badges = " ".join(f'<span class="over-tag">{escape(r.text.label)}</span>' for r in OVERLOAD_RULES)
        items.append(f"<span>{badges} {U.CAL_OVER_LEGEND}</span>")
    return f'<div class="xs-legend">{"".join(items)}</div>'


def year_html(
    plan: Plan,
    schedule: Schedule | None,
    shown: Collection[str] | None = None,
    *,
    compact: bool = False,
    overloads: Overloads | None = None,
) -> str:
    """The whole calendar as one HTML string (CSS included).

    ``shown`` limits the cards to those topic ids (a filter); ``None`` shows all. ``overloads``
    (:func:`overloads_of` of the checker's warnings) marks the cards of topics in an overloaded month.
    """
    overloads = overloads or {}
    colors = form_colors(plan)
    names = _Names(plan)
    placed = schedule is not None and schedule.has_schedule and bool(schedule.assignments)
    month_of = schedule.month_of() if placed else {}
    lead_of = schedule.lead_of() if placed else {}
    cal = plan.calendar
    blackout, usable = set(cal.blackout_months), set(cal.months)
    visible = [t.id for t in plan.topics if shown is None or t.id in shown]

    by_month: dict[int, list[str]] = {m: [] for m in range(1, 13)}
    unplaced: list[str] = []
    for tid in visible:
        m = month_of.get(tid)
        by_month.get(m, unplaced).append(tid)

    boxes = []
    for m in range(1, 13):
        cls, tags = ["xs-month"], []
        is_blackout = m in blackout or m not in usable
        if m == cal.session_month:
            cls.append("session")
            tags.append(f'<span class="xs-tag session">{U.CAL_SESSION}</span>')
        if is_blackout:
            cls.append("off-month")
            tags.append(f'<span class="xs-tag blackout">{U.CAL_BLACKOUT}</span>')
        cards = [_card(names, tid, lead_of.get(tid), colors, compact, overloads.get(tid, ())) for tid in by_month[m]]
        away = [x.name for x in plan.leaders if m in x.unavailable_months]
        count = U.CAL_COUNT.format(n=len(cards)) if cards else ""
        body = "".join(cards) or (
            f'<div class="xs-blackout-label">{U.CAL_BLACKOUT}</div>'
            if is_blackout
            else f'<div class="xs-empty">{U.CAL_EMPTY}</div>'
        )
        foot = f'<div class="xs-away">{escape(U.CAL_UNAVAILABLE.format(names=U.joined(away)))}</div>' if away else ""
        boxes.append(
            f'<div class="{" ".join(cls)}" data-month="{m}"><div class="xs-mhead">'
            f'<span class="xs-mname">{ST.month(m)}{"".join(tags)}</span><span class="xs-mcount">{count}</span></div>'
            f"{body}{foot}</div>"
        )
    tray = ""
    if unplaced:
        cards = "".join(_card(names, tid, None, colors, compact) for tid in unplaced)
        tray = (
            f'<div class="xs-tray"><div class="xs-mhead"><span class="xs-mname">{U.CAL_UNPLACED}</span>'
            f'<span class="xs-mcount">{U.CAL_COUNT.format(n=len(unplaced))}</span></div>'
            f'<div class="xs-cards">{cards}</div></div>'
        )
    marked = any(tid in overloads for tid in visible if tid in month_of)
    return CSS + legend_html(plan, overloads=marked) + f'<div class="xs-year">{"".join(boxes)}</div>' + tray


MATRIX_CSS = """
<style>
.xs-matrix {border-collapse:separate; border-spacing:0; width:100%; font-size:.9rem; table-layout:fixed;}
.xs-matrix th, .xs-matrix td {border-bottom:1px solid #E6E2DA; padding:.28rem .45rem; text-align:center;}
.xs-matrix thead th {font-weight:600; color:#3d4148; border-bottom:2px solid var(--c, #C9C4BA); font-size:.84rem;}
.xs-matrix th.mon {text-align:left; width:7.5rem; font-weight:700; color:#2b2e33; white-space:nowrap;}
.xs-matrix td.n {font-weight:700; color:var(--c); background:var(--bg); cursor:help;}
.xs-matrix td.zero {color:#c7c9cc;}
.xs-matrix td.sum {font-weight:700; color:#2b2e33; width:4.5rem;}
.xs-matrix td.sum.over-limit {color:OVERCOLOR;}
.xs-matrix tr.off-month td, .xs-matrix tr.off-month th {background:#f4f3f1; color:#9aa0a8;}
.xs-matrix td.n.over {box-shadow: inset 0 0 0 2px OVERCOLOR;}
.xs-matrix tr.unplaced th, .xs-matrix tr.unplaced td {background:#FFFBF2;}
.xs-matrix .over-tag {font-size:.62rem; margin-left:.2rem;}
</style>
""".replace("OVERCOLOR", OVER)


def matrix_html(
    plan: Plan, schedule: Schedule | None, shown: Collection[str] | None = None, *, overloads: Overloads | None = None
) -> str:
    """Month × form counts as one HTML table (CSS included): a 200-topic year on one screen.

    A row per month (blackout months greyed, the session month tagged) and one for the topics without a
    month; a column per form and the month's total (red above ``max_topics_per_month``). A cell's topic
    titles show on hover; a cell holding a topic in an overloaded month (``overloads``, as
    :func:`year_html`) is outlined red.
    """
    overloads = overloads or {}
    colors = form_colors(plan)
    placed = schedule is not None and schedule.has_schedule and bool(schedule.assignments)
    month_of = schedule.month_of() if placed else {}
    cal = plan.calendar
    blackout, usable = set(cal.blackout_months), set(cal.months)
    cells: dict[tuple[int | None, str], list[str]] = {}
    for t in plan.topics:
        if shown is None or t.id in shown:
            cells.setdefault((month_of.get(t.id), t.form), []).append(t.id)
    titles = {t.id: t.title for t in plan.topics}
    head = (
        "".join(f'<th style="--c:{colors[f.id]}">{escape(f.name)}</th>' for f in plan.forms) + f"<th>{U.MX_TOTAL}</th>"
    )
    rows = []
    months: list[int | None] = list(range(1, 13))
    if any(m is None for m, _ in cells):
        months.append(None)
    for m in months:
        tags, cls = "", []
        if m is None:
            label, cls = U.CAL_UNPLACED, ["unplaced"]
        else:
            label = ST.month(m)
            if m == cal.session_month:
                tags += f' <span class="xs-tag session">{U.CAL_SESSION}</span>'
            if m in blackout or m not in usable:
                cls.append("off-month")
                tags += f' <span class="xs-tag blackout">{U.CAL_BLACKOUT}</span>'
        tds, total = [], 0
        for f in plan.forms:
            tids = cells.get((m, f.id), [])
            total += len(tids)
            if not tids:
                tds.append('<td class="zero">·</td>')
                continue
            over = any(tid in overloads for tid in tids)
            tip = "\n".join(
                titles[tid] + "".join(f"\n  ⚠ {message}" for _, message in overloads.get(tid, ())) for tid in tids
            )
            tds.append(
                f'<td class="n{" over" if over else ""}" style="--c:{colors[f.id]};--bg:{tint(colors[f.id], 0.1)}"'
                f' title="{escape(tip)}" data-cell="{m or 0}:{escape(f.id)}">{len(tids)}</td>'
            )
        limit = cal.max_topics_per_month
        sum_cls = "sum over-limit" if m is not None and limit is not None and total > limit else "sum"
        tds.append(f'<td class="{sum_cls}">{total or ""}</td>')
        rows.append(f'<tr class="{" ".join(cls)}"><th class="mon">{label}{tags}</th>{"".join(tds)}</tr>')
    marked = any(tid in overloads for tid in month_of if shown is None or tid in shown)
    return (
        CSS
        + MATRIX_CSS
        + legend_html(plan, overloads=marked)
        + f'<div class="xs-mcount">{U.MX_HINT}</div>'
        + f'<table class="xs-matrix"><thead><tr><th class="mon"></th>{head}</tr></thead>'
        + f"<tbody>{''.join(rows)}</tbody></table>"
    )
