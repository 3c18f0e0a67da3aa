"""Writes of lessons: a member's draft, its submission to the workflow, its revisions.

Every action is one transaction: a page and its revision (and its workflow state) are
created together or not at all.
"""

from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

from network.models.lessons import RESERVED_NETWORK_CHILD_SLUGS, LessonAuthor, LessonPage

# Fields a draft may be given besides title and authors (the form's, and other areas').
DRAFT_FIELDS = frozenset(
    {
        "summary",
        *LessonPage.SECTIONS,
        "country",
        "government_level",
        "sector",
        "ogp_commitment",
        "experience_date",
    }
)


def _slug_for(network, title):
    base = slugify(title)[:70].strip("-") or "lesson"
    if base in RESERVED_NETWORK_CHILD_SLUGS:
        base = f"{base}-lesson"
    return find_available_slug(network, base)


def _apply(lesson, *, authors=None, principles=None, tags=None, organisations=None, **fields):
    unknown = set(fields) - DRAFT_FIELDS
    if unknown:
        raise TypeError(f"Unknown lesson fields: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(lesson, name, value)
    if authors is not None:
        unique = list({user.pk: user for user in authors}.values())
        lesson.lesson_authors = [
            LessonAuthor(user=user, sort_order=order) for order, user in enumerate(unique)
        ]
    if principles is not None:
        lesson.principles = list(principles)
    if organisations is not None:
        lesson.organisations = list(organisations)
    if tags is not None:
        lesson.tags.set(list(tags), clear=True)


@transaction.atomic
def create_draft_lesson(*, network, owner, title, authors, **fields) -> LessonPage:
    """Create an unpublished ``LessonPage`` under ``network`` and its first revision.

    ``authors`` are users; ``fields`` may also hold ``principles`` (CharterPrinciple
    rows), ``tags`` (names), ``organisations`` and any of ``DRAFT_FIELDS``. The page is
    owned by ``owner`` (who may edit and submit it) and is not live: only its owner and
    editors see it until an editor publishes it. Permission checks are the caller's
    (``network.permissions.can_share_experience``).
    """
    lesson = LessonPage(title=title, slug=_slug_for(network, title), owner=owner, live=False)
    _apply(lesson, authors=authors, **fields)
    network.add_child(instance=lesson)
    lesson.save_revision(user=owner, log_action=True)
    return lesson
