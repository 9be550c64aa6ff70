"""Province-wide synthetic plans: a province 政协 and 15–40 city 政协s in one plan.

Built to look like what breaks a scheduler in practice, not like our own
city plans (issue 9): every body has its own 专题议政性常委会议 series and its
own 双月协商座谈会 series (at most one a month, two months apart), research →
consultation → inspection chains (``after``) whose windows open in month 3–6,
about 10 % of the topics pinned to a month, committee limits near each
committee's average monthly load, a monthly limit around 1.6 × topics / 10,
departments and leaders whose comfortable load is near their average use per
usable month, and 1–3 months away for every leader.

Feasible by construction, like :mod:`tools.generate`: a reference schedule is
built first and every limit is set no lower than what it needs; absences are
drawn first and the reference schedule works around them. Deterministic per seed.
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from solver.plan import PLAN_FORMAT, Assignment, Plan, Schedule
from solver.validate import parse_plan

from .generate import _COMMITTEES, _DEPARTMENTS, _PROVINCE_DEPARTMENTS, _THEMES, BLACKOUT, SESSION_MONTH, Theme

MIN_CITIES, MAX_CITIES = 15, 40  # the range of city 政协s in one province plan
TOPICS_PER_CITY = 25  # fewer cities for small plans, so a city keeps a real year's work
PROVINCE_SHARE = 0.2  # of the topics, the province's own
FIRST_MONTH = 3  # January is the session, February the blackout
LAST_MONTH = 12
CHAIN_SHARE = 0.3  # topics that sit in a research → consultation → inspection chain
FIXED_SHARE = 0.10  # topics pinned by the planner
MONTH_CAP_FACTOR = 1.6  # monthly cap ≈ 1.6 × topics / 10 (the figure)
CITY_DEPARTMENTS = 24  # the most-used departments, per city
CITY_COMMITTEES = 7

_CITY_PARTS = (
    "东川 西岭 南湖 北原 临江 青石 白水 金台 玉泉 云阳 松林 石门 长宁 安平 永丰 丰城 兴华 新野 平湖 宁远 "
    "清河 黄岗 红山 绿洲 望海 鹤鸣 龙泉 凤台 汉阳 楚溪 湘岭 蓉江 梅岭 桂林 柳川 榆阳 槐安 杏花 桃源 橙城"
).split()

_SINGLE_FORMS = {
    "counterpart": 0.4,
    "special": 0.15,
    "sector": 0.15,
    "proposal": 0.1,
    "research": 0.1,
    "inspection": 0.1,
}
_FORM_NAMES = {
    "plenary": "全体会议协商",
    "counterpart": "对口协商",
    "special": "专题协商会",
    "sector": "界别协商",
    "proposal": "提案办理协商",
    "research": "专题调研",
    "inspection": "视察",
}


@dataclass
class _Body:
    code: str  # id prefix: "P" or "C07"
    name: str  # 某省 / 东川市
    province: bool
    committees: list[str] = field(default_factory=list)  # ids
    departments: list[str] = field(default_factory=list)
    leaders: dict[str, str] = field(default_factory=dict)  # role key -> id
    vice_heads: list[str] = field(default_factory=list)
    vice_chairs: list[str] = field(default_factory=list)


@dataclass
class _T:
    id: str
    body: _Body
    form: str
    title: str
    lead: list[str]
    theme: Theme | None = None
    co: list[str] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    window: tuple[int, int] = (FIRST_MONTH, LAST_MONTH)
    after: list[str] = field(default_factory=list)
    month: int = 0


class _Province:
    def __init__(self, n: int, seed: int, year: int, cities: int | None) -> None:
        self.n, self.year = n, year
        self.rng = random.Random(seed)
        k = cities if cities is not None else self.rng.randint(MIN_CITIES, MAX_CITIES)
        self.k = max(1, min(k, max(MIN_CITIES, n // TOPICS_PER_CITY)))
        self.committees: list[dict] = []
        self.departments: list[dict] = []
        self.leaders: list[dict] = []
        self.forms: list[dict] = [{"id": "plenary", "name": _FORM_NAMES["plenary"], "session_only": True}]
        self.forms += [{"id": f, "name": _FORM_NAMES[f]} for f in _SINGLE_FORMS]
        self.topics: list[_T] = []
        self.months = [m for m in range(FIRST_MONTH, LAST_MONTH + 1) if m not in BLACKOUT]
        self.month_load: Counter[int] = Counter()
        self.entity_load: dict[str, Counter[int]] = defaultdict(Counter)  # committee/dept/leader/form -> month

    # -- bodies and their people ------------------------------------------------------
    def body(self, i: int) -> _Body:
        if i == 0:
            b = _Body("P", "某省", True)
            depts = [(d, pn) for d, _, pn in _DEPARTMENTS] + _PROVINCE_DEPARTMENTS
            comms = [(c, pn) for c, _, pn in _COMMITTEES]
        else:
            city = _CITY_PARTS[(i - 1) % len(_CITY_PARTS)] + ("市" if i <= len(_CITY_PARTS) else f"{i}市")
            b = _Body(f"C{i:02d}", city, False)
            depts = [(d, city + cn.removeprefix("市")) for d, cn, _ in _DEPARTMENTS[:CITY_DEPARTMENTS]]
            comms = [(c, city + "政协" + cn) for c, cn, _ in _COMMITTEES[:CITY_COMMITTEES]]
        for cid, name in comms:
            b.committees.append(f"{b.code}_{cid}")
            self.committees.append({"id": f"{b.code}_{cid}", "name": name})
        for did, name in depts:
            b.departments.append(f"{b.code}_{did}")
            self.departments.append({"id": f"{b.code}_{did}", "name": name})
        p = "省" if b.province else ""
        head = "省长" if b.province else f"{b.name}长"
        prefix = "" if b.province else b.name
        people = [
            ("secretary", f"{prefix}{p or '市'}委书记"),
            ("head", head if b.province else f"{b.name[:-1]}市长"),
            ("chair", f"{prefix}{p or '市'}政协主席"),
        ]
        n_vh = self.rng.randint(3, 5)
        people += [(f"vh{j}", f"{prefix}副{'省' if b.province else '市'}长{j}") for j in range(1, n_vh + 1)]
        n_vc = self.rng.randint(2, 4)
        people += [(f"vc{j}", f"{prefix}{p or '市'}政协副主席{j}") for j in range(1, n_vc + 1)]
        for key, name in people:
            lid = f"{b.code}_{key}"
            b.leaders[key] = lid
            (b.vice_heads if key.startswith("vh") else b.vice_chairs if key.startswith("vc") else []).append(lid)
            self.leaders.append({"id": lid, "name": name, "role": f"{b.name}领导"})
        for series, name in (("standing", "专题议政性常委会议"), ("bimonthly", "双月协商座谈会")):
            # the domain rule of both series: one a month, two months apart
            self.forms.append(
                {"id": f"{series}_{b.code}", "name": f"{b.name}{name}", "max_per_month": 1, "min_gap_months": 2}
            )
        return b

    # -- topics -------------------------------------------------------------------------
    def new(self, b: _Body, form: str, theme: Theme | None, title: str, lead: str) -> _T:
        t = _T(id=f"T{len(self.topics) + 1:0{len(str(self.n))}d}", body=b, form=form, title=title, lead=[lead])
        t.theme = theme
        self.topics.append(t)
        return t

    def people(self, t: _T, *, heavy: bool = False) -> None:
        rng, b = self.rng, t.body
        if t.form.startswith("standing"):
            t.leaders = [b.leaders[rng.choice(("secretary", "head"))], b.leaders["chair"]]
        else:
            if rng.random() < (0.8 if heavy else 0.35):
                t.leaders.append(rng.choice(b.vice_heads))
            if rng.random() < 0.6:
                t.leaders.append(rng.choice(b.vice_chairs))
        k = rng.choices((1, 2, 3, 4, 5), weights=(20, 35, 25, 15, 5))[0] + (2 if heavy else 0)
        # Zipf-like popularity: the body's first departments (发改委, 财政局 …) come up most
        weights = [1.0 / (r + 1) for r in range(len(b.departments))]
        chosen: set[str] = set()
        while len(chosen) < min(k, len(b.departments)):
            chosen.add(rng.choices(b.departments, weights=weights)[0])
        t.departments = sorted(chosen, key=b.departments.index)
        if rng.random() < 0.15:
            other = [c for c in b.committees if c not in t.lead]
            (t.lead if rng.random() < 0.5 else t.co).append(rng.choice(other))

    def title(self, b: _Body, theme: Theme, kind: str) -> str:
        rng = self.rng
        obj = rng.choice(theme.objects)
        core = f"{rng.choice(theme.verbs)}{obj}"
        where = "" if b.province else f"{b.name}:"
        return where + {
            "research": f"关于{core}的调研",
            "inspection": f"{obj}推进情况视察",
            "proposal": f"重点提案“{core}”办理协商",
        }.get(kind, core)

    def build_body(self, b: _Body, n_topics: int) -> None:
        rng = self.rng
        plen = self.new(b, "plenary", None, f"围绕{b.name}政府工作报告协商议政", b.committees[0])
        plen.leaders = [b.leaders["secretary"], b.leaders["head"], b.leaders["chair"]]
        plen.window = (SESSION_MONTH, SESSION_MONTH)
        left = n_topics - 1
        for series, k in (("standing", rng.randint(2, 4)), ("bimonthly", rng.randint(3, 5))):
            for _ in range(min(k, max(0, left))):
                theme = rng.choice(_THEMES)
                lead = rng.choice(b.committees)
                self.people(self.new(b, f"{series}_{b.code}", theme, self.title(b, theme, series), lead), heavy=True)
                left -= 1
        chains = int(left * CHAIN_SHARE) // 3
        for _ in range(chains):
            theme, lead = rng.choice(_THEMES), rng.choice(b.committees)
            start = rng.randint(3, 6)  # the issue: chain windows open in month 3–6
            r = self.new(b, "research", theme, self.title(b, theme, "research"), lead)
            c = self.new(b, rng.choice(("special", "counterpart")), theme, self.title(b, theme, "special"), lead)
            i = self.new(b, "inspection", theme, self.title(b, theme, "inspection"), lead)
            r.window, c.window, i.window = (start, LAST_MONTH - 2), (start + 1, LAST_MONTH - 1), (start + 2, LAST_MONTH)
            c.after, i.after = [r.id], [c.id]
            for t in (r, c, i):
                self.people(t)
            left -= 3
        forms, weights = list(_SINGLE_FORMS), list(_SINGLE_FORMS.values())
        for _ in range(left):
            form, theme = rng.choices(forms, weights=weights)[0], rng.choice(_THEMES)
            t = self.new(b, form, theme, self.title(b, theme, form), rng.choice(b.committees))
            if rng.random() < 0.3:
                lo = rng.randint(3, 8)
                t.window = (lo, min(LAST_MONTH, lo + rng.randint(3, 6)))
            self.people(t)

    # -- the reference schedule -------------------------------------------------------------
    def keys(self, t: _T) -> list[str]:
        # typed: a department and a committee may share an id (民族宗教事务局, 民族宗教委)
        return [f"f:{t.form}", *(f"c:{c}" for c in (*t.lead[:1], *t.co))] + [
            *(f"d:{d}" for d in t.departments),
            *(f"l:{x}" for x in t.leaders),
        ]

    def place(self, t: _T, months: list[int]) -> None:
        unit = self.n / len(self.months)

        def score(m: int) -> float:
            s = self.month_load[m] / unit + 0.6 * sum(self.entity_load[k][m] for k in self.keys(t))
            return s + 0.5 * self.rng.random()

        free = [m for m in months if not self.away_in(t, m)]
        t.month = min(free or months, key=score)
        self.release(t, t.month)
        self.month_load[t.month] += 1
        for k in self.keys(t):
            self.entity_load[k][t.month] += 1

    def away_in(self, t: _T, m: int) -> bool:
        return any(m in self.away[x] for x in t.leaders)

    def release(self, t: _T, m: int) -> None:
        """Nowhere else to go: the topic's leaders are there in month m after all."""
        for x in t.leaders:
            self.away[x].discard(m)

    def schedule(self) -> None:
        # absences first (1–3 months a leader), so that the reference schedule works around them
        self.away = {x["id"]: set(self.rng.sample(self.months, self.rng.randint(1, 3))) for x in self.leaders}
        by_id = {t.id: t for t in self.topics}
        for t in self.topics:
            if t.form == "plenary":
                t.month = SESSION_MONTH
                self.month_load[t.month] += 1
                for k in self.keys(t):
                    self.entity_load[k][t.month] += 1
        # each body's two series: spaced two months apart inside their windows
        for form in (f["id"] for f in self.forms if f.get("min_gap_months")):
            series = [t for t in self.topics if t.form == form]
            if not series:
                continue
            slack = (LAST_MONTH - FIRST_MONTH) - 2 * (len(series) - 1)
            earliest = FIRST_MONTH + self.rng.randint(0, max(0, slack))
            for i, t in enumerate(series):
                # the first month from here on that its leaders are there for, if the rest still fit after it
                latest = LAST_MONTH - 2 * (len(series) - 1 - i)
                free = [m for m in range(earliest, latest + 1) if not self.away_in(t, m)]
                t.month = free[0] if free else min(earliest, latest)
                self.release(t, t.month)
                earliest = t.month + 2
                t.window = (min(t.month, self.rng.randint(3, 6)), LAST_MONTH)
                self.month_load[t.month] += 1
                for k in self.keys(t):
                    self.entity_load[k][t.month] += 1
        # chains in order, then the rest, most constrained first
        rest = [t for t in self.topics if t.month == 0]
        rest.sort(key=lambda t: (t.window[1] - t.window[0], bool(t.after)))
        done: set[str] = set()

        def place_chain(t: _T) -> None:
            for b in t.after:
                if b not in done:
                    place_chain(by_id[b])
            lo = max([t.window[0]] + [by_id[b].month + 1 for b in t.after])
            months = [m for m in self.months if lo <= m <= t.window[1]]
            if not months:  # the window is too tight after its predecessor: widen it
                t.window = (t.window[0], LAST_MONTH)
                months = [m for m in self.months if lo <= m <= LAST_MONTH]
            self.place(t, months)
            done.add(t.id)

        for t in rest:
            if t.id not in done:
                place_chain(t)

    # -- the plan -----------------------------------------------------------------------------
    def plan(self) -> dict:
        rng = self.rng
        usable = len(self.months)
        count: Counter[str] = Counter()
        for t in self.topics:
            for k in self.keys(t):
                count[k] += 1
        busy: dict[str, set[int]] = defaultdict(set)
        for t in self.topics:
            for x in t.leaders:
                busy[x].add(t.month)
        for x in self.leaders:
            away = self.away[x["id"]]
            if not away:  # every absence had to give way: one month the leader has nothing in, if any
                free = [m for m in self.months if m not in busy[x["id"]]]
                away = set(rng.sample(free, 1)) if free else set()
            x["unavailable_months"] = sorted(away)
            # comfortable load near the average use per month the leader is there
            avg = count[f"l:{x['id']}"] / max(1, usable - len(x["unavailable_months"]))
            x["max_per_month"] = max(1, round(avg))
        for d in self.departments:
            d["max_per_month"] = max(1, round(count[f"d:{d['id']}"] / usable))
        for c in self.committees:
            load = self.entity_load[f"c:{c['id']}"]
            # near the average monthly load; never below what the reference schedule needs
            c["max_per_month"] = max(math.ceil(count[f"c:{c['id']}"] / usable), max(load.values(), default=1))
        topics = []
        for t in self.topics:
            pinned = t.form != "plenary" and rng.random() < FIXED_SHARE
            preferred: list[int] = []
            if t.form != "plenary" and rng.random() < 0.5:
                near = [m for m in self.months if t.window[0] <= m <= t.window[1] and abs(m - t.month) <= 1]
                preferred = sorted(set(rng.sample(near, min(len(near), rng.randint(1, 2)))))
            topics.append(
                {
                    "id": t.id,
                    "title": t.title,
                    "form": t.form,
                    "lead_options": t.lead,
                    "co_organizers": t.co,
                    "departments": t.departments,
                    "leaders": t.leaders,
                    "window": list(t.window),
                    "preferred_months": preferred,
                    "fixed_month": t.month if pinned else None,
                    "after": t.after,
                    "notes": f"{t.body.name}政协",
                }
            )
        cap = max(math.ceil(MONTH_CAP_FACTOR * self.n / 10), max(self.month_load.values()))
        return {
            "format": PLAN_FORMAT,
            "body": "某省政协及所辖市政协",
            "year": self.year,
            "calendar": {
                "months": list(range(1, 13)),
                "blackout_months": list(BLACKOUT),
                "session_month": SESSION_MONTH,
                "max_topics_per_month": cap,
            },
            "forms": self.forms,
            "committees": self.committees,
            "departments": self.departments,
            "leaders": self.leaders,
            "topics": topics,
        }


