"""The demo content: a few dozen threads, nested replies, answers, one long thread."""

import io

import pytest

from discussions.models import Post, Thread

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_once_with_every_kind_of_content(
    home_page, django_capture_on_commit_callbacks
):
    from accounts.demo import seed as seed_people
    from discussions.demo import seed
    from network.demo import seed as seed_networks

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        seed_people(out)
        seed_networks(out)
        seed(out)
    threads = Thread.objects.count()
    assert threads >= 20
    assert Thread.objects.filter(kind="question", accepted_answer__isnull=False).count() >= 5
    assert Thread.objects.filter(reply_count__gt=300).count() == 1
    assert Post.objects.filter(depth__gte=3).exists()
    assert Thread.objects.filter(is_pinned=True).exists()
    long = Thread.objects.get(reply_count__gt=300)
    assert long.listed_count == Post.objects.filter(thread=long).count()
    # Running it again adds nothing.
    posts = Post.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        seed(out)
    assert (Thread.objects.count(), Post.objects.count()) == (threads, posts)
