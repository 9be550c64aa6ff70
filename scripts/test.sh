#!/usr/bin/env bash
# Run the whole test suite: solver, data layer (SQLite, and PostgreSQL when
# TEST_DATABASE_URL is set), paperwork, pages (AppTest) and the real browser test.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages for the browser and document tests (Debian; needs root).
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium chromium-driver)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${need[*]} ..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "Missing system packages: ${need[*]} (browser/document tests will fail under CI=true)" >&2
  fi
fi

bash scripts/setup.sh
exec .venv/bin/python -m pytest "$@"
