"""Writes: starting, editing, deleting, accepting, reacting, following; side effects."""

import pytest
from django.utils import timezone

from discussions import services
from discussions.models import Follow, PostRevision, Reaction, Thread, ThreadRevision
from network.models import CharterPrinciple

pytestmark = pytest.mark.django_db


def test_starting_a_thread_renders_it_follows_it_and_moves_the_network_activity(network, member):
    principle = CharterPrinciple.objects.create(name="A test principle", slug="a-test-principle")
    thread = services.start_thread(
        network=network,
        author=member,
        title="  Publishing contracts  ",
        body="**Bold** start",
        kind=Thread.Kind.QUESTION,
        tags=["procurement", "Budgets"],
        principles=[principle],
    )
    assert thread.title == "Publishing contracts"
    assert thread.body_html == "<p><strong>Bold</strong> start</p>\n"
    assert thread.excerpt == "Bold start"
    assert sorted(tag.name for tag in thread.tags.all()) == ["Budgets", "procurement"]
    assert list(thread.principles.all()) == [principle]
    assert Follow.objects.filter(user=member, thread=thread).exists()
    network.refresh_from_db()
    assert network.last_activity_at == thread.created_at


def test_a_reply_moves_thread_and_network_activity(thread, other_member, network):
    post = services.post_reply(thread=thread, author=other_member, body="Me too")
    thread.refresh_from_db()
    network.refresh_from_db()
    assert thread.last_activity_at == post.created_at
    assert network.last_activity_at == post.created_at


def test_editing_a_reply_keeps_the_previous_version(thread, member):
    post = services.post_reply(thread=thread, author=member, body="First *draft*")
    services.edit_post(post=post, editor=member, body="Second version")
    post.refresh_from_db()
    assert post.body == "Second version"
    assert post.body_html == "<p>Second version</p>\n"
    assert post.edited_at is not None
    revision = PostRevision.objects.get(post=post)
    assert revision.body == "First *draft*"
    assert revision.written_at == post.created_at


def test_editing_a_thread_keeps_the_previous_version(thread, member):
    old_title = thread.title
    services.edit_thread(thread=thread, editor=member, title="New title", body="New", tags=["x"])
    thread.refresh_from_db()
    assert thread.title == "New title" and thread.edited_at
    assert ThreadRevision.objects.get(thread=thread).title == old_title
    assert [tag.name for tag in thread.tags.all()] == ["x"]


def test_only_questions_take_an_accepted_answer(thread, member, other_member):
    post = services.post_reply(thread=thread, author=other_member, body="Answer")
    with pytest.raises(ValueError):
        services.accept_answer(thread=thread, post=post, by=member)
    thread.kind = Thread.Kind.QUESTION
    thread.save()
    services.accept_answer(thread=thread, post=post, by=member)
    thread.refresh_from_db()
    assert thread.accepted_answer == post
    services.delete_post(post=post, by=other_member)
    thread.refresh_from_db()
    assert thread.accepted_answer is None


def test_marking_helpful_counts_once_per_person(thread, member, other_member):
    post = services.post_reply(thread=thread, author=member, body="Useful")
    assert services.mark_helpful(post=post, user=other_member) == 1
    assert services.mark_helpful(post=post, user=other_member) == 1
    assert Reaction.objects.filter(post=post).count() == 1
    assert services.mark_helpful(post=post, user=other_member, helpful=False) == 0
    assert services.mark_helpful(post=post, user=other_member, helpful=False) == 0


def test_follow_and_unfollow(thread, network, other_member):
    services.follow_thread(user=other_member, thread=thread)
    services.follow_thread(user=other_member, thread=thread)
    services.follow_network(user=other_member, network=network)
    assert Follow.objects.filter(user=other_member).count() == 2
    services.follow_thread(user=other_member, thread=thread, follow=False)
    services.follow_network(user=other_member, network=network, follow=False)
    assert not Follow.objects.filter(user=other_member).exists()


def test_the_read_marker_is_one_row_per_person_and_thread(thread, other_member):
    from discussions.models import ThreadRead

    services.mark_read(user=other_member, thread=thread)
    later = timezone.now()
    services.mark_read(user=other_member, thread=thread, when=later)
    assert ThreadRead.objects.get(user=other_member, thread=thread).last_read_at == later
