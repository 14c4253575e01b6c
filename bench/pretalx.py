"""`make bench PEER=pretalx`: the same measurement against pretalx's public talk list.

pretalx is installed from PyPI into its own virtual environment (it needs Python 3.12 or newer: the
first one found among python3.13, python3.12, pyenv's and uv's is used, and the run says so when there is
none), filled with its own demo data (``create_test_event``: an event with a published schedule of talks)
and served by gunicorn with the same number of sync workers, pinned to the same core as Kurultai's server.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

SLUG = "democon"
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"


def find_python() -> str | None:
    """A Python 3.12 or newer on this machine, or None."""
    candidates = [shutil.which(name) for name in ("python3.13", "python3.12")]
    candidates += sorted(glob.glob("/root/.pyenv/versions/3.1[2-9]*/bin/python"), reverse=True)
    candidates += sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.1[2-9]*/bin/python")), reverse=True)
    if shutil.which("uv"):
        found = subprocess.run(["uv", "python", "find", ">=3.12"], capture_output=True, text=True, check=False)
        candidates.append(found.stdout.strip() or None)
    for candidate in candidates:
        if not candidate:
            continue
        version = subprocess.run(
            [candidate, "-c", "import sys; print(sys.version_info >= (3, 12))"], capture_output=True, text=True
        )
        if version.stdout.strip() == "True":
            return candidate
    return None


def postgres_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as conn:
            conn.execute("DROP DATABASE IF EXISTS pretalx_bench WITH (FORCE)")
            conn.execute("CREATE DATABASE pretalx_bench")
    except Exception:
        return False
    return True


def install(home: Path, python: str) -> Path:
    venv = home / "venv"
    if not (venv / "bin" / "gunicorn").exists():
        subprocess.run([python, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [
                str(venv / "bin" / "pip"),
                "install",
                "--quiet",
                "pretalx",
                "gunicorn",
                "Faker",
                "freezegun",
                "psycopg[binary]",
            ],
            check=True,
        )
    return venv


def configure(home: Path, port: int) -> tuple[dict, str]:
    data = home / "data"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    if postgres_available():
        database, engine = (
            "[database]\nbackend = postgresql\nname = pretalx_bench\nuser = postgres\nhost = 127.0.0.1\nport = 5432\n",
            "PostgreSQL",
        )
    else:
        database, engine = "[database]\nbackend = sqlite3\n", "SQLite"
    config = home / "pretalx.cfg"
    config.write_text(
        f"[site]\ndebug = False\nurl = http://127.0.0.1:{port}\n\n[filesystem]\ndata = {data}\n\n{database}\n"
        "[mail]\nfrom = bench@example.org\n\n[celery]\n"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "KURULTAI_", "PYTHONPATH", "VIRTUAL_ENV"))
    }
    env |= {"PRETALX_CONFIG_FILE": str(config), "PRETALX_DATA_DIR": str(data)}
    return env, engine


def measure(home: Path, port: int, wrk: Callable, warm: Callable, print_row: Callable) -> list[dict]:
    from bench.run import CONNECTIONS, SERVER_CORE, WORKERS, pinned, stop, wait_for

    python = find_python()
    if python is None:
        print("\npretalx needs Python 3.12 or newer and none was found on this machine: no peer measurement.")
        return []
    print(f"\npretalx with {python} …", flush=True)
    home.mkdir(parents=True, exist_ok=True)
    venv = install(home, python)
    env, engine = configure(home, port)
    py = str(venv / "bin" / "python")
    admin = {
        "DJANGO_SUPERUSER_EMAIL": "bench-admin@example.org",
        "DJANGO_SUPERUSER_PASSWORD": "bench-admin-password-1",
        "PRETALX_INIT_ORGANISER_NAME": "Bench organiser",
        "PRETALX_INIT_ORGANISER_SLUG": "bench",
    }
    steps = (["migrate", "--no-input"], ["rebuild"], ["init", "--no-input"], ["create_test_event", "--seed", "1"])
    for args in steps:
        done = subprocess.run(
            [py, "-m", "pretalx", *args], env=env | admin, capture_output=True, text=True, check=False
        )
        if done.returncode:
            print(f"pretalx {' '.join(args)} failed:\n{done.stderr[-2000:]}")
            if args[0] != "rebuild":
                return []
    talks = (
        subprocess.run(
            [
                py,
                "-m",
                "pretalx",
                "shell",
                "--unsafe-disable-scopes",
                "-c",
                "from pretalx.submission.models import Submission; from pretalx.event.models import Event;"
                f"e = Event.objects.get(slug='{SLUG}');"
                "print(e.current_schedule.talks.filter(is_visible=True).count())",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        .stdout.strip()
        .splitlines()
    )
    talks = [line for line in talks if line.strip().isdigit()]
    print(f"pretalx {engine}: event {SLUG!r} with {talks[-1] if talks else '?'} scheduled talks", flush=True)
    server = subprocess.Popen(
        pinned(
            SERVER_CORE,
            [
                str(venv / "bin" / "gunicorn"),
                "pretalx.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(WORKERS),
                "--log-level",
                "warning",
            ],
        ),
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    rows = []
    try:
        wait_for(f"{base}/{SLUG}/talk/")
        paths = [f"/{SLUG}/talk/"]
        warm(base, paths)
        for connections in CONNECTIONS:
            result = wrk(
                base + paths[0], "pages.lua", connections, {"BENCH_PATHS": " ".join(paths), "BENCH_COOKIE": ""}
            )
            rows.append(
                {"server": "pretalx", "page": "talk list", "who": "anonymous", "connections": connections, **result}
            )
            print_row(rows[-1])
    finally:
        stop(server)
    (home / "facts.json").write_text(json.dumps({"python": python, "engine": engine, "talks": talks[-1:]}))
    return rows
