"""`make bench`: production-like (DEBUG off, PostgreSQL, Redis, gunicorn) without TLS redirects.

Adds a plain "hello world" view (config/urls_bench.py) that the benchmark uses as its
ceiling, so page figures can be compared across machines as a share of it.
"""

import os

os.environ.setdefault("TASK_BACKEND", "immediate")
os.environ.setdefault("EMAIL_BACKEND", "locmem")
os.environ.setdefault("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/lnp_bench")
# Like production: Redis for the cache and (through it) the sessions. Its own database
# number, which the benchmark empties when it starts.
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/5")
# As the production block of .env.example: each worker keeps its connection (opening
# one costs PostgreSQL more than all of a thread page's queries).
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "60")

from config.settings.base import *  # noqa: E402,F403
from config.settings.base import STORAGES as BASE_STORAGES  # noqa: E402

DEBUG = False
SECRET_KEY = "bench-only-key-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "config.urls_bench"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": BASE_STORAGES["private"],
}
LOGGING = {"version": 1, "disable_existing_loggers": False}
