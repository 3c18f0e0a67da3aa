"""The member directory and the government / civil-society balance."""

import pytest

from accounts.models import Affiliation, Sector
from network.models import Role
from tests.factories import AffiliationFactory, MembershipFactory, OrganisationFactory, UserFactory


def members_url(network):
    return f"/networks/{network.slug}/members/"


@pytest.fixture
def staffed(world):
    """Organisations for the world's people: some verified, one only claimed."""
    ministry = OrganisationFactory(name="Ministry of Data", sector=Sector.GOVERNMENT, country="KE")
    ngo = OrganisationFactory(name="Open Watch", sector=Sector.CIVIL_SOCIETY, country="MX")
    AffiliationFactory(user=world.lead, organisation=ministry)
    AffiliationFactory(user=world.facilitator, organisation=ngo)
    AffiliationFactory(user=world.member, organisation=ministry, status=Affiliation.Status.CLAIMED)
    for person, country in ((world.lead, "KE"), (world.facilitator, "MX"), (world.member, "KE")):
        person.country = country
        person.save()
    return world


@pytest.mark.parametrize(
    ("role", "kind", "status"),
    [
        ("outsider", "public", 200),
        ("outsider", "private", 404),
        ("outsider", "listed", 404),
        ("pending", "listed", 404),
        ("member", "private", 200),
        ("editor", "private", 200),
    ],
)
def test_directory_is_for_signed_in_people_who_may_view_the_network(
    world, as_role, role, kind, status
):
    assert as_role(role).get(members_url(getattr(world, kind))).status_code == status


def test_directory_asks_visitors_to_sign_in(world, as_role):
    response = as_role("anonymous").get(members_url(world.public))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_directory_shows_name_organisation_sector_country_and_role(staffed, as_role):
    html = as_role("outsider").get(members_url(staffed.public)).content.decode()
    assert f'href="{staffed.lead.get_absolute_url()}"' in html
    lead_card = html.split("Lead Person")[1].split("</li>")[0]
    assert "Ministry of Data" in lead_card and "Verified" in lead_card
    assert "Government" in lead_card and "Kenya" in lead_card and "Lead" in lead_card
    member_card = html.split("Member Person")[1].split("</li>")[0]
    # A claim is shown as such and gives no sector.
    assert "Ministry of Data" in member_card and "not verified" in member_card
    assert "Government" not in member_card
    assert "Pending Person" not in html  # only active members


def test_directory_filters_by_verified_sector(staffed, as_role):
    url = members_url(staffed.public) + "?sector=government"
    html = as_role("member").get(url).content.decode()
    assert "Lead Person" in html
    assert "Member Person" not in html  # claimed only
    assert "Facilitator Person" not in html
    assert "1 member" in html


def test_directory_filters_by_country_from_the_members_own_list(staffed, as_role):
    html = as_role("member").get(members_url(staffed.public) + "?country=MX").content.decode()
    assert "Facilitator Person" in html and "Lead Person" not in html
    assert '<option value="KE"' in html and '<option value="MX"' in html
    assert '<option value="FR"' not in html  # only countries members come from


def test_directory_explains_a_bad_filter_next_to_the_field(staffed, as_role):
    response = as_role("member").get(members_url(staffed.public) + "?sector=wizards")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_sector_error"' in html
    assert "Select a valid choice" in html
    assert "Lead Person" in html and "Member Person" in html  # unfiltered


def test_directory_paginates(world, as_role):
    for _ in range(32):
        MembershipFactory(network=world.public)
    client = as_role("member")
    first = client.get(members_url(world.public)).content.decode()
    second = client.get(members_url(world.public) + "?page=2").content.decode()
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    assert first.count('class="member-list__item"') == 30
    assert second.count('class="member-list__item"') == 5


def test_network_page_counts_government_and_civil_society_by_verified_affiliation(
    staffed, as_role
):
    html = as_role("member").get(staffed.public.url).content.decode()
    numbers = html.split("In numbers")[1]
    assert "<dt>Members</dt>\n                            <dd>3</dd>" in numbers
    assert "<dt>Government</dt>\n                            <dd>1</dd>" in numbers
    assert "<dt>Civil society</dt>\n                            <dd>1</dd>" in numbers


def test_balance_counts_each_person_once_and_ignores_pending_members(world):
    from network.models import Membership

    ministry = OrganisationFactory(name="Gov A", sector=Sector.GOVERNMENT)
    agency = OrganisationFactory(name="Gov B", sector=Sector.GOVERNMENT)
    person = UserFactory()
    AffiliationFactory(user=person, organisation=ministry)
    AffiliationFactory(user=person, organisation=agency)
    MembershipFactory(network=world.public, user=person, role=Role.MEMBER)
    AffiliationFactory(user=world.pending, organisation=ministry)  # pending in approval
    balance = Membership.objects.for_network(world.public).sector_balance()
    assert balance == {"total": 4, "government": 1, "civil_society": 0}
    assert Membership.objects.for_network(world.approval).sector_balance()["government"] == 0
