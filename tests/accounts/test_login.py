import pytest
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TOO_MANY = "Too many failed login attempts"


def test_login_page_renders_in_our_layout_with_accessible_fields(client):
    html = client.get(reverse("account_login")).content.decode()
    assert 'class="site-header"' in html
    assert '<label for="id_login">' in html
    assert '<label for="id_password">' in html
    assert 'autocomplete="current-password"' in html
    # The "forgot your password?" link is the password field's help text.
    assert reverse("account_reset_password") in html
    assert 'aria-describedby="id_password_helptext"' in html


def test_wrong_password_says_so_and_keeps_the_email(client, user):
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": "not the password"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert 'role="alert"' in html
    assert "not correct" in html
    assert f'value="{user.email}"' in html


def test_a_verified_member_signs_in(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


def test_after_repeated_failures_even_the_right_password_is_refused(client, user, settings):
    limit = 5  # ACCOUNT_RATE_LIMITS["login_failed"]: "...,5/5m/key"
    assert f"{limit}/5m/key" in settings.ACCOUNT_RATE_LIMITS["login_failed"]
    for _ in range(limit):
        response = client.post(
            reverse("account_login"), {"login": user.email, "password": "wrong guess"}
        )
        assert TOO_MANY not in response.content.decode()

    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_for_one_account_do_not_lock_out_another(client, user):
    other = UserFactory()
    for _ in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "wrong guess"})
    response = client.post(reverse("account_login"), {"login": other.email, "password": PASSWORD})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == other.pk


def test_admin_login_goes_through_the_rate_limited_sign_in(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=/admin/" in response["Location"]


@pytest.mark.parametrize(
    "name",
    [
        "account_reset_password",
        "account_reset_password_done",
    ],
)
def test_password_reset_pages_render_in_our_layout(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert 'class="site-header"' in response.content.decode()


def test_password_reset_from_the_emailed_link(client, user, mailoutbox):
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    body = mailoutbox[0].body
    path = body[body.index("/accounts/password/reset/key/") :].split()[0]
    # allauth moves the key into the session and redirects to a key-less URL.
    response = client.get(path, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else path
    html = response.content.decode()
    assert '<label for="id_password1">' in html

    mismatch = client.post(form_url, {"password1": "n3w-Secret-pass", "password2": "other"})
    assert 'id="id_password2_error"' in mismatch.content.decode()

    done = client.post(form_url, {"password1": "n3w-Secret-pass", "password2": "n3w-Secret-pass"})
    assert done.status_code == 302
    assert done["Location"] == reverse("account_reset_password_from_key_done")
    assert client.get(done["Location"]).status_code == 200
    user.refresh_from_db()
    assert user.check_password("n3w-Secret-pass")


@pytest.mark.parametrize("name", ["account_email", "account_change_password", "account_logout"])
def test_account_management_pages_render_for_a_member(client, user, name):
    client.force_login(user)
    response = client.get(reverse(name))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="site-header"' in html


def test_email_page_lists_addresses_in_a_labelled_group(client, user):
    client.force_login(user)
    html = client.get(reverse("account_email")).content.decode()
    assert "<legend>" in html
    assert user.email in html
    assert "Verified" in html


def test_password_change_errors_are_next_to_the_field(client, user):
    client.force_login(user)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "wrong", "password1": "n3w-Secret-pass", "password2": "n3w-Secret-pass"},
    )
    html = response.content.decode()
    assert 'id="id_oldpassword_error"' in html
    assert 'aria-invalid="true"' in html


def test_logout_is_a_post(client, user):
    client.force_login(user)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
