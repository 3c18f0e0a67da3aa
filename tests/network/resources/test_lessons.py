"""A principle page lists the lessons on its principle, a resource its related lessons:
only those the person may read (lessons live inside networks)."""

import pytest

from network.models import LearningNetworkPage, Membership, NetworkIndexPage
from tests.factories import UserFactory
from tests.network.lessons.conftest import lesson_factory  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def networks(home_page):
    index = home_page.add_child(instance=NetworkIndexPage(title="Networks", slug="networks"))
    return {
        visibility: index.add_child(
            instance=LearningNetworkPage(
                title=visibility, slug=visibility, intro="x", visibility=visibility, live=True
            )
        )
        for visibility in ("public", "members_only")
    }


@pytest.fixture
def lessons(networks, lesson_factory, principles):  # noqa: F811
    author = UserFactory()
    obd = principles["open-by-default"]
    return {
        "public": lesson_factory(
            networks["public"], author, title="Public lesson", principles=[obd]
        ),
        "private": lesson_factory(
            networks["members_only"], author, title="Private lesson", principles=[obd]
        ),
        "draft": lesson_factory(
            networks["public"], author, title="Draft lesson", principles=[obd], publish=False
        ),
        "other": lesson_factory(networks["public"], author, title="Other principle lesson"),
    }


def shown(client, url):
    html = client.get(url).content.decode()
    titles = ("Public lesson", "Private lesson", "Draft lesson", "Other principle lesson")
    return {title for title in titles if title in html}


def test_principle_page_lists_lessons_on_its_principle(client, principle_page, lessons, networks):
    assert shown(client, principle_page.url) == {"Public lesson"}
    client.force_login(UserFactory())
    assert shown(client, principle_page.url) == {"Public lesson"}
    member = UserFactory()
    Membership.objects.create(user=member, network=networks["members_only"], status="active")
    client.force_login(member)
    assert shown(client, principle_page.url) == {"Public lesson", "Private lesson"}


def test_resource_lists_its_related_lessons(client, resource_factory, lessons, editor):
    resource = resource_factory(title="OCDS guide")
    resource.related_lessons.set([lessons["public"], lessons["private"], lessons["draft"]])
    resource.save()
    assert shown(client, resource.url) == {"Public lesson"}
    client.force_login(editor)
    assert shown(client, resource.url) == {"Public lesson", "Private lesson"}
