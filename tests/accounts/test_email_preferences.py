"""Per-kind email preferences and signed one-click unsubscribe links."""

import re

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse

from accounts import email_kinds
from accounts.models import Notification, User
from accounts.services import notify
from accounts.unsubscribe import SALT, make_token
from discussions.notifications import VERB_MENTION, VERB_REPLY
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PREFERENCES_URL = reverse("accounts:email_preferences")


def send(user, verb, captured, message="Ana replied to you"):
    with captured(execute=True):
        return notify(recipient=user, verb=verb, message=message, url="/networks/x/")


def unsubscribe_url_in(email):
    return re.search(r"https?://[^\s]+/unsubscribe/[^\s]+/", email.body).group(0)


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(PREFERENCES_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_page_lists_every_registered_kind_switched_on(client, user):
    client.force_login(user)
    html = client.get(PREFERENCES_URL).content.decode()
    for label in ("Replies to my posts", "Mentions of me", "New threads in networks I follow"):
        assert label in html
    assert html.count('type="checkbox"') == html.count("checked") >= 6


def test_switching_one_kind_off_keeps_the_in_app_notification_but_sends_no_email(
    client, user, django_capture_on_commit_callbacks
):
    client.force_login(user)
    # Leave "Replies to my posts" unticked, tick the rest (other apps register kinds too).
    verbs = [kind.verb for kind in email_kinds.registered()]
    ticked = {f"kind_{index}": "on" for index, verb in enumerate(verbs) if verb != VERB_REPLY}
    response = client.post(PREFERENCES_URL, {"email_notifications": "on", **ticked})
    assert response.status_code == 302
    user.refresh_from_db()
    assert VERB_REPLY in user.email_opt_outs
    assert VERB_MENTION not in user.email_opt_outs

    send(user, VERB_REPLY, django_capture_on_commit_callbacks)
    assert Notification.objects.filter(recipient=user, verb=VERB_REPLY).exists()
    assert mail.outbox == []

    send(user, VERB_MENTION, django_capture_on_commit_callbacks, message="Ana mentioned you")
    assert [email.subject for email in mail.outbox] == ["[Learning networks] Ana mentioned you"]


def test_master_switch_off_stops_every_kind(client, user, django_capture_on_commit_callbacks):
    client.force_login(user)
    client.post(PREFERENCES_URL, {"kind_0": "on", "kind_1": "on"})
    send(user, VERB_MENTION, django_capture_on_commit_callbacks)
    send(user, "membership.approved", django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=user).count() == 2


def test_email_carries_an_unsubscribe_link_and_one_click_headers(
    user, django_capture_on_commit_callbacks
):
    send(user, VERB_REPLY, django_capture_on_commit_callbacks)
    (email,) = mail.outbox
    url = unsubscribe_url_in(email)
    assert email.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Replies to my posts" in email.body
    assert reverse("accounts:email_preferences") in email.body


def test_link_asks_first_then_stops_only_that_kind_without_sign_in(
    user, django_capture_on_commit_callbacks
):
    send(user, VERB_REPLY, django_capture_on_commit_callbacks)
    path = unsubscribe_url_in(mail.outbox[0]).split("testserver", 1)[1]
    browser = Client(enforce_csrf_checks=True)  # a mail client posting, no session

    page = browser.get(path)
    assert page.status_code == 200
    assert "Stop emails about “Replies to my posts”" in page.content.decode()
    user.refresh_from_db()
    assert user.email_opt_outs == []  # a link scanner's GET changes nothing

    done = browser.post(path, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    user.refresh_from_db()
    assert user.email_opt_outs == [VERB_REPLY]
    assert user.email_notifications is True

    mail.outbox.clear()
    send(user, VERB_REPLY, django_capture_on_commit_callbacks)
    send(user, VERB_MENTION, django_capture_on_commit_callbacks, message="Ana mentioned you")
    assert [email.subject for email in mail.outbox] == ["[Learning networks] Ana mentioned you"]


def test_link_of_an_unregistered_kind_stops_all_notification_email(client, user):
    client.post(reverse("accounts:unsubscribe", args=[make_token(user, "membership.approved")]))
    user.refresh_from_db()
    assert user.email_notifications is False


def test_forged_or_mangled_tokens_change_nothing(client, user):
    other = UserFactory()
    good = make_token(user, VERB_REPLY)
    forged = signing.dumps({"u": other.pk, "v": VERB_REPLY}, salt="some.other.salt")
    for token in (good[:-3] + "abc", forged, "nonsense", "x" * 400):
        response = client.post(reverse("accounts:unsubscribe", args=[token]))
        assert response.status_code == 404
        assert "not valid" in response.content.decode()
    assert User.objects.get(pk=other.pk).email_opt_outs == []
    assert User.objects.get(pk=user.pk).email_opt_outs == []


def test_token_is_signed_with_its_own_salt(user):
    data = signing.loads(make_token(user, VERB_REPLY), salt=SALT)
    assert data == {"u": user.pk, "v": VERB_REPLY}


def test_a_kind_switched_off_after_queueing_is_not_sent(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(recipient=user, verb=VERB_REPLY, message="queued", url="/x/")
    User.objects.filter(pk=user.pk).update(email_opt_outs=[VERB_REPLY])
    for callback in callbacks:
        callback()
    assert mail.outbox == []
