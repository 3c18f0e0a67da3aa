"""A suspended member reads but writes nothing, sees why and until when; every write
path asks the permission layer, so none slips through."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.models import Notification
from discussions import permissions
from discussions import services as discussions
from discussions.models import Post, Reaction, Thread
from discussions.models.moderation import Flag, Suspension
from discussions.moderation import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def suspended(client, people, public_place):
    client.force_login(people["suspended"])
    return people["suspended"]


def test_a_suspended_member_reads_and_is_told_why_and_until_when(client, suspended, public_place):
    response = client.get(public_place.thread.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Company numbers." in html
    assert "Your account is suspended until" in html
    assert 'name="body"' not in html  # no reply form
    note = Notification.objects.get(recipient=suspended, verb="discussions.suspended")
    assert "Repeated advertising." in note.message


def test_every_write_path_refuses_a_suspended_member(client, suspended, people, public_place):
    network, thread, reply = public_place.network, public_place.thread, public_place.reply
    own = discussions.post_reply(thread=thread, author=suspended, body="Before")
    slug = network.slug
    attempts = [
        (
            reverse("discussions:thread_create", args=[slug]),
            {"title": "T", "body": "B", "kind": "discussion"},
        ),
        (reverse("discussions:thread_reply", args=[slug, thread.pk]), {"body": "R"}),
        (reverse("discussions:post_reply", args=[reply.pk]), {f"reply-{reply.pk}-body": "R"}),
        (reverse("discussions:post_edit", args=[own.pk]), {"body": "Edited"}),
        (reverse("discussions:post_helpful", args=[reply.pk]), {"helpful": "1"}),
        (reverse("moderation:post_flag", args=[reply.pk]), {f"flag-{reply.pk}-reason": "spam"}),
        (
            reverse("moderation:thread_flag", args=[slug, thread.pk]),
            {"flag-thread-reason": "spam"},
        ),
    ]
    for url, data in attempts:
        response = client.post(url, data)
        assert response.status_code == 403, url
    assert Thread.objects.count() == 1
    assert Post.objects.count() == 2
    assert Post.objects.get(pk=own.pk).body == "Before"
    assert not Reaction.objects.exists()
    assert not Flag.objects.exists()


def test_the_refusal_says_why_and_until_when(client, suspended, public_place):
    url = reverse("moderation:post_flag", args=[public_place.reply.pk])
    html = client.get(url).content.decode()
    assert "Your account is suspended until" in html
    assert "The reason: Repeated advertising." in html


def test_a_suspended_facilitator_does_not_moderate(client, people, public_place):
    services.suspend_member(
        user=people["facilitator"],
        by=people["editor"],
        reason="Abuse of the tools.",
        ends_at=timezone.now() + timedelta(days=1),
    )
    client.force_login(people["facilitator"])
    response = client.post(reverse("moderation:post_hide", args=[public_place.reply.pk]))
    assert response.status_code == 403
    assert not Post.objects.get(pk=public_place.reply.pk).is_hidden


def test_suspension_and_lifting_are_logged_and_take_effect_at_once(people, public_place):
    suspension = Suspension.objects.get(user=people["suspended"])
    entry = ModelLogEntry.objects.for_instance(suspension).get()
    assert entry.action == "discussions.member.suspend" and entry.user == people["editor"]
    member = people["suspended"]
    assert permissions.is_suspended(member)
    services.lift_suspension(suspension=suspension, by=people["editor"])
    # The next request (a fresh user object) sees it, in this worker and any other.
    assert not permissions.is_suspended(type(member).objects.get(pk=member.pk))
    assert list(
        ModelLogEntry.objects.for_instance(suspension).values_list("action", flat=True)
    ) == [
        "discussions.member.lift_suspension",
        "discussions.member.suspend",
    ]
    assert Notification.objects.filter(recipient=member, verb="discussions.suspension_lifted")


def test_the_suspension_check_costs_no_query_once_cached(
    people, public_place, django_assert_num_queries
):
    member = type(people["member"]).objects.get(pk=people["member"].pk)
    permissions.is_suspended(people["outsider"])  # fills the shared cache
    with django_assert_num_queries(0):
        assert not permissions.is_suspended(member)


def test_a_suspension_also_stops_sharing_experiences_until_lifted(
    client, suspended, people, public_place
):
    from network.models.lessons import LessonPage

    network = public_place.network
    share = reverse("lessons:experience_share", kwargs={"slug": network.slug})
    page = client.get(network.url).content.decode()
    assert share not in page  # no "Share an experience" button
    response = client.post(share, {"title": "Buy my product", "action": "draft"})
    assert response.status_code == 403
    assert "Your account is suspended until" in response.content.decode()
    assert not LessonPage.objects.filter(title="Buy my product").exists()

    services.lift_suspension(
        suspension=Suspension.objects.get(user=suspended), by=people["editor"]
    )
    assert client.get(share).status_code == 200
    assert share in client.get(network.url).content.decode()
