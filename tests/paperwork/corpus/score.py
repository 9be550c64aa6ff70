"""Compare a read plan with a layout's expected plan: per-field true/false positives.

Used by the corpus tests and by ``bench/bench_import.py``. Expected plans
(``*.expected.json``) list topics with ``title``, ``form`` (a form category
as :func:`paperwork.published_text.classify_form` names it, or the form's
name when it has none), ``months`` (preferred months, or ``"session"``),
optional ``window``, ``lead`` (committee names; the first is the lead),
``departments`` and ``leaders`` (a generic role as ``"role:市政府分管副市长"``).

A blind set written by another author (``holdout6`` on) keeps that author's
convention for time and leaders, marked ``"convention": "allowed-months"``:
``months`` are all the months the text allows (a quarter → its three months,
上半年 → 1–6, the plenary session or 适时 → none), ``latest_month`` a deadline's
month, a generic role is written as printed, and ``lead`` is the one lead
committee (a co-organiser is neither lead nor department). The scorer then compares the
reader's plan in that convention (see :func:`_allowed_months`), so the
author's expectation is scored as written, not rewritten into ours.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from paperwork.published_text import classify_form, committee_key
from paperwork.texts import TBD_COMMITTEE as TBD
from paperwork.time_phrases import parse_time
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


def _nfkc(names: list[str]) -> list[str]:
    return [unicodedata.normalize("NFKC", n) for n in names]


def _form_key(name: str) -> str:
    """A form's name as compared: the reader names "X主席会议协商" "X主席会议" (published_text's
    form_by_name drops the 协商 after 会/会议), an author writes it as printed; one form either way."""
    return re.sub(r"(会|会议)协商$", r"\1", name)


def load_expected(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _allowed_months(t, session: bool, time_text: str | None) -> tuple[list[int], int | None]:
    """(months the text allows, latest month) of a read topic, as the blind sets' authors write them.

    Named months as read; a vague span read from the text (季度, 半年) as all its months;
    a deadline as no month and its latest month; the plenary session, an undecided
    time and the reader's default April–November window as no month.
    """
    if session:
        return [], None
    reading = parse_time(time_text or "")
    latest = t.window[1] if reading.deadline and t.window else None
    if t.preferred_months:
        return sorted(t.preferred_months), latest
    if t.window and not reading.deadline and (reading.window or reading.months):
        return list(range(t.window[0], t.window[1] + 1)), None
    return [], latest


def _read_rows(plan: Plan, reports: list | None = None) -> list[dict]:
    forms, comms = plan.form_by_id(), plan.committee_by_id()
    depts, leaders = plan.department_by_id(), plan.leader_by_id()
    time_texts = {r.topic: next((src.text for src in r.sources if src.field == "time"), None) for r in (reports or [])}
    rows = []
    for t in plan.topics:
        form = forms[t.form]
        # a plenary at the session month is "the session" unless its month is written ("1月" in a
        # merged month column): a month written in the field is that month (issue 10 §7)
        written = parse_time(time_texts.get(t.id) or "").months
        session = form.session_only and t.preferred_months == [plan.calendar.session_month] and not written
        allowed, latest = _allowed_months(t, session, time_texts.get(t.id))
        rows.append(
            {
                "title": t.title,
                "form": classify_form(form.name) or form.name,
                "months": "session" if session else t.preferred_months,
                "window": list(t.window) if t.window else None,
                "allowed": allowed,
                "latest": latest,
                "leader_names": [leaders[x].role or leaders[x].name for x in t.leaders],
                "lead_only": [committee_key(comms[c].name) for c in t.lead_options if comms[c].name != TBD],
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


def score(plan: Plan, expected: dict, *, label: str = "", reports: list | None = None) -> Score:
    """How much of ``expected`` the read ``plan`` got right (see the module docstring).

    ``reports``: the draft's topic reports, needed for expected plans written in
    the ``allowed-months`` convention (it tells a deadline from a vague span).
    """
    s = Score()
    got = _read_rows(plan, reports)
    allowed_convention = expected.get("convention") == "allowed-months"
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
        if allowed_convention:
            months_ok = g["allowed"] == sorted(e["months"]) and g["latest"] == e.get("latest_month")
            shown = (g["allowed"], g["latest"])
        else:
            window_ok = "window" not in e or e["window"] == g["window"]
            months_ok = g["months"] == e["months"] and window_ok
            shown = (g["months"], g["window"])
        if months_ok:
            s.tp["months"] += 1
        else:
            want = (e["months"], e.get("latest_month") if allowed_convention else e.get("window"))
            s.misses.append(f"{label}「{e['title']}」时间 {shown[0]}/{shown[1]} ≠ {want[0]}/{want[1]}")
        if _form_key(g["form"]) == _form_key(e["form"]):
            s.tp["forms"] += 1
        else:
            s.misses.append(f"{label}「{e['title']}」形式 {g['form']} ≠ {e['form']}")
        for f in ("lead", "departments", "leaders"):
            want = [committee_key(x) for x in e.get(f, [])] if f == "lead" else e.get(f, [])
            # an author who never saw the reader writes a generic role as it is printed ("分管副市长")
            have = g["leader_names"] if f == "leaders" and allowed_convention else g[f]
            if f == "lead" and allowed_convention:
                have = g["lead_only"]  # the author's lead is the one lead; a co-organiser is not it
            # "各县（市、区）政府" and "各县(市、区)政府" are one name: the reader prints brackets half-width
            want, have = _nfkc(want), _nfkc(have)
            s.got[f] += len(have)
            s.tp[f] += len(set(want) & set(have))
            if set(want) != set(have):
                s.misses.append(f"{label}「{e['title']}」{f} {have} ≠ {want}")
    s.invented = len(unmatched)
    for i in unmatched:
        s.misses.append(f"{label} 多出议题「{got[i]['title']}」")
    return s
