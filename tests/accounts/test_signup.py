import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def signup_data(**overrides):
    data = {
        "display_name": "Ana Pérez",
        "email": "ana@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "accept_terms": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_signup_page_shows_consent_with_links_to_terms_and_privacy(client):
    response = client.get(reverse("account_signup"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="accept_terms"' in html
    assert 'href="/terms/"' in html
    assert 'href="/privacy/"' in html
    # Our layout, not allauth's bare one.
    assert 'class="site-header"' in html
    assert 'id="main"' in html


def test_signup_fields_have_labels_and_autocomplete(client):
    html = client.get(reverse("account_signup")).content.decode()
    assert '<label for="id_display_name">' in html
    assert 'autocomplete="name"' in html
    assert 'autocomplete="email"' in html
    assert 'autocomplete="new-password"' in html
    # The password rules are announced with the field.
    assert 'aria-describedby="id_password1_helptext"' in html


def test_signup_without_consent_is_refused_next_to_the_field_and_keeps_input(client):
    response = client.post(reverse("account_signup"), signup_data(accept_terms=None))
    html = response.content.decode()
    assert response.status_code == 200
    assert not User.objects.filter(email="ana@example.org").exists()
    assert 'id="id_accept_terms_error"' in html
    assert "Please accept the terms of use and the privacy notice." in html
    assert re.search(r'<input[^>]*name="accept_terms"[^>]*aria-invalid="true"', html)
    assert 'aria-describedby="id_accept_terms_error' in html or re.search(
        r'aria-describedby="[^"]*id_accept_terms_error', html
    )
    # What was typed is still there.
    assert 'value="Ana Pérez"' in html
    assert 'value="ana@example.org"' in html


def test_signup_without_display_name_is_refused(client):
    response = client.post(reverse("account_signup"), signup_data(display_name=""))
    assert response.status_code == 200
    assert 'id="id_display_name_error"' in response.content.decode()
    assert not User.objects.exists()


def test_signup_records_consent_date_and_display_name_and_asks_to_verify(client):
    response = client.post(reverse("account_signup"), signup_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")

    user = User.objects.get(email="ana@example.org")
    assert user.display_name == "Ana Pérez"
    assert user.terms_accepted_at is not None
    # The handle comes from the name, never from the email address.
    assert user.username.startswith("ana_perez")
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ana@example.org"]


def test_verification_sent_page_uses_our_layout(client):
    client.post(reverse("account_signup"), signup_data())
    response = client.get(reverse("account_email_verification_sent"))
    assert response.status_code == 200
    assert 'class="site-header"' in response.content.decode()


def _confirmation_url(message):
    return re.search(r"http://testserver(/accounts/confirm-email/[^\s]+/)", message.body).group(1)


def test_login_works_only_after_the_email_is_verified(client):
    client.post(reverse("account_signup"), signup_data())
    client.logout()
    login = {"login": "ana@example.org", "password": PASSWORD}

    response = client.post(reverse("account_login"), login)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session

    confirm_url = _confirmation_url(mail.outbox[0])
    page = client.get(confirm_url)
    assert page.status_code == 200
    assert "Confirm" in page.content.decode()
    client.post(confirm_url)
    assert EmailAddress.objects.get(email="ana@example.org").verified
    client.logout()

    response = client.post(reverse("account_login"), login)
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == User.objects.get(email="ana@example.org").pk


def test_confirmation_email_names_the_site_and_the_person_not_the_handle(client):
    client.post(reverse("account_signup"), signup_data())
    message = mail.outbox[0]
    assert message.subject.endswith("Please confirm your email address")
    assert "Open data learning networks" in message.body
    assert "Ana Pérez gave this email address" in message.body
    assert "testserver!" not in message.body
    assert "/accounts/confirm-email/" in message.body


def test_the_sign_in_message_uses_the_display_name(client, user):
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}, follow=True
    )
    html = response.content.decode()
    assert f"Successfully signed in as {user.display_name}." in html
    assert f"signed in as {user.username}." not in html
