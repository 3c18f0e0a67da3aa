"""The Wagtail admin's moderation queue and suspensions: editors only, one-click
actions through the services (so in the audit log), bounded queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from discussions import services as discussions
from discussions.models import Post, Thread
from discussions.models.moderation import Flag, FlagStatus, Suspension
from discussions.moderation import services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

QUEUE = reverse("moderation_flags:index")
SUSPENSIONS = reverse("moderation_suspensions:index")


def test_the_queue_is_for_editors_only(client, people, public_place):
    for role in ("facilitator", "lead", "member"):
        client.force_login(people[role])
        response = client.get(QUEUE)
        assert response.status_code == 302, role  # no admin access at all
    client.force_login(people["editor"])
    assert client.get(QUEUE).status_code == 200
    assert client.get(SUSPENSIONS).status_code == 200


def test_admin_without_staff_gets_no_queue(client, people):
    """Wagtail's admin access alone is not enough: the rule is "staff editor"."""
    from django.contrib.auth.models import Permission

    person = UserFactory(username="admin-no-staff")
    person.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(person)
    assert client.get(QUEUE).status_code in (302, 403)
    assert "moderation/flags" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_queue_shows_the_flag_with_its_text_and_permalink(client, people, public_place):
    flag = services.flag(
        reporter=people["member"],
        thread=public_place.thread,
        post=public_place.reply,
        reason="spam",
        details="Looks like an advert",
    )
    client.force_login(people["editor"])
    html = client.get(QUEUE).content.decode()
    assert "Company numbers." in html
    assert "Looks like an advert" in html
    assert public_place.reply.get_absolute_url() in html
    assert reverse("moderation_flags:hide", args=[flag.pk]) in html
    assert reverse("moderation_flags:dismiss", args=[flag.pk]) in html

    inspect = client.get(reverse("moderation_flags:inspect", args=[flag.pk])).content.decode()
    assert "Company numbers." in inspect and "Which identifiers?" in inspect


def test_queue_filters_by_status(client, people, public_place):
    open_flag = services.flag(
        reporter=people["member"],
        thread=public_place.thread,
        post=public_place.reply,
        reason="spam",
        details="still open",
    )
    done = services.flag(
        reporter=people["lead"],
        thread=public_place.thread,
        post=None,
        reason="abuse",
        details="was dismissed",
    )
    services.decide_flag(flag=done, by=people["editor"], status=FlagStatus.DISMISSED)
    client.force_login(people["editor"])
    html = client.get(QUEUE, {"status": "open"}).content.decode()
    assert "still open" in html and "was dismissed" not in html
    html = client.get(QUEUE, {"status": "dismissed"}).content.decode()
    assert "was dismissed" in html and "still open" not in html
    assert open_flag.status == FlagStatus.OPEN


@pytest.mark.parametrize("action", ["hide", "dismiss"])
def test_one_click_actions(client, people, public_place, action):
    flag = services.flag(
        reporter=people["member"],
        thread=public_place.thread,
        post=public_place.reply,
        reason="spam",
    )
    client.force_login(people["editor"])
    response = client.post(reverse(f"moderation_flags:{action}", args=[flag.pk]))
    assert response.status_code == 302
    flag.refresh_from_db()
    hidden = Post.objects.get(pk=public_place.reply.pk).is_hidden
    if action == "hide":
        assert hidden and flag.status == FlagStatus.RESOLVED
        client.post(reverse("moderation_flags:restore", args=[flag.pk]))
        assert not Post.objects.get(pk=public_place.reply.pk).is_hidden
        assert ModelLogEntry.objects.filter(action="discussions.post.restore").exists()
    else:
        assert not hidden and flag.status == FlagStatus.DISMISSED
        assert ModelLogEntry.objects.for_instance(flag).get().action == "discussions.flag.dismiss"


