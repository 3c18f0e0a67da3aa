"""Every review page runs the same number of SQL queries for 1 commitment × 1 principle ×
1 reviewer as for 10 × 6 × 3 (and the queue for 1 review as for 30).

Counts are exact (``django_assert_num_queries``), each under a ceiling of 20. A first
request warms the process-wide caches (content types, the site's root paths), which
would otherwise be counted against whichever size is measured first.
"""

import pytest
from django.urls import reverse

from network.models.reviews import ReviewStatus

CEILING = 20
SMALL = {"commitments": 1, "principles": 1, "reviewers": ("reviewer",)}
LARGE = {"commitments": 10, "principles": 6, "reviewers": ("reviewer", "cso_reviewer", "editor")}

# page, role, status, exact count
PAGES = [
    ("reviews:detail", "coordinator", ReviewStatus.IN_REVIEW, 10),
    ("reviews:detail", "requester", ReviewStatus.FEEDBACK_DELIVERED, 10),
    ("reviews:consolidated", "requester", ReviewStatus.FEEDBACK_DELIVERED, 11),
    ("reviews:consolidated_csv", "requester", ReviewStatus.FEEDBACK_DELIVERED, 11),
    ("reviews:feedback", "reviewer", ReviewStatus.IN_REVIEW, 11),
]


@pytest.mark.parametrize(("name", "role", "status", "expected"), PAGES)
def test_review_pages_do_not_grow_with_commitments_principles_and_reviewers(
    make_review, as_person, django_assert_num_queries, name, role, status, expected
):
    assert expected <= CEILING
    for size in (SMALL, LARGE):
        review = make_review(status=status, feedback=True, **size)
        client = as_person(role)
        client.get(reverse(name, args=[review.pk]))  # warm-up
        with django_assert_num_queries(expected):
            response = client.get(reverse(name, args=[review.pk]))
        assert response.status_code == 200
        review.delete()


@pytest.mark.parametrize(("role", "expected"), [("coordinator", 7), ("requester", 7)])
def test_the_queue_does_not_grow_with_reviews(
    make_review, as_person, django_assert_num_queries, role, expected
):
    assert expected <= CEILING
    for count in (1, 30):
        for _ in range(count):
            make_review(status=ReviewStatus.IN_REVIEW, feedback=True, **LARGE)
        client = as_person(role)
        client.get(reverse("reviews:list"))  # warm-up
        with django_assert_num_queries(expected):
            response = client.get(reverse("reviews:list"))
        assert response.status_code == 200
