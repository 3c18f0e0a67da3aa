"""Guideline, principle and resource pages: what they show, validation, printing."""

import pytest
from django.core.exceptions import ValidationError

from network.models.resources import ResourcePage
from network.resources.demo import ensure_document
from tests.network.resources.factories import GuidelinePageFactory

pytestmark = pytest.mark.django_db


def guideline_body():
    return [
        {"type": "section", "value": {"heading": "Start from a problem", "body": "<p>Why.</p>"}},
        {
            "type": "checklist",
            "value": {"title": "Ready when", "items": ["A lead agency", "Dates"], "note": "N."},
        },
        {
            "type": "example",
            "value": {
                "title": "A decree first",
                "place": "Uruguay",
                "text": "They adopted a decree.",
                "link": "https://example.org/decree",
            },
        },
        {"type": "callout", "value": {"kind": "tip", "title": "", "text": "<p>Ask a peer.</p>"}},
    ]


def test_guideline_page_renders_each_block_and_a_printable_view(
    client, guideline_index, principles, principle_page
):
    guideline = GuidelinePageFactory(
        parent=guideline_index, title="Charter in your plan", body=guideline_body()
    )
    guideline.principles.set([principles["open-by-default"]])
    guideline.save_revision().publish()
    html = client.get(guideline.url).content.decode()
    for text in ("Start from a problem", "A lead agency", "A decree first", "Ask a peer."):
        assert text in html
    assert 'class="checklist"' in html and "callout--tip" in html
    assert principle_page.url in html  # "principles it covers"
    print_url = guideline.url + "print/"
    assert f'href="{print_url}"' in html
    printed = client.get(print_url)
    assert printed.status_code == 200
    printed_html = printed.content.decode()
    assert "A decree first" in printed_html and "print-view" in printed_html
    assert '<meta name="robots" content="noindex">' in printed_html
    assert "https://example.org/decree" in printed_html  # the URL spelled out on paper


def test_print_css_hides_the_site_frame():
    from django.conf import settings

    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    section = css.split("/* === resources-guidelines")[1].split("/* === end resources")[0]
    assert "@media print" in section
    assert ".site-header" in section.split("@media print")[1]


def test_guideline_index_lists_principles_in_charter_order(client, guideline_index, principles):
    from tests.network.resources.factories import PrinciplePageFactory

    for slug in ("accessible-and-usable", "open-by-default"):
        PrinciplePageFactory(parent=guideline_index, principle=principles[slug])
    GuidelinePageFactory(parent=guideline_index, title="Writing SMART commitments")
    response = client.get(guideline_index.url)
    pages = [page.title for page in response.context["principle_pages"]]
    assert pages == ["Open by Default", "Accessible and Usable"]
    assert "Writing SMART commitments" in response.content.decode()


def test_principle_page_shows_commitments_and_printable_version(client, principle_page):
    principle_page.commitments = [
        {"type": "commitment", "value": {"text": "Adopt a policy", "in_practice": "A decree"}}
    ]
    principle_page.how_to = guideline_body()
    principle_page.save_revision().publish()
    html = client.get(principle_page.url).content.decode()
    assert "Adopt a policy" in html and "A decree" in html and "Start from a problem" in html
    assert client.get(principle_page.url + "print/").status_code == 200


def test_resource_page_shows_its_details_document_and_link(
    client, file_storage, resource_factory, principles
):
    spec = {"title": "Guide", "description": "Text", "publisher": "WG", "year": 2025}
    document = ensure_document("guide", spec)
    resource = resource_factory(
        title="Implementation guide",
        document=document,
        external_url="https://example.org/guide",
        countries=["UY"],
        publisher="Working group",
        principles=[principles["open-by-default"]],
    )
    html = client.get(resource.url).content.decode()
    assert document.url in html
    assert 'href="https://example.org/guide" rel="nofollow noopener"' in html
    assert "Uruguay" in html and "Working group" in html and "Open by Default" in html
    download = client.get(document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-1.4")


def test_translations_show_each_other_as_also_in(client, resource_factory):
    original = resource_factory(title="Guide", language="en")
    spanish = resource_factory(title="Guía", language="es", translation_of=original)
    french = resource_factory(title="Guide FR", language="fr", translation_of=original)
    unrelated = resource_factory(title="Other", language="es")
    html = client.get(spanish.url).content.decode()
    assert f'href="{original.url}" hreflang="en" lang="en">English</a>' in html
    assert f'href="{french.url}" hreflang="fr" lang="fr">French</a>' in html
    assert unrelated.url not in html
    original_html = client.get(original.url).content.decode()
    assert "Also in" in original_html and spanish.url in original_html
    french.unpublish()
    assert french.url not in client.get(original.url).content.decode()


def unsaved_resource(**fields):
    defaults = {
        "title": "Resource",
        "slug": "resource",
        "description": "Text",
        "external_url": "https://example.org/",
        "language": "en",
    }
    return ResourcePage(**{**defaults, **fields})


def test_a_resource_needs_a_document_or_a_link():
    with pytest.raises(ValidationError) as error:
        unsaved_resource(external_url="").clean()
    assert "external_url" in error.value.message_dict


def test_translation_rules(resource_factory):
    original = resource_factory(language="en")
    with pytest.raises(ValidationError) as error:
        unsaved_resource(language="en", translation_of=original).clean()
    assert "language" in error.value.message_dict
    spanish = resource_factory(language="es", translation_of=original)
    with pytest.raises(ValidationError) as error:
        unsaved_resource(language="fr", translation_of=spanish).clean()
    assert "translation_of" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        original.translation_of = original
        original.clean()
    assert "translation_of" in error.value.message_dict


def test_index_pages_are_in_the_sitemap(client, resource_index, resource_factory, principle_page):
    resource = resource_factory(title="In the sitemap")
    xml = client.get("/sitemap.xml").content.decode()
    for page in (resource_index, resource, principle_page):
        assert page.full_url in xml
