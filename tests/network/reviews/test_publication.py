"""Publishing the consolidated feedback by consent, reviewers' names by their consent,
and the draft plan document, which stays private whatever happens."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from network.models.reviews import CommitmentReview, ReviewStatus
from tests.network.reviews.conftest import PRIVATE_AUDIENCE, ROLES

PLAN_URL = "https://www.opengovpartnership.org/documents/kenya-action-plan-2027-2029/"


@pytest.fixture
def closed(make_review):
    return make_review(status=ReviewStatus.CLOSED, feedback=True, title="Kenya's commitments")


def test_the_requester_publishes_with_a_plan_address_and_consent(closed, as_person):
    client = as_person("requester")
    url = reverse("reviews:publish", args=[closed.pk])
    response = client.post(url, {"plan_url": PLAN_URL})
    assert response.status_code == 200
    assert 'id="id_consent_error"' in response.content.decode()
    assert PLAN_URL in response.content.decode()  # kept
    closed.refresh_from_db()
    assert closed.published_at is None
    assert client.post(url, {"plan_url": PLAN_URL, "consent": "on"}).status_code == 302
    closed.refresh_from_db()
    assert closed.is_published and closed.plan_url == PLAN_URL
    assert list(CommitmentReview.objects.published_with_consent()) == [closed]


@pytest.mark.parametrize("role", ["coordinator", "reviewer", "claimant", "editor"])
def test_only_the_requesting_organisation_publishes(closed, as_person, role):
    response = as_person(role).post(
        reverse("reviews:publish", args=[closed.pk]), {"plan_url": PLAN_URL, "consent": "on"}
    )
    assert response.status_code in (403, 404)
    closed.refresh_from_db()
    assert not closed.is_published


def test_a_review_cannot_be_published_before_it_is_closed(make_review, as_person):
    review = make_review(status=ReviewStatus.FEEDBACK_DELIVERED, feedback=True)
    response = as_person("requester").post(
        reverse("reviews:publish", args=[review.pk]), {"plan_url": PLAN_URL, "consent": "on"}
    )
    assert response.status_code == 403
    assert not CommitmentReview.objects.published_with_consent().exists()


def test_published_feedback_names_only_reviewers_who_agreed(closed, as_person):
    closed.assignments.filter(reviewer__display_name="Rita Reviewer").update(name_consent=True)
    closed.plan_url = PLAN_URL
    closed.published_at = closed.created_at
    closed.save()
    public = as_person("anonymous").get(reverse("reviews:consolidated", args=[closed.pk]))
    html = public.content.decode()
    assert public.status_code == 200
    assert "Rita Reviewer" in html and "Cyrus Society" not in html and "Reviewer 2" in html
    assert "Rae Requester" not in html  # the requester's name stays private too
    csv_text = (
        as_person("member")
        .get(reverse("reviews:consolidated_csv", args=[closed.pk]))
        .content.decode()
    )
    assert "Rita Reviewer" in csv_text and "Cyrus Society" not in csv_text
    # The private audience still knows who reviewed.
    html = as_person("requester").get(reverse("reviews:consolidated", args=[closed.pk]))
    assert "Cyrus Society" in html.content.decode()


def test_a_reviewer_changes_their_name_consent_until_publication(closed, as_person, review_world):
    client = as_person("cso_reviewer")
    assignment = closed.assignments.get(reviewer=review_world.cso_reviewer)
    url = reverse("reviews:name_consent", args=[closed.pk])
    client.post(url, {"assignment": assignment.pk, "consent": "1"})
    assignment.refresh_from_db()
    assert assignment.name_consent
    # Someone else's assignment is not theirs to change.
    other = closed.assignments.get(reviewer=review_world.reviewer)
    assert client.post(url, {"assignment": other.pk, "consent": "1"}).status_code == 404
    other.refresh_from_db()
    assert not other.name_consent


@pytest.fixture
def with_document(make_review):
    review = make_review(status=ReviewStatus.IN_REVIEW, title="With a plan")
    review.plan_document.save(
        "draft-plan.pdf", SimpleUploadedFile("draft-plan.pdf", b"%PDF-1.4 confidential draft")
    )
    return review


@pytest.mark.parametrize("role", ROLES)
def test_the_draft_plan_downloads_only_for_the_private_audience(with_document, as_person, role):
    response = as_person(role).get(reverse("reviews:document", args=[with_document.pk]))
    if role in PRIVATE_AUDIENCE:
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
        assert b"".join(response.streaming_content) == b"%PDF-1.4 confidential draft"
    else:
        assert response.status_code == 404


def test_the_draft_plan_stays_private_after_publication(with_document, as_person):
    with_document.status = ReviewStatus.CLOSED
    with_document.plan_url = PLAN_URL
    with_document.published_at = with_document.created_at
    with_document.save()
    url = reverse("reviews:document", args=[with_document.pk])
    assert as_person("anonymous").get(url).status_code == 404
    assert as_person("member").get(url).status_code == 404
    detail = as_person("anonymous").get(with_document.get_absolute_url()).content.decode()
    assert url not in detail


def test_the_private_storage_has_no_url_and_lies_outside_media_root(tmp_path):
    from config.settings import base
    from config.storages import PrivateFileSystemStorage

    config = base.STORAGES["private"]
    assert config["BACKEND"] == "config.storages.PrivateFileSystemStorage"
    location = config["OPTIONS"]["location"]
    assert base.MEDIA_ROOT not in [location, *location.parents]
    with pytest.raises(ValueError):
        PrivateFileSystemStorage(location=tmp_path).url("reviews/plans/draft.pdf")


def test_a_new_request_with_a_document(review_world, as_person, charter_principles):
    client = as_person("requester")
    response = client.post(
        reverse("reviews:create"),
        {
            "title": "Kenya: open data commitments",
            "organisation": review_world.kenya.pk,
            "action_plan_period": "2027–2029",
            "feedback_needed_by": "2027-03-01",
            "plan_document": SimpleUploadedFile("plan.exe", b"MZ"),
        },
    )
    assert response.status_code == 200
    assert 'id="id_plan_document_error"' in response.content.decode()
    assert not CommitmentReview.objects.exists()
    response = client.post(
        reverse("reviews:create"),
        {
            "title": "Kenya: open data commitments",
            "organisation": review_world.kenya.pk,
            "action_plan_period": "2027–2029",
            "feedback_needed_by": "2027-03-01",
            "plan_document": SimpleUploadedFile("plan.pdf", b"%PDF-1.4"),
        },
    )
    review = CommitmentReview.objects.get()
    assert response.status_code == 302
    assert review.status == ReviewStatus.DRAFT and review.requester == review_world.requester
    assert review.plan_document.name.endswith(".pdf")


def test_requesting_for_another_organisation_is_refused(review_world, as_person):
    response = as_person("requester").post(
        reverse("reviews:create"),
        {
            "title": "Not ours",
            "organisation": review_world.philippines.pk,
            "action_plan_period": "2027",
            "feedback_needed_by": "2027-03-01",
        },
    )
    assert response.status_code == 200
    assert 'id="id_organisation_error"' in response.content.decode()
    assert not CommitmentReview.objects.exists()
