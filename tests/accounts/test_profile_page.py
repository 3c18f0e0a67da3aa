import pytest
from django.urls import reverse

from accounts.models import Affiliation
from tests.factories import AffiliationFactory, OrganisationFactory, UserFactory
from tests.hostile import HOSTILE_INPUTS, assert_inert

pytestmark = pytest.mark.django_db

NOINDEX = '<meta name="robots" content="noindex">'


@pytest.fixture
def private_person(db):
    return UserFactory(display_name="Priya Private", profile_public=False)


@pytest.fixture
def public_person(db):
    return UserFactory(display_name="Pablo Public", profile_public=True)


def test_anonymous_visitor_gets_404_for_a_private_profile(client, private_person):
    response = client.get(private_person.get_absolute_url())
    assert response.status_code == 404
    assert "Priya Private" not in response.content.decode()


def test_anonymous_visitor_sees_a_public_profile_without_noindex(client, public_person):
    response = client.get(public_person.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pablo Public" in html
    assert NOINDEX not in html


def test_signed_in_member_sees_a_private_profile_marked_noindex(client, user, private_person):
    client.force_login(user)
    response = client.get(private_person.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Priya Private" in html
    assert NOINDEX in html


def test_inactive_people_have_no_profile(client, user):
    gone = UserFactory(is_active=False, profile_public=True)
    client.force_login(user)
    assert client.get(gone.get_absolute_url()).status_code == 404


def test_unknown_handle_is_404(client, user):
    client.force_login(user)
    assert client.get(reverse("accounts:profile_detail", args=["nobody-here"])).status_code == 404


def test_profile_shows_details_and_verified_badge_only_when_verified(client, user):
    person = UserFactory(
        profile_public=True,
        country="KE",
        languages=["sw", "en"],
        time_zone="Africa/Nairobi",
        bio="Open budgets.\nOpen contracts.",
    )
    AffiliationFactory(
        user=person,
        organisation=OrganisationFactory(name="Verified Org"),
        status=Affiliation.Status.VERIFIED,
        job_title="Analyst",
    )
    AffiliationFactory(
        user=person,
        organisation=OrganisationFactory(name="Claimed Org"),
        status=Affiliation.Status.CLAIMED,
    )
    AffiliationFactory(
        user=person,
        organisation=OrganisationFactory(name="Declined Org"),
        status=Affiliation.Status.DECLINED,
    )
    html = client.get(person.get_absolute_url()).content.decode()

    assert "Kenya" in html
    assert "Swahili, English" in html
    assert "Africa/Nairobi" in html
    assert "Open budgets.<br>Open contracts." in html
    assert "Declined Org" not in html
    assert html.count("tag--verified") == 1
    verified_line = html[html.index("Verified Org") - 40 : html.index("Verified Org") + 120]
    assert "Analyst" in verified_line and "tag--verified" in verified_line
    claimed_line = html[html.index("Claimed Org") : html.index("Claimed Org") + 80]
    assert "tag--verified" not in claimed_line
    assert "not yet verified" in claimed_line


def test_own_profile_links_to_edit(client, user):
    client.force_login(user)
    html = client.get(user.get_absolute_url()).content.decode()
    assert reverse("accounts:profile_edit") in html


@pytest.mark.parametrize("text", HOSTILE_INPUTS[:40])
def test_profile_text_is_shown_inert(client, text):
    person = UserFactory(profile_public=True, display_name=text[:100], bio=text)
    AffiliationFactory(
        user=person, organisation=OrganisationFactory(name=text[:200]), job_title=text[:150]
    )
    html = client.get(person.get_absolute_url()).content.decode()
    main = html[html.index('<main id="main"') :]
    assert_inert(main, allowed_elements={"form"}, context=text)


def _person_with(affiliations):
    person = UserFactory(profile_public=True, languages=["en", "fr", "es"])
    for _ in range(affiliations):
        AffiliationFactory(user=person, organisation=OrganisationFactory())
    return person


@pytest.mark.parametrize("affiliations", [0, 1, 12])
def test_profile_page_queries_do_not_grow_anonymous(
    client, affiliations, django_assert_num_queries
):
    person = _person_with(affiliations)
    url = person.get_absolute_url()
    client.get(url)  # warm Wagtail's cached site root paths, as any live site has
    # profile, its affiliations, the site, the navigation settings
    with django_assert_num_queries(2):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("affiliations", [0, 1, 12])
def test_profile_page_queries_do_not_grow_signed_in(
    client, user, affiliations, django_assert_num_queries
):
    person = _person_with(affiliations)
    url = person.get_absolute_url()
    client.force_login(user)
    client.get(url)
    # + session, viewer (with the unread count), the user bar's two permission look-ups
    with django_assert_num_queries(4):
        assert client.get(url).status_code == 200
