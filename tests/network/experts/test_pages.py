import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_directory_and_profile_are_public(client, expert_factory, charter_principles):
    expert = expert_factory(
        headline="Procurement data lead",
        principles=[charter_principles[0]],
        topics=["procurement"],
        languages=["fr"],
        countries=["SN"],
    )
    directory = client.get("/experts/")
    assert directory.status_code == 200
    assert expert.title in directory.text

    profile = client.get(expert.url)
    assert profile.status_code == 200
    text = profile.text
    assert "Procurement data lead" in text
    assert charter_principles[0].name in text
    assert "procurement" in text
    assert "French" in text
    assert "Senegal" in text
    assert expert.user.email not in text
    assert "to ask a question" in text  # visitors are asked to sign in first


def test_profile_offers_asking_to_signed_in_people_but_not_to_the_expert(client, expert_factory):
    expert = expert_factory()
    client.force_login(UserFactory())
    assert f"/ask-an-expert/?expert={expert.pk}" in client.get(expert.url).text
    client.force_login(expert.user)
    assert f"/ask-an-expert/?expert={expert.pk}" not in client.get(expert.url).text


def test_answer_counters_show_how_many_and_how_fast(client, expert_factory):
    expert = expert_factory()
    type(expert).objects.filter(pk=expert.pk).update(
        questions_answered=4, answer_seconds_total=4 * 3 * 3600
    )
    text = client.get(expert.url).text
    assert "4 questions answered" in text
    assert "usually within 3\xa0hours" in text
