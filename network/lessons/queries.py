"""Reads of lessons that views share: a member's contributions, grouped by state."""

from dataclasses import dataclass, field

from wagtail.models import WorkflowState

from network.models.lessons import LessonPage


@dataclass
class Contributions:
    drafts: list = field(default_factory=list)
    in_review: list = field(default_factory=list)
    changes_requested: list = field(default_factory=list)
    published: list = field(default_factory=list)

    def __bool__(self):
        return any((self.drafts, self.in_review, self.changes_requested, self.published))


def contributions_of(user):
    """The lessons this person owns, each with ``state`` and, when an editor asked for
    changes, ``editor_comment``. One query for the pages and one for workflow states.
    """
    lessons = list(
        LessonPage.objects.filter(owner=user)
        .defer_streamfields()
        .order_by("-latest_revision_created_at", "-pk")
    )
    # Wagtail's prefetch_workflow_states() finds nothing on a non-specific queryset of
    # one page type (it matches the base content type): fetch them by id instead.
    states = {
        state.object_id: state
        for state in WorkflowState.objects.active()
        .filter(object_id__in=[str(lesson.pk) for lesson in lessons])
        .filter(base_content_type__model="page", base_content_type__app_label="wagtailcore")
        .select_related("current_task_state")
    }
    grouped = Contributions()
    for lesson in lessons:
        state = states.get(str(lesson.pk))
        lesson.editor_comment = ""
        if lesson.live:
            grouped.published.append(lesson)
        elif state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            task_state = state.current_task_state
            lesson.editor_comment = task_state.comment if task_state else ""
            grouped.changes_requested.append(lesson)
        elif state is not None:
            grouped.in_review.append(lesson)
        else:
            grouped.drafts.append(lesson)
    return grouped
