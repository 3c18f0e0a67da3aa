"""Assigning reviewers: at least two, balanced between government and civil society
(verified affiliations only) unless overridden with a reason, and conflicts of interest
(the requester's organisation or country) only with a reason."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Affiliation, Notification
from network.models.reviews import ReviewerAssignment, ReviewStatus
from network.reviews import services
from tests.factories import UserFactory
from tests.network.reviews.conftest import verified


@pytest.fixture
def submitted(make_review):
    return make_review(status=ReviewStatus.SUBMITTED)


def assign(review, world, reviewers, **reasons):
    return services.assign_reviewers(
        review=review, user=world.coordinator, reviewers=reviewers, **reasons
    )


def test_one_government_and_one_civil_society_reviewer_are_enough(submitted, review_world):
    assign(submitted, review_world, [review_world.reviewer, review_world.cso_reviewer])
    submitted.refresh_from_db()
    assert submitted.status == ReviewStatus.IN_REVIEW
    assert submitted.assignments.count() == 2
    assert not submitted.assignments.filter(conflict=True).exists()


def test_fewer_than_two_reviewers_are_refused(submitted, review_world):
    with pytest.raises(ValidationError) as error:
        assign(submitted, review_world, [review_world.reviewer], balance_reason="Small plan")
    assert error.value.message_dict == {"reviewers": ["Choose at least two reviewers."]}
    submitted.refresh_from_db()
    assert submitted.status == ReviewStatus.SUBMITTED and not submitted.assignments.exists()


def test_two_government_reviewers_need_a_reason(submitted, review_world):
    pair = [review_world.reviewer, review_world.other_government]
    with pytest.raises(ValidationError) as error:
        assign(submitted, review_world, pair)
    assert "balance_override_reason" in error.value.message_dict
    assert not submitted.assignments.exists()
    assign(
        submitted, review_world, pair, balance_reason="No civil-society reviewer speaks Swahili"
    )
    assignment = submitted.assignments.first()
    assert "Swahili" in assignment.override_reason
    assert "Swahili" in submitted.transitions.get().note


def test_a_claimed_affiliation_does_not_count_for_balance(submitted, review_world):
    claimer = UserFactory(display_name="Claire Claimer")
    verified(claimer, review_world.nigeria_cso, Affiliation.Status.CLAIMED)
    with pytest.raises(ValidationError) as error:
        assign(submitted, review_world, [review_world.reviewer, claimer])
    assert "balance_override_reason" in error.value.message_dict


@pytest.mark.parametrize("how", ["organisation", "organisation country", "person country"])
def test_a_reviewer_from_the_requester_s_side_is_a_conflict(submitted, review_world, how):
    person = UserFactory(display_name="Kim Kenyan")
    if how == "organisation":
        verified(person, review_world.kenya)
        verified(person, review_world.nigeria_cso)
    elif how == "organisation country":
        verified(person, review_world.kenya_cso)
    else:
        person.country = "KE"
        person.save()
        verified(person, review_world.nigeria_cso)
    pair = [review_world.reviewer, person]
    with pytest.raises(ValidationError) as error:
        assign(submitted, review_world, pair)
    assert "Kim Kenyan" in error.value.message_dict["conflict_override_reason"][0]
    assert not submitted.assignments.exists()
    assign(submitted, review_world, pair, conflict_reason="Only expert on land registries")
    flagged = submitted.assignments.get(reviewer=person)
    assert flagged.conflict and "land registries" in flagged.override_reason
    assert not submitted.assignments.get(reviewer=review_world.reviewer).conflict


def test_reviewers_are_notified(submitted, review_world):
    assign(submitted, review_world, [review_world.reviewer, review_world.cso_reviewer])
    for person in (review_world.reviewer, review_world.cso_reviewer):
        notification = Notification.objects.get(recipient=person)
        assert notification.verb == services.VERB_ASSIGNED
        assert notification.url == submitted.get_absolute_url()


def test_the_form_shows_the_rule_next_to_the_field_and_keeps_the_choice(
    submitted, review_world, as_person
):
    client = as_person("coordinator")
    url = reverse("reviews:assign", args=[submitted.pk])
    page = client.get(url).content.decode()
    assert "Rita Reviewer" in page and "Cyrus Society" in page
    response = client.post(
        url, {"reviewers": [review_world.reviewer.pk, review_world.other_government.pk]}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_balance_override_reason_error"' in html
    assert html.count("checked") == 2  # the two people chosen stay ticked
    assert not ReviewerAssignment.objects.exists()
    response = client.post(
        url,
        {
            "reviewers": [review_world.reviewer.pk, review_world.other_government.pk],
            "balance_override_reason": "Government peers requested",
        },
    )
    assert response.status_code == 302
    assert ReviewerAssignment.objects.count() == 2


@pytest.mark.parametrize("role", ["requester", "reviewer", "member"])
def test_only_coordinators_see_the_assign_page(submitted, as_person, role):
    status = as_person(role).get(reverse("reviews:assign", args=[submitted.pk])).status_code
    assert status in (403, 404)
