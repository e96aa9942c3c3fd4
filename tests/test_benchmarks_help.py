"""Every benchmark answers ``--help`` as written in its docstring, before it starts Django or does any work."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"
SCRIPTS = sorted(
    path.relative_to(ROOT).as_posix()
    for path in BENCHMARKS.rglob("*")
    if path.is_file()
    and "__pycache__" not in path.parts
    and path.name != "__init__.py"
    and (path.suffix == ".py" or (path.suffix == "" and os.access(path, os.X_OK)))
)


def test_the_benchmarks_are_found():
    """The list below is not empty by accident: the HTTP runner and the search benchmark are in it."""
    assert "benchmarks/web/run" in SCRIPTS
    assert "benchmarks/search_bench.py" in SCRIPTS


@pytest.mark.parametrize("script", SCRIPTS)
def test_help_prints_usage_without_starting_django(script):
    """``script --help`` exits 0 with a usage line; Django settings that cannot load prove it parsed its
    arguments before starting Django (a script that set Django up first would fail on them)."""
    command = [str(ROOT / script), "--help"] if script.endswith("/run") else [sys.executable, script, "--help"]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "no_such_settings_module", "DATABASE_URL": "nosuchdb://"}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: "), result.stdout
