"""Demo guidelines and resource centre for ``manage.py seed_demo``: the guideline index
with three guidelines and one page per Charter principle, and the resource centre with
twenty resources (English, Spanish, French and Portuguese versions linked as
translations), most with a PDF generated here by code (nothing is fetched).

Created only when missing (matched by slug or document title), never overwritten.
"""

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Collection

from home.site_setup import ensure_home_site
from network.models import CharterPrinciple, LearningNetworkPage
from network.models.resources import (
    GuidelineIndexPage,
    GuidelinePage,
    PrinciplePage,
    ResourceIndexPage,
    ResourcePage,
)
from network.resources import demo_content as content
from network.resources.pdf import simple_pdf
from network.taxonomy import ensure_charter_principles


def _publish(parent, page, stdout):
    parent.add_child(instance=page)
    page.save_revision().publish()
    stdout.write(f"  created page {page.url_path}")
    return page


def ensure_index(home, model, slug, title, intro, stdout):
    index = model.objects.child_of(home).first()
    if index is None:
        index = _publish(
            home, model(title=title, slug=slug, intro=intro, show_in_menus=True), stdout
        )
    return index


def ensure_principle_pages(index, stdout):
    for slug, spec in content.PRINCIPLES.items():
        principle = CharterPrinciple.objects.filter(slug=slug).first()
        if principle is None or PrinciplePage.objects.filter(principle=principle).exists():
            continue
        _publish(
            index,
            PrinciplePage(
                title=principle.name,
                slug=slug,
                principle=principle,
                summary=spec["summary"],
                body=spec["body"],
                commitments=spec["commitments"],
                how_to=spec["how_to"],
            ),
            stdout,
        )


def ensure_guidelines(index, stdout):
    for slug, spec in content.GUIDELINES.items():
        if GuidelinePage.objects.child_of(index).filter(slug=slug).exists():
            continue
        page = GuidelinePage(
            title=spec["title"], slug=slug, intro=spec["intro"], body=spec["body"]
        )
        index.add_child(instance=page)
        page.principles.set(CharterPrinciple.objects.filter(slug__in=spec["principles"]))
        page.save_revision().publish()
        stdout.write(f"  created page {page.url_path}")


def ensure_document(slug, spec):
    Document = get_document_model()
    title = f"{spec['title']} (demo)"
    document = Document.objects.filter(title=title).first()
    if document is None:
        collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
        paragraphs = [
            spec["description"],
            f"{spec['publisher']}, {spec['year']}.",
            "A demonstration document of the learning network platform, generated for "
            "the demo site.",
        ]
        document = Document(
            title=title,
            collection=collection,
            file=ContentFile(simple_pdf(spec["title"], paragraphs), name=f"{slug}.pdf"),
        )
        document.save()
    return document


def related_lessons(principle_slugs, limit=2):
    """Two public lessons on the resource's principles, as an editor would pick them."""
    from django.contrib.auth.models import AnonymousUser

    from network.models.lessons import LessonPage

    return list(
        LessonPage.objects.live()
        .visible_to(AnonymousUser())
        .filter(principles__slug__in=principle_slugs)
        .distinct()
        .order_by("path")[:limit]
    )


def ensure_resources(index, stdout):
    discussed_in = {
        slug: network
        for network_slug, slugs in content.DISCUSSED_IN.items()
        for network in LearningNetworkPage.objects.filter(slug=network_slug)[:1]
        for slug in slugs
    }
    # Originals first, so that translations can point at them.
    ordered = sorted(content.RESOURCES.items(), key=lambda item: "translation_of" in item[1])
    for slug, spec in ordered:
        if ResourcePage.objects.child_of(index).filter(slug=slug).exists():
            continue
        original = None
        if spec.get("translation_of"):
            original = ResourcePage.objects.filter(slug=spec["translation_of"]).first()
        page = ResourcePage(
            title=spec["title"],
            slug=slug,
            resource_type=spec["type"],
            description=spec["description"],
            document=ensure_document(slug, spec) if spec.get("file") else None,
            external_url=spec.get("url", ""),
            language=spec["language"],
            translation_of=original,
            countries=spec["countries"],
            publisher=spec["publisher"],
            year=spec["year"],
            discussion_network=discussed_in.get(slug),
        )
        index.add_child(instance=page)
        page.principles.set(CharterPrinciple.objects.filter(slug__in=spec["principles"]))
        page.related_lessons.set(related_lessons(spec["principles"]))
        page.save_revision().publish()
        stdout.write(f"  created resource {page.url_path}")


@transaction.atomic
def seed(stdout):
    """The guideline index, its principle pages and guidelines, and the resource centre."""
    ensure_charter_principles()
    home = ensure_home_site()
    guidelines = ensure_index(
        home,
        GuidelineIndexPage,
        "guidelines",
        "Guidelines",
        content.GUIDELINE_INDEX_INTRO,
        stdout,
    )
    ensure_principle_pages(guidelines, stdout)
    ensure_guidelines(guidelines, stdout)
    resources = ensure_index(
        home,
        ResourceIndexPage,
        "resources",
        "Resources",
        content.RESOURCE_INDEX_INTRO,
        stdout,
    )
    ensure_resources(resources, stdout)
