from network.models.lessons import LessonPage


def test_draft_is_an_unpublished_revision_owned_by_the_member(world, lesson_factory):
    lesson = lesson_factory(
        world.public,
        world.member,
        title="Publishing tenders as OCDS",
        publish=False,
        context="We had **PDF** notices only.",
        tags=["procurement", "OCDS"],
    )
    assert not lesson.live
    assert lesson.owner == world.member
    assert lesson.get_parent().pk == world.public.pk
    revision = lesson.get_latest_revision()
    assert revision.user == world.member
    draft = revision.as_object()
    assert draft.context == "We had **PDF** notices only."
    assert sorted(tag.name for tag in draft.tags.all()) == ["OCDS", "procurement"]
    assert [author.user for author in draft.lesson_authors.all()] == [world.member]


def test_draft_slug_avoids_the_networks_own_addresses(world, lesson_factory):
    lesson = lesson_factory(world.public, world.member, title="Share", publish=False)
    assert lesson.slug == "share-lesson"


def test_sections_are_sanitized_markdown(world, lesson_factory):
    lesson = lesson_factory(
        world.public,
        world.member,
        context="A *good* start <script>alert(1)</script>",
        results="",
    )
    sections = {name: html for name, _heading, html in lesson.sections}
    assert "<em>good</em>" in sections["context"]
    assert "<script>" not in sections["context"]
    assert "results" not in sections


def test_by_author_and_principles_relations(world, lesson_factory, charter_principles):
    lesson = lesson_factory(world.public, world.member, principles=charter_principles[:2])
    assert list(LessonPage.objects.by_author(world.member)) == [lesson]
    assert list(charter_principles[0].lessons.all()) == [lesson]
