"""The transition table, transition by transition: who may, from where, and what is logged.

Includes the second round (revised → in review by assigning again) and the refusals,
which change nothing and log nothing.
"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from network.models.reviews import ReviewerAssignment, ReviewStatus, TransitionLog
from network.reviews import services, transitions

S = ReviewStatus

# (source, target, who may, who may not)
ALLOWED = [
    (S.DRAFT, S.SUBMITTED, ["requester", "colleague"], ["coordinator", "claimant", "reviewer"]),
    (
        S.IN_REVIEW,
        S.FEEDBACK_DELIVERED,
        ["coordinator", "editor"],
        ["requester", "reviewer", "other_government"],
    ),
    (S.FEEDBACK_DELIVERED, S.REVISED, ["requester"], ["coordinator", "reviewer"]),
    (S.FEEDBACK_DELIVERED, S.CLOSED, ["requester", "coordinator"], ["reviewer", "claimant"]),
    *[
        (source, S.WITHDRAWN, ["requester"], ["coordinator", "reviewer", "claimant"])
        for source in (S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.FEEDBACK_DELIVERED, S.REVISED)
    ],
]


def _with_history(review):
    return TransitionLog.objects.filter(review=review).count()


@pytest.mark.parametrize(("source", "target", "allowed", "refused"), ALLOWED)
def test_each_transition_is_made_by_its_actor_and_logged(
    make_review, review_world, source, target, allowed, refused
):
    for role in allowed:
        review = make_review(status=source, feedback=True)
        person = review_world.person(role)
        services.change_status(review=review, user=person, target=target, note="ok")
        review.refresh_from_db()
        assert review.status == target
        log = TransitionLog.objects.get(review=review)
        assert (log.from_status, log.to_status, log.actor, log.note) == (
            source,
            target,
            person,
            "ok",
        )
    for role in refused:
        review = make_review(status=source, feedback=True)
        with pytest.raises(PermissionDenied):
            services.change_status(review=review, user=review_world.person(role), target=target)
        review.refresh_from_db()
        assert review.status == source
        assert _with_history(review) == 0


INVALID = [
    (S.DRAFT, S.IN_REVIEW),
    (S.DRAFT, S.CLOSED),
    (S.SUBMITTED, S.FEEDBACK_DELIVERED),
    (S.SUBMITTED, S.CLOSED),
    (S.IN_REVIEW, S.CLOSED),
    (S.IN_REVIEW, S.REVISED),
    (S.REVISED, S.CLOSED),
    (S.REVISED, S.FEEDBACK_DELIVERED),
    (S.CLOSED, S.WITHDRAWN),
    (S.CLOSED, S.REVISED),
    (S.WITHDRAWN, S.SUBMITTED),
    (S.WITHDRAWN, S.WITHDRAWN),
    (S.FEEDBACK_DELIVERED, "nonsense"),
]


@pytest.mark.parametrize(("source", "target"), INVALID)
def test_transitions_not_in_the_table_are_refused_with_a_clear_message(
    make_review, review_world, source, target
):
    review = make_review(status=source, feedback=True)
    with pytest.raises(ValidationError) as error:
        services.change_status(review=review, user=review_world.editor, target=target)
    assert "cannot become" in error.value.messages[0]
    review.refresh_from_db()
    assert review.status == source
    assert _with_history(review) == 0


def test_the_table_is_exactly_the_issue_s_list():
    pairs = {(t.source, t.target): t.actor for t in transitions.TRANSITIONS}
    assert pairs == {
        (S.DRAFT, S.SUBMITTED): transitions.REQUESTER,
        (S.SUBMITTED, S.IN_REVIEW): transitions.COORDINATOR,
        (S.IN_REVIEW, S.FEEDBACK_DELIVERED): transitions.COORDINATOR,
        (S.FEEDBACK_DELIVERED, S.REVISED): transitions.REQUESTER,
        (S.REVISED, S.IN_REVIEW): transitions.COORDINATOR,
        (S.FEEDBACK_DELIVERED, S.CLOSED): transitions.EITHER,
        (S.DRAFT, S.WITHDRAWN): transitions.REQUESTER,
        (S.SUBMITTED, S.WITHDRAWN): transitions.REQUESTER,
        (S.IN_REVIEW, S.WITHDRAWN): transitions.REQUESTER,
        (S.FEEDBACK_DELIVERED, S.WITHDRAWN): transitions.REQUESTER,
        (S.REVISED, S.WITHDRAWN): transitions.REQUESTER,
    }


def test_submitting_needs_a_commitment(make_review, review_world):
    review = make_review(status=S.DRAFT, commitments=0)
    with pytest.raises(ValidationError, match="at least one commitment"):
        services.change_status(review=review, user=review_world.requester, target=S.SUBMITTED)
    review.refresh_from_db()
    assert review.status == S.DRAFT and review.submitted_at is None


def test_submitting_records_the_first_submission(make_review, review_world):
    review = make_review(status=S.DRAFT)
    services.change_status(review=review, user=review_world.requester, target=S.SUBMITTED)
    review.refresh_from_db()
    assert review.submitted_at is not None


def test_feedback_is_delivered_only_when_every_reviewer_finished(make_review, review_world):
    review = make_review(status=S.IN_REVIEW)
    ReviewerAssignment.objects.filter(review=review, reviewer=review_world.reviewer).update(
        finished_at="2026-01-01T00:00Z"
    )
    with pytest.raises(ValidationError, match="1 reviewer has not finished"):
        services.change_status(
            review=review, user=review_world.coordinator, target=S.FEEDBACK_DELIVERED
        )
    review.refresh_from_db()
    assert review.status == S.IN_REVIEW and review.delivered_round == 0
    ReviewerAssignment.objects.filter(review=review).update(finished_at="2026-01-01T00:00Z")
    services.change_status(
        review=review, user=review_world.coordinator, target=S.FEEDBACK_DELIVERED
    )
    review.refresh_from_db()
    assert review.status == S.FEEDBACK_DELIVERED and review.delivered_round == 1


def test_in_review_is_reached_only_by_assigning_reviewers(make_review, review_world):
    review = make_review(status=S.SUBMITTED)
    with pytest.raises(ValidationError, match="Assign reviewers"):
        services.change_status(review=review, user=review_world.coordinator, target=S.IN_REVIEW)
    review.refresh_from_db()
    assert review.status == S.SUBMITTED


def test_assigning_is_for_coordinators_only(make_review, review_world):
    review = make_review(status=S.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.assign_reviewers(
            review=review,
            user=review_world.requester,
            reviewers=[review_world.reviewer, review_world.cso_reviewer],
        )
    assert not review.assignments.exists()


def test_a_second_round_after_revision(make_review, review_world):
    review = make_review(status=S.SUBMITTED)
    coordinator, requester = review_world.coordinator, review_world.requester
    services.assign_reviewers(
        review=review,
        user=coordinator,
        reviewers=[review_world.reviewer, review_world.cso_reviewer],
    )
    ReviewerAssignment.objects.filter(review=review).update(finished_at="2026-01-01T00:00Z")
    services.change_status(review=review, user=coordinator, target=S.FEEDBACK_DELIVERED)
    services.change_status(review=review, user=requester, target=S.REVISED)
    # The requester may change commitments while revising, not before.
    commitment = review.commitments.first()
    services.save_commitment(
        review=review,
        user=requester,
        commitment=commitment,
        fields={
            "title": "Revised",
            "problem": "p",
            "text": "Now with *dates*",
            "milestones": "m",
            "lead_institution": "Ministry",
        },
        principles=list(commitment.principles.all()),
    )
    services.assign_reviewers(
        review=review,
        user=coordinator,
        reviewers=[review_world.reviewer, review_world.other_reviewer],
    )
    review.refresh_from_db()
    assert (review.status, review.round, review.delivered_round) == (S.IN_REVIEW, 2, 1)
    assert review.assignments.filter(round=2).count() == 2
    assert review.assignments.filter(round=1, finished_at__isnull=False).count() == 2
    # Round 1's finished reviewers do not count for round 2.
    with pytest.raises(ValidationError, match="2 reviewers have not finished"):
        services.change_status(review=review, user=coordinator, target=S.FEEDBACK_DELIVERED)
    review.assignments.filter(round=2).update(finished_at="2026-02-01T00:00Z")
    services.change_status(review=review, user=coordinator, target=S.FEEDBACK_DELIVERED)
    services.change_status(review=review, user=coordinator, target=S.CLOSED)
    review.refresh_from_db()
    assert (review.status, review.delivered_round) == (S.CLOSED, 2)
    assert list(
        TransitionLog.objects.filter(review=review).values_list("from_status", "to_status")
    ) == [
        (S.SUBMITTED, S.IN_REVIEW),
        (S.IN_REVIEW, S.FEEDBACK_DELIVERED),
        (S.FEEDBACK_DELIVERED, S.REVISED),
        (S.REVISED, S.IN_REVIEW),
        (S.IN_REVIEW, S.FEEDBACK_DELIVERED),
        (S.FEEDBACK_DELIVERED, S.CLOSED),
    ]


def test_commitments_are_frozen_outside_draft_and_revised(make_review, review_world):
    review = make_review(status=S.IN_REVIEW)
    with pytest.raises(PermissionDenied):
        services.save_commitment(
            review=review,
            user=review_world.requester,
            fields={
                "title": "x",
                "problem": "p",
                "text": "t",
                "milestones": "m",
                "lead_institution": "l",
            },
            principles=[],
        )
    assert review.commitments.count() == 1


def test_the_transition_view_refuses_with_a_message_and_changes_nothing(make_review, as_person):
    review = make_review(status=S.IN_REVIEW)
    client = as_person("requester")
    response = client.post(reverse("reviews:transition", args=[review.pk, S.CLOSED]), follow=True)
    assert "cannot become" in response.content.decode()
    review.refresh_from_db()
    assert review.status == S.IN_REVIEW
    response = client.post(
        reverse("reviews:transition", args=[review.pk, S.FEEDBACK_DELIVERED]), follow=True
    )
    assert "Only the review coordinators may do this." in response.content.decode()
    review.refresh_from_db()
    assert review.status == S.IN_REVIEW


def test_the_transition_view_withdraws_after_confirmation(make_review, as_person):
    review = make_review(status=S.SUBMITTED)
    client = as_person("requester")
    url = reverse("reviews:transition", args=[review.pk, S.WITHDRAWN])
    page = client.get(url)
    assert page.status_code == 200 and "Withdraw" in page.content.decode()
    response = client.post(url, {"note": "Plan postponed"})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == S.WITHDRAWN
    assert review.transitions.get().note == "Plan postponed"
