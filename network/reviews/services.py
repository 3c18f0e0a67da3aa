"""Writes of commitment reviews: one atomic service per action.

Status changes go through :func:`change_status` (which asks ``transitions.check``);
assigning reviewers is the way into "in review". Notifications go only to people who
may see the review, and name nothing but its title.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import email_kinds
from accounts.models import Affiliation, Sector, User
from accounts.services import notify
from network import permissions
from network.models import Membership, MembershipStatus
from network.models.membership import MODERATOR_ROLES
from network.models.reviews import (
    Commitment,
    CommitmentReview,
    Feedback,
    OverallFeedback,
    ReviewerAssignment,
    ReviewStatus,
    TransitionLog,
)
from network.rendering import clean_text, render_markdown
from network.reviews import transitions

MIN_REVIEWERS = 2

# Kinds of notification (people switch each on or off for email).
VERB_ASSIGNED = "reviews.assigned"
VERB_STATUS = "reviews.status"
VERB_REVIEWER_FINISHED = "reviews.reviewer_finished"


def register_email_kinds():
    """Offer each kind on the email preferences page (called at start-up)."""
    email_kinds.register(VERB_ASSIGNED, gettext_lazy("Commitment reviews assigned to me"))
    email_kinds.register(
        VERB_STATUS, gettext_lazy("Changes in the status of commitment reviews I take part in")
    )
    email_kinds.register(
        VERB_REVIEWER_FINISHED, gettext_lazy("A reviewer finished (for review coordinators)")
    )


# --- Requests and commitments -------------------------------------------------------


@transaction.atomic
def create_review(*, requester, organisation, fields, plan_document=None):
    if organisation not in permissions.review_organisations(requester):
        raise PermissionDenied(
            _("Only members with a verified government affiliation may ask for a review.")
        )
    review = CommitmentReview(requester=requester, organisation=organisation, **fields)
    if plan_document:
        review.plan_document = plan_document
    review.save()
    return review


@transaction.atomic
def update_review(*, review, user, fields, plan_document=None, remove_document=False):
    if not permissions.can_edit_review(user, review):
        raise PermissionDenied(_("This request can no longer be changed."))
    for name, value in fields.items():
        setattr(review, name, value)
    if remove_document and review.plan_document:
        review.plan_document.delete(save=False)
    if plan_document:
        review.plan_document = plan_document
    review.save()
    return review


@transaction.atomic
def save_commitment(*, review, user, fields, principles, commitment=None):
    """Add a commitment (``commitment=None``) or change one, Markdown rendered once."""
    if not permissions.can_edit_review(user, review):
        raise PermissionDenied(_("Commitments change only in a draft or a revised request."))
    if commitment is None:
        commitment = Commitment(review=review, position=review.commitments.count() + 1)
    for name in ("title", "problem", "text", "milestones", "lead_institution"):
        fields[name] = clean_text(fields[name])
    for name, value in fields.items():
        setattr(commitment, name, value)
    commitment.problem_html = render_markdown(commitment.problem, mentions=False).html
    commitment.text_html = render_markdown(commitment.text, mentions=False).html
    commitment.milestones_html = render_markdown(commitment.milestones, mentions=False).html
    commitment.save()
    commitment.principles.set(principles)
    return commitment


@transaction.atomic
def delete_commitment(*, commitment, user):
    if not permissions.can_edit_review(user, commitment.review):
        raise PermissionDenied(_("Commitments change only in a draft or a revised request."))
    commitment.delete()


# --- Status -------------------------------------------------------------------------


def _lock(review):
    locked = CommitmentReview.objects.select_for_update().get(pk=review.pk)
    for name in ("status", "round", "delivered_round"):
        setattr(review, name, getattr(locked, name))
    return review


def _log(review, source, target, actor, note=""):
    TransitionLog.objects.create(
        review=review, from_status=source, to_status=target, actor=actor, note=note[:500]
    )


@transaction.atomic
def change_status(*, review, user, target, note=""):
    """Move the review to ``target`` if the transition table allows this person to.

    Raises ``ValidationError`` or ``PermissionDenied`` with a clear message, and then
    changes nothing.
    """
    _lock(review)
    transition = transitions.check(user, review, target)
    if transition.by_assignment:
        raise ValidationError(_("Assign reviewers to start a review round."))
    source = review.status
    review.status = target
    update = ["status", "updated_at"]
    if target == ReviewStatus.SUBMITTED:
        review.submitted_at = timezone.now()
        update.append("submitted_at")
    if target == ReviewStatus.FEEDBACK_DELIVERED:
        review.delivered_round = review.round
        update.append("delivered_round")
    review.save(update_fields=update)
    _log(review, source, target, user, note)
    _notify_status(review, target, user)
    return review


# --- Reviewers ----------------------------------------------------------------------


def candidate_reviewers():
    """Active people with a verified affiliation, their affiliations fetched with them."""
    from django.db.models import Prefetch

    return (
        User.objects.filter(is_active=True, affiliations__status=Affiliation.Status.VERIFIED)
        .distinct()
        .prefetch_related(
            Prefetch(
                "affiliations",
                queryset=Affiliation.objects.exclude(
                    status=Affiliation.Status.DECLINED
                ).select_related("organisation"),
                to_attr="known_affiliations",
            )
        )
        .order_by("display_name", "pk")
    )


def _known_affiliations(reviewers):
    """``{user_id: [Affiliation]}``, claimed and verified: one query for everyone."""
    result = {person.pk: [] for person in reviewers}
    for affiliation in (
        Affiliation.objects.exclude(status=Affiliation.Status.DECLINED)
        .filter(user__in=[person.pk for person in reviewers])
        .select_related("organisation")
    ):
        result[affiliation.user_id].append(affiliation)
    return result


def conflicts(review, reviewers):
    """``{user_id: reason}`` for reviewers from the requester's organisation or country.

    A claimed affiliation counts here too: a conflict is about risk, not access.
    """
    affiliations = _known_affiliations(reviewers)
    country = review.organisation.country
    found = {}
    for person in reviewers:
        organisations = [a.organisation for a in affiliations[person.pk]]
        if any(o.pk == review.organisation_id for o in organisations):
            found[person.pk] = _("from the requesting organisation")
        elif country and (
            person.country == country or any(o.country == country for o in organisations)
        ):
            found[person.pk] = _("from the requester's country")
    return found


def assignment_problems(review, reviewers, *, balance_reason="", conflict_reason=""):
    """``{field: message}`` for a choice of reviewers that breaks the rules (empty: fine).

    At least two reviewers; at least one with a verified government affiliation and one
    with a verified civil-society affiliation unless a reason overrides it; a reviewer
    with a conflict of interest only with a reason.
    """
    problems = {}
    reviewers = list(reviewers)
    if len(reviewers) < MIN_REVIEWERS:
        problems["reviewers"] = _("Choose at least two reviewers.")
        return problems
    affiliations = _known_affiliations(reviewers)
    sectors = {
        a.organisation.sector
        for person in reviewers
        for a in affiliations[person.pk]
        if a.status == Affiliation.Status.VERIFIED
    }
    balanced = Sector.GOVERNMENT in sectors and Sector.CIVIL_SOCIETY in sectors
    if not balanced and not balance_reason.strip():
        problems["balance_override_reason"] = _(
            "Choose at least one reviewer with a verified government affiliation and one "
            "with a verified civil-society affiliation, or give a reason for the exception."
        )
    found = conflicts(review, reviewers)
    if found and not conflict_reason.strip():
        names = ", ".join(
            f"{person.get_full_name()} ({found[person.pk]})"
            for person in reviewers
            if person.pk in found
        )
        problems["conflict_override_reason"] = _(
            "Conflict of interest: %(names)s. Choose someone else or give a reason."
        ) % {"names": names}
    return problems


@transaction.atomic
def assign_reviewers(*, review, user, reviewers, balance_reason="", conflict_reason=""):
    """Assign reviewers for a round and put the review in review (a new round after a
    revision). Checked against the transition table and the balance and conflict rules.
    """
    _lock(review)
    transitions.check(user, review, ReviewStatus.IN_REVIEW)
    reviewers = list(reviewers)
    problems = assignment_problems(
        review, reviewers, balance_reason=balance_reason, conflict_reason=conflict_reason
    )
    if problems:
        raise ValidationError(problems)
    source = review.status
    if source == ReviewStatus.REVISED:
        review.round += 1
    found = conflicts(review, reviewers)
    reasons = []
    if balance_reason.strip():
        reasons.append(_("Balance: %s") % balance_reason.strip())
    if found and conflict_reason.strip():
        reasons.append(_("Conflict: %s") % conflict_reason.strip())
    ReviewerAssignment.objects.bulk_create(
        ReviewerAssignment(
            review=review,
            reviewer=person,
            round=review.round,
            assigned_by=user,
            conflict=person.pk in found,
            override_reason=" ".join(reasons)[:500],
        )
        for person in reviewers
    )
    review.status = ReviewStatus.IN_REVIEW
    review.save(update_fields=["status", "round", "updated_at"])
    _log(review, source, ReviewStatus.IN_REVIEW, user, " ".join(reasons))
    permissions.forget_review(review)
    for person in reviewers:
        notify(
            recipient=person,
            actor=user,
            verb=VERB_ASSIGNED,
            message=_("You are asked to review “%(title)s”.") % {"title": review.title},
            url=review.get_absolute_url(),
            target=review,
        )
    return review


# --- Feedback -----------------------------------------------------------------------


@transaction.atomic
def save_feedback(*, assignment, user, ratings, overall, name_consent, finish=False):
    """Save a reviewer's matrix (a draft, or finished when ``finish``).

    ``ratings`` maps ``(commitment_id, principle_id)`` to ``{rating, comment, resources}``;
    ``overall`` maps ``commitment_id`` to ``{remarks, specific, measurable, verifiable}``.
    """
    review = assignment.review
    _lock(review)
    if assignment.reviewer_id != user.pk:
        raise PermissionDenied(_("This is not your review."))
    if review.status != ReviewStatus.IN_REVIEW or assignment.round != review.round:
        raise ValidationError(_("This review round is not open for feedback."))
    if assignment.finished_at is not None:
        raise ValidationError(_("You already finished your feedback."))
    existing = {(f.commitment_id, f.principle_id): f for f in assignment.feedback.all()}
    for (commitment_id, principle_id), values in ratings.items():
        row = existing.get((commitment_id, principle_id)) or Feedback(
            assignment=assignment, commitment_id=commitment_id, principle_id=principle_id
        )
        row.rating = values["rating"]
        row.comment = clean_text(values["comment"])
        row.resources = clean_text(values["resources"])
        row.comment_html = render_markdown(row.comment, mentions=False).html
        row.resources_html = render_markdown(row.resources, mentions=False).html
        row.save()
    existing_overall = {o.commitment_id: o for o in assignment.overall_feedback.all()}
    for commitment_id, values in overall.items():
        row = existing_overall.get(commitment_id) or OverallFeedback(
            assignment=assignment, commitment_id=commitment_id
        )
        row.remarks = clean_text(values["remarks"])
        row.remarks_html = render_markdown(row.remarks, mentions=False).html
        row.specific = values["specific"]
        row.measurable = values["measurable"]
        row.verifiable = values["verifiable"]
        row.save()
    assignment.name_consent = name_consent
    update = ["name_consent"]
    if finish:
        assignment.finished_at = timezone.now()
        update.append("finished_at")
    assignment.save(update_fields=update)
    if finish:
        for person in coordinators():
            notify(
                recipient=person,
                actor=user,
                verb=VERB_REVIEWER_FINISHED,
                message=_("%(name)s finished their feedback on “%(title)s”.")
                % {"name": user.get_full_name(), "title": review.title},
                url=review.get_absolute_url(),
                target=review,
            )
    return assignment


@transaction.atomic
def set_name_consent(*, assignment, user, consent):
    """A reviewer may change whether their name is shown, until the feedback is public."""
    if assignment.reviewer_id != user.pk:
        raise PermissionDenied(_("This is not your review."))
    if assignment.review.is_published:
        raise ValidationError(_("The feedback is already published."))
    ReviewerAssignment.objects.filter(pk=assignment.pk).update(name_consent=consent)


# --- Publication --------------------------------------------------------------------


@transaction.atomic
def publish_review(*, review, user, plan_url):
    """The requester publishes the consolidated feedback, by explicit consent."""
    _lock(review)
    if not permissions.can_publish_review(user, review):
        raise PermissionDenied(
            _("Only the requesting organisation may publish a closed review's feedback.")
        )
    review.plan_url = plan_url
    review.published_at = timezone.now()
    review.save(update_fields=["plan_url", "published_at", "updated_at"])
    _log(review, review.status, review.status, user, _("Feedback published with consent."))
    return review


# --- Who hears about it -------------------------------------------------------------


def coordinators():
    """The review network's active facilitators and leads; staff editors if none."""
    network = permissions.review_network()
    people = []
    if network is not None:
        people = [
            m.user
            for m in Membership.objects.filter(
                network=network, status=MembershipStatus.ACTIVE, role__in=MODERATOR_ROLES
            ).select_related("user")
            if m.user.is_active
        ]
    if not people:
        people = list(User.objects.filter(is_staff=True, is_active=True))
    return people


