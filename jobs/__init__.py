"""Solve jobs run by worker processes (issue 13).

- :mod:`jobs.queue` — the queue engine (Huey on SQLite or Redis): hands job ids to workers;
  recovery of jobs lost by a killed worker or a restarted broker
- :mod:`jobs.settings` — the administrator's settings (time limit, jobs per planner, heartbeat timeout)
- :mod:`jobs.runner` — what a worker does with one job id: claim, heartbeat, solve, keep the answer
- :mod:`jobs.worker` — ``python -m jobs.worker``: start a worker process

The record of a job lives in our database (:mod:`store.jobs`); the queue engine
only carries ids. No streamlit here.
"""
