"""Time the data layer on a 1000-topic plan: load it, save it, save a schedule of it.

Target (issue 3): loading a 1000-topic plan from the database and saving a
schedule of it each take under 1 s, on SQLite and on PostgreSQL.

    python bench/bench_store.py                       # SQLite only
    python bench/bench_store.py --pg postgresql+psycopg://postgres@127.0.0.1:5432/test
    TEST_DATABASE_URL=… python bench/bench_store.py   # same as --pg

Each operation is timed through the public API (``store.api``: one call = one
transaction, validation included), 5 runs after one warm-up, median reported
(min and max beside it). SQLite runs on a fresh file in a temporary
directory; PostgreSQL on a throw-away database created on the given server and
dropped afterwards. The plan comes from ``tools.generate.generate_plan(1000,
seed=1)`` when available, else from a built-in template.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlalchemy
from sqlalchemy import create_engine

from solver.plan import Assignment, Finding, Plan, Schedule
from solver.validate import parse_plan
from store import api
from store.db import database_url, make_engine, upgrade

N_TOPICS = 1000
RUNS = 5
LIMIT_S = 1.0


def build_plan(n: int) -> tuple[Plan, str]:
    try:
        from tools.generate import generate_plan

        return generate_plan(n, seed=1), f"tools.generate.generate_plan({n}, seed=1)"
    except ImportError:
        pass
    committees = [{"id": f"c{i}", "name": f"专委会{i}", "max_per_month": 40} for i in range(12)]
    departments = [{"id": f"d{i}", "name": f"市直部门{i}", "max_per_month": 3} for i in range(60)]
    leaders = [
        {"id": f"l{i}", "name": f"领导{i}", "role": "副市长", "unavailable_months": [i % 12 + 1]} for i in range(15)
    ]
    forms = [
        {"id": "standing", "name": "专题议政性常委会议", "max_per_month": 200},
        {"id": "bimonthly", "name": "双月协商座谈会"},
        {"id": "counterpart", "name": "对口协商"},
    ]
    topics = []
    for i in range(n):
        lo = 3 + i % 6
        topics.append(
            {
                "id": f"T{i:04d}",
                "title": f"关于第{i}项重点工作的协商议题",
                "form": forms[i % 3]["id"],
                "lead_options": [f"c{i % 12}", f"c{(i + 5) % 12}"],
                "co_organizers": [f"c{(i + 1) % 12}"],
                "departments": [f"d{(i * 7 + k) % 60}" for k in range(3)],
                "leaders": [f"l{i % 15}"],
                "window": [lo, min(12, lo + 5)],
                "preferred_months": [lo + 1],
                "after": [f"T{i - 1:04d}"] if i % 10 else [],
                "notes": "先调研后协商",
            }
        )
    doc = {
        "format": "consult-plan/1",
        "body": "基准测试市政协",
        "year": 2030,
        "forms": forms,
        "committees": committees,
        "departments": departments,
        "leaders": leaders,
        "topics": topics,
    }
    return parse_plan(doc), "built-in template"


def build_schedule(plan: Plan) -> Schedule:
    assignments = []
    for t in plan.topics:
        lo, _hi = plan.window_of(t)
        assignments.append(Assignment(topic=t.id, month=t.fixed_month or lo, lead=t.lead_options[0]))
    warnings = [
        Finding(kind="department_overload", month=a.month, topics=[a.topic], message=f"示例警告 {a.topic}")
        for a in assignments[:100]
    ]
    return Schedule(plan_year=plan.year, status="feasible", assignments=assignments, warnings=warnings)


def timed(fn: Callable[[int], object], runs: int = RUNS) -> tuple[float, float, float]:
    fn(-1)  # warm-up (connection pool, statement caches)
    times = []
    for i in range(runs):
        t0 = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times), max(times)


def bench(engine, plan: Plan, schedule: Schedule) -> list[tuple[str, tuple[float, float, float], bool]]:
    upgrade(engine)
    plan_id = api.create_plan(engine, plan)
    version = [api.load_plan(engine, plan_id)[1]]
    results = []

    def create(i: int) -> None:
        api.create_plan(engine, plan.model_copy(update={"year": plan.year + 100 + i + 1}))

    def load(_i: int) -> None:
        api.load_plan(engine, plan_id)

    def save(_i: int) -> None:
        version[0] = api.save_plan(engine, plan_id, plan, version[0])

    def set_current(_i: int) -> None:
        api.set_current_schedule(engine, plan_id, schedule)

    def scenario(i: int) -> None:
        api.save_scenario(engine, plan_id, schedule, name=f"基准方案 {i}", author="bench")

    def load_scenario(_i: int) -> None:
        api.load_scenario(engine, first_scenario)

    def export(_i: int) -> None:
        api.export_plan_json(engine, plan_id, with_schedules=True)

    def compare(_i: int) -> None:
        api.compare_scenarios(engine, first_scenario, last_scenario)

    results.append(("load_plan (1000 topics)", timed(load), True))
    results.append(("set_current_schedule (1000 assignments)", timed(set_current), True))
    results.append(("save_scenario (1000 assignments)", timed(scenario), True))
    scen = api.list_scenarios(engine, plan_id)
    first_scenario, last_scenario = scen[0].id, scen[-1].id
    results.append(("save_plan (edit of 1000 topics)", timed(save), False))
    results.append(("create_plan (1000 topics)", timed(create), False))
    results.append(("load_scenario (1000 assignments)", timed(load_scenario), False))
    results.append(("compare_scenarios", timed(compare), False))
    results.append(("export_plan_json with 7 schedules", timed(export), False))
    return results


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pg", default=os.environ.get("TEST_DATABASE_URL"), help="PostgreSQL server URL")
    p.add_argument("--topics", type=int, default=N_TOPICS)
    args = p.parse_args(argv)

    plan, source = build_plan(args.topics)
    schedule = build_schedule(plan)
    links = sum(
        len(t.lead_options) + len(t.co_organizers) + len(t.departments) + len(t.leaders) + len(t.after)
        for t in plan.topics
    )
    print(f"plan: {len(plan.topics)} topics, {links} topic links, from {source}")
    print(
        f"python {platform.python_version()}, sqlalchemy {sqlalchemy.__version__}, "
        f"{os.cpu_count()} CPUs, {platform.platform()}"
    )

    rows: list[tuple[str, str, tuple[float, float, float], bool]] = []
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        for name, t, gated in bench(engine, plan, schedule):
            rows.append(("SQLite", name, t, gated))
        engine.dispose()

    if args.pg:
        server = database_url(args.pg)
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        db = f"xs_bench_{uuid.uuid4().hex[:10]}"
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{db}"')
        try:
            engine = make_engine(server.set(database=db))
            for name, t, gated in bench(engine, plan, schedule):
                rows.append(("PostgreSQL", name, t, gated))
            engine.dispose()
            with admin.connect() as conn:
                version = conn.exec_driver_sql("SHOW server_version").scalar()
            print(f"PostgreSQL server {version}")
        finally:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
            admin.dispose()
    else:
        print("PostgreSQL: skipped (no --pg URL / TEST_DATABASE_URL)")

    print()
    print(f"| backend | operation | median ms | min ms | max ms | target < {LIMIT_S:.0f} s |")
    print("| --- | --- | ---: | ---: | ---: | --- |")
    failed = False
    for backend, name, (med, lo, hi), gated in rows:
        verdict = ("ok" if med < LIMIT_S else "**FAIL**") if gated else "—"
        failed |= gated and med >= LIMIT_S
        print(f"| {backend} | {name} | {med * 1000:.0f} | {lo * 1000:.0f} | {hi * 1000:.0f} | {verdict} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
