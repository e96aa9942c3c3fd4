"""The environment-driven settings: parsing, the secret-key rule and the production checks."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import pytest

from cms.settings import env_bool, env_list

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    "DJANGO_ALLOWED_HOSTS": "www.tanjungpinangkota.go.id",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://www.tanjungpinangkota.go.id",
    "DATABASE_URL": "postgresql://cms:secret@db.internal:5432/cms",
    "REDIS_URL": "redis://127.0.0.1:6379/1",
}


def run_python(code, env):
    clean = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    clean.update(env)
    clean["DJANGO_SETTINGS_MODULE"] = "cms.settings"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def test_env_bool_reads_common_spellings(monkeypatch):
    """Booleans accept 1/0, true/false, yes/no, on/off and refuse anything else."""
    for raw, expected in [
        ("1", True),
        ("true", True),
        ("Yes", True),
        ("on", True),
        ("0", False),
        ("false", False),
        ("", False),
    ]:
        monkeypatch.setenv("X_FLAG", raw)
        assert env_bool("X_FLAG") is expected
    monkeypatch.delenv("X_FLAG")
    assert env_bool("X_FLAG", default=True) is True
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env_bool("X_FLAG")


def test_env_list_splits_commas_and_drops_blanks(monkeypatch):
    """Comma-separated host lists are trimmed and blanks dropped."""
    monkeypatch.setenv("X_HOSTS", " a.example , ,b.example,")
    assert env_list("X_HOSTS") == ["a.example", "b.example"]


def test_refuses_to_start_without_secret_key_outside_debug():
    """With DEBUG off and no DJANGO_SECRET_KEY, Django refuses to start with a clear message."""
    result = run_python("import django; django.setup()", {"DJANGO_DEBUG": "0"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_runs_without_secret_key():
    """A developer's machine (DJANGO_DEBUG=1) needs no secret key."""
    result = run_python("import django; django.setup(); print('ok')", {"DJANGO_DEBUG": "1"})
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout


def test_environment_chooses_database_cache_and_hosts():
    """DATABASE_URL picks PostgreSQL, REDIS_URL picks the Redis cache, hosts come from the environment."""
    code = (
        "from django.conf import settings as s; import django; django.setup();"
        "print(s.DATABASES['default']['ENGINE']); print(s.DATABASES['default']['HOST']);"
        "print(s.CACHES['default']['BACKEND']); print(s.ALLOWED_HOSTS); print(s.CSRF_TRUSTED_ORIGINS)"
    )
    result = run_python(code, PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "django.db.backends.postgresql"
    assert lines[1] == "db.internal"
    assert lines[2] == "django_redis.cache.RedisCache"
    assert lines[3] == "['www.tanjungpinangkota.go.id']"
    assert lines[4] == "['https://www.tanjungpinangkota.go.id']"


def test_sqlite_is_the_default_database():
    """With no DATABASE_URL the site runs on an SQLite file in the project."""
    result = run_python(
        "from django.conf import settings as s; import django; django.setup(); print(s.DATABASES['default']['NAME'])",
        {"DJANGO_DEBUG": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(ROOT / "db.sqlite3")


def test_check_deploy_is_clean_with_documented_production_environment():
    """``manage.py check --deploy`` prints no warnings under the .env.example production settings."""
    clean = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    clean.update(PRODUCTION_ENV)
    clean["DJANGO_SETTINGS_MODULE"] = "cms.settings"
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_env_example_documents_every_variable_the_settings_read():
    """Every environment variable cms/settings.py reads is documented in .env.example."""
    import re

    source = (ROOT / "cms" / "settings.py").read_text()
    read = set(re.findall(r'(?:environ\.get|env_bool|env_list)\(\s*"([A-Z_]+)"', source))
    read |= set(re.findall(r"dj_database_url\.config\(", source)) and {"DATABASE_URL"}
    documented = set(re.findall(r"^#?\s*([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))
    assert read - documented == set()
