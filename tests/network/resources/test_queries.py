"""The resource centre and a principle page run the same number of SQL queries with 3
and with 60 resources (filters, counts and cards included).

About 10 of each count are the frame every page pays (routing, session, user, Wagtail's
view restrictions, navigation settings, the notifications badge); the rest are this
area's: the view restrictions of ``.public()``, one count query per filter (type,
language, principle, country), the principles of the filter, the rows and their
principles, and on a principle page its lessons (with ``.public()``'s view restrictions),
its guidelines, the link to the resource centre and the discussions tag.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

CEILING = 30
# role -> exact queries, filtered or not (the same with 3 and with 60 resources)
INDEX_QUERIES = {"anonymous": 15, "member": 20}
PRINCIPLE_QUERIES = {"anonymous": 20, "member": 25}

pytestmark = pytest.mark.django_db


def _count(client, url, params):
    client.get(url, params)  # warm-up: site root paths and other per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), [q["sql"] for q in queries.captured_queries]


def _add(resource_factory, principles, count, start):
    slugs = list(principles)
    languages = ["en", "es", "fr"]
    for number in range(start, start + count):
        resource_factory(
            title=f"Resource {number:03}",
            language=languages[number % 3],
            resource_type=["guide", "toolkit", "dataset"][number % 3],
            countries=["UY", "MX"][: 1 + number % 2],
            principles=[principles[slugs[0]], principles[slugs[1 + number % 5]]],
        )


@pytest.fixture
def viewer(client, request):
    from tests.factories import UserFactory

    role = request.param
    if role == "member":
        client.force_login(UserFactory())
    return role


@pytest.mark.parametrize("viewer", ["anonymous", "member"], indirect=True)
@pytest.mark.parametrize("params", [{}, {"language": "es", "type": "toolkit", "country": "MX"}])
def test_resource_centre_queries_do_not_grow(
    client, viewer, params, resource_index, resource_factory, principles
):
    _add(resource_factory, principles, 3, 0)
    small, _ = _count(client, resource_index.url, params)
    _add(resource_factory, principles, 57, 3)
    large, sql = _count(client, resource_index.url, params)
    expected = INDEX_QUERIES[viewer]
    assert small == large == expected, f"{small}, {large}: " + "\n".join(sql)
    assert large <= CEILING


@pytest.mark.parametrize("viewer", ["anonymous", "member"], indirect=True)
def test_principle_page_queries_do_not_grow(
    client, viewer, principle_page, resource_factory, principles
):
    _add(resource_factory, principles, 3, 0)
    small, _ = _count(client, principle_page.url, {"language": "es"})
    _add(resource_factory, principles, 57, 3)
    large, sql = _count(client, principle_page.url, {"language": "es"})
    expected = PRINCIPLE_QUERIES[viewer]
    assert small == large == expected, f"{small}, {large}: " + "\n".join(sql)
    assert large <= CEILING
