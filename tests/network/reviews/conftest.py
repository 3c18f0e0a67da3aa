"""A small world for commitment reviews: organisations, one person per role, a builder.

Roles (``ReviewWorld.person(role)``):

* ``anonymous``: nobody signed in
* ``member``: a signed-in member with no affiliation
* ``claimant``: claims the requesting organisation, not verified
* ``colleague``: a verified member of the requesting organisation (acts as requester)
* ``requester``: the verified member who asked for the review
* ``other_government``: verified member of another government
* ``reviewer``: assigned to the review (government, Philippines)
* ``cso_reviewer``: assigned to the review (civil society, Nigeria)
* ``other_reviewer``: a reviewer of *another* review only
* ``coordinator``: facilitator of the review network
* ``editor``: staff
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Affiliation, Sector
from network.models import Role, Visibility
from network.models.reviews import (
    Commitment,
    CommitmentReview,
    Feedback,
    OverallFeedback,
    ReviewerAssignment,
    ReviewSettings,
    ReviewStatus,
)
from tests.factories import AffiliationFactory, OrganisationFactory, UserFactory

ROLES = [
    "anonymous",
    "member",
    "claimant",
    "colleague",
    "requester",
    "other_government",
    "reviewer",
    "cso_reviewer",
    "other_reviewer",
    "coordinator",
    "editor",
]
PRIVATE_AUDIENCE = {"colleague", "requester", "reviewer", "cso_reviewer", "coordinator", "editor"}


@dataclass
class ReviewWorld:
    network: object
    kenya: object  # the requesting government
    philippines: object  # another government
    nigeria_cso: object
    kenya_cso: object  # civil society from the requester's country
    people: dict

    def person(self, role):
        return None if role == "anonymous" else self.people[role]

    def __getattr__(self, name):
        try:
            return self.__dict__["people"][name]
        except KeyError:
            raise AttributeError(name) from None


def verified(user, organisation, status=Affiliation.Status.VERIFIED):
    AffiliationFactory(user=user, organisation=organisation, status=status)
    return user


@pytest.fixture
def review_world(network_factory, home_page, charter_principles, editor):
    kenya = OrganisationFactory(
        name="Kenya Public Data Directorate", sector=Sector.GOVERNMENT, country="KE"
    )
    philippines = OrganisationFactory(
        name="Open Budget Office", sector=Sector.GOVERNMENT, country="PH"
    )
    nigeria_cso = OrganisationFactory(
        name="Transparency Bridge", sector=Sector.CIVIL_SOCIETY, country="NG"
    )
    kenya_cso = OrganisationFactory(
        name="Mzalendo Data", sector=Sector.CIVIL_SOCIETY, country="KE"
    )
    people = {
        "member": UserFactory(display_name="Mo Member"),
        "claimant": UserFactory(display_name="Cla Claimant"),
        "colleague": UserFactory(display_name="Col Colleague"),
        "requester": UserFactory(display_name="Rae Requester"),
        "other_government": UserFactory(display_name="Otto Government"),
        "reviewer": UserFactory(display_name="Rita Reviewer"),
        "cso_reviewer": UserFactory(display_name="Cyrus Society"),
        "other_reviewer": UserFactory(display_name="Oren Reviewer"),
        "coordinator": UserFactory(display_name="Cora Coordinator"),
        "editor": editor,
    }
    verified(people["claimant"], kenya, Affiliation.Status.CLAIMED)
    verified(people["colleague"], kenya)
    verified(people["requester"], kenya)
    verified(people["other_government"], philippines)
    verified(people["reviewer"], philippines)
    verified(people["cso_reviewer"], nigeria_cso)
    verified(people["other_reviewer"], nigeria_cso)
    network = network_factory(
        title="Open data policy leads",
        slug="policy-leads",
        visibility=Visibility.MEMBERS_ONLY,
        members=[(people["coordinator"], Role.FACILITATOR), (people["member"], Role.MEMBER)],
    )
    setting = ReviewSettings.for_site(home_page.get_site())
    setting.review_network = network
    setting.save()
    return ReviewWorld(
        network=network,
        kenya=kenya,
        philippines=philippines,
        nigeria_cso=nigeria_cso,
        kenya_cso=kenya_cso,
        people=people,
    )


@pytest.fixture
def make_review(review_world, charter_principles):
    """``make_review(status=..., commitments=1, principles=1, reviewers=[...], ...)``.

    Builds rows directly (fast, any size); ``feedback=True`` fills every cell for every
    reviewer and marks them finished. Statuses past "submitted" get ``submitted_at``.
    """

    def make(
        *,
        status=ReviewStatus.IN_REVIEW,
        commitments=1,
        principles=1,
        reviewers=("reviewer", "cso_reviewer"),
        feedback=False,
        organisation=None,
        requester="requester",
        title="Draft open contracting commitments",
        round=1,
        delivered_round=None,
        **fields,
    ):
        review = CommitmentReview.objects.create(
            title=title,
            organisation=organisation or review_world.kenya,
            requester=review_world.person(requester),
            status=status,
            round=round,
            delivered_round=(
                delivered_round
                if delivered_round is not None
                else (
                    round
                    if status
                    in (
                        ReviewStatus.FEEDBACK_DELIVERED,
                        ReviewStatus.REVISED,
                        ReviewStatus.CLOSED,
                    )
                    else 0
                )
            ),
            action_plan_period="2027–2029",
            feedback_needed_by=timezone.localdate() + timedelta(days=30),
            submitted_at=None if status == ReviewStatus.DRAFT else timezone.now(),
            **fields,
        )
        chosen = charter_principles[:principles]
        items = Commitment.objects.bulk_create(
            Commitment(
                review=review,
                position=n,
                title=f"Commitment {n}",
                problem="A problem",
                problem_html="<p>A problem</p>",
                text=f"Publish dataset {n}",
                text_html=f"<p>Publish dataset {n}</p>",
                milestones="- one",
                milestones_html="<ul><li>one</li></ul>",
                lead_institution="Ministry",
            )
            for n in range(1, commitments + 1)
        )
        Through = Commitment.principles.through
        Through.objects.bulk_create(
            Through(commitment_id=c.pk, charterprinciple_id=p.pk) for c in items for p in chosen
        )
        if status != ReviewStatus.DRAFT and status != ReviewStatus.SUBMITTED:
            for role in reviewers:
                assignment = ReviewerAssignment.objects.create(
                    review=review,
                    reviewer=review_world.person(role),
                    round=round,
                    finished_at=timezone.now() if feedback else None,
                )
                if feedback:
                    Feedback.objects.bulk_create(
                        Feedback(
                            assignment=assignment,
                            commitment=c,
                            principle=p,
                            rating="adequate",
                            comment=f"Comment by {role}",
                            comment_html=f"<p>Comment by {role}</p>",
                        )
                        for c in items
                        for p in chosen
                    )
                    OverallFeedback.objects.bulk_create(
                        OverallFeedback(
                            assignment=assignment,
                            commitment=c,
                            remarks="Fine",
                            remarks_html="<p>Fine</p>",
                            specific=True,
                        )
                        for c in items
                    )
        return review

    return make


@pytest.fixture
def as_person(client, review_world):
    """``as_person("coordinator")`` signs the test client in as that person (or nobody)."""

    def sign_in(role):
        client.logout()
        person = review_world.person(role)
        if person is not None:
            client.force_login(person)
        return client

    return sign_in