def test_one_click_actions_are_post_only_and_editors_only(client, people, public_place):
    flag = services.flag(
        reporter=people["member"],
        thread=public_place.thread,
        post=public_place.reply,
        reason="spam",
    )
    client.force_login(people["editor"])
    assert client.get(reverse("moderation_flags:hide", args=[flag.pk])).status_code == 405
    client.force_login(people["facilitator"])
    client.post(reverse("moderation_flags:hide", args=[flag.pk]))
    assert not Post.objects.get(pk=public_place.reply.pk).is_hidden


def test_a_thread_flag_hides_the_thread(client, people, public_place):
    flag = services.flag(
        reporter=people["author"], thread=public_place.thread, post=None, reason="abuse"
    )
    client.force_login(people["editor"])
    client.post(reverse("moderation_flags:hide", args=[flag.pk]))
    public_place.thread.refresh_from_db()
    assert public_place.thread.is_hidden


def test_suspend_from_the_admin_and_lift(client, people, public_place):
    member = people["member"]
    client.force_login(people["editor"])
    url = reverse("moderation_suspensions:suspend")
    ends = (timezone.now() + timedelta(days=14)).strftime("%Y-%m-%d %H:%M")
    response = client.post(
        url, {"user": member.pk, "reason": "Spam links.", "ends_at": ends, "hide_all": "on"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    suspension = Suspension.objects.get(user=member)
    assert suspension.reason == "Spam links." and suspension.in_force
    assert not Post.objects.get(pk=public_place.reply.pk).is_hidden  # by someone else
    assert Thread.objects.get(pk=public_place.thread.pk).is_hidden  # the member's own
    client.post(reverse("moderation_suspensions:lift", args=[suspension.pk]))
    suspension.refresh_from_db()
    assert suspension.lifted_by == people["editor"] and not suspension.in_force


def test_suspend_form_errors_are_next_to_the_fields_and_keep_the_text(client, people):
    client.force_login(people["editor"])
    url = reverse("moderation_suspensions:suspend")
    past = (timezone.now() - timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    response = client.post(
        url, {"user": people["member"].pk, "reason": "Kept text", "ends_at": past}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Choose a moment in the future." in html and "Kept text" in html
    response = client.post(url, {"user": people["member"].pk, "reason": "   ", "ends_at": ""})
    html = response.content.decode()
    assert "Give the reason: the member is told it." in html
    assert "Choose when the suspension ends." in html
    assert not Suspension.objects.filter(user=people["member"]).exists()


def test_bulk_hide_from_the_admin(client, people, public_place):
    spammer = people["author"]
    for number in range(3):
        discussions.post_reply(thread=public_place.thread, author=spammer, body=f"Ad {number}")
    client.force_login(people["editor"])
    url = reverse("moderation_flags:bulk_hide", args=[spammer.pk])
    assert "4 replies are shown now." in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not Post.objects.filter(author=spammer, is_hidden=False).exists()


def queue_queries(client):
    client.get(QUEUE)
    with CaptureQueriesContext(connection) as context:
        assert client.get(QUEUE).status_code == 200
    return len(context.captured_queries)


def test_queue_queries_do_not_grow_with_flags(client, people, public_place):
    """The same exact count at 2 and at 50 flags (each on its own reply and reporter)."""
    client.force_login(people["editor"])

    def add_flags(count):
        for number in range(count):
            reply = discussions.post_reply(
                thread=public_place.thread, author=people["author"], body=f"Reply {number}"
            )
            services.flag(
                reporter=UserFactory(),
                thread=public_place.thread,
                post=reply,
                reason="spam",
                details=f"Details {number}",
            )

    add_flags(2)
    small = queue_queries(client)
    add_flags(48)
    assert Flag.objects.count() == 50
    assert queue_queries(client) == small == QUEUE_QUERIES


# Session, user, the admin's own lookups (permissions, menu, locale ...), the filter's
# choices, COUNT and one page of flags with everything the columns show. Measured and
# pinned: a query per row would show up here.
QUEUE_QUERIES = 11
