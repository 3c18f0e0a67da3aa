"""A commitment review end to end in a real browser.

A government member asks for a review of one draft commitment and submits it; a
coordinator assigns a government and a civil-society reviewer; each reviewer fills the
matrix and finishes; the coordinator delivers the feedback; the requester reads the
consolidated feedback. Every page is checked with axe and for console or CSP problems.
"""

import pytest

from accounts.models import Sector
from network.models import Role, Visibility
from network.models.reviews import CommitmentReview, ReviewSettings, ReviewStatus
from network.taxonomy import ensure_charter_principles
from tests.conftest import PASSWORD
from tests.e2e.support import axe_violations, sign_in, sign_out
from tests.factories import (
    AffiliationFactory,
    LearningNetworkPageFactory,
    MembershipFactory,
    NetworkIndexPageFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser

COMMITMENT = "Publish all public procurement in OCDS"
GOVERNMENT_COMMENT = "Map the e-procurement system early; it took us a year."
CSO_COMMENT = "Name the civil-society groups who will use the data."


@pytest.fixture
def people(site_url):
    from wagtail.models import Site

    from home.models import HomePage

    ensure_charter_principles()
    index = NetworkIndexPageFactory(parent=HomePage.objects.get())
    network = LearningNetworkPageFactory(
        parent=index,
        title="Open data policy leads",
        slug="policy-leads",
        visibility=Visibility.MEMBERS_ONLY,
    )
    setting = ReviewSettings.for_site(Site.objects.get(is_default_site=True))
    setting.review_network = network
    setting.save()

    def person(name, organisation, sector, country):
        user = UserFactory(display_name=name)
        AffiliationFactory(
            user=user,
            organisation=OrganisationFactory(name=organisation, sector=sector, country=country),
        )
        return user

    coordinator = UserFactory(display_name="Cora Coordinator")
    MembershipFactory(network=network, user=coordinator, role=Role.FACILITATOR)
    return {
        "requester": person(
            "Joseph Kamau", "Kenya Public Data Directorate", Sector.GOVERNMENT, "KE"
        ),
        "coordinator": coordinator,
        "government": person("Maria Santos", "Open Budget Office", Sector.GOVERNMENT, "PH"),
        "civil_society": person("Ngozi Okafor", "Transparency Bridge", Sector.CIVIL_SOCIETY, "NG"),
    }


def check(page, problems):
    assert axe_violations(page) == [], page.url
    assert not problems, problems.report()


def give_feedback(page, site_url, review, person, comment, problems):
    sign_in(page, site_url, person.email, PASSWORD)
    page.goto(f"{site_url}/reviews/{review.pk}/")
    page.get_by_role("link", name="Give your feedback").click()
    page.wait_for_load_state()
    check(page, problems)
    for principle in ("Open by Default", "Comparable and Interoperable"):
        group = page.get_by_role("group", name=f"Rating against “{principle}”")
        group.get_by_label("Adequate").check()
    page.get_by_label("Comment").first.fill(comment)
    page.get_by_label("Overall remarks").fill("Clear, and the milestones have dates.")
    page.get_by_label("Specific", exact=True).check()
    page.get_by_role("button", name="Save a draft").click()
    page.wait_for_load_state()
    assert page.get_by_text("Your draft feedback is saved.").is_visible()
    assert page.get_by_label("Comment").first.input_value() == comment
    page.get_by_role("button", name="Finish my feedback").click()
    page.wait_for_load_state()
    assert page.get_by_text("Your feedback is finished").is_visible()
    sign_out(page, site_url)


def test_request_assign_review_and_read_the_consolidated_feedback(
    page, problems, site_url, people
):
    # 1. The government member asks for a review and submits it.
    sign_in(page, site_url, people["requester"].email, PASSWORD)
    page.goto(f"{site_url}/reviews/")
    page.get_by_role("link", name="Ask for a review").click()
    page.wait_for_load_state()
    check(page, problems)
    page.get_by_label("Title").fill("Kenya: procurement commitments 2027–2029")
    page.get_by_label("Action plan period").fill("2027–2029")
    page.get_by_label("Feedback needed by").fill("2027-03-01")
    page.get_by_role("button", name="Save and add commitments").click()
    page.wait_for_load_state()
    check(page, problems)
    page.get_by_label("Title").fill(COMMITMENT)
    page.get_by_label("Problem it addresses").fill("Awards and payments are not published.")
    page.get_by_label("Commitment text").fill("Publish every stage of procurement as **OCDS**.")
    page.get_by_label("Milestones").fill("- Mapping (June 2027)\n- Awards (December 2027)")
    page.get_by_label("Lead institution").fill("Public Procurement Regulatory Authority")
    page.get_by_label("Open by Default").check()
    page.get_by_label("Comparable and Interoperable").check()
    page.get_by_role("button", name="Save the commitment").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name=f"1. {COMMITMENT}").is_visible()
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_load_state()
    assert page.get_by_text("The review is now “Submitted”.").is_visible()
    check(page, problems)
    review = CommitmentReview.objects.get()
    sign_out(page, site_url)

    # 2. The coordinator assigns a government and a civil-society reviewer.
    sign_in(page, site_url, people["coordinator"].email, PASSWORD)
    page.goto(f"{site_url}/reviews/")
    page.get_by_role("link", name=review.title).click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Assign reviewers").click()
    page.wait_for_load_state()
    check(page, problems)
    page.get_by_label("Maria Santos", exact=False).check()
    page.get_by_role("button", name="Assign and notify").click()
    page.wait_for_load_state()
    # The balance rule answers next to its field; the choice is kept.
    assert page.get_by_text("Choose at least two reviewers.").first.is_visible()
    assert page.get_by_label("Maria Santos", exact=False).is_checked()
    page.get_by_label("Ngozi Okafor", exact=False).check()
    page.get_by_role("button", name="Assign and notify").click()
    page.wait_for_load_state()
    assert page.get_by_text("The reviewers are assigned and notified.").is_visible()
    check(page, problems)
    sign_out(page, site_url)

    # 3. Each reviewer fills the matrix and finishes.
    give_feedback(page, site_url, review, people["government"], GOVERNMENT_COMMENT, problems)
    give_feedback(page, site_url, review, people["civil_society"], CSO_COMMENT, problems)

    # 4. The coordinator delivers the feedback.
    sign_in(page, site_url, people["coordinator"].email, PASSWORD)
    page.goto(f"{site_url}/reviews/{review.pk}/")
    page.get_by_role("button", name="Deliver feedback").click()
    page.wait_for_load_state()
    assert page.get_by_text("The review is now “Feedback delivered”.").is_visible()
    sign_out(page, site_url)
    review.refresh_from_db()
    assert review.status == ReviewStatus.FEEDBACK_DELIVERED

    # 5. The requester reads the consolidated feedback.
    sign_in(page, site_url, people["requester"].email, PASSWORD)
    page.goto(f"{site_url}/reviews/{review.pk}/")
    page.get_by_role("link", name="Read the consolidated feedback").click()
    page.wait_for_load_state()
    check(page, problems)
    content = page.content()
    assert GOVERNMENT_COMMENT in content and CSO_COMMENT in content
    assert "Maria Santos" in content and "Ngozi Okafor" in content
    assert page.get_by_role("heading", name="Open by Default").is_visible()
