import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts.models import Affiliation, Notification, Sector
from accounts.staff import grant_staff_permissions
from tests.factories import AffiliationFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

QUEUE_URL = "/admin/affiliations/"
ORGANISATIONS_URL = "/admin/organisations/"


def verify_url(affiliation):
    return reverse("affiliations:verify", args=[affiliation.pk])


def decline_url(affiliation):
    return reverse("affiliations:decline", args=[affiliation.pk])


def access_admin():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


@pytest.fixture
def staff_editor(db):
    """A non-superuser in Wagtail's Editors group, as seed_demo makes editor@example.org."""
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(access_admin())
    grant_staff_permissions([group])
    person = UserFactory(is_staff=True, display_name="Ed Staff")
    person.groups.add(group)
    return person


@pytest.fixture
def admin_only_user(db):
    """May open the Wagtail admin, but was given nothing about accounts."""
    person = UserFactory(is_staff=True)
    person.user_permissions.add(access_admin())
    return person


@pytest.fixture
def claim(db):
    return AffiliationFactory(
        user=UserFactory(display_name="Claire Claimant"),
        organisation=OrganisationFactory(name="Ministry of Data"),
        status=Affiliation.Status.CLAIMED,
        job_title="Data officer",
    )


# --- Who may see the queue ------------------------------------------------------------
@pytest.mark.parametrize("url", [QUEUE_URL, ORGANISATIONS_URL])
def test_anonymous_is_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("url", [QUEUE_URL, ORGANISATIONS_URL])
def test_a_member_without_admin_access_is_turned_away(client, user, claim, url):
    client.force_login(user)
    response = client.get(url, follow=True)
    html = response.content.decode()
    # One hop to the sign-in form (no redirect loop), which says why.
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert len(response.redirect_chain) == 1
    assert "You do not have permission to access the admin." in html
    assert "Claire Claimant" not in html


@pytest.mark.parametrize("url", [QUEUE_URL, ORGANISATIONS_URL])
def test_admin_users_without_accounts_permissions_are_refused(client, admin_only_user, url):
    client.force_login(admin_only_user)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("who", ["editor", "staff_editor"])