def province_plan_and_reference(
    n_topics: int, *, seed: int = 0, year: int = 2025, cities: int | None = None
) -> tuple[Plan, Schedule]:
    """A province + city 政协 plan of ``n_topics`` topics and a schedule keeping every hard rule.

    ``cities``: how many city 政协s (default drawn from 15–40, fewer when the plan
    is too small for that many bodies of ~25 topics). Raises ValueError below 20 topics.
    """
    if n_topics < 20:
        raise ValueError("a province plan needs at least 20 topics")
    p = _Province(n_topics, seed, year, cities)
    bodies = [p.body(i) for i in range(p.k + 1)]
    n_prov = round(n_topics * PROVINCE_SHARE)
    sizes = [n_prov] + [0] * p.k
    # cities differ in size: a larger city proposes more topics
    weights = [p.rng.uniform(0.5, 1.5) for _ in range(p.k)]
    rest = n_topics - n_prov
    for j, w in enumerate(weights):
        sizes[j + 1] = max(1, int(rest * w / sum(weights)))
    sizes[0] += n_topics - sum(sizes)
    for b, size in zip(bodies, sizes, strict=True):
        p.build_body(b, size)
    p.schedule()
    plan = parse_plan(p.plan())
    reference = Schedule(
        plan_year=year,
        status="feasible",
        assignments=[Assignment(topic=t.id, month=t.month, lead=t.lead[0]) for t in p.topics],
    )
    return plan, reference


def province_plan(n_topics: int, *, seed: int = 0, year: int = 2025, cities: int | None = None) -> Plan:
    """A province-wide plan (see the module docstring), feasible for the hard rules."""
    return province_plan_and_reference(n_topics, seed=seed, year=year, cities=cities)[0]
