"""Joining a members-only network by approval, end to end in a real browser.

A person finds a members-only network listed publicly, sees only its teaser, asks to
join with a message; a facilitator approves the request on the "Manage members" page;
the person then sees the network's members-only content. Both steps use htmx in the
page (the forms also work without JavaScript, which the view tests cover).
"""

import pytest
from wagtail.rich_text import RichText

from network.models import JoinPolicy, Membership, Role, Visibility
from tests.conftest import PASSWORD
from tests.e2e.support import axe_violations, sign_in
from tests.factories import (
    LearningNetworkPageFactory,
    MembershipFactory,
    NetworkIndexPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser

SECRET = "Our register pilots: what the verification team found"


@pytest.fixture
def network(site_url):
    from home.models import HomePage

    index = NetworkIndexPageFactory(parent=HomePage.objects.get())
    network = LearningNetworkPageFactory(
        parent=index,
        title="Beneficial ownership transparency",
        slug="beneficial-ownership",
        intro="Registers of who really owns and controls companies.",
        body=[("paragraph", RichText(f"<p>{SECRET}</p>"))],
        visibility=Visibility.MEMBERS_ONLY,
        listed_publicly=True,
        join_policy=JoinPolicy.APPROVAL,
    )
    return network


def test_request_approve_and_see_members_only_content(
    page, new_context, problems, site_url, network
):
    facilitator = UserFactory(display_name="Fatima Facilitator")
    MembershipFactory(network=network, user=facilitator, role=Role.FACILITATOR)
    person = UserFactory(display_name="Jonas Joiner")
    network_url = f"{site_url}/networks/{network.slug}/"

    # The person finds the network in the index and sees only its teaser.
    sign_in(page, site_url, person.email, PASSWORD)
    page.goto(f"{site_url}/networks/")
    page.get_by_role("link", name="Beneficial ownership transparency").click()
    page.wait_for_load_state()
    assert page.url == network_url
    assert page.get_by_text("For members only").is_visible()
    assert SECRET not in page.content()
    assert "Fatima Facilitator" in page.content()

    # Ask to join with a message; htmx swaps the membership panel in place.
    panel = page.locator("#membership-panel")
    panel.get_by_label("Message to the facilitators").fill(
        "I work on the company register in Accra."
    )
    panel.get_by_role("button", name="Ask to join").click()
    page.locator("#membership-panel", has_text="waiting for a facilitator").wait_for()
    assert page.url == network_url  # no page load: the panel was swapped
    assert Membership.objects.get(user=person, network=network).is_pending
    assert axe_violations(page) == []

    # The facilitator approves the request on the Manage members page.
    moderator = new_context().new_page()
    sign_in(moderator, site_url, facilitator.email, PASSWORD)
    moderator.goto(network_url)
    moderator.get_by_role("link", name="Manage members").click()
    moderator.wait_for_load_state()
    requests = moderator.locator("section", has=moderator.locator("#requests-title"))
    assert "I work on the company register in Accra." in requests.inner_text()
    assert axe_violations(moderator) == []
    requests.get_by_role("button", name="Approve Jonas Joiner").click()
    moderator.locator("#manage-panel", has_text="Jonas Joiner is now a member.").wait_for()
    assert Membership.objects.get(user=person, network=network).is_active

    # The person now sees the members-only content.
    page.goto(network_url)
    assert page.get_by_text(SECRET).is_visible()
    assert page.locator("#membership-panel", has_text="You are a member").is_visible()
    assert not problems, problems.report()