def test_staff_see_the_queue(client, request, who, claim):
    client.force_login(request.getfixturevalue(who))
    response = client.get(QUEUE_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Claire Claimant" in html
    assert "Ministry of Data" in html
    assert "Data officer" in html
    assert verify_url(claim) in html


def test_queue_lists_pending_claims_first(client, editor):
    AffiliationFactory(user=UserFactory(display_name="Vera Verified"))
    AffiliationFactory(
        user=UserFactory(display_name="Dan Declined"), status=Affiliation.Status.DECLINED
    )
    AffiliationFactory(
        user=UserFactory(display_name="Paula Pending"), status=Affiliation.Status.CLAIMED
    )
    client.force_login(editor)
    html = client.get(QUEUE_URL).content.decode()
    assert html.index("Paula Pending") < html.index("Vera Verified")
    assert html.index("Paula Pending") < html.index("Dan Declined")


def test_queue_filters_by_status(client, editor, claim):
    AffiliationFactory(user=UserFactory(display_name="Vera Verified"))
    client.force_login(editor)
    html = client.get(QUEUE_URL, {"status": "verified"}).content.decode()
    assert "Vera Verified" in html
    assert "Claire Claimant" not in html


def test_queue_has_no_add_or_edit_screens(client, editor, claim):
    client.force_login(editor)
    assert client.get(QUEUE_URL + "new/").status_code == 404
    assert client.get(f"{QUEUE_URL}edit/{claim.pk}/").status_code == 404
    assert client.get(f"{QUEUE_URL}inspect/{claim.pk}/").status_code == 200
    assert client.get(f"{QUEUE_URL}history/{claim.pk}/").status_code == 200
    assert client.get(f"{QUEUE_URL}delete/{claim.pk}/").status_code == 200


def test_staff_find_the_screens_in_the_admin_menu(client, staff_editor):
    client.force_login(staff_editor)
    html = client.get("/admin/").content.decode()
    assert "Affiliations to verify" in html
    assert "Organisations" in html


@pytest.mark.parametrize("rows", [1, 30])
def test_queue_queries_do_not_grow_with_rows(client, editor, rows, django_assert_num_queries):
    for _ in range(rows):
        AffiliationFactory(status=Affiliation.Status.CLAIMED)
    client.force_login(editor)
    client.get(QUEUE_URL)
    # session, user, profile, count, rows, and three for the admin menu: for 1 or 30 rows
    with django_assert_num_queries(8):
        assert client.get(QUEUE_URL).status_code == 200


# --- Deciding -------------------------------------------------------------------------
def test_verifying_a_claim_tells_the_person_and_makes_it_count(
    client, staff_editor, claim, django_capture_on_commit_callbacks
):
    assert not Affiliation.objects.verified().filter(pk=claim.pk).exists()
    client.force_login(staff_editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(verify_url(claim))
    assert response.status_code == 302
    assert response["Location"] == QUEUE_URL

    claim.refresh_from_db()
    assert claim.status == Affiliation.Status.VERIFIED
    assert claim.decided_by == staff_editor
    assert claim.decided_at is not None
    assert list(Affiliation.objects.verified()) == [claim]

    notification = Notification.objects.get(recipient=claim.user)
    assert notification.verb == "affiliation.verified"
    assert "Ministry of Data" in notification.message
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [claim.user.email]
    assert "Ministry of Data" in mail.outbox[0].body

    entry = ModelLogEntry.objects.get(object_id=str(claim.pk))
    assert entry.action == "accounts.affiliation.verify"
    assert entry.user == staff_editor


def test_declining_records_the_note_and_tells_the_person(
    client, editor, claim, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(decline_url(claim), {"note": "We could not confirm your post."})
    claim.refresh_from_db()
    assert claim.status == Affiliation.Status.DECLINED
    assert claim.decision_note == "We could not confirm your post."
    assert not Affiliation.objects.verified().exists()
    notification = Notification.objects.get(recipient=claim.user)
    assert notification.verb == "affiliation.declined"
    assert "We could not confirm your post." in notification.message
    assert len(mail.outbox) == 1
    assert "We could not confirm your post." in mail.outbox[0].body
    assert ModelLogEntry.objects.get(object_id=str(claim.pk)).action == (
        "accounts.affiliation.decline"
    )


def test_no_email_when_the_person_turned_email_off(
    client, editor, claim, django_capture_on_commit_callbacks
):
    claim.user.email_notifications = False
    claim.user.save()
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(verify_url(claim))
    assert Notification.objects.filter(recipient=claim.user).count() == 1
    assert mail.outbox == []


def test_the_decision_page_asks_before_changing_anything(client, editor, claim):
    client.force_login(editor)
    response = client.get(decline_url(claim))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Claire Claimant" in html
    assert 'name="note"' in html
    claim.refresh_from_db()
    assert claim.status == Affiliation.Status.CLAIMED


def test_too_long_note_is_refused(client, editor, claim):
    client.force_login(editor)
    response = client.post(decline_url(claim), {"note": "x" * 301})
    assert response.status_code == 200
    assert "at most 300 characters" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == Affiliation.Status.CLAIMED


@pytest.mark.parametrize("who", ["user", "admin_only_user"])
def test_people_without_the_permission_cannot_decide(client, request, who, claim):
    client.force_login(request.getfixturevalue(who))
    client.post(verify_url(claim))
    claim.refresh_from_db()
    assert claim.status == Affiliation.Status.CLAIMED
    assert not Notification.objects.exists()


def test_anonymous_cannot_decide(client, claim):
    response = client.post(verify_url(claim))
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == Affiliation.Status.CLAIMED


def test_deciding_twice_the_same_way_does_not_notify_again(client, editor):
    verified = AffiliationFactory(status=Affiliation.Status.VERIFIED)
    client.force_login(editor)
    client.post(verify_url(verified))
    assert not Notification.objects.exists()


def test_the_verified_affiliation_shows_on_the_profile_with_its_badge(client, editor, claim):
    client.force_login(editor)
    queue = client.post(verify_url(claim), follow=True).content.decode()
    assert "is verified at Ministry of Data" in queue
    html = client.get(claim.user.get_absolute_url()).content.decode()
    line = html[html.index("Ministry of Data") : html.index("Ministry of Data") + 120]
    assert "tag--verified" in line


# --- Organisations --------------------------------------------------------------------
def test_staff_list_filter_and_search_organisations(client, staff_editor):
    OrganisationFactory(name="Uruguay Digital Agency", sector=Sector.GOVERNMENT, country="UY")
    OrganisationFactory(name="Open Kenya", sector=Sector.CIVIL_SOCIETY, country="KE")
    client.force_login(staff_editor)

    listing = client.get(ORGANISATIONS_URL).content.decode()
    assert "Uruguay Digital Agency" in listing and "Open Kenya" in listing

    by_sector = client.get(ORGANISATIONS_URL, {"sector": "civil_society"}).content.decode()
    assert "Open Kenya" in by_sector and "Uruguay Digital Agency" not in by_sector

    by_country = client.get(ORGANISATIONS_URL, {"country": "UY"}).content.decode()
    assert "Uruguay Digital Agency" in by_country and "Open Kenya" not in by_country

    found = client.get(ORGANISATIONS_URL, {"q": "kenya"}).content.decode()
    assert "Open Kenya" in found and "Uruguay Digital Agency" not in found


def test_staff_add_an_organisation(client, staff_editor):
    client.force_login(staff_editor)
    response = client.post(
        ORGANISATIONS_URL + "new/",
        {"name": "Open Data Chile", "sector": "civil_society", "country": "CL", "website": ""},
    )
    assert response.status_code == 302
    from accounts.models import Organisation

    assert Organisation.objects.get(name="Open Data Chile").country.code == "CL"


@pytest.mark.parametrize("rows", [1, 30])
def test_organisation_list_queries_do_not_grow(client, editor, rows, django_assert_num_queries):
    for _ in range(rows):
        AffiliationFactory()
    client.force_login(editor)
    client.get(ORGANISATIONS_URL)
    # session, user, profile, count, rows, and three for the admin menu: for 1 or 30 rows
    with django_assert_num_queries(8):
        assert client.get(ORGANISATIONS_URL).status_code == 200
