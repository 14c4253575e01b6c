"""`make bench`: seed a realistic volume, serve it the production way, drive concurrent clients, print latencies.

PostgreSQL is used when it answers on 127.0.0.1:5432 (database ``kurultai_bench``, recreated);
SQLite under var/bench otherwise. BENCH_USERS, BENCH_SECONDS and BENCH_WORKERS tune the run.
"""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
VAR = ROOT / "var" / "bench"
PORT = int(os.environ.get("BENCH_PORT", "8001"))
USERS = int(os.environ.get("BENCH_USERS", "300"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "60"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"


def database_url() -> tuple[str, str]:
    """A fresh benchmark database: PostgreSQL when reachable, else SQLite."""
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as conn:
            conn.execute("DROP DATABASE IF EXISTS kurultai_bench WITH (FORCE)")
            conn.execute("CREATE DATABASE kurultai_bench")
        return "postgres://postgres@127.0.0.1:5432/kurultai_bench", "PostgreSQL"
    except Exception as exc:
        print(f"PostgreSQL not available ({exc.__class__.__name__}); benchmarking on SQLite.")
        return f"sqlite:///{VAR / 'bench.sqlite3'}", "SQLite"


def kurultai(env: dict, *args: str) -> str:
    return subprocess.run([str(BIN / "kurultai"), *args], env=env, check=True, capture_output=True, text=True).stdout


def main() -> int:
    shutil.rmtree(VAR, ignore_errors=True)
    VAR.mkdir(parents=True)
    url, engine = database_url()
    env = {**os.environ, "DATABASE_URL": url, "KURULTAI_VAR_DIR": str(VAR), "KURULTAI_LOG_LEVEL": "WARNING"}
    print(f"Seeding on {engine} …")
    kurultai(env, "migrate", "--no-input")
    print(kurultai(env, "seed_bench").strip())
    kurultai(env, "collectstatic", "--no-input")
    facts = (
        kurultai(
            env,
            "shell",
            "-c",
            "from kurultai.forums.models import Forum, Recommendation as R; from django.db.models import Min, Max;"
            "a = R.objects.aggregate(Min('id'), Max('id')); print(a['id__min'], a['id__max'], R.objects.count());"
            "print(','.join(Forum.objects.values_list('slug', flat=True)))",
        )
        .strip()
        .splitlines()
    )
    rec_min, rec_max, rec_count = facts[-2].split()
    env |= {
        "BENCH_FORUMS": facts[-1],
        "BENCH_RECOMMENDATIONS": f"{rec_min}-{rec_max}",
        "BENCH_LIST_PAGES": str(max(1, int(rec_count) // 20)),
    }
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "kurultai.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(WORKERS),
            "--worker-class",
            "gthread",
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        env=env,
        start_new_session=True,
    )
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/en/", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        print(f"Driving {USERS} concurrent clients for {SECONDS} s against gunicorn ({WORKERS} workers) …")
        subprocess.run(
            [
                str(BIN / "locust"),
                "-f",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                "-u",
                str(USERS),
                "-r",
                str(min(USERS, 100)),
                "-t",
                f"{SECONDS}s",
                "--host",
                f"http://127.0.0.1:{PORT}",
                "--csv",
                str(VAR / "locust"),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env=env,
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    return report(VAR / "locust_stats.csv", engine)


def report(path: Path, engine: str) -> int:
    rows = list(csv.DictReader(path.open()))
    print(f"\n{engine}, {USERS} concurrent clients, {SECONDS} s, {WORKERS} gunicorn workers × 4 threads\n")
    header = (
        f"| {'page':32} | {'requests':>8} | {'req/s':>7} | {'p50 ms':>6} | {'p95 ms':>6} | {'p99 ms':>6} "
        f"| {'errors':>6} |"
    )
    print(header)
    print("|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|")
    errors = 0
    for row in rows:
        name = row["Name"] if row["Name"] != "Aggregated" else "all pages"
        errors += int(row["Failure Count"]) if row["Name"] != "Aggregated" else 0
        print(
            f"| {name:32} | {row['Request Count']:>8} | {float(row['Requests/s']):>7.1f} | {row['50%']:>6} | "
            f"{row['95%']:>6} | {row['99%']:>6} | {row['Failure Count']:>6} |"
        )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
