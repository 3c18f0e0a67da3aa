"""A per-member limit on writing, counted in the cache.

Fixed windows: at most ``limit`` writes (threads, replies, edits) per ``window``
seconds; accounts younger than a day get ``new_account_limit``. Marking replies helpful
is counted apart, with its own, higher limit, so reading a long thread and marking what
helped never stops someone from replying. Staff editors are not limited. The cache is
shared by every worker (Redis or the database cache in production), so the limit holds
across them. Override any number with ``DISCUSSIONS_RATE_LIMITS`` in settings.
"""

import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

WRITES = "writes"
REACTIONS = "reactions"

DEFAULT_LIMITS = {
    "window": 10 * 60,
    "limit": 20,
    "new_account_limit": 5,
    "new_account_age": timedelta(days=1),
    "reaction_limit": 120,
}


def _limits():
    return {**DEFAULT_LIMITS, **getattr(settings, "DISCUSSIONS_RATE_LIMITS", {})}


def limit_for(user, bucket=WRITES):
    limits = _limits()
    if bucket == REACTIONS:
        return limits["reaction_limit"]
    joined = getattr(user, "date_joined", None)
    if joined and timezone.now() - joined < limits["new_account_age"]:
        return limits["new_account_limit"]
    return limits["limit"]


def _key(user, bucket, window):
    return f"discussions:{bucket}:{user.pk}:{int(time.time() // window)}"


def allow_write(user, bucket=WRITES):
    """Count one write by ``user``; False when they are over their limit."""
    if user.is_staff:
        return True
    window = _limits()["window"]
    key = _key(user, bucket, window)
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    return count <= limit_for(user, bucket)
