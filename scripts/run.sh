#!/usr/bin/env bash
# Start the app on the embedded SQLite database (var/xieshang.sqlite3, created
# with the sample plans on first start) and one local worker process that
# computes the solves (its queue: var/xieshang.queue.sqlite3 beside the
# database). Set DATABASE_URL to use PostgreSQL, QUEUE_URL=redis://… to share
# the queue with workers on other machines (README: "Workers").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# One worker for every job and one for small plans only (--lane express), so a
# city's plan never waits for a province's long solve. WORKERS=0: no local
# workers (the solves run on other machines' workers).
pids=()
if [ "${WORKERS:-1}" != 0 ]; then
  .venv/bin/python -m jobs.worker --workers "${WORKERS:-1}" &
  pids+=($!)
  .venv/bin/python -m jobs.worker --lane express &
  pids+=($!)
fi
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT INT TERM
.venv/bin/python -m streamlit run app.py --server.headless true "$@"
