"""The resource centre's Atom feed."""

import feedparser
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_feed_parses_and_lists_the_newest_resources(client, resource_index, resource_factory):
    resource_factory(title="Older", publisher="Treasury")
    resource_factory(title="Newer & better <b>", resource_type="dataset")
    draft = resource_factory(title="Draft")
    draft.unpublish()
    response = client.get(reverse("resources:resource_feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.feed.title == "Resources"
    assert [entry.title for entry in feed.entries] == ["Newer & better <b>", "Older"]
    assert feed.entries[1].author == "Treasury"
    assert feed.entries[0].tags[0].term == "Dataset"
    assert "/resources/resource-" in feed.entries[0].link


def test_feed_works_without_a_resource_centre(client, db):
    feed = feedparser.parse(client.get(reverse("resources:resource_feed")).content)
    assert feed.bozo == 0
    assert feed.entries == []


def test_index_links_the_feed(client, resource_index):
    html = client.get(resource_index.url).content.decode()
    feed_url = reverse("resources:resource_feed")
    assert f'type="application/atom+xml" title="New resources" href="{feed_url}"' in html
