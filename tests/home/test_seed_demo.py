from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page, Revision

from accounts.demo import ADMIN_EMAIL, DEMO_PASSWORD, EDITOR_EMAIL
from accounts.models import Affiliation, Organisation, Sector, User
from home.models import HomePage, NavigationSettings, StandardPage

COUNTED = [
    User,
    EmailAddress,
    Organisation,
    Affiliation,
    Page,
    Revision,
    Group,
    GroupPagePermission,
    GroupCollectionPermission,
    NavigationSettings,
]


def _counts():
    models = [*COUNTED, get_image_model()]
    return {model.__name__: model.objects.count() for model in models}


def _seed():
    out = StringIO()
    call_command("seed_demo", force=True, stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded(home_page):
    return _seed()


@pytest.mark.django_db(transaction=True)
def test_seed_demo_builds_an_empty_database_and_a_second_run_changes_nothing():
    """Starts from a flushed database: no locale, root page, site, collection or group."""
    call_command("flush", interactive=False, verbosity=0)
    assert not Page.objects.exists()
    first_output = _seed()
    after_first = _counts()
    home = HomePage.objects.get()
    home_revision = home.latest_revision_id

    second_output = _seed()

    assert _counts() == after_first
    assert HomePage.objects.get().latest_revision_id == home_revision
    assert "created" in first_output
    assert "created" not in second_output
    for output in (first_output, second_output):
        assert DEMO_PASSWORD in output
        assert EDITOR_EMAIL in output
        assert ADMIN_EMAIL in output


def test_seed_demo_refuses_to_run_when_debug_is_off(db):
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.filter(email=ADMIN_EMAIL).exists()


def test_seed_demo_creates_a_living_site(seeded, client):
    home = HomePage.objects.get()
    assert home.intro and home.body
    slugs = set(StandardPage.objects.child_of(home).live().values_list("slug", flat=True))
    assert {"about", "code-of-conduct", "terms", "privacy", "contact"} <= slugs
    for path in ("/", "/about/", "/code-of-conduct/", "/terms/", "/privacy/", "/contact/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "lorem" not in response.content.decode().lower()

    navigation = NavigationSettings.for_site(home.get_site())
    html = client.get("/").content.decode()
    assert '<a href="/about/">About</a>' in html
    assert '<a href="/privacy/">Privacy notice</a>' in html
    assert navigation.contact_email


def test_seed_demo_people_and_organisations_cover_every_case(seeded):
    assert Organisation.objects.count() >= 10
    assert set(Organisation.objects.values_list("sector", flat=True)) == set(Sector.values)
    assert Organisation.objects.exclude(country="").values("country").distinct().count() >= 5

    members = User.objects.filter(is_staff=False)
    assert members.count() >= 12
    assert members.filter(profile_public=True).exists()
    assert members.filter(profile_public=False).exists()
    assert all(member.display_name and member.bio and member.time_zone for member in members)
    assert Affiliation.objects.filter(status=Affiliation.Status.VERIFIED).exists()
    assert Affiliation.objects.filter(status=Affiliation.Status.CLAIMED).exists()
    # Every demo account can sign in: one verified, primary address each.
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == User.objects.count()


def test_seed_demo_keeps_what_an_editor_changed(seeded):
    about = StandardPage.objects.get(slug="about")
    about.title = "About the working group"
    about.save_revision().publish()

    _seed()

    about.refresh_from_db()
    assert about.title == "About the working group"
    assert StandardPage.objects.filter(slug="about").count() == 1


def _sign_in(client, email):
    response = client.post(reverse("account_login"), {"login": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302, response.content.decode()[:2000]
    return User.objects.get(email=email)


def test_demo_member_signs_in_with_the_demo_password(seeded, client):
    user = _sign_in(client, "ana@example.org")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get("/admin/").status_code == 302  # members have no admin


def test_demo_editor_signs_in_and_may_edit_and_publish_pages(seeded, client):
    editor = _sign_in(client, EDITOR_EMAIL)
    home = HomePage.objects.get()

    assert editor.is_staff and not editor.is_superuser
    assert editor.groups.filter(name="Editors").exists()
    assert client.get("/admin/").status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[home.pk])).status_code == 200
    permissions = home.permissions_for_user(editor)
    assert permissions.can_add_subpage()
    assert permissions.can_publish()
    assert StandardPage.objects.get(slug="about").permissions_for_user(editor).can_publish()


def test_demo_admin_signs_in_as_a_superuser(seeded, client):
    admin = _sign_in(client, ADMIN_EMAIL)
    settings_url = reverse("wagtailsettings:edit", args=["home", "navigationsettings"])

    response = client.get(settings_url, follow=True)

    assert admin.is_superuser
    assert response.status_code == 200
    assert "Main menu" in response.content.decode()
