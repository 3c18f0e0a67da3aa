"""Registering for the last seat, the waiting list and promotion, in a real browser.

One person takes the last place, a second joins the waiting list; the first cancels and
the second, promoted, sees the online link. The register and cancel buttons swap the
registration panel with htmx (the same forms work without JavaScript: view tests).
"""

import pytest

from tests.conftest import PASSWORD
from tests.e2e.support import axe_violations, sign_in
from tests.factories import UserFactory
from tests.network.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.browser

LINK = "https://meet.example.org/last-seat-webinar"


@pytest.fixture
def event(site_url):
    from home.models import HomePage

    index = EventIndexPageFactory(parent=HomePage.objects.get())
    return EventPageFactory(
        parent=index,
        title="Webinar: linking ownership and procurement data",
        slug="last-seat-webinar",
        capacity=1,
        online_link=LINK,
    )


def test_last_seat_waiting_list_and_promotion(page, new_context, problems, site_url, event):
    first = UserFactory(display_name="Farah First")
    second = UserFactory(display_name="Sione Second")
    event_url = f"{site_url}{event.url}"

    sign_in(page, site_url, first.email, PASSWORD)
    page.goto(event_url)
    panel = page.locator("#registration-panel")
    assert "1 place left" in panel.inner_text()
    assert LINK not in page.content()
    panel.get_by_role("button", name="Register").click()
    page.locator("#registration-panel", has_text="You are registered.").wait_for()
    assert page.url == event_url  # swapped in place
    assert page.get_by_role("link", name=LINK).is_visible()
    assert axe_violations(page) == []

    other = new_context().new_page()
    sign_in(other, site_url, second.email, PASSWORD)
    other.goto(event_url)
    assert "All places are taken." in other.locator("#registration-panel").inner_text()
    other.get_by_role("button", name="Join the waiting list").click()
    other.locator("#registration-panel", has_text="number 1 on the waiting list").wait_for()
    assert LINK not in other.content()
    assert axe_violations(other) == []

    page.get_by_role("button", name="Cancel my registration").click()
    page.locator("#registration-panel", has_text="Your place went to the next person").wait_for()
    assert LINK not in page.content()

    other.goto(event_url)
    assert "You are registered." in other.locator("#registration-panel").inner_text()
    assert other.get_by_role("link", name=LINK).is_visible()
    other.goto(f"{site_url}/notifications/")
    assert "A place opened up" in other.content()
    assert not problems, problems.report()
