"""Every hostile input of the shared corpus, typed into every editor field of this area,
comes out inert on every output: the resource page, the resource centre, a principle
page, a guideline and its printable view, and the Atom feed.

Plain-text fields are stored as typed. Rich text is stored the way Wagtail's editor
stores typed text (Draftail's contentstate converted to the database format). URL
fields only take what the admin form's validation accepts. Pages are checked whole: no
script, handler attribute or javascript:/data: URL, and no more script/meta/link/form/
iframe ... elements than the page has with a harmless text.
"""

import json
import re

import feedparser
import pytest
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.urls import reverse
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from network.resources.blocks import SECTION_FEATURES
from tests.hostile import HOSTILE_INPUTS, assert_inert
from tests.network.resources.factories import GuidelinePageFactory

pytestmark = pytest.mark.django_db

PAGE_ELEMENTS = ("script", "meta", "link", "form", "iframe", "object", "embed", "svg", "style")
HARMLESS = "Plain words"
_converter = ContentstateConverter(features=SECTION_FEATURES)


def element_counts(html):
    return {tag: len(re.findall(rf"<{tag}[\s>/]", html, re.IGNORECASE)) for tag in PAGE_ELEMENTS}


def typed_rich_text(text):
    """What the rich-text editor stores when an editor types ``text``."""
    block = {
        "key": "a1b2c",
        "type": "unstyled",
        "depth": 0,
        "text": text,
        "inlineStyleRanges": [],
        "entityRanges": [],
    }
    return _converter.to_database_format(json.dumps({"blocks": [block], "entityMap": {}}))


def accepted_url(value):
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return "https://example.org/fallback"
    return value


def fill(text, resource, guideline, principle_page):
    plain = text.replace("\x00", "")[:200] or "x"
    rich = typed_rich_text(plain)
    resource.title = plain
    resource.description = plain
    resource.publisher = plain
    resource.external_url = accepted_url(plain)
    resource.save_revision().publish()
    blocks = [
        {"type": "section", "value": {"heading": plain[:120], "body": rich}},
        {
            "type": "checklist",
            "value": {"title": plain[:120], "items": [plain], "note": plain},
        },
        {
            "type": "example",
            "value": {
                "title": plain[:160],
                "place": plain[:120],
                "text": plain,
                "link": accepted_url(plain),
            },
        },
        {"type": "callout", "value": {"kind": "warning", "title": plain[:120], "text": rich}},
    ]
    guideline.title = plain
    guideline.intro = plain
    guideline.body = blocks
    guideline.save_revision().publish()
    principle_page.summary = plain
    principle_page.body = blocks
    principle_page.how_to = blocks
    principle_page.commitments = [
        {"type": "commitment", "value": {"text": plain, "in_practice": plain}}
    ]
    principle_page.save_revision().publish()


def outputs(client, resource, guideline, principle_page, resource_index):
    for page in (resource, guideline, principle_page):
        page.refresh_from_db()
    return {
        "resource page": resource.url,
        "resource centre": resource_index.url,
        "principle page": principle_page.url,
        "principle print": principle_page.url + "print/",
        "guideline": guideline.url,
        "guideline print": guideline.url + "print/",
    }


def test_the_corpus_is_large_enough():
    assert len(HOSTILE_INPUTS) >= 100


def test_hostile_text_in_every_editor_field_is_inert(
    client, resource_index, resource_factory, guideline_index, principle_page, principles
):
    resource = resource_factory(principles=[principles["open-by-default"]])
    guideline = GuidelinePageFactory(parent=guideline_index)
    fill(HARMLESS, resource, guideline, principle_page)
    urls = outputs(client, resource, guideline, principle_page, resource_index)
    baselines = {
        name: element_counts(client.get(url).content.decode()) for name, url in urls.items()
    }
    feed_url = reverse("resources:resource_feed")
    for number, hostile in enumerate(HOSTILE_INPUTS):
        fill(hostile, resource, guideline, principle_page)
        urls = outputs(client, resource, guideline, principle_page, resource_index)
        for name, url in urls.items():
            response = client.get(url)
            assert response.status_code == 200, (number, name)
            html = response.content.decode()
            context = f"input {number} on the {name}"
            assert_inert(
                html, allowed_elements=("script", "meta", "link", "form"), context=context
            )
            assert element_counts(html) == baselines[name], context
        feed = feedparser.parse(client.get(feed_url).content)
        assert feed.bozo == 0, f"input {number}: {feed.get('bozo_exception')}"
        for entry in feed.entries:
            assert_inert(entry.get("summary", ""), context=f"input {number} in the feed")


def test_javascript_urls_are_refused_by_the_admin_validation(resource_factory):
    resource = resource_factory()
    resource.external_url = "javascript:alert(1)"
    with pytest.raises(ValidationError) as error:
        resource.full_clean()
    assert "external_url" in error.value.message_dict
