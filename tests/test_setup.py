"""What an operator relies on: the console command, generated secrets and a README that lists every setting."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_kurultai_command_is_installed_and_runs_django_commands():
    exe = shutil.which("kurultai") or str(ROOT / ".venv" / "bin" / "kurultai")
    result = subprocess.run([exe, "help"], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "load_demo" in result.stdout and "migrate" in result.stdout


def test_secret_key_is_generated_once_and_kept(tmp_path):
    import os
    import sys

    env = {**os.environ, "KURULTAI_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "kurultai.settings"}
    env.pop("KURULTAI_SECRET_KEY", None)
    code = "from django.conf import settings; print(settings.SECRET_KEY)"
    keys = [
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
        for _ in range(2)
    ]
    assert keys[0] == keys[1] and len(keys[0].strip()) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_readme_documents_every_setting():
    settings_source = (ROOT / "src" / "kurultai" / "settings.py").read_text()
    names = set(re.findall(r'env(?:_bool|_list)?\("([A-Z_]+)"', settings_source))
    readme = (ROOT / "README.md").read_text()
    missing = sorted(name for name in names if f"`{name}`" not in readme)
    assert not missing, f"README does not document: {missing}"


@pytest.mark.parametrize("command", ["make run", "make test"])
def test_readme_shows_the_two_commands(command):
    assert command in (ROOT / "README.md").read_text()


@pytest.mark.django_db
def test_models_and_migrations_agree():
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
