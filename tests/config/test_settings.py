import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run_check(extra_env, *args):
    env = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(extra_env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _run_check({"DJANGO_SETTINGS_MODULE": "config.settings.production"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_base_settings_are_not_in_debug_mode():
    from config.settings import base

    assert base.DEBUG is False
    assert base.SECRET_KEY in (None, os.environ.get("SECRET_KEY"))


def test_public_csp_forbids_inline_code_and_framing():
    from django.conf import settings

    policy = settings.SECURE_CSP
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-eval'" not in str(policy)
