#!/usr/bin/env bash
# Start the app on the embedded SQLite database (var/xieshang.sqlite3, created
# with the sample plans on first start) and one local worker process that
# computes the solves (its queue: var/xieshang.queue.sqlite3 beside the
# database). Set DATABASE_URL to use PostgreSQL, QUEUE_URL=redis://… to share
# the queue with workers on other machines (README: "Workers").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# WORKERS=0: no local worker (the solves run on other machines' workers)
if [ "${WORKERS:-1}" != 0 ]; then
  .venv/bin/python -m jobs.worker --workers "${WORKERS:-1}" &
  worker=$!
  trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
fi
.venv/bin/python -m streamlit run app.py --server.headless true "$@"
