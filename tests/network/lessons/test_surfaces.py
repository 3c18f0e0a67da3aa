"""Every surface of a lesson outside its page: API, feeds, sitemap, documents."""

import feedparser
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import ReferenceIndex

from network.lessons import services
from network.models.lessons import LessonPage

API = "/api/v2/pages/?type=network.LessonPage&fields=summary,country,principle_slugs,author_names"


def api_titles(client, url=API):
    response = client.get(url)
    assert response.status_code == 200
    return {item["title"]: item for item in response.json()["items"]}


def test_api_gives_lesson_fields_of_public_published_lessons_only(
    world, lesson_factory, as_role, review_workflow, charter_principles
):
    lesson_factory(
        world.public,
        world.member,
        title="Open lesson",
        country="UY",
        principles=charter_principles[:1],
    )
    lesson_factory(world.private, world.member, title="Private lesson")
    lesson_factory(world.public, world.member, title="Draft lesson", publish=False)
    waiting = services.share_experience(
        network=world.public, user=world.member, title="Waiting lesson", submit=True
    )
    assert waiting.current_workflow_state is not None

    items = api_titles(as_role("anonymous"))
    assert set(items) == {"Open lesson"}
    item = items["Open lesson"]
    assert item["summary"] == "Summary of Open lesson."
    assert item["country"] == "UY"
    assert item["principle_slugs"] == [charter_principles[0].slug]
    assert item["author_names"] == [str(world.member)]
    assert set(api_titles(as_role("outsider"))) == {"Open lesson"}
    # Members of the private network see its lessons; drafts and submissions stay out.
    assert set(api_titles(as_role("member"))) == {"Open lesson", "Private lesson"}


def test_api_detail_of_a_private_lesson_is_not_found(world, lesson_factory, as_role):
    lesson = lesson_factory(world.private, world.member, title="Private lesson")
    client = as_role("outsider")
    assert client.get(f"/api/v2/pages/{lesson.pk}/").status_code == 404
    client = as_role("member")
    assert client.get(f"/api/v2/pages/{lesson.pk}/").json()["summary"]


@pytest.mark.parametrize("network_feed", [False, True])
def test_atom_feeds_are_valid_and_public_only(world, lesson_factory, client, network_feed):
    lesson_factory(world.public, world.member, title="Open <lesson> & more")
    lesson_factory(world.private, world.member, title="Private lesson")
    url = (
        reverse("lessons:network_feed", kwargs={"slug": world.public.slug})
        if network_feed
        else reverse("lessons:lesson_feed")
    )
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == ["Open <lesson> & more"]
    entry = feed.entries[0]
    assert entry.id
    assert entry.updated
    assert entry.author == str(world.member)
    assert entry.link.startswith("http://testserver/networks/")


def test_members_only_network_has_no_lesson_feed(world, as_role):
    url = reverse("lessons:network_feed", kwargs={"slug": world.private.slug})
    assert as_role("member").get(url).status_code == 404


def test_sitemap_lists_public_lessons_only(world, lesson_factory, client):
    open_lesson = lesson_factory(world.public, world.member, title="Open lesson")
    closed = lesson_factory(world.private, world.member, title="Closed lesson")
    xml = client.get("/sitemap.xml").content.decode()
    assert open_lesson.slug in xml
    assert closed.slug not in xml


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 404), ("outsider", 404), ("member", 200), ("editor", 200)]
)
def test_documents_of_private_lessons_are_served_only_to_readers(
    world, lesson_factory, as_role, settings, tmp_path, role, status
):
    # Wagtail serves documents from a local path, which in-memory storage lacks.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)
    document = get_document_model()(title="Privacy checklist")
    document.file.save("checklist.html", ContentFile(b"<html>checklist</html>"), save=False)
    document.save()
    lesson = lesson_factory(world.private, world.member, title="Private lesson", publish=False)
    draft = lesson.get_latest_revision_as_object()
    draft.resources = [("document", {"document": document, "title": ""})]
    draft.save_revision(user=world.member).publish()
    ReferenceIndex.create_or_update_for_object(LessonPage.objects.get(pk=lesson.pk))

    response = as_role(role).get(document.url)
    assert response.status_code == status
    if status == 200:
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
