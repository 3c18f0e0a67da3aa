"""A per-member limit on writing (threads, replies, edits), counted in the cache.

Fixed windows: at most ``limit`` writes per ``window`` seconds. Accounts younger than a
day get a lower limit; staff editors are not limited. The cache is shared by every
worker (Redis or the database cache in production), so the limit holds across them.
"""

import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

DEFAULT_LIMITS = {
    "window": 10 * 60,
    "limit": 20,
    "new_account_limit": 5,
    "new_account_age": timedelta(days=1),
}


def _limits():
    return {**DEFAULT_LIMITS, **getattr(settings, "DISCUSSIONS_RATE_LIMITS", {})}


def limit_for(user):
    limits = _limits()
    joined = getattr(user, "date_joined", None)
    if joined and timezone.now() - joined < limits["new_account_age"]:
        return limits["new_account_limit"]
    return limits["limit"]


def _key(user, window):
    return f"discussions:writes:{user.pk}:{int(time.time() // window)}"


def allow_write(user):
    """Count one write by ``user``; False when they are over their limit."""
    if user.is_staff:
        return True
    window = _limits()["window"]
    key = _key(user, window)
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    return count <= limit_for(user)
