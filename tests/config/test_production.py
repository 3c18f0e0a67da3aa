"""The production block of .env.example is a working production configuration."""

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENV_EXAMPLE = ROOT / ".env.example"


def _read_block(name):
    """Parse the block with the same code CI uses (scripts/env_block.py)."""
    spec = importlib.util.spec_from_file_location("env_block", ROOT / "scripts" / "env_block.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.read_block(ENV_EXAMPLE.read_text(), name)


@pytest.fixture(scope="module")
def production_env():
    block = _read_block("production")
    # Only the block: nothing from the test run (its settings module, a DATABASE_URL,
    # a SECRET_KEY) may make the check pass or fail.
    keep = {"PATH", "HOME", "LANG", "LC_ALL", "PYTHONPATH", "SYSTEMROOT", "TMPDIR"}
    env = {key: value for key, value in os.environ.items() if key in keep}
    env.update(block)
    return env


def _run(env, *args):
    return subprocess.run(  # noqa: S603
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
    )


def test_every_variable_the_settings_read_is_documented():
    read = set()
    for path in (ROOT / "config").rglob("*.py"):
        read |= set(
            re.findall(r"env(?:_bool|_int|_list|_required)?\(\"([A-Z0-9_]+)\"", path.read_text())
        )
    documented = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", ENV_EXAMPLE.read_text(), re.MULTILINE))
    assert read, "found no env(...) calls in config/"
    assert read - documented == set()


def test_production_block_sets_the_production_settings_module(production_env):
    assert production_env["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    assert "replace-me" in production_env["SECRET_KEY"]
    assert len(production_env["SECRET_KEY"]) >= 50


def test_deploy_check_passes_with_the_production_block(production_env):
    result = _run(production_env, "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_production_turns_on_https_only_cookies_and_hsts(production_env):
    script = (
        "import json, config.settings.production as s; print(json.dumps({k: getattr(s, k) "
        "for k in ['DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', "
        "'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', "
        "'SECURE_HSTS_PRELOAD', 'SECURE_PROXY_SSL_HEADER', 'TASKS', 'CACHES']}))"
    )
    result = _run(production_env, "-c", script)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 365
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_HSTS_PRELOAD"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["TASKS"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert values["CACHES"]["default"]["BACKEND"].endswith("RedisCache")


def test_production_defaults_are_secure_without_the_toggles(production_env):
    """Leaving the SECURE_* variables out must not weaken HTTPS or cookies."""
    env = {k: v for k, v in production_env.items() if not k.startswith("SECURE_")}
    script = (
        "import json, config.settings.production as s; print(json.dumps([s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE]))"
    )
    result = _run(env, "-c", script)
    assert result.returncode == 0, result.stderr
    redirect, hsts_seconds, session_secure, csrf_secure = json.loads(result.stdout)
    assert redirect and session_secure and csrf_secure
    assert hsts_seconds >= 60 * 60 * 24 * 365
