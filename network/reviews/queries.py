"""Reads of commitment reviews, each in a fixed number of queries whatever the size."""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from network import permissions
from network.models.reviews import (
    Commitment,
    CommitmentReview,
    Feedback,
    OverallFeedback,
    ReviewerAssignment,
    TransitionLog,
)


def review_for(user, pk):
    """The review with this id if this person may see it, else ``None``."""
    return (
        CommitmentReview.objects.visible_to(user)
        .select_related("organisation", "requester")
        .filter(pk=pk)
        .first()
    )


def commitments_of(review):
    """The review's commitments with their principles: two queries."""
    return list(review.commitments.prefetch_related("principles").order_by("position", "pk"))


def assignments_of(review, round=None):
    queryset = review.assignments.select_related("reviewer").order_by("round", "pk")
    if round is not None:
        queryset = queryset.filter(round=round)
    return list(queryset)


def history_of(review):
    return list(TransitionLog.objects.filter(review=review).select_related("actor"))


def queue_for(user):
    """The reviews this person may see, the next deadline first."""
    return CommitmentReview.objects.visible_to(user).for_queue()


# --- The consolidated response ------------------------------------------------------


@dataclass
class ReviewerColumn:
    assignment: ReviewerAssignment
    label: str


@dataclass
class PrincipleRow:
    principle: object
    feedback: list = field(default_factory=list)  # [(ReviewerColumn, Feedback or None)]


@dataclass
class CommitmentBlock:
    commitment: Commitment
    rows: list = field(default_factory=list)  # [PrincipleRow]
    overall: list = field(default_factory=list)  # [(ReviewerColumn, OverallFeedback or None)]


def consolidated(review, round, *, show_names):
    """All reviewers' feedback of one round, per commitment and principle: five queries.

    ``show_names`` False (the public view of a published review) keeps a reviewer's name
    only if they agreed; the others become "Reviewer 1", "Reviewer 2" ...
    """
    assignments = list(
        review.assignments.filter(round=round)
        .select_related("reviewer")
        .prefetch_related(
            Prefetch("feedback", queryset=Feedback.objects.order_by()),
            Prefetch("overall_feedback", queryset=OverallFeedback.objects.order_by()),
        )
        .order_by("pk")
    )
    columns = []
    for number, assignment in enumerate(assignments, start=1):
        if show_names or assignment.name_consent:
            label = assignment.reviewer.get_full_name()
        else:
            label = _("Reviewer %(number)s") % {"number": number}
        columns.append(ReviewerColumn(assignment=assignment, label=label))
    feedback = {}
    overall = {}
    for column in columns:
        for row in column.assignment.feedback.all():
            feedback[(column.assignment.pk, row.commitment_id, row.principle_id)] = row
        for row in column.assignment.overall_feedback.all():
            overall[(column.assignment.pk, row.commitment_id)] = row
    blocks = []
    for commitment in commitments_of(review):
        block = CommitmentBlock(commitment=commitment)
        for principle in commitment.principles.all():
            block.rows.append(
                PrincipleRow(
                    principle=principle,
                    feedback=[
                        (c, feedback.get((c.assignment.pk, commitment.pk, principle.pk)))
                        for c in columns
                    ],
                )
            )
        block.overall = [(c, overall.get((c.assignment.pk, commitment.pk))) for c in columns]
        blocks.append(block)
    return columns, blocks


def show_reviewer_names(user, review):
    """The private audience knows who reviewed; the public only those who agreed."""
    return permissions.can_see_confidential_review(user, review)
