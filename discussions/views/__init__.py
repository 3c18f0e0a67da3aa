"""Thread and reply views: thin, form → service → redirect (or an htmx partial)."""

from discussions.views.posts import (
    post_accept,
    post_delete,
    post_edit,
    post_helpful,
    post_permalink,
    post_reply,
    thread_reply,
)
from discussions.views.threads import (
    network_follow,
    thread_create,
    thread_detail,
    thread_edit,
    thread_follow,
    thread_list,
)

__all__ = [
    "network_follow",
    "post_accept",
    "post_delete",
    "post_edit",
    "post_helpful",
    "post_permalink",
    "post_reply",
    "thread_create",
    "thread_detail",
    "thread_edit",
    "thread_follow",
    "thread_list",
    "thread_reply",
]
