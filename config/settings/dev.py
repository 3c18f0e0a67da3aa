"""Local development: DEBUG on, console email, SQLite by default, immediate tasks."""

import os

os.environ.setdefault("EMAIL_BACKEND", "console")

from config.settings.base import *  # noqa: E402,F403
from config.settings.base import CACHES  # noqa: E402
from config.settings.base import STORAGES as BASE_STORAGES  # noqa: E402

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
if not os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": BASE_STORAGES["private"],
}
