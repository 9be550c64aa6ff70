#!/usr/bin/env bash
# Start the app on the embedded SQLite database (var/xieshang.sqlite3, created
# with the sample plans on first start). Set DATABASE_URL to use PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m streamlit run app.py --server.headless true "$@"
