"""Template tags for expert profiles and network pages: live sessions and answers.

``network`` never imports discussions: an expert's profile ``{% load live_tags %}`` and
calls these, which filter through ``discussions.permissions`` like every other surface
(a members-only network's sessions show only to people who may read it).
"""

from django import template
from django.utils import timezone

from discussions.models import AskedExpert, LiveSession

register = template.Library()

SESSIONS_SHOWN = 10
ANSWERS_SHOWN = 5


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None) or context.get("user")


@register.inclusion_tag("discussions/live/_expert_sessions.html", takes_context=True)
def expert_sessions(context, expert):
    """The live sessions this expert hosts (coming ones first), as this person may see."""
    user = _user(context)
    now = timezone.now()
    sessions = list(
        LiveSession.objects.visible_to(user)
        .hosted_by(expert)
        .filter(thread__network__live=True)
        .select_related("thread__network")
        .only(
            "pk",
            "thread_id",
            "starts_at",
            "ends_at",
            "question_count",
            "thread__title",
            "thread__network__slug",
            "thread__network__title",
        )
        .order_by("-starts_at")[:SESSIONS_SHOWN]
    )
    upcoming = sorted(
        (session for session in sessions if session.ends_at > now), key=lambda s: s.starts_at
    )
    past = [session for session in sessions if session.ends_at <= now]
    return {"upcoming": upcoming, "past": past, "expert": expert}


@register.inclusion_tag("discussions/live/_expert_answers.html", takes_context=True)
def expert_answers(context, expert):
    """Questions asked to this expert that they answered, as this person may see."""
    from discussions.models import Thread
    from discussions.permissions import visible_threads_q

    user = _user(context)
    answered = AskedExpert.objects.filter(expert=expert, answered_at__isnull=False).values(
        "question__thread_id"
    )
    threads = list(
        Thread.objects.filter(pk__in=answered, network__live=True)
        .filter(visible_threads_q(user))
        .select_related("network")
        .only("pk", "title", "kind", "created_at", "network__slug", "network__title")
        .order_by("-created_at")[:ANSWERS_SHOWN]
    )
    return {"threads": threads, "expert": expert}
