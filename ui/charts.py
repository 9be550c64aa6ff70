"""Altair charts built from :func:`solver.whatif.loads` rows and schedules.

Every chart uses the same conventions: months are 「1月…12月」 in calendar
order, an overload is :data:`ui.theme.OVER` red, a limit is a dashed red line
(bars) or printed in the row label (heatmaps), forms keep their calendar colour.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from solver import texts as ST
from solver.plan import Plan, Schedule
from solver.whatif import LoadRow

from . import texts as U
from .theme import GOLD, GRID, OVER, PRIMARY, form_colors

MONTHS = [ST.month(m) for m in range(1, 13)]
_FONT = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"


def _style(chart: alt.Chart) -> alt.Chart:
    return (
        chart.configure_axis(
            labelFont=_FONT,
            titleFont=_FONT,
            labelFontSize=12,
            titleFontSize=12,
            gridColor=GRID,
            domainColor=GRID,
            tickColor=GRID,
        )
        .configure_legend(labelFont=_FONT, titleFont=_FONT, labelFontSize=12, titleFontSize=12)
        .configure_view(strokeWidth=0)
        .configure_title(font=_FONT)
    )


def load_frame(rows: list[LoadRow], plan: Plan, kind: str, *, only_busy: bool = False) -> pd.DataFrame:
    """The rows of one kind as a frame with display columns (row label with its limit, topic titles)."""
    titles = {t.id: t.title for t in plan.topics}
    df = pd.DataFrame([r for r in rows if r.kind == kind])
    if df.empty:
        return df
    df["month_label"] = df["month"].map(ST.month)
    df["limit_text"] = df["limit"].map(lambda x: U.LD_NO_LIMIT if x is None or pd.isna(x) else f"{int(x)}")
    df["row"] = df["name"] + "(" + df["limit_text"].map(lambda s: U.LD_LIMIT_LABEL.format(limit=s)) + ")"
    df["topic_titles"] = df["topics"].map(lambda ts: ";".join(titles.get(t, t) for t in ts))
    df["cell"] = df.apply(
        lambda r: "" if r["load"] == 0 else (f"{r['load']}>{r['limit_text']}" if r["over"] else str(r["load"])), axis=1
    )
    totals = df.groupby("entity")["load"].sum()
    if only_busy:
        df = df[df["entity"].map(totals) > 0]
    # busiest first, so the eye lands on who carries the year
    order = (
        df.assign(total=df["entity"].map(totals))
        .drop_duplicates("entity")
        .sort_values(["total", "name"], ascending=[False, True])
    )
    df.attrs["row_order"] = order["row"].tolist()
    return df.drop(columns=["topics"])


def heatmap(df: pd.DataFrame) -> alt.Chart:
    """Entity × month, colour = load, red = above the limit, the number printed in each cell."""
    order = df.attrs.get("row_order") or sorted(df["row"].unique())
    top = max(int(df["load"].max()), 2)
    base = alt.Chart(df).encode(
        x=alt.X("month_label:N", sort=MONTHS, title=None, axis=alt.Axis(orient="top", labelAngle=0)),
        y=alt.Y("row:N", sort=order, title=None, axis=alt.Axis(labelLimit=360)),
    )
    tooltip = [
        alt.Tooltip("name:N", title=U.COL["entity"]),
        alt.Tooltip("month_label:N", title=U.COL["month"]),
        alt.Tooltip("load:Q", title=U.COL["load"]),
        alt.Tooltip("limit_text:N", title=U.COL["limit"]),
        alt.Tooltip("topic_titles:N", title=U.LD_TOOLTIP_TOPICS),
    ]
    rect = base.mark_rect(cornerRadius=3, stroke="white", strokeWidth=1.5).encode(
        color=alt.condition(
            "datum.over",
            alt.value(OVER),
            alt.Color(
                "load:Q",
                title=U.LD_LEGEND_LOAD,
                scale=alt.Scale(domain=[0, top], range=["#F7F4EE", "#E9D7A8", GOLD]),
                legend=alt.Legend(orient="bottom", direction="horizontal", gradientLength=160),
            ),
        ),
        tooltip=tooltip,
    )
    text = base.mark_text(fontSize=12, fontWeight="bold").encode(
        text="cell:N",
        color=alt.condition("datum.over", alt.value("white"), alt.value("#3a3326")),
        tooltip=tooltip,
    )
    height = max(60, 26 * len(order))
    return _style((rect + text).properties(height=height, width="container"))


def month_totals_frame(plan: Plan, schedule: Schedule | None) -> pd.DataFrame:
    """One row per (month, form) with topics: ``month_label``, ``form``, ``n`` (topics), ``titles`` (joined).

    Months without a schedule give an empty frame with those columns.
    """
    forms = plan.form_by_id()
    month_of = schedule.month_of() if schedule is not None else {}
    cells: dict[tuple[int, str], list[str]] = {}
    for t in plan.topics:
        if t.id in month_of:
            form = forms[t.form].name if t.form in forms else t.form
            cells.setdefault((month_of[t.id], form), []).append(t.title)
    rows = [
        {"month_label": ST.month(m), "form": form, "n": len(titles), "titles": U.joined(titles)}
        for (m, form), titles in sorted(cells.items())
    ]
    return pd.DataFrame(rows, columns=["month_label", "form", "n", "titles"])


def month_totals(plan: Plan, schedule: Schedule | None) -> alt.Chart:
    """Topics per month, one bar a month stacked by form, the month limit dashed and labelled, blackout shaded."""
    colors = form_colors(plan)
    df = month_totals_frame(plan, schedule)
    domain = [f.name for f in plan.forms]
    bars = (
        alt.Chart(df)
        .mark_bar(cornerRadiusTopLeft=2, cornerRadiusTopRight=2)
        .encode(
            x=alt.X(
                "month_label:N", sort=MONTHS, scale=alt.Scale(domain=MONTHS), title=None, axis=alt.Axis(labelAngle=0)
            ),
            y=alt.Y("sum(n):Q", title=U.LD_MONTH_TOTAL, axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "form:N",
                title=ST.FIELD["form"],
                scale=alt.Scale(domain=domain, range=[colors[f.id] for f in plan.forms]),
                legend=alt.Legend(orient="bottom"),
            ),
            order=alt.Order("form:N"),
            tooltip=[
                alt.Tooltip("month_label:N", title=U.COL["month"]),
                alt.Tooltip("form:N", title=ST.FIELD["form"]),
                alt.Tooltip("n:Q", title=U.LD_TOPIC_COUNT),
                alt.Tooltip("titles:N", title=U.COL["title"]),
            ],
        )
    )
    layers: list[alt.Chart] = []
    black = [ST.month(m) for m in plan.calendar.blackout_months]
    if black:
        layers.append(
            alt.Chart(pd.DataFrame({"month_label": black}))
            .mark_rect(color="#EEECE8", opacity=0.9)
            .encode(x=alt.X("month_label:N", sort=MONTHS))
        )
    layers.append(bars)
    limit = plan.calendar.max_topics_per_month
    if limit is not None:
        line = pd.DataFrame({"limit": [limit], "label": [U.LD_MONTH_LIMIT.format(n=limit)]})
        rule = alt.Chart(line).mark_rule(color=OVER, strokeDash=[5, 4]).encode(y="limit:Q")
        # The label sits at the right end, just above the line, so it does not cover December's bar top.
        text = (
            alt.Chart(line)
            .mark_text(align="right", baseline="bottom", dx=-2, dy=-3, color=OVER, fontSize=11)
            .encode(y="limit:Q", x=alt.value("width"), text="label:N")
        )
        layers += [rule, text]
    return _style(alt.layer(*layers).properties(height=220, width="container"))


def before_after(rows_before: list[LoadRow], rows_after: list[LoadRow], kind: str, entity: str) -> alt.Chart:
    """One entity's load per month before and after a re-plan, with its limit dashed."""

    def pick(rows: list[LoadRow], label: str) -> list[dict[str, Any]]:
        return [
            {"month_label": ST.month(r.month), "load": r.load, "limit": r.limit, "over": r.over, "when": label}
            for r in rows
            if r.kind == kind and r.entity == entity
        ]

    df = pd.DataFrame(pick(rows_before, U.WI_BEFORE) + pick(rows_after, U.WI_AFTER))
    bars = (
        alt.Chart(df)
        .mark_bar(cornerRadiusTopLeft=2, cornerRadiusTopRight=2)
        .encode(
            x=alt.X("month_label:N", sort=MONTHS, title=None, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("when:N", sort=[U.WI_BEFORE, U.WI_AFTER]),
            y=alt.Y("load:Q", title=U.COL["load"], axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "when:N",
                title=None,
                sort=[U.WI_BEFORE, U.WI_AFTER],
                scale=alt.Scale(domain=[U.WI_BEFORE, U.WI_AFTER], range=["#C9C4BA", PRIMARY]),
                legend=alt.Legend(orient="top"),
            ),
            stroke=alt.condition("datum.over", alt.value(OVER), alt.value(None)),
            strokeWidth=alt.condition("datum.over", alt.value(2), alt.value(0)),
            tooltip=[
                alt.Tooltip("when:N", title=" "),
                alt.Tooltip("month_label:N", title=U.COL["month"]),
                alt.Tooltip("load:Q", title=U.COL["load"]),
                alt.Tooltip("limit:Q", title=U.COL["limit"]),
            ],
        )
    )
    layers: list[alt.Chart] = [bars]
    limit = df["limit"].dropna().iloc[0] if not df.empty and df["limit"].notna().any() else None
    if limit is not None:
        layers.append(
            alt.Chart(pd.DataFrame({"limit": [limit]})).mark_rule(color=OVER, strokeDash=[5, 4]).encode(y="limit:Q")
        )
    return _style(alt.layer(*layers).properties(height=220, width="container"))


def monthly_before_after(plan: Plan, before: Schedule, after: Schedule) -> alt.Chart:
    """Topics per month before and after: the shape of the year, side by side."""
    rows = []
    for label, s in ((U.WI_BEFORE, before), (U.WI_AFTER, after)):
        counts = {m: 0 for m in range(1, 13)}
        for m in s.month_of().values():
            counts[m] = counts.get(m, 0) + 1
        rows += [{"month_label": ST.month(m), "load": n, "when": label} for m, n in counts.items()]
    df = pd.DataFrame(rows)
    chart = (
        alt.Chart(df)
        .mark_bar(cornerRadiusTopLeft=2, cornerRadiusTopRight=2)
        .encode(
            x=alt.X("month_label:N", sort=MONTHS, title=None, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("when:N", sort=[U.WI_BEFORE, U.WI_AFTER]),
            y=alt.Y("load:Q", title=U.LD_MONTH_TOTAL, axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "when:N",
                title=None,
                sort=[U.WI_BEFORE, U.WI_AFTER],
                scale=alt.Scale(domain=[U.WI_BEFORE, U.WI_AFTER], range=["#C9C4BA", PRIMARY]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("when:N", title=" "),
                alt.Tooltip("month_label:N", title=U.COL["month"]),
                alt.Tooltip("load:Q", title=U.LD_MONTH_TOTAL),
            ],
        )
    )
    return _style(chart.properties(height=200, width="container"))
