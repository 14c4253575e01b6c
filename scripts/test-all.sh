#!/usr/bin/env bash
# Run the suite on SQLite, then again on PostgreSQL when a server answers on 127.0.0.1:5432.
set -u
cd "$(dirname "$0")/.."
BIN=.venv/bin
PG_URL=${KURULTAI_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/kurultai}
WORKERS=${PYTEST_WORKERS:-auto}

echo "== Test pass 1: SQLite"
env -u DATABASE_URL KURULTAI_VAR_DIR="$(mktemp -d)" "$BIN/pytest" -n "$WORKERS" --dist worksteal -q "$@"
sqlite_rc=$?

if "$BIN/python" - "$PG_URL" <<'PY'
import sys
import psycopg
url = sys.argv[1].rsplit("/", 1)[0] + "/postgres"
try:
    psycopg.connect(url, connect_timeout=3).close()
except Exception as exc:  # noqa: BLE001
    print(f"PostgreSQL not reachable ({exc.__class__.__name__}): {exc}".strip())
    sys.exit(1)
PY
then
  echo "== Test pass 2: PostgreSQL ($PG_URL, throw-away test databases; browser journeys ran in pass 1)"
  DATABASE_URL="$PG_URL" KURULTAI_VAR_DIR="$(mktemp -d)" "$BIN/pytest" -n "$WORKERS" --dist worksteal -q -m "not browser" "$@"
  pg_rc=$?
else
  echo "== Test pass 2: PostgreSQL SKIPPED (no server at $PG_URL)"
  pg_rc=0
fi

echo "== Summary: SQLite exit $sqlite_rc; PostgreSQL exit $pg_rc"
[ "$sqlite_rc" -eq 0 ] && [ "$pg_rc" -eq 0 ]