def requester_side(review):
    """Active people with a verified affiliation to the requesting organisation."""
    return list(
        User.objects.filter(
            is_active=True,
            affiliations__organisation=review.organisation,
            affiliations__status=Affiliation.Status.VERIFIED,
        ).distinct()
    )


def current_reviewers(review):
    return [
        a.reviewer
        for a in review.assignments.filter(round=review.round, reviewer__is_active=True)
        .select_related("reviewer")
        .order_by("pk")
    ]


def _notify_status(review, target, actor):
    title = {"title": review.title}
    if target == ReviewStatus.SUBMITTED:
        people = coordinators()
        message = _("A commitment review was requested: “%(title)s”.") % title
    elif target == ReviewStatus.FEEDBACK_DELIVERED:
        people = requester_side(review)
        message = _("Feedback on “%(title)s” is ready.") % title
    elif target == ReviewStatus.REVISED:
        people = coordinators()
        message = _("The requester is revising “%(title)s” for a new round.") % title
    elif target == ReviewStatus.CLOSED:
        people = requester_side(review) + coordinators()
        message = _("The review “%(title)s” is closed.") % title
    elif target == ReviewStatus.WITHDRAWN:
        people = coordinators() + current_reviewers(review)
        message = _("The review “%(title)s” was withdrawn.") % title
    else:
        return
    seen = set()
    for person in people:
        if person.pk in seen or person.pk == actor.pk:
            continue
        seen.add(person.pk)
        # Only people who may see the review hear of it (its title is confidential too).
        if not permissions.can_view_review(person, review):
            continue
        notify(
            recipient=person,
            actor=actor,
            verb=VERB_STATUS,
            message=message,
            url=review.get_absolute_url(),
            target=review,
        )
