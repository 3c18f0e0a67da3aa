"""A principle page lists recent visible threads about its principle; a resource is
discussed in the network its editors chose. Both through discussions' template tags."""

import pytest
from django.urls import reverse

from discussions import services
from discussions.models import Thread
from network.models import LearningNetworkPage, Membership, NetworkIndexPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def networks(home_page):
    index = home_page.add_child(instance=NetworkIndexPage(title="Networks", slug="networks"))

    def make(slug, visibility):
        return index.add_child(
            instance=LearningNetworkPage(
                title=slug.title(), slug=slug, intro="x", visibility=visibility, live=True
            )
        )

    return {"public": make("public", "public"), "private": make("private", "members_only")}


@pytest.fixture
def people(networks):
    member = UserFactory(display_name="Mara Member")
    for network in networks.values():
        Membership.objects.create(user=member, network=network, role="member", status="active")
    return {"outsider": UserFactory(), "member": member}


def start(network, author, title, principles=(), page=None):
    return services.start_thread(
        network=network, author=author, title=title, body="Text", principles=principles, page=page
    )


def test_principle_page_lists_only_threads_the_person_may_see(
    client, principle_page, principles, networks, people
):
    principle = principles["open-by-default"]
    start(networks["public"], people["member"], "Public thread on the principle", [principle])
    start(networks["private"], people["member"], "Private thread on the principle", [principle])
    start(networks["public"], people["member"], "Thread on another principle")
    hidden = start(networks["public"], people["member"], "Hidden thread", [principle])
    Thread.objects.filter(pk=hidden.pk).update(is_hidden=True)

    for who, expected in (
        (None, {"Public thread on the principle"}),
        ("outsider", {"Public thread on the principle"}),
        ("member", {"Public thread on the principle", "Private thread on the principle"}),
    ):
        client.logout()
        if who:
            client.force_login(people[who])
        html = client.get(principle_page.url).content.decode()
        for title in (
            "Public thread on the principle",
            "Private thread on the principle",
            "Thread on another principle",
            "Hidden thread",
        ):
            assert (title in html) == (title in expected), (who, title)


def test_a_resource_is_discussed_in_its_chosen_network(client, resource_factory, networks, people):
    resource = resource_factory(title="OCDS guide", discussion_network=networks["public"])
    start_url = (
        reverse("discussions:thread_create", kwargs={"network_slug": "public"})
        + f"?about={resource.pk}"
    )
    anonymous_html = client.get(resource.url).content.decode()
    assert "No one has discussed this yet." in anonymous_html
    assert start_url not in anonymous_html

    client.force_login(people["member"])
    assert start_url in client.get(resource.url).content.decode()
    response = client.post(
        start_url,
        {"kind": "discussion", "title": "Has anyone used this guide?", "body": "For OCDS."},
    )
    assert response.status_code == 302
    thread = Thread.objects.get(title="Has anyone used this guide?")
    assert thread.page_id == resource.pk and thread.network_id == networks["public"].pk

    client.logout()
    assert "Has anyone used this guide?" in client.get(resource.url).content.decode()


def test_a_thread_cannot_be_about_a_resource_discussed_elsewhere(
    client, resource_factory, networks, people
):
    resource = resource_factory(discussion_network=networks["private"])
    client.force_login(people["member"])
    url = reverse("discussions:thread_create", kwargs={"network_slug": "public"})
    client.post(
        f"{url}?about={resource.pk}",
        {"kind": "discussion", "title": "Elsewhere", "body": "Text"},
    )
    assert Thread.objects.get(title="Elsewhere").page_id is None


def test_a_members_only_discussion_stays_hidden_from_outsiders(
    client, resource_factory, networks, people
):
    resource = resource_factory(discussion_network=networks["private"])
    start(networks["private"], people["member"], "Members-only talk", page=resource)
    assert "Members-only talk" not in client.get(resource.url).content.decode()
    client.force_login(people["outsider"])
    assert "Members-only talk" not in client.get(resource.url).content.decode()
    client.force_login(people["member"])
    assert "Members-only talk" in client.get(resource.url).content.decode()


def test_without_a_chosen_network_a_resource_shows_no_discussion(client, resource_factory):
    resource = resource_factory()
    html = client.get(resource.url).content.decode()
    assert "discussions-heading" not in html
