"""Every accounts page renders in our layout with nothing the strict CSP would block."""

import re

import pytest
from django.urls import reverse

from accounts.services import notify

pytestmark = pytest.mark.django_db

ANONYMOUS_PAGES = [
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_email_verification_sent",
]
MEMBER_PAGES = [
    "accounts:profile_edit",
    "accounts:notification_list",
    "account_email",
    "account_change_password",
    "account_logout",
]


def assert_csp_safe(html, name):
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), f"inline script on {name}"
    assert "<style" not in html, f"<style> on {name}"
    assert not re.search(r"\sstyle=", html), f"style attribute on {name}"
    assert not re.search(r"\son[a-z]+=", html), f"event handler attribute on {name}"
    assert "hx-on" not in html, f"hx-on on {name}"


def assert_our_layout(html, name):
    assert 'class="skip-link"' in html, name
    assert '<main id="main"' in html, name
    assert html.count("<h1") == 1, f"one h1 on {name}"


@pytest.mark.parametrize("name", ANONYMOUS_PAGES)
def test_anonymous_pages(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Content-Security-Policy" in response.headers
    assert_our_layout(html, name)
    assert_csp_safe(html, name)


@pytest.mark.parametrize("name", MEMBER_PAGES)
def test_member_pages(client, user, name):
    notify(recipient=user, verb="test", message="Hello", url="/", email=False)
    client.force_login(user)
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert_our_layout(html, name)
    assert_csp_safe(html, name)


def test_profile_page(client, user):
    client.force_login(user)
    html = client.get(user.get_absolute_url()).content.decode()
    assert_our_layout(html, "profile")
    assert_csp_safe(html, "profile")


def test_forms_with_errors_stay_csp_safe(client, user):
    html = client.post(reverse("account_signup"), {"email": "x"}).content.decode()
    assert_csp_safe(html, "signup with errors")
    client.force_login(user)
    html = client.post(reverse("accounts:profile_edit"), {"bio": "x" * 2000}).content.decode()
    assert_csp_safe(html, "profile edit with errors")
