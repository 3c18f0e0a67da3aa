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


@pytest.fixture
def review_workflow(home_page):
    """Wagtail's default workflow on the root page, reviewed by Moderators and Editors."""
    from network.lessons.workflow import ensure_editors_review

    return ensure_editors_review()


@pytest.fixture
def staff_editor(home_page, review_workflow):
    """A staff editor who is only in "Editors" (not a superuser), like the demo's."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission, Page

    from tests.factories import UserFactory

    group = Group.objects.get(name="Editors")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    root = Page.get_first_root_node()
    for action in ("add", "change", "publish"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{action}_page"
            ),
        )
    person = UserFactory(is_staff=True, display_name="Elena Editor")
    person.groups.add(group)
    return person


FULL_EXPERIENCE = {
    "title": "Publishing every tender as open data",
    "summary": "We moved from PDF notices to OCDS in eight months.",
    "context": "Tender notices were scanned PDFs on 40 ministry websites.",
    "challenge": "Journalists could not compare prices across ministries.",
    "actions": "- Mapped our fields to OCDS\n- Published daily bulk files",
    "results": "Downloads rose from 0 to 3,000 a month.",
    "what_did_not_work": "Our first API was too slow.",
    "advice": "Start with the bulk files; APIs can wait.",
    "effort": "Two developers for six months.",
    "country": "UY",
    "government_level": "national",
    "sector": "procurement",
    "ogp_commitment": "UY0123",
    "experience_date": "2024-03-01",
    "tags": "procurement, OCDS",
}
