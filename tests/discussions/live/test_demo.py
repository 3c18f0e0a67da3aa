"""The demo: eight experts, "Ask the experts", three live sessions, answered questions."""

import io

import pytest
from django.utils import timezone

from discussions.models import LiveSession, Post, QuestionVote, Thread
from network.models import ExpertIndexPage, ExpertProfilePage

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_experts_and_sessions_once(home_page, django_capture_on_commit_callbacks):
    from accounts.demo import seed as seed_people
    from discussions.live.demo import seed as seed_live
    from network.demo import seed as seed_networks
    from network.experts.demo import seed as seed_experts

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        seed_people(out)
        seed_networks(out)
        seed_experts(out)
        seed_live(out)
    assert ExpertProfilePage.objects.live().count() == 8
    assert len({expert.user_id for expert in ExpertProfilePage.objects.all()}) == 8
    index = ExpertIndexPage.objects.get()
    assert index.ask_network.slug == "ask-the-experts"
    assert index.ask_network.visibility == "public" and index.ask_network.join_policy == "open"

    now = timezone.now()
    closed = LiveSession.objects.get(ends_at__lte=now)
    assert closed.question_count == 40
    assert Post.objects.filter(thread=closed.thread, depth=1).count() == 40
    assert Post.objects.filter(thread=closed.thread, depth=2).exists()
    assert QuestionVote.objects.filter(post__thread=closed.thread).exists()
    assert closed.conclusion_html.startswith("<p>")
    assert LiveSession.objects.filter(starts_at__gt=now).count() == 2
    assert ExpertProfilePage.objects.filter(questions_answered__gt=0).count() >= 3
    assert Thread.objects.filter(expert_question__isnull=False).count() == 2

    counts = (ExpertProfilePage.objects.count(), LiveSession.objects.count(), Post.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        seed_experts(out)
        seed_live(out)
    assert (
        ExpertProfilePage.objects.count(),
        LiveSession.objects.count(),
        Post.objects.count(),
    ) == counts
