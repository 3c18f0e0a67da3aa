"""Lessons for tests: drafts through the real service, published through a revision."""

import pytest

from network.lessons.services import create_draft_lesson
from network.models.lessons import LessonLibraryPage, LessonPage


@pytest.fixture
def lesson_factory(charter_principles):
    """``lesson_factory(network, author, title=..., publish=True, **fields)``."""

    def make(network, author, *, title="What we learned", publish=True, **fields):
        fields.setdefault("summary", f"Summary of {title}.")
        lesson = create_draft_lesson(
            network=network, owner=author, title=title, authors=[author], **fields
        )
        if publish:
            lesson.get_latest_revision().publish()
        return LessonPage.objects.get(pk=lesson.pk)

    return make


@pytest.fixture
def library(home_page):
    page = LessonLibraryPage(title="Lessons", slug="lessons")
    home_page.add_child(instance=page)
    return page
