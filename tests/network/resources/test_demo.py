"""The demo content: six principle pages, guidelines, twenty resources with PDFs."""

import io

import pytest

from network.models.resources import GuidelinePage, PrinciplePage, ResourcePage
from network.resources import demo

pytestmark = pytest.mark.django_db


def test_demo_seeds_guidelines_and_resources_once(home_page, client, file_storage):
    out = io.StringIO()
    demo.seed(out)
    assert PrinciplePage.objects.live().count() == 6
    assert GuidelinePage.objects.live().count() == 3
    assert ResourcePage.objects.live().count() == 20
    languages = set(ResourcePage.objects.values_list("language", flat=True))
    assert {"en", "es", "fr"} <= languages
    assert ResourcePage.objects.exclude(translation_of=None).count() >= 5
    with_document = ResourcePage.objects.exclude(document=None).select_related("document")
    assert with_document.count() >= 15
    document = with_document.first().document
    download = client.get(document.url)
    assert download.status_code == 200
    body = b"".join(download.streaming_content)
    assert body.startswith(b"%PDF-1.4") and body.rstrip().endswith(b"%%EOF")
    for page in PrinciplePage.objects.all():
        assert page.commitments and page.how_to, page.title

    again = io.StringIO()
    demo.seed(again)
    assert again.getvalue() == ""
    assert ResourcePage.objects.count() == 20


def test_pdf_cross_reference_offsets_point_at_objects():
    from network.resources.pdf import simple_pdf

    pdf = simple_pdf("Title (with parentheses)", ["Line " * 400, "Ünïcode café"])
    start = int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    entries = pdf[start:].split(b"\n")[3:]
    offsets = [int(line[:10]) for line in entries if line.endswith(b" n ")]
    for number, offset in enumerate(offsets, start=1):
        assert pdf[offset:].startswith(b"%d 0 obj" % number)
