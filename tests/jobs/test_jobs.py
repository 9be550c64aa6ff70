"""Solve jobs end to end: a real broker, real worker processes, a real database (SQLite and PostgreSQL).

The SQLite database runs with the embedded SQLite queue (the default of
``scripts/run.sh``); PostgreSQL with a Redis queue (an office). Every answer
goes through the independent checker.
"""

from __future__ import annotations

import os
import signal

import pytest

from jobs import queue
from services import Reason, ServiceError, jobs, plans
from solver.options import SolveOptions
from solver.validate import load_plan, load_schedule
from store import api as store
from tests.actors import PLANNER, admin, planner
from tests.job_fixtures import ROOT, wait_for
from tests.solver.checked import assert_checked
from tools.generate import generate_plan

WEIHAI = ROOT / "data" / "weihai-2023.json"
JOB_TIMEOUT_S = 120  # a 2-core machine shared with other test runs


@pytest.fixture
def env(request, engine, db_url, backend, monkeypatch):
    """(database URL, queue URL or None) of this test: SQLite + SQLite queue, or PostgreSQL + Redis."""
    queue_url = request.getfixturevalue("redis_server").url if backend == "postgresql" else None
    monkeypatch.setenv("DATABASE_URL", db_url)
    if queue_url:
        monkeypatch.setenv("QUEUE_URL", queue_url)
    else:
        monkeypatch.delenv("QUEUE_URL", raising=False)
    return db_url, queue_url


@pytest.fixture
def weihai(engine):
    """The Weihai plan with its published schedule as the current one: (plan id, published schedule)."""
    pid = store.import_plan_json(engine, WEIHAI)
    published = load_schedule(ROOT / "data" / "weihai-2023.published.json", load_plan(WEIHAI))
    store.set_current_schedule(engine, pid, published, author="办公室")
    return pid, store.current_schedule(engine, pid)


def big_plan(engine, topics: int = 200, seed: int = 3) -> int:
    return store.create_plan(engine, generate_plan(topics, seed=seed))


def finished(engine, job_id: int, timeout: float = JOB_TIMEOUT_S) -> jobs.JobRecord:
    return wait_for(
        lambda: (j := jobs.job(engine, job_id, actor=PLANNER)).active is False and j, timeout, f"job {job_id}"
    )


def running(engine, job_id: int, timeout: float = JOB_TIMEOUT_S, attempts: int = 1) -> jobs.JobRecord:
    def ok():
        j = jobs.job(engine, job_id, actor=PLANNER)
        assert j.status in ("queued", "running"), (j.status, j.message)
        return j.status == "running" and j.attempts == attempts and j

    return wait_for(ok, timeout, f"job {job_id} running (attempt {attempts})")


def checked(engine, job: jobs.JobRecord) -> None:
    plan, _ = store.load_plan(engine, job.plan_id)
    assert_checked(plan, job.result, SolveOptions.model_validate(job.options))


def test_a_solve_job_ends_as_a_candidate_and_the_current_schedule_waits(env, engine, weihai, start_worker):
    pid, published = weihai
    options = SolveOptions(time_limit_s=5)
    job_id = jobs.submit_solve(engine, pid, 1, options, actor=planner("张三"))
    assert jobs.job(engine, job_id, actor=PLANNER).status == "queued"
    start_worker(*env)
    job = finished(engine, job_id)
    assert job.status == "done", job.message
    assert job.result.status == "optimal"
    checked(engine, job)
    assert job.author == "张三" and job.attempts == 1 and job.worker
    # progress points from CP-SAT's callbacks: time, best objective, bound; the last is the answer
    assert job.progress and job.progress[-1]["objective"] == job.result.objective
    assert all(p["t"] >= 0 for p in job.progress)
    # the candidate is stored, the current schedule is untouched until someone adopts it
    assert job.candidate_id is not None and job.adopted_at is None
    assert plans.current_schedule(engine, pid, actor=PLANNER) == published
    current = jobs.adopt(engine, job_id, actor=planner("李四"))
    assert current.month_of() == job.result.month_of()
    assert plans.current_schedule(engine, pid, actor=PLANNER).month_of() == job.result.month_of()
    adopted = jobs.job(engine, job_id, actor=PLANNER)
    assert adopted.adopted_by == "李四" and adopted.adopted_at is not None


def test_two_planners_solving_one_plan_get_two_candidates(env, engine, weihai, start_worker):
    pid, published = weihai
    a = jobs.submit_solve(engine, pid, 1, SolveOptions(time_limit_s=5), actor=planner("张三"))
    heavy_spread = SolveOptions(time_limit_s=5, weights={"uneven_spread": 100, "preferred_month_missed": 0})
    b = jobs.submit_solve(engine, pid, 1, heavy_spread, actor=planner("李四"))
    start_worker(*env, workers=2)
    ja, jb = finished(engine, a), finished(engine, b)
    assert (ja.status, jb.status) == ("done", "done")
    checked(engine, ja)
    checked(engine, jb)
    assert ja.candidate_id != jb.candidate_id
    assert plans.current_schedule(engine, pid, actor=PLANNER) == published  # neither overwrote it
    jobs.adopt(engine, b, actor=planner("李四"))
    assert plans.current_schedule(engine, pid, actor=PLANNER).month_of() == jb.result.month_of()
    assert jobs.job(engine, a, actor=PLANNER).candidate_id == ja.candidate_id  # the other candidate is still kept


