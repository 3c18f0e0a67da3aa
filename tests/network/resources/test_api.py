"""The Wagtail pages API exposes resources with their fields."""

import pytest

pytestmark = pytest.mark.django_db


def test_api_lists_resources_with_their_fields(client, resource_factory, principles):
    original = resource_factory(
        title="Guide",
        countries=["UY", "MX"],
        year=2025,
        publisher="Working group",
        principles=[principles["open-by-default"]],
    )
    spanish = resource_factory(title="Guía", language="es", translation_of=original)
    response = client.get(
        "/api/v2/pages/", {"type": "network.ResourcePage", "fields": "*", "order": "id"}
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Guide", "Guía"]
    first = items[0]
    assert first["resource_type"] == "guide"
    assert first["language"] == "en"
    assert first["year"] == 2025
    assert first["publisher"] == "Working group"
    assert first["external_url"] == "https://example.org/material"
    assert first["document_url"] == ""
    assert first["principles"] == ["open-by-default"]
    assert first["country_codes"] == ["MX", "UY"] or first["country_codes"] == ["UY", "MX"]
    assert first["description"]
    assert items[1]["translation_of_id"] == original.pk
    detail = client.get(f"/api/v2/pages/{spanish.pk}/").json()
    assert detail["language"] == "es"


def test_api_filters_resources_by_type_field(client, resource_factory):
    resource_factory(title="A dataset", resource_type="dataset")
    resource_factory(title="A guide", resource_type="guide")
    response = client.get(
        "/api/v2/pages/", {"type": "network.ResourcePage", "resource_type": "dataset"}
    )
    assert [item["title"] for item in response.json()["items"]] == ["A dataset"]
