"""A newcomer's first visit, end to end in a real browser.

Sign up, verify the email address from the message in Django's outbox (the live server
runs in this process with the locmem mailer), sign in, fill in the profile and make it
public, sign out, and find the profile as an anonymous visitor.
"""

import re

import pytest
from django.core import mail

from accounts.models import User
from tests.e2e.support import sign_in, sign_out

pytestmark = pytest.mark.browser

EMAIL = "amara.okafor@example.org"
PASSWORD = "a long and unusual passphrase 42"
CONFIRM_LINK = re.compile(r"https?://\S+/accounts/confirm-email/\S+/")


def submit(form):
    form.locator("[type=submit]").last.click()


def test_sign_up_verify_sign_in_and_publish_a_profile(page, problems, new_context, site_url):
    # Sign up: name, email, password twice, consent.
    page.goto(f"{site_url}/accounts/signup/")
    form = page.locator("form:has(input[name=password1])")
    form.locator("input[name=display_name]").fill("Amara Okafor")
    form.locator("input[name=email]").fill(EMAIL)
    form.locator("input[name=password1]").fill(PASSWORD)
    form.locator("input[name=password2]").fill(PASSWORD)
    form.locator("input[name=accept_terms]").check()
    submit(form)
    page.wait_for_load_state()
    assert "/accounts/confirm-email/" in page.url, page.url

    user = User.objects.get(email=EMAIL)
    assert user.display_name == "Amara Okafor"
    assert user.terms_accepted_at is not None
    assert not user.emailaddress_set.get().verified

    # The verification message, as the person's mail program would show it.
    (message,) = [m for m in mail.outbox if EMAIL in m.to]
    link = CONFIRM_LINK.search(message.body).group(0)
    assert link.startswith(site_url), link

    # Open the link as if from the mail program: a fresh browser, not signed in.
    mail_reader = new_context().new_page()
    mail_reader.goto(link)
    mail_reader.locator("main form[method=post] [type=submit]").first.click()
    mail_reader.wait_for_load_state()
    assert user.emailaddress_set.get().verified

    # Sign in with the new account.
    sign_in(page, site_url, EMAIL, PASSWORD)

    # Before opting in, a visitor cannot see the profile.
    visitor = new_context().new_page()
    profile_url = f"{site_url}/people/{user.username}/"
    assert visitor.goto(profile_url).status == 404

    # Edit the profile and make it public.
    response = page.goto(f"{site_url}/account/profile/")
    assert response.status == 200
    form = page.locator("main form:has(input[name=profile_public])")
    form.locator("textarea[name=bio]").fill("I publish procurement data in Lagos.")
    form.locator("input[name=profile_public]").check()
    submit(form)
    page.wait_for_load_state()
    user.refresh_from_db()
    assert user.profile_public
    assert user.bio == "I publish procurement data in Lagos."

    sign_out(page, site_url)
    page.goto(f"{site_url}/account/profile/")
    assert "/accounts/login/" in page.url, "still signed in after signing out"

    # As an anonymous visitor, the public profile shows.
    response = page.goto(profile_url)
    assert response.status == 200
    assert page.locator("h1").inner_text().strip() == "Amara Okafor"
    assert page.get_by_text("I publish procurement data in Lagos.").is_visible()
    assert EMAIL not in page.content()

    assert not problems, problems.report()
