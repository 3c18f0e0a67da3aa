"""Writes of lessons: a member's draft, its submission to the workflow, its revisions.

Every action is one transaction: a page and its revision (and its workflow state) are
created together or not at all.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
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
        "body",
        "resources",
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


@transaction.atomic
def update_draft_lesson(*, lesson, user, title=None, **fields) -> LessonPage:
    """Save a new revision of an unpublished lesson with these changes (still a draft).

    Starts from the latest revision, so an editor's changes are kept.
    """
    draft = lesson.get_latest_revision_as_object()
    if title is not None:
        draft.title = title
        draft.draft_title = title
    _apply(draft, **fields)
    draft.save_revision(user=user, log_action=True)
    return draft


@transaction.atomic
def submit_lesson(*, lesson, user):
    """Send the lesson's latest revision to review in Wagtail's workflow.

    A lesson whose reviewer asked for changes resumes its workflow where it stopped;
    otherwise the workflow that governs the page starts. The member is told of the
    outcome by our notifications, which link to pages they can open, so Wagtail's own
    approval and rejection emails (links into the admin) are turned off for them.
    """
    from wagtail.models import WorkflowState
    from wagtail.users.models import UserProfile

    state = lesson.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise ValidationError(_("This lesson is already waiting for review."))
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        workflow = lesson.get_workflow()
        if workflow is None:
            raise ValidationError(_("Lessons cannot be submitted for review at the moment."))
        state = workflow.start(lesson, user)
    if not user.is_staff:
        profile = UserProfile.get_for_user(user)
        if profile.approved_notifications or profile.rejected_notifications:
            profile.approved_notifications = False
            profile.rejected_notifications = False
            profile.save(update_fields=["approved_notifications", "rejected_notifications"])
    return state


@transaction.atomic
def share_experience(*, network, user, title, submit=False, **fields) -> LessonPage:
    """A member's "Share an experience": a draft with them as owner and author, sent
    to review at once when ``submit``. All of it happens, or none of it. The lesson's
    organisations start as the member's verified ones; editors may change them.
    """
    if "organisations" not in fields:
        from accounts.models import Affiliation, Organisation

        fields["organisations"] = Organisation.objects.filter(
            affiliations__user=user, affiliations__status=Affiliation.Status.VERIFIED
        )
    lesson = create_draft_lesson(
        network=network, owner=user, title=title, authors=[user], **fields
    )
    if submit:
        submit_lesson(lesson=lesson, user=user)
    return lesson


@transaction.atomic
def revise_lesson(*, lesson, user, submit=False, **fields) -> LessonPage:
    """The member's revision from "My contributions", resubmitted when ``submit``."""
    draft = update_draft_lesson(lesson=lesson, user=user, **fields)
    if submit:
        submit_lesson(lesson=lesson, user=user)
    return draft
