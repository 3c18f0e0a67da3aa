"""Hostile input typed into a flag's details and a suspension's reason comes out inert
everywhere it is shown: the network's flag list, the admin queue and its detail screen,
the suspensions list, the suspended person's notification, its page and its email."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from accounts.models import Notification
from discussions.models.moderation import REASON_DETAILS_MAX_LENGTH, Flag, Suspension
from discussions.moderation import services
from tests.hostile import HOSTILE_INPUTS, assert_inert

pytestmark = pytest.mark.django_db

# Elements a whole page (the site's or the admin's) has of its own: allowed by the inert
# check, and counted instead, so a hostile input cannot add one.
PAGE = ("script", "meta", "link", "form", "svg", "style", "template")
COUNTED = (*PAGE, "iframe", "object", "embed", "img")
HARMLESS = "Plain words"


def element_counts(html):
    return {tag: len(re.findall(rf"<{tag}[\s>/]", html, re.IGNORECASE)) for tag in COUNTED}


def check(html, baseline, context):
    assert_inert(html, PAGE, context)
    assert element_counts(html) == baseline, context


def test_hostile_flag_details_are_inert(client, people, public_place):
    reply = public_place.reply
    url = reverse("moderation:post_flag", args=[reply.pk])
    prefix = f"flag-{reply.pk}"
    pages = [
        ("facilitator", reverse("moderation:network_flag_list", args=[public_place.network.slug])),
        ("editor", reverse("moderation_flags:index")),
    ]

    def flag_with(text):
        cache.clear()  # the flag rate limit is not what this test is about
        client.force_login(people["member"])
        # Longer text and NUL characters are refused by the form (with a message).
        details = text[:REASON_DETAILS_MAX_LENGTH].replace("\x00", "")
        response = client.post(url, {f"{prefix}-reason": "other", f"{prefix}-details": details})
        assert response.status_code == 302, response.content.decode()[:3000]
        flag = Flag.objects.get(post=reply, reporter=people["member"], status="open")
        inspect = ("editor", reverse("moderation_flags:inspect", args=[flag.pk]))
        rendered = []
        for role, page in [*pages, inspect]:
            client.force_login(people[role])
            rendered.append(client.get(page).content.decode())
        return rendered

    baselines = [element_counts(html) for html in flag_with(HARMLESS)]
    for number, text in enumerate(HOSTILE_INPUTS):
        if not text.strip():
            continue
        for html, baseline in zip(flag_with(text), baselines, strict=True):
            check(html, baseline, f"input {number}")


def test_hostile_suspension_reasons_are_inert(
    client, people, public_place, django_capture_on_commit_callbacks
):
    member = people["member"]

    def suspend_with(text, context):
        mail.outbox.clear()
        Suspension.objects.filter(user=member).delete()
        Notification.objects.filter(recipient=member).delete()
        with django_capture_on_commit_callbacks(execute=True):
            services.suspend_member(
                user=member,
                by=people["editor"],
                reason=text,
                ends_at=timezone.now() + timedelta(days=3),
            )
        # The email is plain text only: a mail client shows the reason as characters.
        assert [message.content_subtype for message in mail.outbox] == ["plain"], context
        assert not getattr(mail.outbox[0], "alternatives", None), context
        client.force_login(people["editor"])
        rendered = [client.get(reverse("moderation_suspensions:index")).content.decode()]
        client.force_login(member)
        rendered.append(client.get(reverse("accounts:notification_list")).content.decode())
        rendered.append(client.get(public_place.thread.get_absolute_url()).content.decode())
        return rendered

    baselines = [element_counts(html) for html in suspend_with(HARMLESS, "harmless")]
    for number, text in enumerate(HOSTILE_INPUTS):
        if not text.strip():
            continue
        context = f"input {number}"
        for html, baseline in zip(suspend_with(text, context), baselines, strict=True):
            check(html, baseline, context)
