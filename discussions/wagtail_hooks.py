"""Wagtail admin hooks of discussions: each area keeps its own in its package."""

from discussions.live import wagtail_hooks as _live_hooks  # noqa: F401
from discussions.moderation import wagtail_hooks as _moderation_hooks  # noqa: F401
