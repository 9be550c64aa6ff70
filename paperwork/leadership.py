"""Leadership's page: the year on one A4 landscape sheet, as a standalone HTML document.

A pure function of the plan, its schedule and the checker's findings (no
database, no Streamlit, no browser): :func:`leadership_sheet` returns a
:class:`Sheet` whose ``document`` is printed to PDF by headless Chromium
(:mod:`services.printing`) and whose ``css`` + ``body`` the 领导总览 page shows.

Two views, picked by what fits:

* **detail** (a city's plan, up to about a hundred topics): twelve month boxes,
  each month's topics grouped by form (协商形式), focus topics starred, topics
  in an overload numbered ①② and the overloads spelled out below the grid.
  The font size, the number of columns (3, 4 or 6 months a row) and whether
  each topic also shows its lead committee and leaders are chosen by
  *estimating* the height of the text in millimetres (:func:`_fit`), so a
  60-topic plan fits one page at a legible size; the tests render it and
  count the PDF's pages.
* **summary** (when even the smallest font would not fit): a month × form
  table of counts with the overloads per month, the focus topics of each month
  (as many as fit, then 「另 N 项」), and the overloads counted by kind and by
  the most loaded departments, leaders and committees.

Overloads are read from the findings given (the independent checker's
report, :func:`solver.check`), never computed here: a department or leader
above its monthly limit (soft goals), and a committee, form or month above its
limit or two meetings of a spaced form too close (hard rules, which an
imported published schedule may break).

Every name from the plan is HTML-escaped.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape

from solver import texts as ST
from solver.plan import Finding, Plan, Schedule, Topic
from solver.rules import (
    RULES,
    CommitteeLimit,
    DepartmentOverload,
    FormGap,
    FormLimit,
    LeaderOverload,
    MonthLimit,
)

from . import texts as T
from .common import draft_schedule

#: The findings marked as overloads (rule names, from the registry).
OVERLOAD_KINDS: tuple[str, ...] = tuple(
    r.name for r in (DepartmentOverload, LeaderOverload, CommitteeLimit, FormLimit, MonthLimit, FormGap)
)

# -- the page (A4 landscape, millimetres) ------------------------------------------------------
PAGE_W, PAGE_H = 297.0, 210.0
MARGIN = 8.0
CONTENT_W, CONTENT_H = PAGE_W - 2 * MARGIN, PAGE_H - 2 * MARGIN
PT = 0.3528  # mm per point
# What the estimate leaves for the header, the KPI band and the legend; measured on the rendered PDF
# (header 15.5 mm, band 8 mm, legend 4 mm) with some slack.
FIXED_MM = 31.0
GAP = 2.2  # mm between month boxes
BOX_PAD = 2.0  # mm of padding and border inside a month box, each side
# Font sizes tried for the detail view, largest first (points). Below MIN_FS a printed page is hard to
# read at arm's length: the summary takes over. DETAIL_FS: topics also show lead committee and leaders.
MAX_FS, MIN_FS, FS_STEP = 12.0, 6.5, 0.25
DETAIL_FS = 8.5
LINE = 1.32  # line height, in font sizes
SAFETY = 0.94  # the estimate's share of the page: glyph widths and wraps are not exact
# Months a row, with the points of font size each is worth: four or three months a row read as a
# calendar and wrap fewer titles than six.
COLUMN_CHOICES = {4: 0.75, 3: 0.5, 6: 0.0}
# Circled numbers for overload marks; beyond twenty a bracketed number.
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
SUMMARY_COLUMNS = 10  # form columns in the summary table before the smallest fold into 「其他形式」
SUMMARY_FS = 7.5  # the summary's fixed body size: its table and month boxes are sized for 1000 topics
# Up to this many overloads each gets a number (①…) on its topics and a line under the grid; more
# (a published schedule nobody balanced) and the topics carry one plain mark, the overloads counted by kind.
MAX_NUMBERED = 12
TOP_ENTITIES = 6  # the most overloaded departments / leaders named per kind in the summary
FOCUS_PER_MONTH = 7  # focus titles listed per month in the summary before 「另 N 项」: what a box holds

FONT_SANS = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif'
FONT_SERIF = '"Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "SimSun", "Songti SC", serif'

RED = "#A61B29"  # 政协 red, as ui.theme.PRIMARY
GOLD = "#B8862B"
OVER = "#C62828"
INK = "#23262b"
MUTED = "#6b7079"
RULE = "#E3DED4"
# The forms' colours by position, as ui.theme.FORM_PALETTE (paperwork does not import ui).
PALETTE = (
    "#A61B29",
    "#B8862B",
    "#1F6F8B",
    "#3F7D3A",
    "#6A4C93",
    "#B5562C",
    "#4A5A6A",
    "#8B5E83",
    "#2F6F6A",
    "#7A6A2F",
)


@dataclass(frozen=True)
class Sheet:
    """The sheet: ``css`` (a ``<style>`` element), ``body`` (a ``<div class="ls-sheet">``), the view chosen.

    ``view`` is ``"detail"`` or ``"summary"``; ``font_pt`` and ``columns`` the detail view's choice
    (the summary's fixed values otherwise). ``document`` is the standalone HTML page to print.
    """

    css: str
    body: str
    view: str
    font_pt: float
    columns: int
    title: str

    @property
    def document(self) -> str:
        return (
            '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>{escape(self.title)}</title>{self.css}</head><body>{self.body}</body></html>"
        )


@dataclass
class _Topic:
    id: str
    title: str
    form: str
    focus: bool
    detail: str  # lead committee · leaders
    marks: list[int] = field(default_factory=list)  # overload numbers (1-based)


@dataclass
class _Data:
    plan: Plan
    by_month: dict[int | None, list[_Topic]]
    overloads: list[Finding]
    colors: dict[str, str]
    form_names: dict[str, str]
    numbered: bool  # each overload numbered (①…) and listed, or counted by kind


def is_focus(topic: Topic, form_name: str) -> bool:
    """A focus topic (重点): its form is a head or focus form, or its title says 重点."""
    return any(w in form_name for w in T.LS_FOCUS_FORM_WORDS) or T.LS_FOCUS_TITLE_WORD in topic.title


def overloads_of(findings: Iterable[Finding]) -> list[Finding]:
    """The findings of :data:`OVERLOAD_KINDS`, in month order (stable)."""
    kept = [f for f in findings if f.kind in OVERLOAD_KINDS]
    return sorted(kept, key=lambda f: (f.month or 0,))


def _gather(plan: Plan, schedule: Schedule | None, findings: Iterable[Finding]) -> _Data:
    placed = schedule is not None and bool(schedule.assignments)
    # Not yet scheduled: the months the plan itself asks for, as the Word document drafts them (the
    # header says so), rather than twelve empty months and every topic in a tray.
    shown = schedule if placed else draft_schedule(plan)
    month_of, lead_of = shown.month_of(), shown.lead_of()
    committees, leaders = plan.committee_by_id(), plan.leader_by_id()
    form_names = {f.id: f.name for f in plan.forms}
    colors = {f.id: PALETTE[i % len(PALETTE)] for i, f in enumerate(plan.forms)}
    overloads = overloads_of(findings)
    numbered = len(overloads) <= MAX_NUMBERED
    marks: dict[str, list[int]] = {}
    for n, f in enumerate(overloads, 1):
        for tid in dict.fromkeys(f.topics):
            if numbered:
                marks.setdefault(tid, []).append(n)
            else:
                marks[tid] = [0]  # 0: the plain mark
    by_month: dict[int | None, list[_Topic]] = {m: [] for m in range(1, 13)}
    for t in plan.topics:
        fname = form_names.get(t.form, t.form)
        lead = lead_of.get(t.id)
        lead_ids = [lead] if lead else t.lead_options[:1]
        lead_text = T.LS_LIST_SEP.join(committees[c].name if c in committees else c for c in lead_ids)
        who = T.LS_LIST_SEP.join(leaders[x].name if x in leaders else x for x in t.leaders)
        detail = T.LS_DETAIL_SEP.join(x for x in (lead_text, who) if x)
        item = _Topic(t.id, t.title, t.form, is_focus(t, fname), detail, marks.get(t.id, []))
        m = month_of.get(t.id)
        by_month.setdefault(m if m in by_month else None, []).append(item)
    # within a month: by form in the plan's order (the plenary first), then as listed
    order = {f.id: i for i, f in enumerate(plan.forms)}
    for items in by_month.values():
        items.sort(key=lambda x: order.get(x.form, len(order)))
    if not by_month.get(None):
        by_month.pop(None, None)
    return _Data(plan, by_month, overloads, colors, form_names, numbered)


# -- fitting the detail view ------------------------------------------------------------------


def _em_width(text: str) -> float:
    """Width of ``text`` in ems: CJK and full-width characters 1, others about half."""
    return sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in text)


def _lines(text_em: float, width_mm: float, fs: float) -> int:
    per_line = max(width_mm / (fs * PT), 1.0)
    return max(1, math.ceil(text_em / per_line - 1e-9))


def _month_lines(items: Sequence[_Topic], width_mm: float, fs: float, details: bool) -> float:
    """A month box's height in body lines: its heading, a label per form group, each title wrapped."""
    height = 1.45  # the month heading (larger type) and its rule
    if not items:
        return height + 1.0
    seen: set[str] = set()
    for it in items:
        if it.form not in seen:
            seen.add(it.form)
            height += 0.92  # the form label, smaller type
        marks = len(it.marks) * 1.0 + (1.1 if it.focus else 0.0)
        height += _lines(_em_width(it.title) + marks + 0.9, width_mm, fs)
        if details and it.detail:
            height += 0.88 * _lines(_em_width(it.detail) + 0.9, width_mm, fs * 0.82)
    return height + 0.2


def _fit(data: _Data) -> tuple[float, int, bool] | None:
    """(font size in pt, months a row, with details) for the detail view, or None: use the summary.

    With details (lead committee and leaders under each title) when they fit at
    :data:`DETAIL_FS` or more, else titles only. For each column count, the largest font size
    from :data:`MAX_FS` down whose estimated height fits the page; then the column count with the
    best size, counting the points :data:`COLUMN_CHOICES` gives four and three months a row.
    """
    room = (CONTENT_H - FIXED_MM) * SAFETY
    for details, smallest in ((True, DETAIL_FS), (False, MIN_FS)):
        best: tuple[float, float, int] | None = None
        for cols, bonus in COLUMN_CHOICES.items():
            fs = MAX_FS
            while fs >= smallest - 1e-9:
                if _height(data, fs, cols, details) <= room:
                    if best is None or fs + bonus > best[0]:
                        best = (fs + bonus, fs, cols)
                    break
                fs -= FS_STEP
        if best is not None:
            return best[1], best[2], details
    return None


def _height(data: _Data, fs: float, cols: int, details: bool) -> float:
    line = fs * PT * LINE
    box_w = (CONTENT_W - (cols - 1) * GAP) / cols
    text_w = box_w - 2 * BOX_PAD - 1.0
    total = 0.0
    for row in range(math.ceil(12 / cols)):
        months = range(row * cols + 1, min(12, row * cols + cols) + 1)
        tallest = max(_month_lines(data.by_month[m], text_w, fs, details) for m in months)
        total += tallest * line + 2 * BOX_PAD + GAP
    unplaced = data.by_month.get(None)
    if unplaced:  # the tray spans the width, its lines in ``cols`` columns (a column may break in a group)
        lines = _month_lines(unplaced, text_w, fs, details) - 1.45
        total += (1.45 + lines / cols + 1.5) * line + 2 * BOX_PAD + GAP
    # the overload notes at 0.9 of the body size: three to a line, or a line per kind, under a heading
    n = len(data.overloads)
    kinds = len({f.kind for f in data.overloads})
    notes = 1 + (math.ceil(n / 3) if data.numbered else kinds) if n else 1
    total += notes * line * 0.92 + 1.5
    return total


# -- HTML ------------------------------------------------------------------------------------


def _mark_text(n: int) -> str:
    if n == 0:
        return T.LS_OVER_MARK
    return CIRCLED[n - 1] if n <= len(CIRCLED) else f"[{n}]"


def _header(
    plan: Plan, schedule: Schedule | None, subtitle: str, state: str | None, version: int | None, made_on: date
) -> str:
    title = T.LS_TITLE.format(body=plan.body, year=plan.year)
    status = schedule.status if schedule is not None and schedule.assignments else None
    # no schedule: the months shown are the plan's own (fixed, preferred, window start), marked as a draft
    chips = []
    if state:
        chips.append(f'<span class="ls-chip state">{escape(T.LS_STATE.format(state=state))}</span>')
    if version is not None:
        chips.append(f'<span class="ls-chip version">{escape(T.LS_VERSION.format(n=version))}</span>')
    chips.append(f'<span class="ls-chip">{escape(T.LS_SCHEDULE_STATUS.get(status, T.LS_SCHEDULE_STATUS[None]))}</span>')
    day = T.LS_DATE.format(y=made_on.year, m=made_on.month, d=made_on.day)
    return (
        '<header class="ls-head"><div class="ls-titles">'
        f'<div class="ls-title">{escape(title)}</div><div class="ls-sub">{escape(subtitle)}</div></div>'
        f'<div class="ls-meta"><div class="ls-chips">{"".join(chips)}</div>'
        f'<div class="ls-date">{escape(T.LS_MADE_ON.format(date=day))}</div></div></header>'
    )


def _kpis(data: _Data, groups: Sequence[tuple[str, str, int]]) -> str:
    topics = [it for items in data.by_month.values() for it in items]
    focus = sum(1 for it in topics if it.focus)
    tiles = [
        f'<div class="ls-kpi main"><span class="n">{len(topics)}</span><span class="l">{T.LS_KPI_TOTAL}</span></div>',
        f'<div class="ls-kpi focus"><span class="n">{focus}</span><span class="l">{T.LS_KPI_FOCUS}</span></div>',
        (
            f'<div class="ls-kpi over{" none" if not data.overloads else ""}">'
            f'<span class="n">{len(data.overloads)}</span>'
            f'<span class="l">{T.LS_KPI_OVER}</span></div>'
        ),
    ]
    tiles.append('<div class="ls-kpi-sep"></div>')
    tiles += [
        f'<div class="ls-form" style="--c:{color}"><span class="sw"></span>{escape(name)}<b>{n}</b></div>'
        for name, color, n in groups
    ]
    return f'<div class="ls-kpis">{"".join(tiles)}</div>'


def _month_tags(plan: Plan, m: int) -> tuple[list[str], list[str]]:
    cal = plan.calendar
    cls, tags = [], []
    if m == cal.session_month:
        cls.append("session")
        tags.append(f'<span class="ls-tag session">{T.LS_SESSION}</span>')
    if m in cal.blackout_months or m not in cal.months:
        cls.append("off")
        tags.append(f'<span class="ls-tag off">{T.LS_BLACKOUT}</span>')
    return cls, tags


def _topic_html(it: _Topic, details: bool) -> str:
    star = f'<span class="star">{T.LS_FOCUS_MARK}</span>' if it.focus else ""
    marks = "".join(f'<span class="mk{"" if n else " plain"}">{_mark_text(n)}</span>' for n in it.marks)
    cls = "ls-t" + (" focus" if it.focus else "") + (" over" if it.marks else "")
    extra = f'<div class="d">{escape(it.detail)}</div>' if details and it.detail else ""
    return (
        f'<li class="{cls}" data-topic="{escape(it.id)}">{star}<span class="tt">{escape(it.title)}</span>'
        f"{marks}{extra}</li>"
    )


def _groups_html(data: _Data, items: Sequence[_Topic], details: bool) -> str:
    out: list[str] = []
    current = None
    for it in items:
        if it.form != current:
            if current is not None:
                out.append("</ul></div>")
            current = it.form
            name = data.form_names.get(it.form, it.form)
            out.append(
                f'<div class="ls-g" style="--c:{data.colors.get(it.form, "#4A5A6A")}">'
                f'<div class="ls-gl">{escape(name)}</div><ul>'
            )
        out.append(_topic_html(it, details))
    if current is not None:
        out.append("</ul></div>")
    return "".join(out)


def _detail_body(data: _Data, cols: int, details: bool) -> str:
    boxes = []
    for m in range(1, 13):
        items = data.by_month[m]
        cls, tags = _month_tags(data.plan, m)
        if any(it.marks for it in items):
            cls.append("has-over")
        count = f'<span class="ls-mc">{T.LS_ITEMS.format(n=len(items))}</span>' if items else ""
        inner = _groups_html(data, items, details) or (
            f'<div class="ls-none">{T.LS_BLACKOUT if "off" in cls else T.LS_EMPTY}</div>'
        )
        boxes.append(
            f'<section class="ls-m {" ".join(cls)}" data-month="{m}"><div class="ls-mh">'
            f'<span class="ls-mn">{ST.month(m)}</span>{"".join(tags)}{count}</div>{inner}</section>'
        )
    tray = ""
    if data.by_month.get(None):
        items = data.by_month[None]
        tray = (
            f'<section class="ls-m ls-tray" style="grid-column:1 / -1"><div class="ls-mh">'
            f'<span class="ls-mn">{T.LS_UNPLACED}</span>'
            f'<span class="ls-mc">{T.LS_ITEMS.format(n=len(items))}</span></div>'
            f'<div class="ls-tray-cols" style="column-count:{cols}">{_groups_html(data, items, details)}</div>'
            "</section>"
        )
    grid = f"grid-template-columns:repeat({cols}, minmax(0, 1fr))"
    return f'<main class="ls-grid" style="{grid}">{"".join(boxes)}{tray}</main>'


def _notes(data: _Data) -> str:
    if not data.numbered:
        return _kind_notes(data, "")
    if not data.overloads:
        return f'<footer class="ls-notes"><span class="ls-nh">{T.LS_OVER_HEAD}</span>{T.LS_NO_OVER}</footer>'
    items = "".join(
        f'<li><span class="mk">{_mark_text(n)}</span>{escape(f.message)}</li>' for n, f in enumerate(data.overloads, 1)
    )
    return f'<footer class="ls-notes"><span class="ls-nh">{T.LS_OVER_HEAD}</span><ol>{items}</ol></footer>'


def _legend(data: _Data) -> str:
    parts = [T.LS_LEGEND_FOCUS]
    if data.overloads:
        parts.append(T.LS_LEGEND_OVER if data.numbered else T.LS_LEGEND_OVER_PLAIN)
    return f'<div class="ls-legend">{"  ".join(escape(p) for p in parts)}</div>'


# -- the summary --------------------------------------------------------------------------------


def _families(plan: Plan, counts: Counter) -> tuple[dict[str, str], list[tuple[str, str, int]]]:
    """Form id → column name, and the columns (name, colour, topic count) of the summary table.

    Up to :data:`SUMMARY_COLUMNS` forms are their own columns; beyond that forms join the family
    their name names (:data:`texts.LS_FORM_FAMILIES`), and the smallest columns fold into 「其他形式」.
    """
    if len(plan.forms) <= SUMMARY_COLUMNS:
        column = {f.id: f.name for f in plan.forms}
    else:
        column = {}
        for f in plan.forms:
            column[f.id] = next((name for word, name in T.LS_FORM_FAMILIES if word in f.name), f.name)
    sizes: Counter = Counter()
    for fid, n in counts.items():
        sizes[column.get(fid, fid)] += n
    names = list(dict.fromkeys(column[f.id] for f in plan.forms))
    if len(names) > SUMMARY_COLUMNS:
        keep = {n for n, _ in sorted(sizes.items(), key=lambda kv: -kv[1])[: SUMMARY_COLUMNS - 1]}
        column = {fid: (c if c in keep else T.LS_OTHER_FORMS) for fid, c in column.items()}
        names = [n for n in names if n in keep] + [T.LS_OTHER_FORMS]
        sizes = Counter()
        for fid, n in counts.items():
            sizes[column.get(fid, fid)] += n
    colors = {}
    for i, f in enumerate(plan.forms):
        colors.setdefault(column[f.id], PALETTE[i % len(PALETTE)])
    colors[T.LS_OTHER_FORMS] = "#4A5A6A"
    return column, [(n, colors.get(n, "#4A5A6A"), sizes.get(n, 0)) for n in names]


def _focus_rank(data: _Data, it: _Topic) -> tuple[int, str]:
    """The head form first, then the focus forms in the order of the words, then 重点 titles."""
    name = data.form_names.get(it.form, it.form)
    rank = next((i for i, w in enumerate(T.LS_FOCUS_FORM_WORDS) if w in name), len(T.LS_FOCUS_FORM_WORDS))
    return rank, it.id


def _summary_body(data: _Data, column: dict[str, str], groups: Sequence[tuple[str, str, int]], notes: str) -> str:
    plan = data.plan
    names = [g[0] for g in groups]
    over_by_month = Counter(f.month for f in data.overloads)
    head = "".join(f'<th style="--c:{c}"><span>{escape(n)}</span></th>' for n, c, _ in groups)
    rows = []
    months: list[int | None] = list(range(1, 13)) + ([None] if data.by_month.get(None) else [])
    totals: Counter = Counter()
    for m in months:
        items = data.by_month.get(m, [])
        per = Counter(column.get(it.form, it.form) for it in items)
        totals.update(per)
        cls, tags = _month_tags(plan, m) if m is not None else ([], [])
        label = ST.month(m) if m is not None else T.LS_UNPLACED
        cells = "".join(f'<td class="{"n" if per.get(n) else "z"}">{per.get(n) or "·"}</td>' for n in names)
        over = over_by_month.get(m, 0) if m is not None else 0
        rows.append(
            f'<tr class="{" ".join(cls)}"><th>{label}{"".join(tags)}</th>{cells}'
            f'<td class="sum">{len(items) or ""}</td>'
            f'<td class="ov{" hot" if over else ""}">{over or ""}</td></tr>'
        )
    foot = "".join(f"<td>{totals.get(n, 0)}</td>" for n in names)
    n_all = sum(len(v) for v in data.by_month.values())
    table = (
        f'<table class="ls-table"><thead><tr><th>{T.LS_MONTH}</th>{head}<th>{T.LS_TOTAL}</th>'
        f'<th class="ov">{T.LS_OVER_COL}</th></tr></thead><tbody>{"".join(rows)}</tbody>'
        f'<tfoot><tr><th>{T.LS_TOTAL}</th>{foot}<td class="sum">{n_all}</td>'
        f'<td class="ov{" hot" if data.overloads else ""}">{len(data.overloads) or ""}</td></tr></tfoot></table>'
    )
    focus_boxes = []
    for m in range(1, 13):
        items = sorted((it for it in data.by_month[m] if it.focus), key=lambda it: _focus_rank(data, it))
        shown = items[:FOCUS_PER_MONTH]
        more = len(items) - len(shown)
        lis = "".join(
            f'<li style="--c:{data.colors.get(it.form, "#4A5A6A")}" data-topic="{escape(it.id)}">'
            f'<span class="tt">{escape(it.title)}</span></li>'
            for it in shown
        )
        if more:
            lis += f'<li class="more">{T.LS_MORE.format(n=more)}</li>'
        cls, tags = _month_tags(plan, m)
        body = f"<ul>{lis}</ul>" if lis else f'<div class="ls-none">{T.LS_FOCUS_NONE}</div>'
        count = f'<span class="ls-mc">{T.LS_ITEMS.format(n=len(items))}</span>' if items else ""
        focus_boxes.append(
            f'<section class="ls-fm {" ".join(cls)}"><div class="ls-mh"><span class="ls-mn">{ST.month(m)}</span>'
            f"{''.join(tags)}{count}</div>{body}</section>"
        )
    focus = (
        f'<div class="ls-focus"><div class="ls-sh">{T.LS_FOCUS_HEAD}</div>'
        f'<div class="ls-fgrid">{"".join(focus_boxes)}</div></div>'
    )
    return f'<main class="ls-summary"><div class="ls-left">{table}{notes}</div>{focus}</main>'


def _kind_notes(data: _Data, cls: str = "summary") -> str:
    """The overloads counted by kind, with the departments, leaders … named most often."""
    if not data.overloads:
        return f'<footer class="ls-notes"><span class="ls-nh">{T.LS_OVER_HEAD}</span>{T.LS_NO_OVER}</footer>'
    plan = data.plan
    names = {**{x.id: x.name for x in plan.departments}, **{x.id: x.name for x in plan.leaders}}
    names |= {x.id: x.name for x in plan.committees} | {x.id: x.name for x in plan.forms}
    lines = []
    for kind in OVERLOAD_KINDS:
        found = [f for f in data.overloads if f.kind == kind]
        if not found:
            continue
        who: Counter = Counter()
        for f in found:
            entity = next(
                (getattr(f, k, None) for k in ("department", "leader", "committee", "form") if getattr(f, k, None)),
                None,
            )
            if entity is not None:
                who[names.get(entity, entity)] += 1
        top = T.LS_LIST_SEP.join(T.LS_OVER_TOP.format(name=n, n=c) for n, c in who.most_common(TOP_ENTITIES))
        label = T.LS_OVER_KIND.format(label=RULES[kind].text.label, n=len(found))
        lines.append(f"<li>{escape(T.LS_OVER_LINE.format(kind=label, top=top) if top else label)}</li>")
    head = f'<span class="ls-nh">{T.LS_OVER_HEAD}</span>'
    return f'<footer class="ls-notes by-kind {cls}">{head}<ol>{"".join(lines)}</ol></footer>'


# -- the public function ----------------------------------------------------------------------------


def leadership_sheet(
    plan: Plan,
    schedule: Schedule | None,
    findings: Iterable[Finding] = (),
    *,
    state_label: str | None = None,
    version_number: int | None = None,
    made_on: date | None = None,
    view: str | None = None,
) -> Sheet:
    """The year on one A4 landscape sheet.

    ``findings``: the checker's hard violations and warnings on ``schedule`` (only
    :data:`OVERLOAD_KINDS` are shown). ``state_label`` / ``version_number``: the
    approval state (e.g. 「主席会议审议」) and the frozen version shown in the header when
    given. ``made_on``: the date printed (default today). ``view``: ``"detail"`` or
    ``"summary"`` to force one; by default the detail view when it fits
    (:func:`_fit`), else the summary. Never raises for a plan the model accepts.
    """
    data = _gather(plan, schedule, findings)
    made_on = made_on or date.today()
    counts = Counter(it.form for items in data.by_month.values() for it in items)
    fit = _fit(data) if view != "summary" else None
    if view == "detail" and fit is None:
        fit = (MIN_FS, 4, False)
    title = T.LS_TITLE.format(body=plan.body, year=plan.year)
    if fit is not None:
        fs, cols, details = fit
        groups = [(f.name, data.colors[f.id], counts.get(f.id, 0)) for f in plan.forms if counts.get(f.id)]
        body = (
            f'<div class="ls-sheet detail" style="--fs:{fs}pt">'
            + _header(plan, schedule, T.LS_SUBTITLE, state_label, version_number, made_on)
            + _kpis(data, groups)
            + _detail_body(data, cols, details)
            + _legend(data)
            + _notes(data)
            + "</div>"
        )
        return Sheet(CSS, body, "detail", fs, cols, title)
    column, groups = _families(plan, counts)
    body = (
        f'<div class="ls-sheet summary" style="--fs:{SUMMARY_FS}pt">'
        + _header(plan, schedule, T.LS_SUMMARY_SUBTITLE, state_label, version_number, made_on)
        + _kpis(data, [g for g in groups if g[2]])
        + f'<div class="ls-note">{escape(T.LS_SUMMARY_NOTE.format(n=sum(counts.values())))}</div>'
        + _summary_body(data, column, groups, _kind_notes(data))
        + "</div>"
    )
    return Sheet(CSS, body, "summary", SUMMARY_FS, 3, title)


# The sheet's style. Sizes in millimetres and points so the screen, the browser's print and the PDF
# agree; ``--fs`` (the body size) is set on the sheet by :func:`leadership_sheet`.
CSS = (
    """
<style>
@page { size: A4 landscape; margin: MARGINmm; }
.ls-sheet { --fs: 8pt; font-family: SANS; font-size: var(--fs); line-height: LINE; color: INK;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
.ls-sheet *, .ls-sheet *::before, .ls-sheet *::after { box-sizing: border-box; }
.ls-sheet ul, .ls-sheet ol { list-style: none; margin: 0; padding: 0; }
/* a host page's own rules (Streamlit sizes every ul and ol at 1rem) must not reach the sheet; the
   sheet's own rules below come later at the same or a higher specificity */
.ls-sheet ul, .ls-sheet ol, .ls-sheet li { font-size: inherit; line-height: inherit; margin: 0; padding-top: 0;
  padding-bottom: 0; }
.ls-head { display: flex; justify-content: space-between; align-items: flex-end; gap: 6mm;
  border-bottom: 0.7mm solid RED; padding-bottom: 1.6mm; margin-bottom: 0.6mm; position: relative; }
.ls-head::after { content: ""; position: absolute; left: 0; right: 0; bottom: -1.5mm; border-bottom: 0.25mm solid RED; }
.ls-title { font-family: SERIF; font-weight: 700; font-size: 17pt; color: RED; letter-spacing: 0.06em;
  line-height: 1.2; }
.ls-sub { font-family: SERIF; font-size: 10.5pt; color: #4a4f57; letter-spacing: 0.3em; margin-top: 0.4mm; }
.ls-meta { text-align: right; }
.ls-chips { display: flex; gap: 1.5mm; justify-content: flex-end; flex-wrap: wrap; }
.ls-chip { font-size: 8pt; padding: 0.4mm 2.2mm; border: 0.25mm solid #c9c4ba; border-radius: 4mm; color: #3d4148;
  white-space: nowrap; }
.ls-chip.state { background: RED; border-color: RED; color: #fff; font-weight: 700; }
.ls-chip.version { border-color: RED; color: RED; font-weight: 700; }
.ls-date { font-size: 7.5pt; color: MUTED; margin-top: 0.8mm; }
.ls-kpis { display: flex; align-items: center; gap: 1.6mm 2.6mm; flex-wrap: wrap; margin: 3.2mm 0 2.2mm 0; }
.ls-kpi { display: flex; align-items: baseline; gap: 1mm; padding: 0.5mm 2.4mm; border-radius: 1.2mm;
  background: #f6f3ee; }
.ls-kpi .n { font-size: 13pt; font-weight: 700; line-height: 1.1; }
.ls-kpi .l { font-size: 7.5pt; color: #4a4f57; }
.ls-kpi.main .n { color: RED; }
.ls-kpi.focus .n { color: GOLD; }
.ls-kpi.over .n { color: OVER; }
.ls-kpi.over.none .n { color: #3F7D3A; }
.ls-kpi-sep { width: 0.25mm; height: 6mm; background: RULE; }
.ls-form { font-size: 7.5pt; color: #3d4148; white-space: nowrap; }
.ls-form .sw { display: inline-block; width: 2.4mm; height: 2.4mm; border-radius: 0.6mm; background: var(--c);
  margin-right: 0.9mm; vertical-align: -0.2mm; }
.ls-form b { color: var(--c); margin-left: 0.8mm; font-size: 8.5pt; }
.ls-grid { display: grid; gap: GAPmm; align-items: stretch; }
.ls-m { border: 0.25mm solid RULE; border-top: 0.8mm solid #9a8f7c; border-radius: 1.2mm;
  padding: 1.2mm BOX_PADmm BOX_PADmm;
  background: #fff; break-inside: avoid; page-break-inside: avoid; min-width: 0; }
.ls-m.session { border-top-color: GOLD; background: #fffbf2; }
.ls-m.off { background: repeating-linear-gradient(135deg, #f7f6f4, #f7f6f4 2mm, #efeeeb 2mm, #efeeeb 4mm); }
.ls-m.has-over { border-top-color: OVER; }
.ls-mh { display: flex; align-items: baseline; gap: 1.2mm; border-bottom: 0.2mm solid RULE; padding-bottom: 0.5mm;
  margin-bottom: 0.7mm; }
.ls-mn { font-family: SERIF; font-weight: 700; font-size: calc(var(--fs) * 1.3); color: INK; }
.ls-mc { margin-left: auto; font-size: calc(var(--fs) * 0.88); color: MUTED; }
.ls-tag { font-size: calc(var(--fs) * 0.78); font-weight: 700; padding: 0 1mm; border-radius: 0.8mm; color: #fff; }
.ls-tag.session { background: GOLD; }
.ls-tag.off { background: #8A8F98; }
.ls-g { border-left: 0.7mm solid var(--c); padding-left: 1.2mm; margin: 0.6mm 0 0.9mm 0; break-inside: avoid; }
.ls-gl { font-size: calc(var(--fs) * 0.8); font-weight: 700; color: var(--c); line-height: 1.15;
  letter-spacing: 0.02em; }
.ls-t { padding-left: 0.95em; }
.ls-t::before { content: ""; display: inline-block; width: 0.26em; height: 0.26em; border-radius: 50%;
  background: #a2a6ad; margin-left: -0.6em; margin-right: 0.34em; vertical-align: 0.22em; }
.ls-t.focus::before { content: none; }
.ls-t .star { display: inline-block; width: 0.95em; margin-left: -0.95em; color: GOLD; font-size: 0.9em; }
.ls-t.focus .tt { font-weight: 700; }
.ls-t .mk, .ls-notes .mk { color: OVER; font-weight: 700; margin-left: 0.15em; }
.ls-t .mk.plain { color: #fff; background: OVER; border-radius: 0.6mm; padding: 0 0.2em; font-size: 0.78em;
  vertical-align: 0.1em; }
.ls-t.over .tt { text-decoration: underline; text-decoration-color: OVER; text-decoration-thickness: 0.2mm;
  text-underline-offset: 0.25em; }
.ls-t .d { font-size: 0.82em; color: MUTED; line-height: 1.25; }
.ls-none { color: #a2a6ad; font-size: calc(var(--fs) * 0.9); padding: 0.6mm 0; }
.ls-tray { border-style: dashed; border-color: GOLD; }
.ls-tray-cols { column-gap: GAPmm; }
.ls-tray-cols .ls-g { break-inside: auto; }
.ls-tray-cols .ls-t { break-inside: avoid; }
.ls-legend { font-size: 7pt; color: MUTED; margin-top: 1.6mm; }
.ls-notes { font-size: calc(var(--fs) * 0.92); margin-top: 1.2mm; padding-top: 1mm; border-top: 0.2mm solid RULE;
  color: #3d4148; break-inside: avoid; }
.ls-nh { font-weight: 700; color: OVER; margin-right: 2mm; }
.ls-notes ol { display: inline; }
.ls-notes li { display: inline-block; margin-right: 4mm; }
.ls-notes.summary { margin-top: 3mm; }
.ls-notes.summary .ls-nh { display: block; margin-bottom: 0.6mm; }
.ls-notes.by-kind li { display: block; margin: 0.3mm 0 0 0; }
.ls-notes.by-kind:not(.summary) ol { display: block; }
.ls-note { font-size: 7.5pt; color: MUTED; margin: 0 0 1.6mm 0; }
.ls-summary { display: grid; grid-template-columns: 47% 1fr; gap: 4mm; align-items: start; }
.ls-table { width: 100%; border-collapse: collapse; font-size: 8pt; table-layout: fixed; }
.ls-table th, .ls-table td { border-bottom: 0.2mm solid RULE; padding: 0.9mm 0.6mm; text-align: center; }
.ls-table thead th { font-size: 6.8pt; font-weight: 700; color: #3d4148; border-bottom: 0.6mm solid var(--c, #9a8f7c);
  vertical-align: bottom; line-height: 1.2; }
.ls-table tbody th, .ls-table tfoot th { text-align: left; font-family: SERIF; font-weight: 700; white-space: nowrap;
  width: 15mm; }
.ls-table thead th:first-child { width: 15mm; }
.ls-table td.n { font-weight: 700; }
.ls-table td.z { color: #c7c9cc; }
.ls-table td.sum { font-weight: 700; background: #f6f3ee; }
.ls-table td.ov { color: #c7c9cc; }
.ls-table td.ov.hot { color: #fff; background: OVER; font-weight: 700; }
.ls-table th.ov { color: OVER; }
.ls-table tr.off th, .ls-table tr.off td { background: #f4f3f1; color: #9aa0a8; }
.ls-table tr.session th { color: GOLD; }
.ls-table tfoot th, .ls-table tfoot td { border-top: 0.5mm solid #9a8f7c; font-weight: 700; }
.ls-table .ls-tag { margin-left: 0.8mm; font-family: SANS; }
.ls-sh { font-family: SERIF; font-weight: 700; font-size: 10pt; color: RED; margin-bottom: 1.2mm; }
.ls-fgrid { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 1.6mm; }
.ls-fm { border: 0.25mm solid RULE; border-radius: 1.2mm; padding: 0.8mm 1.6mm 1.2mm; break-inside: avoid;
  min-width: 0; }
.ls-fm.off { background: #f7f6f4; }
.ls-fm.session { background: #fffbf2; }
.ls-fm .ls-mn { font-size: 9pt; }
.ls-fm li { font-size: 6.8pt; line-height: 1.3; padding-left: 1.6mm; border-left: 0.6mm solid var(--c);
  margin: 0.35mm 0;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.ls-fm li.more { border: none; color: MUTED; padding-left: 0; }
@media screen {
  .ls-sheet { background: #fff; padding: 6mm 7mm; border: 0.3mm solid #e2ddd3; border-radius: 2mm;
    box-shadow: 0 1mm 4mm rgba(60, 40, 20, 0.08); }
}
@media print {
  html, body { margin: 0; padding: 0; background: #fff; }
  /* the page's height (less a hair against rounding into a blank second page); the month rows share
     what the months leave free, so a small plan fills the page instead of sitting at its top */
  .ls-sheet { width: 100%; height: PRINT_Hmm; display: flex; flex-direction: column; }
  .ls-grid, .ls-summary { flex: 1 1 auto; }
}
</style>
""".replace("SANS", FONT_SANS)
    .replace("SERIF", FONT_SERIF)
    .replace("MARGINmm", f"{MARGIN}mm")
    .replace("PRINT_Hmm", f"{CONTENT_H - 1}mm")
    .replace("BOX_PADmm", f"{BOX_PAD}mm")
    .replace("GAPmm", f"{GAP}mm")
    .replace("LINE", str(LINE))
    .replace("INK", INK)
    .replace("MUTED", MUTED)
    .replace("RULE", RULE)
    .replace("GOLD", GOLD)
    .replace("OVER", OVER)
    .replace("RED", RED)
)
