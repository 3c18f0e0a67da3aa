"""Content-Security-Policy in a real browser: strict on the public site, looser in the admin.

The public pages must load with no CSP violation and no console error. The Wagtail admin
still writes inline scripts and styles, so its URLs get their own policy; the proof that
the policy is loose enough is an editor editing and publishing a page there.
"""

import pytest

from tests.e2e.support import sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"


@pytest.fixture
def standard_page(site_url):
    from home.models import HomePage, StandardPage

    home = HomePage.objects.get()
    return home.add_child(
        instance=StandardPage(
            title="About the working group",
            slug="about",
            intro="Who we are and how we work.",
            live=True,
        )
    )


def test_public_pages_raise_no_csp_violation_or_console_error(
    page, problems, site_url, standard_page
):
    for path in ("/", "/accounts/login/", "/accounts/signup/", standard_page.url):
        response = page.goto(site_url + path)
        assert response.status == 200, path
        policy = response.headers["content-security-policy"]
        assert "script-src 'self';" in policy + ";", policy
        assert "unsafe-inline" not in policy
        assert "unsafe-eval" not in policy
        assert "frame-ancestors 'self'" in policy
        # Run the page's scripts to the end (htmx, our own JS) before judging it.
        page.wait_for_load_state("networkidle")

    assert not problems, problems.report()
    # The collector works: the last page really was the standard page.
    assert page.locator("h1").inner_text() == "About the working group"


def test_an_editor_edits_and_publishes_a_page_in_the_admin(
    page, problems, site_url, standard_page
):
    UserFactory(email="edith@example.org", is_staff=True, is_superuser=True, password=PASSWORD)
    sign_in(page, site_url, "edith@example.org", PASSWORD)

    response = page.goto(f"{site_url}/admin/pages/{standard_page.pk}/edit/")
    assert response.status == 200
    admin_policy = response.headers["content-security-policy"]
    assert "'unsafe-inline'" in admin_policy
    assert "unsafe-eval" not in admin_policy

    title = page.locator("#id_title")
    title.fill("About the open data working group")
    # Publishing sits in the footer's dropdown, opened by the admin's own JavaScript.
    page.locator("footer .w-dropdown__toggle").first.click()
    publish = page.locator("button[name=action-publish]")
    publish.click()
    page.wait_for_load_state()
    assert "/admin/pages/" in page.url
    assert page.get_by_text("has been published").first.is_visible()

    standard_page.refresh_from_db()
    assert standard_page.title == "About the open data working group"
    assert standard_page.live and not standard_page.has_unpublished_changes

    # The admin ran its inline scripts under its own policy without a single violation.
    assert not problems, problems.report()

    page.goto(site_url + standard_page.url)
    assert page.locator("h1").inner_text() == "About the open data working group"
    assert not problems, problems.report()
