"""The feedback matrix (drafts, finishing), the consolidated response, its CSV (formulas
escaped) and hostile text everywhere it is shown."""

import csv
import io

import pytest
from django.urls import reverse

from network.models import CharterPrinciple
from network.models.reviews import Feedback, OverallFeedback, ReviewerAssignment, ReviewStatus
from network.reviews import services
from network.reviews.export import escape_cell
from tests.hostile import HOSTILE_INPUTS, assert_inert


@pytest.fixture
def in_review(make_review):
    return make_review(status=ReviewStatus.IN_REVIEW, commitments=2, principles=2)


def cells(review):
    for commitment in review.commitments.all():
        for principle in commitment.principles.all():
            yield commitment, principle


def matrix_data(review, rating="strong", comment="Good", **extra):
    data = {}
    for commitment, principle in cells(review):
        key = f"{commitment.pk}-{principle.pk}"
        data[f"rating-{key}"] = rating
        data[f"comment-{key}"] = comment
        data[f"resources-{key}"] = "https://standard.open-contracting.org/"
    for commitment in review.commitments.all():
        data[f"remarks-{commitment.pk}"] = "Overall fine"
        data[f"specific-{commitment.pk}"] = "on"
    data.update(extra)
    return data


def test_a_reviewer_saves_a_draft_with_blanks(in_review, as_person):
    client = as_person("reviewer")
    url = reverse("reviews:feedback", args=[in_review.pk])
    data = matrix_data(in_review, rating="", comment="Half done", save="1")
    response = client.post(url, data)
    assert response.status_code == 302
    assignment = ReviewerAssignment.objects.get(reviewer__display_name="Rita Reviewer")
    assert assignment.finished_at is None
    assert Feedback.objects.filter(assignment=assignment).count() == 4
    assert set(Feedback.objects.values_list("comment", flat=True)) == {"Half done"}
    # The draft comes back in the form.
    assert "Half done" in client.get(url).content.decode()


def test_finishing_needs_every_cell_rated_and_keeps_the_text(in_review, as_person):
    client = as_person("reviewer")
    url = reverse("reviews:feedback", args=[in_review.pk])
    data = matrix_data(in_review, comment="My careful comment", finish="1")
    commitment, principle = next(cells(in_review))
    data[f"rating-{commitment.pk}-{principle.pk}"] = ""
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_rating-{commitment.pk}-{principle.pk}_error"' in html
    assert "before you finish" in html
    assert "My careful comment" in html
    assert not Feedback.objects.exists()
    assert not ReviewerAssignment.objects.filter(finished_at__isnull=False).exists()

    data[f"rating-{commitment.pk}-{principle.pk}"] = "not_applicable"
    assert client.post(url, data).status_code == 302
    assignment = ReviewerAssignment.objects.get(reviewer__display_name="Rita Reviewer")
    assert assignment.finished_at is not None
    assert OverallFeedback.objects.filter(assignment=assignment, specific=True).count() == 2
    # Finished: no more changes.
    data[f"comment-{commitment.pk}-{principle.pk}"] = "Changed my mind"
    client.post(url, data)
    assert not Feedback.objects.filter(comment="Changed my mind").exists()


def test_only_assigned_reviewers_of_this_round_have_a_matrix(in_review, as_person):
    for role in ("coordinator", "requester", "other_reviewer"):
        response = as_person(role).get(reverse("reviews:feedback", args=[in_review.pk]))
        assert response.status_code == 404, role


def test_hostile_text_is_inert_in_every_view(make_review, as_person, review_world):
    """Every hostile input as a commitment's text and as a reviewer's feedback, through
    the services the forms call; then every page that shows them is checked."""
    review = make_review(status=ReviewStatus.REVISED, commitments=0, reviewers=())
    principle = CharterPrinciple.objects.first()
    commitments = [
        services.save_commitment(
            review=review,
            user=review_world.requester,
            fields={
                "title": hostile[:200] or "x",
                "problem": hostile,
                "text": hostile,
                "milestones": hostile,
                "lead_institution": hostile[:200] or "x",
            },
            principles=[principle],
        )
        for hostile in HOSTILE_INPUTS
    ]
    review.status = ReviewStatus.IN_REVIEW
    review.save()
    assignment = ReviewerAssignment.objects.create(review=review, reviewer=review_world.reviewer)
    services.save_feedback(
        assignment=assignment,
        user=review_world.reviewer,
        ratings={
            (c.pk, principle.pk): {"rating": "weak", "comment": hostile, "resources": hostile}
            for c, hostile in zip(commitments, HOSTILE_INPUTS, strict=True)
        },
        overall={
            c.pk: {"remarks": hostile, "specific": False, "measurable": False, "verifiable": False}
            for c, hostile in zip(commitments, HOSTILE_INPUTS, strict=True)
        },
        name_consent=False,
    )
    pages = {
        "coordinator": [
            reverse("reviews:list"),
            reverse("reviews:detail", args=[review.pk]),
            reverse("reviews:consolidated", args=[review.pk]),
        ],
        "reviewer": [reverse("reviews:feedback", args=[review.pk])],
    }
    for role, urls in pages.items():
        client = as_person(role)
        for url in urls:
            html = client.get(url).content.decode()
            main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
            assert_inert(main, allowed_elements={"form"}, context=f"{role} {url}")


def test_the_commitment_form_keeps_hostile_text_inert(make_review, as_person):
    review = make_review(status=ReviewStatus.DRAFT, commitments=0)
    client = as_person("requester")
    principle = CharterPrinciple.objects.first()
    url = reverse("reviews:commitment_create", args=[review.pk])
    hostile = HOSTILE_INPUTS[0]
    response = client.post(
        url,
        {
            "title": hostile,
            "problem": hostile,
            "text": hostile,
            "milestones": "",  # missing: the form comes back with the text kept
            "lead_institution": hostile,
            "principles": [principle.pk],
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'id="id_milestones_error"' in html
    assert "&lt;script&gt;" in html
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    assert_inert(main, allowed_elements={"form"}, context="commitment form")
    assert not review.commitments.exists()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("  =1", "'  =1"),
        ("Plain text", "Plain text"),
        ("", ""),
    ],
)
def test_csv_cells_that_look_like_formulas_are_escaped(value, expected):
    assert escape_cell(value) == expected


def test_the_csv_download_escapes_formulas_typed_by_reviewers(make_review, as_person):
    review = make_review(status=ReviewStatus.FEEDBACK_DELIVERED, feedback=True)
    Feedback.objects.update(comment='=cmd|" /C calc"!A0', resources="@evil")
    response = as_person("requester").get(reverse("reviews:consolidated_csv", args=[review.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Review", "Round", "Commitment", "Principle"]
    comments = [row[6] for row in rows[1:] if row[3] != "Overall remarks"]
    assert comments and all(comment == '\'=cmd|" /C calc"!A0' for comment in comments)
    assert all(row[7] == "'@evil" for row in rows[1:] if row[3] != "Overall remarks")
    # The requester sees who reviewed (names are hidden only from the public).
    assert {row[4] for row in rows[1:]} == {"Rita Reviewer", "Cyrus Society"}
