"""The resource centre's filters: they combine, count and stay in the URL."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(resource_factory, principles):
    obd = principles["open-by-default"]
    timely = principles["timely-and-comprehensive"]
    made = {
        "guide_en": resource_factory(
            title="Guide EN",
            resource_type="guide",
            language="en",
            principles=[obd],
            countries=["UY"],
        ),
        "guide_es": resource_factory(
            title="Guia ES",
            resource_type="guide",
            language="es",
            principles=[obd, timely],
            countries=["UY", "MX"],
        ),
        "toolkit_es": resource_factory(
            title="Kit ES",
            resource_type="toolkit",
            language="es",
            principles=[timely],
            countries=["MX"],
        ),
        "dataset_fr": resource_factory(
            title="Donnees FR",
            resource_type="dataset",
            language="fr",
            principles=[obd],
            year=2020,
        ),
    }
    return made


def titles(response):
    return [resource.title for resource in response.context["resources"]]


def counts(response, facet):
    return {value: count for value, _label, count in response.context["facets"][facet]}


def test_no_filter_lists_everything_with_counts(client, resource_index, catalogue):
    response = client.get(resource_index.url)
    assert response.status_code == 200
    assert len(titles(response)) == 4
    assert counts(response, "type") == {
        "guide": 2,
        "toolkit": 1,
        "case_study": 0,
        "dataset": 1,
        "policy": 0,
        "training": 0,
    }
    assert counts(response, "language") == {"en": 1, "es": 2, "fr": 1, "pt": 0, "ar": 0}
    assert counts(response, "principle")["open-by-default"] == 3
    assert counts(response, "principle")["timely-and-comprehensive"] == 2
    assert counts(response, "country") == {"UY": 2, "MX": 2}


def test_filters_combine_and_counts_follow_the_other_filters(client, resource_index, catalogue):
    response = client.get(resource_index.url, {"language": "es", "principle": "open-by-default"})
    assert titles(response) == ["Guia ES"]
    # Each facet counts with the *other* filters applied.
    assert counts(response, "language") == {"en": 1, "es": 1, "fr": 1, "pt": 0, "ar": 0}
    assert counts(response, "principle")["open-by-default"] == 1
    assert counts(response, "principle")["timely-and-comprehensive"] == 2
    assert counts(response, "type")["guide"] == 1
    assert counts(response, "type")["toolkit"] == 0


def test_three_filters_and_a_country(client, resource_index, catalogue):
    response = client.get(
        resource_index.url,
        {"type": "toolkit", "language": "es", "principle": "timely-and-comprehensive"},
    )
    assert titles(response) == ["Kit ES"]
    response = client.get(resource_index.url, {"country": "uy", "language": "es"})
    assert titles(response) == ["Guia ES"]
    response = client.get(resource_index.url, {"country": "MX", "type": "guide"})
    assert titles(response) == ["Guia ES"]


def test_unknown_values_are_ignored(client, resource_index, catalogue):
    response = client.get(
        resource_index.url,
        {"type": "<script>", "language": "xx", "principle": "nope", "country": "123"},
    )
    assert response.status_code == 200
    assert len(titles(response)) == 4
    assert response.context["filters"].active == {}


def test_filters_stay_in_the_form_and_the_pagination(client, resource_index, resource_factory):
    for number in range(23):
        resource_factory(title=f"Spanish {number:02}", language="es")
    response = client.get(resource_index.url, {"language": "es", "sort": "title"})
    html = response.content.decode()
    assert re.search(r'<option value="es" selected>Spanish \(23\)</option>', html)
    assert re.search(r'<option value="title" selected>', html)
    assert "?language=es&amp;sort=title&amp;page=2" in html
    second = client.get(resource_index.url, {"language": "es", "sort": "title", "page": 2})
    assert titles(second) == ["Spanish 20", "Spanish 21", "Spanish 22"]


def test_sort_by_newest_or_title(client, resource_index, catalogue):
    newest = titles(client.get(resource_index.url))
    assert newest[-1] == "Donnees FR"  # 2020, the others 2024
    by_title = titles(client.get(resource_index.url, {"sort": "title"}))
    assert by_title == sorted(by_title)


def test_principle_page_filters_its_resources_by_language(client, principle_page, catalogue):
    response = client.get(principle_page.url)
    assert sorted(titles(response)) == ["Donnees FR", "Guia ES", "Guide EN"]
    assert counts(response, "language") == {"en": 1, "es": 1, "fr": 1, "pt": 0, "ar": 0}
    response = client.get(principle_page.url, {"language": "es"})
    assert titles(response) == ["Guia ES"]
    assert counts(response, "type") == {
        "guide": 1,
        "toolkit": 0,
        "case_study": 0,
        "dataset": 0,
        "policy": 0,
        "training": 0,
    }


def test_drafts_are_not_listed_or_counted(client, resource_index, catalogue):
    catalogue["guide_es"].unpublish()
    response = client.get(resource_index.url)
    assert "Guia ES" not in titles(response)
    assert counts(response, "language")["es"] == 1
