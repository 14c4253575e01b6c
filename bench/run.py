"""`make bench`: seed a benchmark volume, serve it the production way, measure it with wrk, print a table.

The server (gunicorn, BENCH_WORKERS sync workers, 2 by default) runs pinned to one core and wrk to
another (``taskset``), so the load generator does not starve the server. Per page: requests/s and
p50/p95/p99 at each of BENCH_CONNECTIONS (50 and 300), anonymous and signed in (the session of a bench
participant), then the forum-day mix. PostgreSQL is used when it answers on 127.0.0.1:5432 (database
``kurultai_bench``, recreated); SQLite under var/bench otherwise.

    make bench                       # full run, 20 s per measurement
    make bench BENCH_SECONDS=5       # short run
    make bench PEER=pretalx          # also pretalx's talk list, installed from PyPI into var/bench/pretalx
    make bench BENCH_SCALE=10        # 10× the volume (4,000 recommendations, 1,000,000 notifications …); 100 for 100×

Environment: BENCH_SECONDS, BENCH_CONNECTIONS ("50,300"), BENCH_WORKERS, BENCH_SCALE, BENCH_PORT, PEER,
BENCH_ONLY (comma-separated page names), BENCH_SQLITE=1 (skip PostgreSQL), BENCH_NO_REDIS=1 (skip Redis, which
is otherwise used as in production when it answers on 127.0.0.1:6379: cache, sessions, content versions).
"""

from __future__ import annotations

import contextlib
import json
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
LUA = ROOT / "bench" / "wrk"
PORT = int(os.environ.get("BENCH_PORT", "8001"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "20"))
CONNECTIONS = [int(c) for c in os.environ.get("BENCH_CONNECTIONS", "50,300").split(",") if c]
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
SCALE = int(os.environ.get("BENCH_SCALE", "1"))
PEER = os.environ.get("PEER", "")
ONLY = {name.strip() for name in os.environ.get("BENCH_ONLY", "").split(",") if name.strip()}
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
REDIS_URL = "redis://127.0.0.1:6379/14"
CORES = os.cpu_count() or 1


def pinned(core: int, command: list[str]) -> list[str]:
    """``command`` bound to one core when there are at least two and taskset exists."""
    if CORES >= 2 and shutil.which("taskset"):
        return ["taskset", "-c", str(core), *command]
    return command


SERVER_CORE = 1
LOADGEN_CORE = 0


def database_url() -> tuple[str, str]:
    """A fresh benchmark database: PostgreSQL when reachable, else SQLite."""
    if not os.environ.get("BENCH_SQLITE"):
        try:
            import psycopg

            with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as conn:
                conn.execute("DROP DATABASE IF EXISTS kurultai_bench WITH (FORCE)")
                conn.execute("CREATE DATABASE kurultai_bench")
            return "postgres://postgres@127.0.0.1:5432/kurultai_bench", "PostgreSQL"
        except Exception as exc:
            print(f"PostgreSQL not available ({exc.__class__.__name__}); benchmarking on SQLite.")
    return f"sqlite:///{VAR / 'bench.sqlite3'}", "SQLite"


