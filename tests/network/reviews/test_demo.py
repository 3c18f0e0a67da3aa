"""The demo reviews: the review network set, three requests in the issue's states, and
a second run creates nothing."""

import io

from network.models.reviews import CommitmentReview, ReviewSettings, ReviewStatus, TransitionLog


def test_demo_reviews_are_created_once(home_page):
    from accounts.demo import seed as seed_people
    from home.demo import seed as seed_home
    from network.demo import seed as seed_networks
    from network.reviews.demo import seed

    seed_people(io.StringIO())
    seed_home(io.StringIO())
    seed_networks(io.StringIO())
    seed(io.StringIO())
    counts = (CommitmentReview.objects.count(), TransitionLog.objects.count())
    seed(io.StringIO())
    assert counts == (CommitmentReview.objects.count(), TransitionLog.objects.count())

    setting = ReviewSettings.for_site(home_page.get_site())
    assert setting.review_network.slug == "open-data-policy-leads"
    statuses = set(CommitmentReview.objects.values_list("status", flat=True))
    assert statuses == {
        ReviewStatus.IN_REVIEW,
        ReviewStatus.FEEDBACK_DELIVERED,
        ReviewStatus.CLOSED,
    }
    published = CommitmentReview.objects.published_with_consent().get()
    assert published.status == ReviewStatus.CLOSED and published.plan_url
    overdue = CommitmentReview.objects.get(status=ReviewStatus.IN_REVIEW)
    assert overdue.is_overdue and overdue.plan_document
