"""SQL per page: pinned, and the same whether a thread has 2 replies or 500."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from discussions import services
from discussions.bulk import bulk_add_replies
from discussions.models import ThreadRead
from tests.discussions.conftest import add_member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Anonymous: thread+network+author, topics, replies (the site, its name and the menus
# come from the cache).
THREAD_PAGE_ANONYMOUS = 3
# Signed in, a member: + session, user (with the bell count), memberships, follow state
# and read marker (one query), own "helpful" marks (pages where a reply has marks). (The
# admin user bar shows on Wagtail pages only. The marker is written only when there is
# something new: see below.)
THREAD_PAGE_MEMBER = 8
# The list: network, COUNT, one page of threads (authors joined), tags; the site and
# the menus are cached.
THREAD_LIST_ANONYMOUS = 4
# + session, user (with the bell count), memberships, network follow state.
THREAD_LIST_MEMBER = 8

WRITES = ("INSERT", "UPDATE", "DELETE")


@pytest.fixture
def sized_thread(network, member, other_member):
    """A thread with ``count`` replies in a realistic tree, some marked helpful."""
    writers = [member, other_member, add_member(network, UserFactory())]

    def make(count):
        thread = services.start_thread(
            network=network,
            author=member,
            title=f"A thread with {count} replies",
            body="Start",
            tags=["procurement", "budgets"],
        )
        replies = [
            (writers[n % 3], f"Reply {n} with **bold** text", n - 1 if n % 3 else None)
            for n in range(count)
        ]
        posts = bulk_add_replies(thread=thread, replies=replies)
        services.mark_helpful(post=posts[1], user=member)
        thread.refresh_from_db()
        thread.network = network
        return thread

    return make


def queries_for(client, url):
    client.get(url)  # warm caches, as a running site has them
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in context.captured_queries]


@pytest.mark.parametrize("count", [2, 500])
def test_thread_page_queries_do_not_grow_with_replies_anonymous(client, sized_thread, count):
    queries = queries_for(client, sized_thread(count).get_absolute_url())
    assert len(queries) == THREAD_PAGE_ANONYMOUS, queries
    assert not [sql for sql in queries if sql.lstrip().upper().startswith(WRITES)]


@pytest.mark.parametrize("count", [2, 500])
def test_thread_page_queries_do_not_grow_with_replies_signed_in(
    client, sized_thread, other_member, count
):
    thread = sized_thread(count)
    client.force_login(other_member)
    queries = queries_for(client, thread.get_absolute_url())
    assert len(queries) == THREAD_PAGE_MEMBER, queries
    assert not [sql for sql in queries if sql.lstrip().upper().startswith(WRITES)]


def test_no_query_for_own_marks_when_no_reply_on_the_page_has_any(
    client, network, member, other_member
):
    thread = services.start_thread(network=network, author=member, title="T", body="x")
    bulk_add_replies(thread=thread, replies=[(member, "r", None)] * 3)
    thread.network = network
    client.force_login(other_member)
    queries = queries_for(client, thread.get_absolute_url())
    assert len(queries) == THREAD_PAGE_MEMBER - 1
    assert not [sql for sql in queries if "discussions_reaction" in sql]


def test_a_signed_in_view_writes_at_most_its_read_marker(client, thread, other_member):
    client.force_login(other_member)
    url = thread.get_absolute_url()
    client.get(reverse("discussions:thread_list", args=[thread.network.slug]))  # warm up

    def writes():
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return [
            query["sql"]
            for query in context.captured_queries
            if query["sql"].lstrip().upper().startswith(WRITES)
        ]

    first = writes()
    assert len(first) == 1 and "discussions_threadread" in first[0]
    assert ThreadRead.objects.filter(user=other_member, thread=thread).exists()
    assert writes() == []  # nothing new since
    services.post_reply(thread=thread, author=thread.author, body="News")
    assert len(writes()) == 1


def test_a_later_page_adds_one_query_for_parents_on_earlier_pages(client, sized_thread):
    thread = sized_thread(500)
    queries = queries_for(client, thread.get_absolute_url() + "?page=7")
    assert len(queries) <= THREAD_PAGE_ANONYMOUS + 1, queries


def test_anonymous_readers_get_no_session(client, sized_thread):
    response = client.get(sized_thread(3).get_absolute_url())
    assert "sessionid" not in response.cookies


@pytest.mark.parametrize("count", [3, 30])
def test_thread_list_queries_are_pinned(client, network, member, other_member, count):
    for number in range(count):
        services.start_thread(
            network=network, author=member, title=f"Thread {number}", body="x", tags=["t"]
        )
    url = f"/networks/{network.slug}/threads/"
    assert len(queries_for(client, url)) == THREAD_LIST_ANONYMOUS
    client.force_login(other_member)
    assert len(queries_for(client, url)) == THREAD_LIST_MEMBER
