import pytest
from django.urls import reverse

from accounts.models import Affiliation
from tests.factories import AffiliationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

URL = reverse("accounts:profile_edit")


def valid_data(**overrides):
    data = {
        "display_name": "Ana Pérez",
        "organisation": "",
        "job_title": "",
        "country": "UY",
        "bio": "I open procurement data.",
        "languages": ["es", "en"],
        "time_zone": "America/Montevideo",
        "profile_public": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_form_shows_current_values(client, user):
    user.bio = "Data person"
    user.save()
    client.force_login(user)
    html = client.get(URL).content.decode()
    assert f'value="{user.display_name}"' in html
    assert "Data person" in html
    assert '<label for="id_time_zone">' in html
    assert "<legend>Languages you work in" in html


def test_valid_edit_saves_everything_and_redirects_with_a_message(client, user):
    client.force_login(user)
    response = client.post(URL, valid_data(), follow=True)
    assert response.redirect_chain == [(URL, 302)]
    assert "Your profile is saved." in response.content.decode()
    user.refresh_from_db()
    assert user.display_name == "Ana Pérez"
    assert user.country.code == "UY"
    assert user.bio == "I open procurement data."
    assert user.languages == ["es", "en"]
    assert user.time_zone == "America/Montevideo"
    assert user.profile_public is True


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("time_zone", "Mars/Olympus_Mons"),
        ("languages", ["en", "klingon"]),
        ("bio", "x" * 1001),
        ("display_name", ""),
        ("country", "XX"),
        ("organisation", "999999"),
    ],
)
def test_invalid_input_is_refused_next_to_the_field_and_kept(client, user, field, value):
    client.force_login(user)
    before = (user.display_name, user.bio, user.time_zone, list(user.languages))
    data = valid_data(**{field: value, "bio": value if field == "bio" else "Kept bio text"})
    response = client.post(URL, data)
    html = response.content.decode()

    assert response.status_code == 200
    assert f'id="id_{field}_error"' in html
    assert "There is a problem" in html
    # Nothing was saved, not even the valid fields.
    user.refresh_from_db()
    assert (user.display_name, user.bio, user.time_zone, list(user.languages)) == before
    # What was typed is still in the form.
    assert "Kept bio text" in html or field == "bio"
    if field != "display_name":
        assert 'value="Ana Pérez"' in html
    assert '<option value="America/Montevideo" selected>' in html or field == "time_zone"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("time_zone", "Mars/Olympus_Mons", "Choose a time zone from the list."),
        ("languages", ["klingon"], "Choose languages from the list."),
    ],
)
def test_bad_choices_get_a_plain_message(client, user, field, value, message):
    client.force_login(user)
    assert message in client.post(URL, valid_data(**{field: value})).content.decode()


def test_too_long_bio_message_says_the_limit(client, user):
    client.force_login(user)
    html = client.post(URL, valid_data(bio="x" * 1001)).content.decode()
    assert "at most 1000 characters" in html


def test_job_title_without_organisation_is_refused(client, user):
    client.force_login(user)
    response = client.post(URL, valid_data(job_title="Data lead"))
    assert 'id="id_organisation_error"' in response.content.decode()
    assert not Affiliation.objects.exists()


def test_choosing_an_organisation_claims_an_unverified_affiliation(client, user):
    organisation = OrganisationFactory(name="Ministry of Finance")
    client.force_login(user)
    client.post(URL, valid_data(organisation=organisation.pk, job_title="Data lead"))

    affiliation = Affiliation.objects.get(user=user)
    assert affiliation.organisation == organisation
    assert affiliation.job_title == "Data lead"
    assert affiliation.status == Affiliation.Status.CLAIMED
    assert not Affiliation.objects.verified().filter(user=user).exists()

    html = client.get(URL).content.decode()
    assert "Awaiting verification" in html
    assert f'<option value="{organisation.pk}" selected>' in html


def test_a_verified_affiliation_stays_when_another_is_claimed_or_the_field_is_cleared(
    client, user
):
    verified = AffiliationFactory(user=user, status=Affiliation.Status.VERIFIED)
    other = OrganisationFactory()
    client.force_login(user)

    client.post(URL, valid_data(organisation=other.pk))
    assert set(Affiliation.objects.filter(user=user).values_list("organisation", "status")) == {
        (verified.organisation_id, "verified"),
        (other.pk, "claimed"),
    }

    client.post(URL, valid_data(organisation=""))
    assert list(Affiliation.objects.filter(user=user)) == [verified]


def test_switching_the_claim_replaces_the_pending_one(client, user):
    first, second = OrganisationFactory(), OrganisationFactory()
    client.force_login(user)
    client.post(URL, valid_data(organisation=first.pk))
    client.post(URL, valid_data(organisation=second.pk))
    assert list(Affiliation.objects.filter(user=user).values_list("organisation", flat=True)) == [
        second.pk
    ]


def test_time_zones_offered_are_real_places_not_aliases(client, user):
    client.force_login(user)
    html = client.get(URL).content.decode()
    assert '<option value="America/Montevideo"' in html
    assert '<option value="UTC"' in html
    for alias in ("localtime", "Factory", "US/Eastern", "Etc/GMT+5"):
        assert f'<option value="{alias}"' not in html
