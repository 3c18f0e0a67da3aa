"""The public expert directory: filters that combine, and a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_factories import ImageFactory

from network.models import ExpertProfilePage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Wagtail's serving: the route (3), the hidden-networks paths, aliases, view
# restrictions. The page: filter choices (principles, topics, languages, countries),
# COUNT, one page of experts (organisation joined), their principles, topics (tags
# joined), languages, photos and renditions; the breadcrumbs' ancestors (the menus and
# footer come from the cache).
DIRECTORY_QUERIES = 17
CEILING = 20


@pytest.fixture
def people(expert_factory, charter_principles):
    open_by_default, timely, *_ = charter_principles

    def make():
        ana = expert_factory(
            user=UserFactory(display_name="Ana Pérez"),
            title="Ana Pérez",
            headline="Data inventories",
            principles=[open_by_default],
            topics=["inventories", "policy"],
            languages=["es", "en"],
            countries=["UY"],
        )
        joseph = expert_factory(
            user=UserFactory(display_name="Joseph Kamau"),
            title="Joseph Kamau",
            headline="Identifiers for schools",
            principles=[timely],
            topics=["standards"],
            languages=["en", "sw"],
            countries=["KE", "UG"],
        )
        maria = expert_factory(
            user=UserFactory(display_name="Maria Santos"),
            title="Maria Santos",
            headline="Quarterly budgets",
            principles=[open_by_default, timely],
            topics=["budgets", "policy"],
            languages=["en"],
            countries=["PH"],
        )
        return ana, joseph, maria

    return make


def names(response):
    return [expert.title for expert in response.context["experts"]]


def test_filters_combine(client, people, charter_principles):
    ana, joseph, maria = people()
    open_by_default = charter_principles[0]
    assert names(client.get("/experts/")) == ["Ana Pérez", "Joseph Kamau", "Maria Santos"]
    response = client.get("/experts/", {"principle": open_by_default.slug})
    assert names(response) == ["Ana Pérez", "Maria Santos"]
    response = client.get("/experts/", {"principle": open_by_default.slug, "language": "en"})
    assert names(response) == ["Ana Pérez", "Maria Santos"]
    response = client.get(
        "/experts/", {"principle": open_by_default.slug, "topic": "policy", "country": "PH"}
    )
    assert names(response) == ["Maria Santos"]
    assert names(client.get("/experts/", {"language": "sw"})) == ["Joseph Kamau"]
    assert names(client.get("/experts/", {"country": "UG"})) == ["Joseph Kamau"]
    assert names(client.get("/experts/", {"q": "budgets"})) == ["Maria Santos"]
    assert names(client.get("/experts/", {"q": "identifiers"})) == ["Joseph Kamau"]
    assert names(client.get("/experts/", {"q": "ana inventories"})) == ["Ana Pérez"]


def test_unknown_filter_values_are_ignored_not_errors(client, people):
    people()
    response = client.get("/experts/", {"language": "xx", "topic": "nope", "page": "zz"})
    assert response.status_code == 200
    assert len(names(response)) == 3


def test_filter_choices_list_only_what_experts_have(client, people):
    people()
    form = client.get("/experts/").context["form"]
    assert [code for code, _ in form.fields["language"].choices] == ["", "en", "es", "sw"]
    assert [code for code, _ in form.fields["country"].choices][1:] == ["KE", "PH", "UG", "UY"]
    assert {slug for slug, _ in form.fields["topic"].choices} == {
        "",
        "inventories",
        "policy",
        "standards",
        "budgets",
    }


def test_unpublished_profiles_stay_out(client, people):
    ana, *_ = people()
    ana.unpublish()
    assert "Ana Pérez" not in names(client.get("/experts/"))
    assert client.get(ana.url or "/experts/ana/").status_code == 404


@pytest.mark.parametrize("count", [3, 60])
def test_directory_queries_do_not_grow(client, expert_factory, charter_principles, count):
    photo = ImageFactory()
    for index in range(count):
        expert_factory(
            photo=photo,
            principles=charter_principles[index % 3 : index % 3 + 2],
            topics=[f"topic {index % 5}", "open data"],
            languages=["en", "fr"] if index % 2 else ["es"],
            countries=["KE", "UY"],
        )
    client.get("/experts/")  # the menus and footer are cached on first use
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/experts/")
    assert len(queries) == DIRECTORY_QUERIES, "\n".join(q["sql"] for q in queries)
    assert len(response.context["experts"]) == min(count, 24)
    assert DIRECTORY_QUERIES <= CEILING
    assert ExpertProfilePage.objects.count() == count
