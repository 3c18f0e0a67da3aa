"""Pages render with a fixed number of SQL queries, however many networks or members.

Each test builds the small case, renders once to warm per-process caches (Wagtail's
site root paths, image renditions made on first view), counts the queries of a second
render, then grows to the large case and counts again: both counts must equal the
number pinned here, and stay under ``CEILING``.

About 10 of each count are the frame every page pays (site and page routing, session,
user with the unread-notifications badge's count, Wagtail's view-restriction check,
navigation settings, the user bar's permission checks); the rest are this app's:
memberships (once), hidden network paths (once), then one query per kind of thing
shown (stewards, balance, principles, tags, cover image, pending requests, the latest
threads through discussions' template tag ...), never one per row.
"""

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Sector
from network.models import JoinPolicy, Role, Visibility
from tests.factories import (
    AffiliationFactory,
    LearningNetworkPageFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

CEILING = 25
# A network page also lists its latest lessons, coming events and threads.
NETWORK_PAGE_CEILING = 30

# role -> exact queries for the index page (same with 3 and with 50 networks)
INDEX_QUERIES = {"anonymous": 13, "member": 18, "editor": 17}
# role -> exact queries for a network page (same with 3 and with 50 members)
# Includes the network's coming events (events' template tag): the events index and the events,
# and its latest lessons (lessons_tags.py): the lessons and their view restrictions (+2).
NETWORK_PAGE_QUERIES = {"anonymous": 18, "member": 23, "lead": 24}
DIRECTORY_QUERIES = 11
MANAGE_QUERIES = 12


def _count(client, url):
    client.get(url)  # warm-up
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), queries


@pytest.fixture
def principles(charter_principles):
    return charter_principles


def _add_networks(network_index, principles, viewer, count, start):
    image = wagtail_factories.ImageFactory()
    for number in range(start, start + count):
        network = LearningNetworkPageFactory(
            parent=network_index,
            title=f"Network {number:03}",
            slug=f"n{number}",
            visibility=Visibility.MEMBERS_ONLY if number % 3 == 0 else Visibility.PUBLIC,
            listed_publicly=number % 2 == 0,
            join_policy=JoinPolicy.OPEN if number % 2 else JoinPolicy.APPROVAL,
            cover_image=image if number % 4 == 0 else None,
        )
        network.principles.add(*principles[: 1 + number % 3])
        network.tags.add(f"topic-{number % 5}")
        network.save()
        if viewer is not None and number % 2:
            MembershipFactory(network=network, user=viewer)


@pytest.mark.parametrize("role", ["anonymous", "member", "editor"])
def test_index_queries_do_not_grow_with_networks(client, network_index, principles, editor, role):
    viewer = {"anonymous": None, "member": UserFactory(), "editor": editor}[role]
    if viewer is not None:
        client.force_login(viewer)
    counts = []
    _add_networks(network_index, principles, viewer if role == "member" else None, 3, 0)
    counts.append(_count(client, network_index.url)[0])
    _add_networks(network_index, principles, viewer if role == "member" else None, 47, 3)
    count, queries = _count(client, network_index.url)
    counts.append(count)
    assert counts == [INDEX_QUERIES[role]] * 2, "\n".join(q["sql"] for q in queries)
    assert count <= CEILING


def _add_members(network, count, sector_cycle=(Sector.GOVERNMENT, Sector.CIVIL_SOCIETY)):
    for _ in range(count):
        person = UserFactory(country="KE")
        organisation = OrganisationFactory(sector=sector_cycle[_ % 2])
        AffiliationFactory(user=person, organisation=organisation)
        MembershipFactory(network=network, user=person)


@pytest.mark.parametrize("role", ["anonymous", "member", "lead"])
def test_network_page_queries_do_not_grow_with_members(client, network_factory, principles, role):
    lead = UserFactory()
    network = network_factory(
        title="Open contracting data",
        members=[(lead, Role.LEAD)],
        cover_image=wagtail_factories.ImageFactory(),
    )
    network.principles.add(*principles[:3])
    network.tags.add("procurement", "budgets")
    network.save()
    viewer = {"anonymous": None, "member": UserFactory(), "lead": lead}[role]
    if role == "member":
        MembershipFactory(network=network, user=viewer)
    if viewer is not None:
        client.force_login(viewer)
    counts = []
    _add_members(network, 1)
    counts.append(_count(client, network.url)[0])
    _add_members(network, 48)
    count, queries = _count(client, network.url)
    counts.append(count)
    assert counts == [NETWORK_PAGE_QUERIES[role]] * 2, "\n".join(q["sql"] for q in queries)
    assert count <= NETWORK_PAGE_CEILING


def test_directory_queries_do_not_grow_with_members(client, network_factory):
    viewer = UserFactory()
    network = network_factory(members=[(viewer, Role.MEMBER)])
    client.force_login(viewer)
    url = f"/networks/{network.slug}/members/"
    counts = []
    _add_members(network, 2)
    counts.append(_count(client, url)[0])
    _add_members(network, 47)
    count, queries = _count(client, url)
    counts.append(count)
    assert counts == [DIRECTORY_QUERIES] * 2, "\n".join(q["sql"] for q in queries)
    assert count <= CEILING


def test_manage_page_queries_do_not_grow_with_members(client, network_factory):
    lead = UserFactory()
    network = network_factory(members=[(lead, Role.LEAD)])
    client.force_login(lead)
    url = f"/networks/{network.slug}/manage/"
    counts = []
    _add_members(network, 2)
    MembershipFactory(network=network, status="pending", joined_at=None)
    counts.append(_count(client, url)[0])
    _add_members(network, 47)
    for _ in range(5):
        MembershipFactory(network=network, status="pending", joined_at=None)
    count, queries = _count(client, url)
    counts.append(count)
    assert counts == [MANAGE_QUERIES] * 2, "\n".join(q["sql"] for q in queries)
    assert count <= CEILING
