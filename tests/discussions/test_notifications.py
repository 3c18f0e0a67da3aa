"""Who hears about what: replies, mentions, followed threads and networks, answers.

Only people who may read the network are told; nobody is told twice about one event or
about their own doing. Notifications are queued on commit (immediate tasks in tests).
"""

import pytest

from accounts.models import Notification
from discussions import services
from discussions.notifications import (
    VERB_ANSWER_ACCEPTED,
    VERB_MENTION,
    VERB_NEW_THREAD,
    VERB_REPLY,
    VERB_THREAD_REPLY,
)
from tests.discussions.conftest import add_member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the on-commit callbacks (the notification tasks) of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def verbs(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("verb", flat=True))


def test_a_reply_to_a_thread_tells_its_author_once(
    thread, member, other_member, committed, mailoutbox
):
    with committed():
        services.post_reply(thread=thread, author=other_member, body="Hello")
    # The author follows their thread too, but hears once, as the person replied to.
    assert verbs(member) == [VERB_REPLY]
    assert verbs(other_member) == []
    notification = Notification.objects.get(recipient=member)
    assert "Otto Other replied to you" in notification.message
    assert notification.url.startswith("/posts/")
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [member.email]


def test_a_reply_to_a_reply_tells_that_replys_author_and_the_followers(
    thread, member, other_member, network, committed
):
    third = add_member(network, UserFactory(username="tess"))
    first = services.post_reply(thread=thread, author=other_member, body="First")
    with committed():
        services.post_reply(thread=thread, author=third, body="Answer", parent=first)
    assert verbs(other_member) == [VERB_REPLY]
    assert verbs(member) == [VERB_THREAD_REPLY]  # follows their own thread
    assert verbs(third) == []


def test_mentions_reach_people_who_may_read_the_network_only(
    network, private_network, member, committed
):
    reader = add_member(network, UserFactory(username="reader"))
    UserFactory(username="stranger")  # not a member of the private network
    insider = add_member(private_network, UserFactory(username="insider"))
    add_member(private_network, member)
    with committed():
        services.start_thread(
            network=private_network,
            author=member,
            title="Private",
            body="Ping @insider and @stranger and @reader",
        )
    assert verbs(insider) == [VERB_MENTION]
    assert not Notification.objects.filter(recipient__username="stranger").exists()
    assert verbs(reader) == []  # a member elsewhere, not in this network


def test_a_mention_in_a_reply_to_you_is_one_notification(thread, member, other_member, committed):
    with committed():
        services.post_reply(thread=thread, author=other_member, body="@mara see this")
    assert verbs(member) == [VERB_REPLY]


def test_new_threads_reach_the_networks_followers_who_may_read_it(
    private_network, member, committed, mailoutbox
):
    insider = add_member(private_network, UserFactory(username="insider"))
    add_member(private_network, member)
    left = UserFactory(username="left")
    services.follow_network(user=insider, network=private_network)
    services.follow_network(user=left, network=private_network)  # e.g. followed, then left
    with committed():
        services.start_thread(
            network=private_network, author=member, title="Secret plans", body="x"
        )
    assert verbs(insider) == [VERB_NEW_THREAD]
    assert verbs(left) == []
    assert all(message.to != [left.email] for message in mailoutbox)


def test_an_edit_tells_only_the_newly_mentioned(thread, member, network, committed):
    first = add_member(network, UserFactory(username="first"))
    second = add_member(network, UserFactory(username="second"))
    post = services.post_reply(thread=thread, author=member, body="Hi @first")
    Notification.objects.all().delete()
    with committed():
        services.edit_post(post=post, editor=member, body="Hi @first and @second")
    assert verbs(first) == []
    assert verbs(second) == [VERB_MENTION]


def test_an_accepted_answer_tells_its_author(thread, member, other_member, committed):
    thread.kind = "question"
    thread.save()
    post = services.post_reply(thread=thread, author=other_member, body="Try this")
    Notification.objects.all().delete()
    with committed():
        services.accept_answer(thread=thread, post=post, by=member)
    assert verbs(other_member) == [VERB_ANSWER_ACCEPTED]


def test_nothing_is_sent_when_the_transaction_does_not_commit(thread, other_member, member):
    services.post_reply(thread=thread, author=other_member, body="Hello")
    # Without running the on-commit callbacks, no notification exists yet.
    assert verbs(member) == []
