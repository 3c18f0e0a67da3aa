"""A small world for network tests: three networks and one person per role."""

from dataclasses import dataclass

import pytest
from wagtail.rich_text import RichText

from network.models import JoinPolicy, MembershipStatus, Role, Visibility
from tests.factories import MembershipFactory, UserFactory

ROLES = ["anonymous", "outsider", "pending", "member", "facilitator", "lead", "editor"]


@dataclass
class World:
    public: object  # public, open join
    approval: object  # public, join by approval
    private: object  # members only, not listed
    listed: object  # members only, listed publicly
    outsider: object
    pending: object
    member: object
    facilitator: object
    lead: object
    editor: object

    def person(self, role):
        return None if role == "anonymous" else getattr(self, role)


def body(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


@pytest.fixture
def world(network_factory, editor):
    people = {
        role: UserFactory(display_name=f"{role.title()} Person")
        for role in ("outsider", "pending", "member", "facilitator", "lead")
    }
    staff = [
        (people["lead"], Role.LEAD),
        (people["facilitator"], Role.FACILITATOR),
        (people["member"], Role.MEMBER),
    ]
    networks = {
        "public": network_factory(
            title="Open contracting data",
            slug="open-contracting",
            join_policy=JoinPolicy.OPEN,
            body=body("Public body text"),
            members=staff,
        ),
        "approval": network_factory(
            title="Subnational open data",
            slug="subnational",
            join_policy=JoinPolicy.APPROVAL,
            body=body("Approval body text"),
            members=staff,
        ),
        "private": network_factory(
            title="Policy leads circle",
            slug="policy-leads",
            visibility=Visibility.MEMBERS_ONLY,
            join_policy=JoinPolicy.APPROVAL,
            intro="A closed circle of policy leads.",
            body=body("Private body text"),
            members=staff,
        ),
        "listed": network_factory(
            title="Beneficial ownership",
            slug="beneficial-ownership",
            visibility=Visibility.MEMBERS_ONLY,
            listed_publicly=True,
            join_policy=JoinPolicy.APPROVAL,
            intro="Who really owns companies.",
            body=body("Listed body text"),
            members=staff,
        ),
    }
    for key in ("approval", "private", "listed"):
        MembershipFactory(
            network=networks[key],
            user=people["pending"],
            status=MembershipStatus.PENDING,
            joined_at=None,
            message="Please let me in",
        )
    return World(**networks, **people, editor=editor)


@pytest.fixture
def as_role(client, world):
    """``as_role("member")`` signs the test client in as that person (or nobody)."""

    def sign_in(role):
        client.logout()
        person = world.person(role)
        if person is not None:
            client.force_login(person)
        return client

    return sign_in
