"""Production: everything from the environment; refuses to start without SECRET_KEY."""

import os

os.environ.setdefault("TASK_BACKEND", "database")
# Reuse database connections: opening one costs about 8 ms, more than a thread page's
# own work (measured by `make bench`).
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "60")

from config.env import env_bool, env_int, env_required  # noqa: E402
from config.settings.base import *  # noqa: E402,F403

SECRET_KEY = env_required("SECRET_KEY")
DEBUG = False

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
