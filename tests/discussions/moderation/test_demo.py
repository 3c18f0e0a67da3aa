"""The moderation demo: open flags, a hidden reply, a locked thread; idempotent."""

import io

import pytest
from wagtail.models import ModelLogEntry

from discussions.models import Post, Thread
from discussions.models.moderation import Flag

pytestmark = pytest.mark.django_db


def test_the_moderation_demo_seeds_once(home_page, django_capture_on_commit_callbacks):
    from accounts.demo import seed as seed_people
    from discussions.demo import seed as seed_threads
    from discussions.moderation.demo import seed
    from network.demo import seed as seed_networks

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        seed_people(out)
        seed_networks(out)
        seed_threads(out)
        seed(out)
    assert Flag.objects.open().count() == 3
    assert Post.objects.filter(is_hidden=True).count() == 1
    assert Thread.objects.filter(is_locked=True).count() == 1
    assert Thread.objects.filter(is_pinned=True).exists()
    assert ModelLogEntry.objects.filter(action="discussions.post.hide").count() == 1

    counts = (Flag.objects.count(), Post.objects.count(), ModelLogEntry.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        seed(out)
    assert (Flag.objects.count(), Post.objects.count(), ModelLogEntry.objects.count()) == counts
