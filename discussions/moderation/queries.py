"""Reads of the moderation tools: what a moderator sees beside a thread page."""

from django.db.models import Count, Q

from discussions import permissions
from discussions.models.moderation import Flag
from network.models import LearningNetworkPage


def flag_counts(thread, post_ids):
    """``{post_id: open flags}`` for these replies, with the key ``None`` for the thread's
    opening text: one query, for moderators only."""
    rows = (
        Flag.objects.open()
        .filter(Q(post__isnull=True) | Q(post_id__in=post_ids), thread=thread)
        .values("post_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {row["post_id"]: row["count"] for row in rows}


def move_target_ids(user, thread):
    """Ids of the other networks this person moderates (``None``: any, for editors)."""
    ids = permissions.moderated_network_ids(user)
    if ids is None:
        return None
    return [pk for pk in ids if pk != thread.network_id]


def move_targets(user, thread):
    """The networks a moderator may move this thread to (lazy: one query when used)."""
    networks = LearningNetworkPage.objects.live().exclude(pk=thread.network_id)
    ids = move_target_ids(user, thread)
    if ids is not None:
        networks = networks.filter(pk__in=ids)
    return networks.only("pk", "title", "path", "depth", "slug").order_by("title")


def open_flags_in(network):
    """A network's open flags, newest first, with what they point at (one query)."""
    return list(Flag.objects.open().filter(thread__network=network).for_queue())
