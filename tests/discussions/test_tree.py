"""The reply tree: materialized paths, the depth limit, deleting, and the counters."""

import pytest

from discussions import services
from discussions.bulk import bulk_add_replies
from discussions.models import MAX_DEPTH, Post
from network.rendering import html_to_text
from tests.discussions.conftest import add_member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def reply(thread, author, body, parent=None):
    post = services.post_reply(thread=thread, author=author, body=body, parent=parent)
    post.refresh_from_db()
    return post


def tree_bodies(thread):
    """The texts of the tree, read from the display query's own columns."""
    return [html_to_text(post.body_html) for post in Post.objects.tree(thread)]


def test_the_whole_tree_comes_back_in_reading_order_in_one_query(
    thread, member, other_member, django_assert_num_queries
):
    a = reply(thread, other_member, "a")
    b = reply(thread, member, "b")
    a1 = reply(thread, member, "a1", parent=a)
    reply(thread, other_member, "a1x", parent=a1)
    reply(thread, other_member, "a2", parent=a)
    reply(thread, other_member, "b1", parent=b)
    with django_assert_num_queries(1):
        assert tree_bodies(thread) == ["a", "a1", "a1x", "a2", "b", "b1"]
    assert [p.depth for p in Post.objects.tree(thread)] == [1, 2, 3, 2, 1, 2]


def test_tree_order_holds_past_ten_and_past_a_hundred_siblings(network, member):
    thread = services.start_thread(network=network, author=member, title="Many", body="x")
    posts = bulk_add_replies(
        thread=thread, replies=[(member, f"r{n:03}", None) for n in range(120)]
    )
    bulk_add_replies(thread=thread, replies=[(member, "child of r009", posts[9])])
    bodies = tree_bodies(thread)
    assert bodies[:11] == [f"r{n:03}" for n in range(10)] + ["child of r009"]
    assert bodies[-1] == "r119"


def test_a_reply_beyond_the_depth_limit_is_attached_at_the_deepest_level(
    thread, member, other_member, mailoutbox, django_capture_on_commit_callbacks
):
    parent = None
    for level in range(MAX_DEPTH):
        parent = reply(thread, member, f"level {level + 1}", parent=parent)
    assert parent.depth == MAX_DEPTH
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        deeper = reply(thread, other_member, "too deep", parent=parent)
    assert deeper.depth == MAX_DEPTH
    assert deeper.parent_id == parent.parent_id
    assert tree_bodies(thread)[-2:] == [f"level {MAX_DEPTH}", "too deep"]
    # The person replied to is still the one told about it.
    assert any("replied to you" in message.subject for message in mailoutbox)


def test_counters_follow_replies_and_deletions(thread, member, other_member, network):
    third = add_member(network, UserFactory())
    a = reply(thread, other_member, "a")
    b = reply(thread, third, "b", parent=a)
    thread.refresh_from_db()
    assert (thread.reply_count, thread.listed_count, thread.participant_count) == (2, 2, 3)
    assert thread.last_poster == third

    # A deleted reply with replies stays listed (as "deleted"); the count of replies drops.
    services.delete_post(post=a, by=other_member)
    thread.refresh_from_db()
    assert (thread.reply_count, thread.listed_count, thread.participant_count) == (1, 2, 2)
    assert tree_bodies(thread) == ["a", "b"]

    # Deleting its last reply takes both out of the tree.
    services.delete_post(post=b, by=third)
    thread.refresh_from_db()
    assert (thread.reply_count, thread.listed_count, thread.participant_count) == (0, 0, 1)
    assert tree_bodies(thread) == []


def test_new_replies_after_a_deletion_never_reuse_a_path(thread, member):
    first = reply(thread, member, "first")
    second = reply(thread, member, "second")
    services.delete_post(post=second, by=member)
    third = reply(thread, member, "third")
    assert third.path > second.path > first.path


def test_bulk_replies_leave_the_same_counters_as_the_services(network, member, other_member):
    by_service = services.start_thread(network=network, author=member, title="S", body="x")
    a = services.post_reply(thread=by_service, author=other_member, body="a")
    services.post_reply(thread=by_service, author=member, body="a1", parent=a)
    by_bulk = services.start_thread(network=network, author=member, title="B", body="x")
    bulk_add_replies(thread=by_bulk, replies=[(other_member, "a", None), (member, "a1", 0)])
    by_service.refresh_from_db()
    by_bulk.refresh_from_db()
    for name in ("reply_count", "listed_count", "participant_count"):
        assert getattr(by_bulk, name) == getattr(by_service, name), name
    assert [p.path for p in Post.objects.tree(by_bulk)] == [
        p.path for p in Post.objects.tree(by_service)
    ]
    assert Post.objects.get(thread=by_bulk, body="a").child_count == 1