def test_the_per_planner_limit_refuses_and_writes_nothing(env, engine, weihai):
    pid, _ = weihai
    jobs.set_setting(engine, "max_active_per_author", 1, actor=admin("管理员"))
    first = jobs.submit_solve(engine, pid, 1, SolveOptions(), actor=planner("张三"))
    with pytest.raises(ServiceError) as err:
        jobs.submit_solve(engine, pid, 1, SolveOptions(), actor=planner("张三"))
    assert err.value.reason is Reason.LIMIT
    assert "「张三」已有 1 个编排任务" in str(err.value) and "最多 1 个" in str(err.value)
    assert [j.id for j in jobs.plan_jobs(engine, pid, actor=PLANNER)] == [first]  # nothing written
    # another planner is not held back; a cancelled job no longer counts
    jobs.submit_solve(engine, pid, 1, SolveOptions(), actor=planner("李四"))
    jobs.cancel(engine, first, actor=PLANNER)
    jobs.submit_solve(engine, pid, 1, SolveOptions(), actor=planner("张三"))


def test_the_per_planner_limit_counts_accounts_not_names(env, engine, weihai):
    """Two accounts whose display names are the same are two planners; one account is one, whatever its name."""
    pid, _ = weihai
    jobs.set_setting(engine, "max_active_per_author", 1, actor=admin())
    jobs.submit_solve(engine, pid, 1, SolveOptions(), actor=planner("张三", account_id=101))
    jobs.submit_solve(engine, pid, 1, SolveOptions(), actor=planner("张三", account_id=102))  # another 张三
    with pytest.raises(ServiceError) as err:  # account 101 renamed meanwhile: still the same planner
        jobs.submit_solve(engine, pid, 1, SolveOptions(), actor=planner("张三丰", account_id=101))
    assert err.value.reason is Reason.LIMIT
    assert [j.account_id for j in jobs.plan_jobs(engine, pid, actor=PLANNER)] == [102, 101]


def test_the_administrators_time_limit_caps_the_options(env, engine, weihai):
    pid, _ = weihai
    jobs.set_setting(engine, "max_time_limit_s", 15, actor=admin("管理员"))
    job_id = jobs.submit_solve(engine, pid, 1, SolveOptions(time_limit_s=120), actor=planner("张三"))
    assert jobs.job(engine, job_id, actor=PLANNER).options["time_limit_s"] == 15
    assert jobs.settings(engine, actor=PLANNER).max_time_limit_s == 15
    with pytest.raises(ServiceError) as err:
        jobs.set_setting(engine, "max_time_limit_s", 0, actor=admin())
    assert err.value.reason is Reason.INVALID and "单次编排最长计算时间" in str(err.value)
    with pytest.raises(ServiceError, match="没有名为 speed 的设置"):
        jobs.set_setting(engine, "speed", 3, actor=admin())
    assert jobs.settings(engine, actor=PLANNER).max_time_limit_s == 15


def test_a_stale_plan_is_not_queued(env, engine, weihai):
    pid, _ = weihai
    plan, version = store.load_plan(engine, pid)
    plan.topics[0].notes = "他人修改"
    store.save_plan(engine, pid, plan, version, author="李四")
    with pytest.raises(ServiceError) as err:
        jobs.submit_solve(engine, pid, 1, SolveOptions(), actor=planner("张三"))
    assert err.value.reason is Reason.STALE
    assert jobs.plan_jobs(engine, pid, actor=PLANNER) == []


def test_small_plans_go_before_big_ones():
    assert jobs.priority_of(11) == jobs.priority_of(64) > jobs.priority_of(200) > jobs.priority_of(1000) >= 0


def test_cancel_a_queued_and_a_running_job(env, engine, weihai, start_worker):
    pid, _ = weihai
    queued = jobs.submit_solve(engine, pid, 1, SolveOptions(time_limit_s=5), actor=planner("张三"))
    assert jobs.cancel(engine, queued, actor=PLANNER).status == "cancelled"
    big = big_plan(engine)
    long = jobs.submit_solve(engine, big, 1, SolveOptions(time_limit_s=60), actor=planner("张三"))
    start_worker(*env)
    running(engine, long)
    wait_for(lambda: jobs.job(engine, long, actor=PLANNER).progress, 60, "progress points")
    jobs.cancel(engine, long, actor=PLANNER)
    job = finished(engine, long, timeout=30)  # seconds, not the minute of the time limit
    assert job.status == "cancelled" and job.message == "任务已取消"
    assert job.result is None and job.candidate_id is None
    assert (
        jobs.job(engine, queued, actor=PLANNER).status == "cancelled"
        and jobs.job(engine, queued, actor=PLANNER).attempts == 0
    )
    # the worker (or the fresh process that replaced it) takes the next job
    after = finished(engine, jobs.submit_solve(engine, pid, 1, SolveOptions(time_limit_s=5), actor=planner("李四")))
    assert after.status == "done"
    checked(engine, after)