def analyze(url: str) -> None:
    """Planner statistics for the freshly seeded tables, as autovacuum keeps them on a database in use."""
    if url.startswith("postgres"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("ANALYZE")
    else:
        import sqlite3

        with contextlib.closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as conn:
            conn.execute("ANALYZE")


def shared_cache() -> str:
    """Redis (database 14, emptied) when it answers on 127.0.0.1:6379, as in production; else ""."""
    if os.environ.get("BENCH_NO_REDIS"):
        return ""
    try:
        import redis

        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        client.flushdb()
    except Exception as exc:
        print(f"Redis not available ({exc.__class__.__name__}); caches in the database and in each worker.")
        return ""
    return REDIS_URL


def run(env: dict, *args: str) -> str:
    return subprocess.run(list(args), env=env, check=True, capture_output=True, text=True).stdout


def wait_for(url: str, seconds: int = 90) -> None:
    for _ in range(seconds * 2):
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own local server
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{url} did not answer")


def serve(command: list[str], env: dict, cwd: Path | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        pinned(SERVER_CORE, command), env=env, cwd=cwd, start_new_session=True, stdout=subprocess.DEVNULL
    )


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def wrk(url: str, script: str, connections: int, extra_env: dict) -> dict:
    """One wrk measurement; returns its JSON summary."""
    env = {**os.environ, "BENCH_LUA_DIR": str(LUA), **extra_env}
    threads = 1 if CORES <= 2 else 2
    out = subprocess.run(
        pinned(
            LOADGEN_CORE,
            [
                "wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{SECONDS}s",
                "--timeout",
                "10s",
                "-s",
                str(LUA / script),
                url,
            ],
        ),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    drain(url)
    for line in out.stdout.splitlines():
        if line.startswith("BENCH "):
            return json.loads(line[6:])
    print(f"  wrk gave no result: {out.stderr.strip()[-300:]}")
    return {"requests": 0, "rps": 0, "p50": 0, "p95": 0, "p99": 0, "errors": -1}


def drain(url: str) -> None:
    """Wait until the server has worked off the requests still queued when wrk stopped."""
    for _ in range(120):
        started = time.monotonic()
        with contextlib.suppress(OSError):
            urllib.request.urlopen(url, timeout=30).read()  # noqa: S310 - our own local server
        if time.monotonic() - started < 0.5:
            return


def warm(base: str, paths: list[str], cookie: str = "") -> None:
    for path in paths:
        request = urllib.request.Request(base + path, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
        try:
            urllib.request.urlopen(request, timeout=30).read()  # noqa: S310 - our own local server
        except OSError as exc:
            print(f"  warm-up of {path} failed: {exc}")


def kurultai_pages(facts: dict) -> list[tuple[str, list[str]]]:
    forum = facts["forum"]
    recs = facts["recommendations"] or [facts["recommendation_range"][0]]
    pages = max(1, facts["recommendation_count"] // 20)
    return [
        ("stylesheet (static)", [facts["stylesheet"]] if facts["stylesheet"] else []),
        ("home", ["/en/"]),
        ("forum list", ["/en/forums/"]),
        ("forum page", [f"/en/forums/{forum}/"]),
        ("session page", [f"/en/forums/{forum}/sessions/{n}/" for n in range(1, 5)]),
        ("recommendation list", [f"/ru/recommendations/?page={n}" for n in range(1, min(pages, 10) + 1)]),
        ("recommendation page", [f"/en/recommendations/{pk}/" for pk in recs[:20]]),
        ("directory", ["/en/organisations/"]),
        ("search", ["/en/search/?q=water"]),
    ]


def measure_kurultai(rows: list[dict], base: str, facts: dict) -> None:
    people = {"anonymous": "", "signed in": facts["participant"]}
    for name, paths in kurultai_pages(facts):
        if not paths or (ONLY and name not in ONLY):
            continue
        for who, cookie in people.items():
            if name.startswith("stylesheet") and who != "anonymous":
                continue
            warm(base, paths, cookie)
            for connections in CONNECTIONS:
                result = wrk(
                    base + paths[0], "pages.lua", connections, {"BENCH_PATHS": " ".join(paths), "BENCH_COOKIE": cookie}
                )
                rows.append({"server": "kurultai", "page": name, "who": who, "connections": connections, **result})
                print_row(rows[-1])
    if not ONLY or "forum day" in ONLY:
        env = {
            "BENCH_FORUM": facts["forum"],
            "BENCH_RECS": " ".join(str(pk) for pk in facts["recommendations"]),
            "BENCH_PEOPLE": "|".join(facts["participants"]),
            "BENCH_EDITOR": facts["editor"],
            "BENCH_EDITOR_CSRF": facts["editor_csrf"],
        }
        for connections in CONNECTIONS:
            result = wrk(base + "/en/", "forumday.lua", connections, env)
            rows.append(
                {
                    "server": "kurultai",
                    "page": "forum day (mix)",
                    "who": "signed in",
                    "connections": connections,
                    **result,
                }
            )
            print_row(rows[-1])


HEADER = (
    f"| {'server':9} | {'page':24} | {'who':9} | {'conns':>5} | {'req/s':>8} | {'p50 ms':>7} | {'p95 ms':>7} "
    f"| {'p99 ms':>7} | {'errors':>6} |"
)


def print_row(row: dict) -> None:
    print(
        f"| {row['server']:9} | {row['page']:24} | {row['who']:9} | {row['connections']:>5} | {row['rps']:>8.1f} | "
        f"{row['p50']:>7.1f} | {row['p95']:>7.1f} | {row['p99']:>7.1f} | {row['errors']:>6} |",
        flush=True,
    )


def print_table(rows: list[dict]) -> None:
    print()
    print(HEADER)
    print("|" + "|".join("-" * len(cell) for cell in HEADER.split("|")[1:-1]) + "|")
    for row in rows:
        print_row(row)


def print_ratios(rows: list[dict]) -> None:
    def rps(server: str, page: str, who: str, connections: int) -> float:
        for row in rows:
            if (row["server"], row["page"], row["who"], row["connections"]) == (server, page, who, connections):
                return row["rps"]
        return 0.0

    print()
    for connections in CONNECTIONS:
        static = rps("kurultai", "stylesheet (static)", "anonymous", connections)
        peer = rps("pretalx", "talk list", "anonymous", connections)
        for page in ("recommendation list", "forum page", "recommendation page"):
            for who in ("anonymous", "signed in"):
                ours = rps("kurultai", page, who, connections)
                parts = [f"{page}, {who}, {connections} connections: {ours:.0f} req/s"]
                if static and who == "anonymous":
                    parts.append(f"{ours / static:.2f}× the static stylesheet")
                if peer:
                    parts.append(f"{ours / peer:.1f}× pretalx's talk list")
                print("; ".join(parts))


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{CORES} cores ({cpu or 'unknown CPU'}), Python {sys.version.split()[0]}"


def main() -> int:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk; see scripts/system-deps.sh).")
    shutil.rmtree(VAR / "kurultai", ignore_errors=True)
    (VAR / "kurultai").mkdir(parents=True)
    url, engine = database_url()
    if engine == "SQLite":
        url = f"sqlite:///{VAR / 'kurultai' / 'bench.sqlite3'}"
    cache = shared_cache()
    env = {
        **os.environ,
        **({"KURULTAI_REDIS_URL": cache} if cache else {}),
        "DATABASE_URL": url,
        "KURULTAI_VAR_DIR": str(VAR / "kurultai"),
        "KURULTAI_LOG_LEVEL": "WARNING",
        "KURULTAI_DEBUG": "false",
    }
    if cache:
        engine += " + Redis"
    print(f"Seeding ×{SCALE} on {engine} …", flush=True)
    kurultai = str(BIN / "kurultai")
    run(env, kurultai, "migrate", "--no-input")
    started = time.monotonic()
    seeded = run(
        env,
        kurultai,
        "seed_bench",
        "--forums",
        str(10 * SCALE),
        "--recommendations",
        str(400 * SCALE),
        "--organisations",
        str(10000 * SCALE),
    )
    print(seeded.strip())
    print(f"seeded in {time.monotonic() - started:.0f} s", flush=True)
    analyze(url)
    run(env, kurultai, "collectstatic", "--no-input")
    facts = json.loads(run(env, str(BIN / "python"), str(ROOT / "bench" / "prepare.py")).strip().splitlines()[-1])
    print(f"{facts['recommendation_count']} recommendations; pages of forum {facts['forum']!r}", flush=True)
    rows: list[dict] = []
    base = f"http://127.0.0.1:{PORT}"
    print(
        f"\n{engine}; gunicorn {WORKERS} sync workers on core {SERVER_CORE}, wrk on core {LOADGEN_CORE}; "
        f"{SECONDS} s each"
    )
    print(HEADER, flush=True)
    server = serve(
        [
            str(BIN / "gunicorn"),
            "kurultai.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        env,
    )
    try:
        wait_for(f"{base}/en/")
        measure_kurultai(rows, base, facts)
    finally:
        stop(server)
    if not os.environ.get("BENCH_NO_SCALE"):
        print("\nQueries and server time per page at this volume (in-process, signed in):", flush=True)
        scale = run(env, str(BIN / "python"), str(ROOT / "bench" / "scale.py"), "--notifications", str(100000 * SCALE))
        print(scale.strip(), flush=True)
    if PEER == "pretalx":
        from bench import pretalx

        rows.extend(pretalx.measure(VAR / "pretalx", PORT + 1, wrk, warm, print_row))
    elif PEER:
        print(f"Unknown PEER={PEER!r}: only pretalx is supported.")
    print(
        f"\n{engine}, {machine()}; gunicorn {WORKERS} sync workers pinned to one core, wrk to the other; "
        f"{SECONDS} s per line"
    )
    print_table(rows)
    print_ratios(rows)
    (VAR / "results.json").write_text(json.dumps({"engine": engine, "machine": machine(), "rows": rows}, indent=1))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
