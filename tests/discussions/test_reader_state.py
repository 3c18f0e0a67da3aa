"""The thread page's reader state: one person's read marker and follow, in one query."""

from datetime import UTC, datetime

import pytest

from discussions import services
from discussions.models import ThreadRead

pytestmark = pytest.mark.django_db


def test_nothing_read_and_not_following(thread, other_member):
    assert ThreadRead.objects.reader_state(other_member, thread.pk) == (None, False)


def test_the_marker_and_the_follow_are_the_persons_own(thread, member, other_member):
    read_at = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
    services.mark_read(user=other_member, thread=thread, when=read_at)
    services.follow_thread(user=other_member, thread=thread)

    assert ThreadRead.objects.reader_state(other_member, thread.pk) == (read_at, True)
    # The author follows their own thread and has never opened it.
    assert ThreadRead.objects.reader_state(member, thread.pk) == (None, True)


def test_following_without_a_marker_and_unfollowing(thread, other_member, make_thread, network):
    services.follow_thread(user=other_member, thread=thread)
    elsewhere = make_thread(network, other_member, title="Another thread")
    services.mark_read(user=other_member, thread=elsewhere)

    assert ThreadRead.objects.reader_state(other_member, thread.pk) == (None, True)
    services.follow_thread(user=other_member, thread=thread, follow=False)
    assert ThreadRead.objects.reader_state(other_member, thread.pk) == (None, False)


def test_the_page_shows_the_follow_state_and_moves_the_marker(client, thread, other_member):
    client.force_login(other_member)
    url = thread.get_absolute_url()
    assert 'name="follow" value="1"' in client.get(url).content.decode()
    assert ThreadRead.objects.reader_state(other_member, thread.pk)[0] is not None
    services.follow_thread(user=other_member, thread=thread)
    assert 'name="follow" value="0"' in client.get(url).content.decode()
