"""Confidentiality from the outside: every role against every surface.

A review in review is visible to the verified members of the requesting organisation,
its assigned reviewers and the coordinators; to everyone else it does not exist (404,
absent from the queue, the API, the sitemap, search, feeds and their notifications).
"""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Notification
from network import permissions
from network.models.reviews import CommitmentReview, ReviewStatus
from network.reviews import services
from tests.network.reviews.conftest import PRIVATE_AUDIENCE, ROLES

SECRET = "Draft open contracting commitments"


@pytest.fixture
def secret_review(make_review, review_world):
    review = make_review(status=ReviewStatus.FEEDBACK_DELIVERED, feedback=True, title=SECRET)
    # A review of another government, so that "other_reviewer" reviews something.
    make_review(
        organisation=review_world.philippines,
        requester="other_government",
        reviewers=("other_reviewer", "reviewer"),
        title="Another government's review",
    )
    return review


@pytest.mark.parametrize("role", ROLES)
def test_every_page_of_a_review_answers_only_its_audience(secret_review, as_person, role):
    client = as_person(role)
    urls = [
        reverse("reviews:detail", args=[secret_review.pk]),
        reverse("reviews:consolidated", args=[secret_review.pk]),
        reverse("reviews:consolidated_csv", args=[secret_review.pk]),
    ]
    for url in urls:
        response = client.get(url)
        if role in PRIVATE_AUDIENCE and role not in {"reviewer", "cso_reviewer"}:
            assert response.status_code == 200, url
        elif role in PRIVATE_AUDIENCE:
            # Reviewers see the review, not the others' consolidated feedback.
            expected = 200 if url.endswith(f"/{secret_review.pk}/") else 404
            assert response.status_code == expected, url
        else:
            assert response.status_code == 404, (role, url)
            assert SECRET not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_the_queue_lists_a_review_only_to_its_audience(secret_review, as_person, role):
    content = as_person(role).get(reverse("reviews:list")).content.decode()
    assert (SECRET in content) == (role in PRIVATE_AUDIENCE)
    if role == "other_reviewer":
        assert "Another government&#x27;s review" in content


@pytest.mark.parametrize("role", ROLES)
def test_the_queryset_and_the_object_rule_agree(secret_review, review_world, role):
    person = review_world.person(role)
    from django.contrib.auth.models import AnonymousUser

    person = person or AnonymousUser()
    listed = CommitmentReview.objects.visible_to(person).filter(pk=secret_review.pk).exists()
    assert listed == permissions.can_view_review(person, secret_review)
    assert listed == (role in PRIVATE_AUDIENCE)


def test_a_draft_is_the_requesting_organisation_s_alone(make_review, review_world, as_person):
    draft = make_review(status=ReviewStatus.DRAFT, title="Early draft")
    for role in ROLES:
        status = as_person(role).get(reverse("reviews:detail", args=[draft.pk])).status_code
        assert status == (200 if role in {"requester", "colleague"} else 404), role


@pytest.mark.parametrize("role", ["member", "claimant", "other_government", "other_reviewer"])
def test_outsiders_cannot_act_on_a_review(secret_review, as_person, role):
    client = as_person(role)
    pk = secret_review.pk
    for url in (
        reverse("reviews:transition", args=[pk, ReviewStatus.CLOSED]),
        reverse("reviews:assign", args=[pk]),
        reverse("reviews:feedback", args=[pk]),
        reverse("reviews:publish", args=[pk]),
        reverse("reviews:edit", args=[pk]),
    ):
        assert client.post(url, {"note": "x"}).status_code == 404, url
    secret_review.refresh_from_db()
    assert secret_review.status == ReviewStatus.FEEDBACK_DELIVERED


def test_a_claim_alone_grants_nothing_and_cannot_request(review_world, as_person):
    client = as_person("claimant")
    response = client.get(reverse("reviews:create"))
    assert response.status_code == 403
    assert "verified" in response.content.decode()
    assert not permissions.can_request_review(review_world.claimant)
    # Civil society cannot ask either: reviews are for governments' commitments.
    assert not permissions.can_request_review(review_world.cso_reviewer)


def test_unpublished_reviews_are_absent_from_api_sitemap_and_search(
    secret_review, as_person, client
):
    for role in ("anonymous", "member"):
        client = as_person(role)
        for url in ("/api/v2/pages/", "/sitemap.xml", "/api/v2/pages/?search=contracting"):
            response = client.get(url)
            assert SECRET not in response.content.decode(), url
    assert not CommitmentReview.objects.published_with_consent().exists()


def test_notifications_reach_only_people_who_may_see_the_review(
    make_review, review_world, django_capture_on_commit_callbacks
):
    review = make_review(status=ReviewStatus.DRAFT, title=SECRET)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # emails are queued on commit
        services.change_status(
            review=review, user=review_world.requester, target=ReviewStatus.SUBMITTED
        )
        services.assign_reviewers(
            review=review,
            user=review_world.coordinator,
            reviewers=[review_world.reviewer, review_world.cso_reviewer],
        )
        review.assignments.update(finished_at="2026-01-01T00:00Z")
        services.change_status(
            review=review, user=review_world.coordinator, target=ReviewStatus.FEEDBACK_DELIVERED
        )
    told = set(
        Notification.objects.filter(message__contains=SECRET).values_list(
            "recipient__display_name", flat=True
        )
    )
    assert told == {
        "Cora Coordinator",  # submitted
        "Rita Reviewer",  # assigned
        "Cyrus Society",  # assigned
        "Rae Requester",  # feedback delivered
        "Col Colleague",  # feedback delivered (verified colleague)
    }
    for person in ("claimant", "member", "other_government", "other_reviewer"):
        assert not Notification.objects.filter(recipient=review_world.person(person)).exists()
    outsiders = {
        review_world.person(role).email
        for role in ("claimant", "member", "other_government", "other_reviewer")
    }
    assert len(mail.outbox) == 5
    for message in mail.outbox:
        assert not outsiders & set(message.to)