def test_a_worker_killed_mid_job_is_retried_once_then_failed(env, engine, start_worker):
    jobs.set_setting(engine, "heartbeat_timeout_s", 3, actor=admin())
    pid = big_plan(engine)
    job_id = jobs.submit_solve(engine, pid, 1, SolveOptions(time_limit_s=60), actor=planner("张三"))
    start_worker(*env)
    first = running(engine, job_id)
    os.kill(int(first.worker.rsplit(":", 1)[1]), signal.SIGKILL)
    # the heartbeat goes stale; the job is queued again and the replacement worker process takes it
    second = running(engine, job_id, attempts=2)
    assert second.worker != first.worker
    os.kill(int(second.worker.rsplit(":", 1)[1]), signal.SIGKILL)
    job = finished(engine, job_id)
    assert job.status == "failed"
    assert "计算进程意外中断(已尝试 2 次)" in job.message
    assert job.result is None and job.candidate_id is None


def test_a_restarted_broker_loses_no_job(engine, db_url, weihai, redis_server, start_worker, monkeypatch):
    """Redis keeps nothing on disk here: the queued id is gone, the job row brings it back."""
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("QUEUE_URL", redis_server.url)
    pid, _ = weihai
    job_id = jobs.submit_solve(engine, pid, 1, SolveOptions(time_limit_s=5), actor=planner("张三"))
    huey = queue.get_huey(redis_server.url)
    assert queue.pending_job_ids(huey) == {job_id}
    redis_server.restart()
    assert queue.pending_job_ids(huey) == set()
    start_worker(db_url, redis_server.url)
    job = finished(engine, job_id)  # the worker's start-up recovery, or the page's look at the job, re-sent it
    assert job.status == "done"
    checked(engine, job)


def test_a_replan_job_keeps_its_answer_in_the_job(env, engine, weihai, start_worker):
    from solver import whatif

    pid, published = weihai
    plan, version = store.load_plan(engine, pid)
    edited = whatif.pin(plan, "T03", 9)
    options = SolveOptions(time_limit_s=5)
    job_id = jobs.submit_replan(engine, pid, version, edited, published, options, actor=planner("张三"))
    start_worker(*env)
    job = finished(engine, job_id)
    assert job.status == "done" and job.kind == "replan"
    assert job.result.month_of()["T03"] == 9
    assert_checked(edited, job.result, options, baseline=published)
    assert job.candidate_id is None  # it belongs to the edited copy: 推演 adopts it with the plan
    assert plans.current_schedule(engine, pid, actor=PLANNER) == published


def test_a_small_plan_goes_before_big_ones_queued_earlier(env, engine, weihai, start_worker):
    pid, _ = weihai
    big = big_plan(engine)
    options = SolveOptions(time_limit_s=2)
    first = jobs.submit_solve(engine, big, 1, options, actor=planner("省政协"))
    second = jobs.submit_solve(engine, big, 1, options, actor=planner("省政协"))
    small = jobs.submit_solve(engine, pid, 1, options, actor=planner("市政协"))
    start_worker(*env)  # one worker: it takes the small plan as soon as it is free
    recs = {j.id: j for j in (finished(engine, i) for i in (first, second, small))}
    assert all(r.status == "done" for r in recs.values())
    order = sorted(recs, key=lambda i: recs[i].started_at)
    assert order.index(small) < order.index(second)


def test_an_express_worker_solves_a_small_plan_while_a_big_one_runs(env, engine, weihai, start_worker):
    pid, _ = weihai
    big = jobs.submit_solve(engine, big_plan(engine), 1, SolveOptions(time_limit_s=60), actor=planner("省政协"))
    start_worker(*env)
    start_worker(*env, lane="express")
    running(engine, big)
    small = finished(engine, jobs.submit_solve(engine, pid, 1, SolveOptions(time_limit_s=5), actor=planner("市政协")))
    assert small.status == "done"
    checked(engine, small)
    assert jobs.job(engine, big, actor=PLANNER).status == "running"  # the small plan did not wait for it
    jobs.cancel(engine, big, actor=PLANNER)
    assert finished(engine, big, timeout=30).status == "cancelled"


def test_queued_ahead_counts_every_plan_by_priority(env, engine, weihai):
    pid, _ = weihai
    big = big_plan(engine)
    b1 = jobs.submit_solve(engine, big, 1, SolveOptions(), actor=planner("甲"))
    s1 = jobs.submit_solve(engine, pid, 1, SolveOptions(), actor=planner("乙"))
    b2 = jobs.submit_solve(engine, big, 1, SolveOptions(), actor=planner("丙"))
    s2 = jobs.submit_solve(engine, pid, 1, SolveOptions(), actor=planner("丁"))
    assert [jobs.queued_ahead(engine, j, actor=PLANNER) for j in (s1, s2, b1, b2)] == [0, 1, 2, 3]
    jobs.cancel(engine, s1, actor=PLANNER)
    assert jobs.queued_ahead(engine, b2, actor=PLANNER) == 2
