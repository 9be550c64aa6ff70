"""Compare a read plan with a layout's expected plan: per-field true/false positives.

Used by the corpus tests and by ``bench/bench_import.py``. Expected plans
(``*.expected.json``) list topics with ``title``, ``form`` (a form category
as :func:`paperwork.published_text.classify_form` names it, or the form's
name when it has none), ``months`` (preferred months, or ``"session"``),
optional ``window``, optional ``latest_month`` (a deadline: the read window ends
there), ``lead`` (committee names; the first is the lead),
``departments`` and ``leaders`` (a generic role as ``"role:市政府分管副市长"``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from paperwork.published_text import classify_form, committee_key
from paperwork.texts import TBD_COMMITTEE as TBD
from solver.plan import Plan

FIELDS = ("topics", "months", "forms", "lead", "departments", "leaders")


def _k(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"[\s,。、;:“”\"'《》()【】]", "", s)


@dataclass
class Score:
    """True positives, expected and read counts per field (micro-averaged when added)."""

    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    expected: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    got: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    invented: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for f in FIELDS:
            self.tp[f] += other.tp[f]
            self.expected[f] += other.expected[f]
            self.got[f] += other.got[f]
        self.invented += other.invented
        self.misses += other.misses

    def recall(self, f: str) -> float:
        return self.tp[f] / self.expected[f] if self.expected[f] else 1.0

    def precision(self, f: str) -> float:
        return self.tp[f] / self.got[f] if self.got[f] else 1.0

    @property
    def perfect(self) -> bool:
        return not self.invented and all(self.tp[f] == self.expected[f] == self.got[f] for f in FIELDS)


def load_expected(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _read_rows(plan: Plan) -> list[dict]:
    forms, comms = plan.form_by_id(), plan.committee_by_id()
    depts, leaders = plan.department_by_id(), plan.leader_by_id()
    rows = []
    for t in plan.topics:
        form = forms[t.form]
        session = form.session_only and t.preferred_months == [plan.calendar.session_month]
        rows.append(
            {
                "title": t.title,
                "form": classify_form(form.name) or form.name,
                "months": "session" if session else t.preferred_months,
                "window": list(t.window) if t.window else None,
                # the reader's "待定" placeholder says no lead was read: not a lead read wrong
                "lead": [
                    committee_key(comms[c].name) for c in t.lead_options + t.co_organizers if comms[c].name != TBD
                ],
                "departments": [depts[d].name for d in t.departments],
                "leaders": [
                    "role:" + leaders[x].role
                    if leaders[x].role and leaders[x].name != leaders[x].role
                    else leaders[x].name
                    for x in t.leaders
                ],
            }
        )
    return rows


def score(plan: Plan, expected: dict, *, label: str = "") -> Score:
    """How much of ``expected`` the read ``plan`` got right (see the module docstring)."""
    s = Score()
    got = _read_rows(plan)
    exp = expected["topics"]
    s.expected["topics"], s.got["topics"] = len(exp), len(got)
    unmatched = list(range(len(got)))
    for e in exp:
        match = next((i for i in unmatched if _k(got[i]["title"]) == _k(e["title"])), None)
        for f in ("months", "forms"):
            s.expected[f] += 1
        for f in ("lead", "departments", "leaders"):
            s.expected[f] += len(e.get(f, []))
        if match is None:
            s.misses.append(f"{label} 缺议题「{e['title']}」")
            continue
        unmatched.remove(match)
        g = got[match]
        s.tp["topics"] += 1
        s.got["months"] += 1
        s.got["forms"] += 1
        window_ok = "window" not in e or e["window"] == g["window"]
        if e.get("latest_month"):  # a deadline ("6月底前"): the window must end there
            window_ok = window_ok and bool(g["window"]) and g["window"][1] == e["latest_month"]
        if g["months"] == e["months"] and window_ok:
            s.tp["months"] += 1
        else:
            s.misses.append(
                f"{label}「{e['title']}」时间 {g['months']}/{g['window']} ≠ {e['months']}/{e.get('window')}"
            )
        if g["form"] == e["form"]:
            s.tp["forms"] += 1
        else:
            s.misses.append(f"{label}「{e['title']}」形式 {g['form']} ≠ {e['form']}")
        for f in ("lead", "departments", "leaders"):
            want = [committee_key(x) for x in e.get(f, [])] if f == "lead" else e.get(f, [])
            have = g[f]
            s.got[f] += len(have)
            s.tp[f] += len(set(want) & set(have))
            if set(want) != set(have):
                s.misses.append(f"{label}「{e['title']}」{f} {have} ≠ {want}")
    s.invented = len(unmatched)
    for i in unmatched:
        s.misses.append(f"{label} 多出议题「{got[i]['title']}」")
    return s
