#!/usr/bin/env bash
# Serve the way production does: a background-job worker beside gunicorn; both stop together.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
"$BIN/kurultai" worker >var/worker.log 2>&1 &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
"$BIN/gunicorn" kurultai.wsgi --bind "127.0.0.1:${PORT:-8000}" --workers "${WORKERS:-3}" --access-logfile -
