import re

import pytest
from django.urls import reverse

from accounts.models import Notification
from accounts.services import notify
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("accounts:notification_list")


def make_notifications(user, count, url="/somewhere/"):
    return [
        notify(recipient=user, verb="test.event", message=f"Message {n}", url=url, email=False)
        for n in range(count)
    ]


def open_url(notification):
    return reverse("accounts:notification_open", args=[notification.pk])


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(LIST_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_list_shows_own_notifications_newest_first_with_unread_marked(client, user):
    old, new = make_notifications(user, 2)
    Notification.objects.filter(pk=old.pk).update(read_at=old.created_at)
    make_notifications(UserFactory(), 1, url="")  # someone else's
    client.force_login(user)
    html = client.get(LIST_URL).content.decode()

    assert html.index("Message 1") < html.index("Message 0")
    assert html.count("notification--unread") == 1
    assert "Mark all as read" in html
    assert html.count('<li class="notification') == 2
    # A valid HTML datetime (no microseconds).
    assert re.search(r'datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}"', html)


def test_empty_list_says_so(client, user):
    client.force_login(user)
    html = client.get(LIST_URL).content.decode()
    assert "You have no notifications yet" in html
    assert "Mark all as read" not in html


def test_list_is_paginated_by_25(client, user):
    make_notifications(user, 30)
    client.force_login(user)
    first = client.get(LIST_URL).content.decode()
    second = client.get(LIST_URL + "?page=2").content.decode()
    assert first.count('<li class="notification') == 25
    assert second.count('<li class="notification') == 5
    assert "Page 1 of 2" in first
    assert client.get(LIST_URL + "?page=abc").status_code == 200


def test_opening_marks_read_and_goes_to_the_target(client, user):
    (notification,) = make_notifications(user, 1, url="/networks/x/")
    client.force_login(user)
    response = client.post(open_url(notification))
    assert response.status_code == 302
    assert response["Location"] == "/networks/x/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_opening_never_redirects_off_site(client, user):
    (notification,) = make_notifications(user, 1, url="https://evil.example/phish")
    client.force_login(user)
    response = client.post(open_url(notification))
    assert response["Location"] == LIST_URL


def test_opening_needs_a_post(client, user):
    (notification,) = make_notifications(user, 1)
    client.force_login(user)
    assert client.get(open_url(notification)).status_code == 405
    notification.refresh_from_db()
    assert notification.read_at is None


def test_someone_elses_notification_is_404_and_stays_unread(client, user):
    (theirs,) = make_notifications(UserFactory(), 1)
    client.force_login(user)
    assert client.post(open_url(theirs)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_all_read_touches_only_own_notifications(client, user):
    make_notifications(user, 3)
    (theirs,) = make_notifications(UserFactory(), 1)
    client.force_login(user)
    response = client.post(reverse("accounts:notification_mark_all_read"), follow=True)
    assert response.redirect_chain[-1][0] == LIST_URL
    assert "All your notifications are marked as read." in response.content.decode()
    assert not Notification.objects.for_user(user).unread().exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_unread_count_shows_in_the_header(client, user):
    make_notifications(user, 3)
    client.force_login(user)
    html = client.get(reverse("accounts:profile_edit")).content.decode()
    assert '<span class="badge">3<span class="visually-hidden"> unread</span>' in html


@pytest.mark.parametrize("count", [1, 25, 60])
def test_list_queries_do_not_grow(client, user, count, django_assert_num_queries):
    make_notifications(user, count)
    client.force_login(user)
    client.get(LIST_URL)  # warm Wagtail's cached site root paths
    # session, user (with the unread count), page count, page rows; the site and the
    # navigation are cached
    with django_assert_num_queries(4):
        assert client.get(LIST_URL).status_code == 200


def test_notification_email_subject_is_one_line(
    db, mailoutbox, django_capture_on_commit_callbacks
):
    from accounts.services import notify
    from tests.factories import UserFactory

    recipient = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=recipient, verb="test", message="First line\nsecond line")
    assert len(mailoutbox) == 1
    assert "\n" not in mailoutbox[0].subject
    assert mailoutbox[0].subject.endswith("First line second line")


def test_the_bell_counts_only_the_persons_unread_notifications(client, user):
    first, *_ = make_notifications(user, 3)
    make_notifications(UserFactory(), 2)
    client.force_login(user)
    client.post(open_url(first))
    html = client.get(reverse("accounts:profile_edit")).content.decode()
    assert '<span class="badge">2<span class="visually-hidden"> unread</span>' in html
    client.post(reverse("accounts:notification_mark_all_read"))
    html = client.get(reverse("accounts:profile_edit")).content.decode()
    assert 'class="badge"' not in html


def test_marking_read_drops_the_count_loaded_with_the_person(rf, user):
    from accounts.backends import PasswordBackend
    from accounts.context_processors import notifications
    from accounts.services import mark_notifications_read

    make_notifications(user, 2)
    request = rf.get("/")
    request.user = PasswordBackend().get_user(user.pk)
    assert notifications(request) == {"unread_notifications": 2}
    mark_notifications_read(user=request.user)
    count = notifications(request)["unread_notifications"]
    assert (count() if callable(count) else count) == 0


def test_a_deactivated_person_is_signed_out(client, user):
    client.force_login(user)
    assert client.get(reverse("accounts:profile_edit")).status_code == 200
    user.is_active = False
    user.save(update_fields=["is_active"])
    response = client.get(reverse("accounts:profile_edit"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
