"""Tests: fast hashing, in-memory cache and email, immediate tasks, plain static files."""

import os

os.environ.setdefault("EMAIL_BACKEND", "locmem")
os.environ.setdefault("TASK_BACKEND", "immediate")

from config.settings.base import *  # noqa: E402,F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
