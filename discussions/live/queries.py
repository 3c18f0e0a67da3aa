"""Reads for live sessions: each a fixed number of queries, whatever the row count."""

from django.db.models import Count, Q

from discussions import permissions
from discussions.models import LiveSession, Post, QuestionVote
from discussions.models.posts import SEGMENT_WIDTH

SORTS = ("votes", "new")


def session_or_none(user, network_slug, pk):
    """The session, its thread, network and author in one query, if the person may
    read it."""
    session = (
        LiveSession.objects.select_related("thread__network", "thread__author")
        .defer("thread__network__body")
        .filter(thread_id=pk, thread__network__slug=network_slug, thread__network__live=True)
        .first()
    )
    if session is None or not permissions.can_view_thread(user, session.thread):
        return None
    return session


def poll_state(user, network_slug, pk):
    """``(version, starts_at, ends_at)`` of a session the person may read, or None:
    one query, the access rule included (no query for memberships)."""
    return (
        LiveSession.objects.filter(
            thread_id=pk, thread__network__slug=network_slug, thread__network__live=True
        )
        .filter(permissions.live_session_in_query_q(user))
        .values_list("version", "starts_at", "ends_at")
        .first()
    )


def hosts_of(session):
    return list(
        session.hosts.live()
        .select_related("user", "photo")
        .only("pk", "title", "url_path", "headline", "user__id", "user__is_active", "photo")
        .order_by("title")
    )


def questions(session, *, sort="votes", with_hidden=False):
    """The session's questions with their vote counts (one query)."""
    rows = (
        Post.objects.filter(thread_id=session.thread_id, depth=1, is_deleted=False)
        .select_related("author")
        .only(
            "pk",
            "thread_id",
            "path",
            "body_html",
            "excerpt",
            "created_at",
            "is_hidden",
            "author__id",
            "author__username",
            "author__display_name",
            "author__email",
            "author__is_active",
        )
        .annotate(votes=Count("live_votes"))
    )
    if not with_hidden:
        rows = rows.filter(is_hidden=False)
    if sort == "new":
        return rows.order_by("-created_at", "-pk")
    return rows.order_by("-votes", "created_at", "pk")


def answers_by_question(session):
    """``{question_path: [answer, ...]}``: replies under the questions (one query)."""
    rows = (
        Post.objects.filter(
            thread_id=session.thread_id, depth__gt=1, is_deleted=False, is_hidden=False
        )
        .select_related("author")
        .only(
            "pk",
            "thread_id",
            "path",
            "body_html",
            "created_at",
            "author__id",
            "author__username",
            "author__display_name",
            "author__email",
            "author__is_active",
        )
        .order_by("path")
    )
    grouped = {}
    for answer in rows:
        # Each answer belongs to the top-level question its path starts with.
        grouped.setdefault(answer.path[:SEGMENT_WIDTH], []).append(answer)
    return grouped


def voted_ids(user, session):
    if not user.is_authenticated:
        return set()
    return set(
        QuestionVote.objects.filter(user=user, post__thread_id=session.thread_id).values_list(
            "post_id", flat=True
        )
    )


def best_questions(session, limit=5):
    """The most up-voted answered questions, for a lesson."""
    answered = Post.objects.filter(thread_id=session.thread_id, depth=2, is_deleted=False)
    return list(
        Post.objects.filter(
            thread_id=session.thread_id,
            depth=1,
            is_deleted=False,
            is_hidden=False,
            pk__in=answered.values("parent_id"),
        )
        .annotate(votes=Count("live_votes"))
        .order_by("-votes", "created_at")[:limit]
    )


def sessions_hosted_by(user, expert, *, limit=10):
    return list(
        LiveSession.objects.visible_to(user)
        .hosted_by(expert)
        .filter(Q(thread__network__live=True))
        .for_listing()[:limit]
    )
