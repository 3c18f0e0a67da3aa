"""THE transition table of commitment reviews: which status may follow which, and who
may move it. Every status change goes through :func:`check` (via ``services``); nothing
else writes ``CommitmentReview.status``.

::

    draft ──► submitted ──► in review ──► feedback delivered ──► closed
                 (requester)  (coordinator,   (coordinator, every      (requester or
                               by assigning)   reviewer finished)       coordinator)
                                   ▲                  │
                                   │                  ▼ (requester, updates commitments)
                                   └──────────── revised
                          (coordinator, a new round, by assigning)

    any status before closed ──► withdrawn (requester)
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from network import permissions
from network.models.reviews import ReviewStatus

REQUESTER = "requester"
COORDINATOR = "coordinator"
EITHER = "requester or coordinator"


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    actor: str
    label: Promise
    # Reached by assigning reviewers (its own form), not by a plain button.
    by_assignment: bool = False
    # Buttons that end or abandon a review ask for confirmation first.
    confirm: bool = False

    def allows(self, user, review):
        requester = permissions.is_review_requester(user, review)
        coordinator = permissions.is_review_coordinator(user)
        return {
            REQUESTER: requester,
            COORDINATOR: coordinator,
            EITHER: requester or coordinator,
        }[self.actor]


S = ReviewStatus
TRANSITIONS = [
    Transition(S.DRAFT, S.SUBMITTED, REQUESTER, gettext_lazy("Submit for review")),
    Transition(
        S.SUBMITTED, S.IN_REVIEW, COORDINATOR, gettext_lazy("Assign reviewers"), by_assignment=True
    ),
    Transition(S.IN_REVIEW, S.FEEDBACK_DELIVERED, COORDINATOR, gettext_lazy("Deliver feedback")),
    Transition(S.FEEDBACK_DELIVERED, S.REVISED, REQUESTER, gettext_lazy("Revise commitments")),
    Transition(
        S.REVISED,
        S.IN_REVIEW,
        COORDINATOR,
        gettext_lazy("Assign reviewers for the next round"),
        by_assignment=True,
    ),
    Transition(
        S.FEEDBACK_DELIVERED, S.CLOSED, EITHER, gettext_lazy("Close the review"), confirm=True
    ),
    *[
        Transition(source, S.WITHDRAWN, REQUESTER, gettext_lazy("Withdraw"), confirm=True)
        for source in (S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.FEEDBACK_DELIVERED, S.REVISED)
    ],
]
TABLE = {(transition.source, transition.target): transition for transition in TRANSITIONS}


def find(source, target):
    return TABLE.get((source, target))


def available(user, review):
    """The transitions this person may start from the review's current status."""
    return [
        transition
        for transition in TRANSITIONS
        if transition.source == review.status and transition.allows(user, review)
    ]


def check(user, review, target):
    """The transition to ``target`` if this person may make it now; otherwise raise
    ``ValidationError`` (not possible from this status, or a condition is unmet) or
    ``PermissionDenied`` (possible, but not for them), each with a clear message.
    """
    transition = find(review.status, target)
    if transition is None:
        raise ValidationError(
            _("A review that is “%(source)s” cannot become “%(target)s”.")
            % {"source": S(review.status).label, "target": _label(target)}
        )
    if not transition.allows(user, review):
        who = {
            REQUESTER: _("the requesting organisation"),
            COORDINATOR: _("the review coordinators"),
            EITHER: _("the requesting organisation or the review coordinators"),
        }[transition.actor]
        raise PermissionDenied(_("Only %(who)s may do this.") % {"who": who})
    _check_conditions(review, target)
    return transition


def _check_conditions(review, target):
    if target == S.SUBMITTED and not review.commitments.exists():
        raise ValidationError(_("Add at least one commitment before you submit the request."))
    if target == S.FEEDBACK_DELIVERED:
        assignments = review.assignments.filter(round=review.round)
        if not assignments.exists():
            raise ValidationError(_("No reviewers are assigned in this round."))
        waiting = assignments.filter(finished_at__isnull=True).count()
        if waiting:
            raise ValidationError(
                ngettext(
                    "%(count)s reviewer has not finished yet.",
                    "%(count)s reviewers have not finished yet.",
                    waiting,
                )
                % {"count": waiting}
            )


def _label(status):
    try:
        return S(status).label
    except ValueError:
        return str(status)
