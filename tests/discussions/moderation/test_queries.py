"""The thread page's SQL with moderation: unchanged for members, a bounded constant more
for moderators, the same at 2 and at 500 replies."""

import pytest

from discussions import services as discussions
from discussions.bulk import bulk_add_replies
from discussions.moderation import services
from tests.discussions.conftest import add_member
from tests.discussions.test_queries import (
    THREAD_PAGE_ANONYMOUS,
    THREAD_PAGE_MEMBER,
    queries_for,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# A moderator's page: the member's, + open flags on the page's replies and the thread,
# + the networks they may move the thread to (the "move to" list).
THREAD_PAGE_MODERATOR = THREAD_PAGE_MEMBER + 2


@pytest.fixture
def sized_thread(network, member, other_member):
    """A thread with ``count`` replies in a tree, one marked helpful (as in the
    discussions query tests)."""

    def make(count):
        thread = discussions.start_thread(
            network=network, author=member, title="Sized", body="Start", tags=["budgets"]
        )
        replies = [
            ((member, other_member)[n % 2], f"Reply {n}", n - 1 if n % 3 else None)
            for n in range(count)
        ]
        posts = bulk_add_replies(thread=thread, replies=replies)
        discussions.mark_helpful(post=posts[1], user=member)
        thread.refresh_from_db()
        thread.network = network
        return thread

    return make


@pytest.mark.parametrize("count", [2, 500])
def test_moderator_thread_page_adds_a_constant(
    client, sized_thread, network, private_network, count
):
    thread = sized_thread(count)
    facilitator = add_member(network, UserFactory(), "facilitator")
    add_member(private_network, facilitator, "lead")  # so the "move to" list shows
    reporter = add_member(network, UserFactory())
    first = thread.posts.order_by("path").first()
    services.flag(reporter=reporter, thread=thread, post=first, reason="spam")
    services.hide_post(post=thread.posts.order_by("path")[1], by=facilitator)
    client.force_login(facilitator)
    queries = queries_for(client, thread.get_absolute_url())
    assert len(queries) == THREAD_PAGE_MODERATOR, "\n".join(q[:150] for q in queries)


@pytest.mark.parametrize("count", [2, 500])
def test_flags_and_a_hidden_reply_do_not_change_a_members_count(
    client,
    sized_thread,
    network,
    member,
    other_member,
    count,
):
    thread = sized_thread(count)
    facilitator = add_member(network, UserFactory(), "facilitator")
    services.flag(reporter=member, thread=thread, post=thread.posts.first(), reason="spam")
    services.hide_post(post=thread.posts.order_by("path")[1], by=facilitator)
    client.force_login(other_member)
    assert len(queries_for(client, thread.get_absolute_url())) == THREAD_PAGE_MEMBER
    client.logout()
    assert len(queries_for(client, thread.get_absolute_url())) == THREAD_PAGE_ANONYMOUS


def network_flag_list_queries(client, network, count, people):
    reporter, author = people
    for number in range(count):
        thread = discussions.start_thread(
            network=network, author=author, title=f"Thread {number}", body="x"
        )
        reply = discussions.post_reply(thread=thread, author=author, body=f"Reply {number}")
        services.flag(reporter=reporter, thread=thread, post=reply, reason="spam")
        services.flag(reporter=reporter, thread=thread, post=None, reason="abuse")
    url = f"/networks/{network.slug}/threads/flags/"
    return len(queries_for(client, url))


# Session, user (with the bell count), memberships, network, the flags (with threads,
# replies and people); the site and navigation are cached.
NETWORK_FLAGS_PAGE = 5


def test_network_flag_list_queries_do_not_grow(client, network, member, other_member):
    facilitator = add_member(network, UserFactory(), "facilitator")
    client.force_login(facilitator)
    people = (member, other_member)
    assert network_flag_list_queries(client, network, 1, people) == NETWORK_FLAGS_PAGE
    assert network_flag_list_queries(client, network, 29, people) == NETWORK_FLAGS_PAGE
