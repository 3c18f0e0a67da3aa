"""The permission functions themselves, for each role, and their QuerySet filters."""

import pytest
from django.contrib.auth.models import AnonymousUser

from network import permissions
from network.models import LearningNetworkPage
from tests.network.conftest import ROLES

# kind -> role -> expected answers
EXPECTED = {
    "can_view": {
        "public": set(ROLES),
        "private": {"member", "facilitator", "lead", "editor"},
    },
    "can_see_teaser": {
        "private": {"pending", "member", "facilitator", "lead", "editor"},
        "listed": set(ROLES),
    },
    "can_post": {
        "public": {"member", "facilitator", "lead", "editor"},
        "private": {"member", "facilitator", "lead", "editor"},
    },
    "can_moderate": {
        "public": {"facilitator", "lead", "editor"},
        "private": {"facilitator", "lead", "editor"},
    },
    "can_manage_roles": {
        "public": {"lead", "editor"},
        "private": {"lead", "editor"},
    },
    # Anyone signed in without a membership row; staff too (they see everything).
    "can_join": {"public": {"outsider", "pending", "editor"}, "approval": set(), "listed": set()},
    "can_request_to_join": {
        "public": set(),
        "approval": {"outsider", "editor"},
        "listed": {"outsider", "editor"},
        "private": {"editor"},
    },
    "can_see_members": {
        "public": {"outsider", "pending", "member", "facilitator", "lead", "editor"},
        "private": {"member", "facilitator", "lead", "editor"},
    },
}

CASES = [
    (function, kind, role)
    for function, by_kind in EXPECTED.items()
    for kind in by_kind
    for role in ROLES
]


@pytest.mark.parametrize(("function", "kind", "role"), CASES)
def test_permission_answers(world, function, kind, role):
    person = world.person(role) or AnonymousUser()
    answer = getattr(permissions, function)(person, getattr(world, kind))
    assert bool(answer) == (role in EXPECTED[function][kind])


@pytest.mark.parametrize("role", ROLES)
def test_visible_and_listed_filters_match_the_functions(world, role):
    person = world.person(role) or AnonymousUser()
    networks = list(LearningNetworkPage.objects.all())
    visible = set(LearningNetworkPage.objects.filter(permissions.visible_networks_q(person)))
    listed = set(LearningNetworkPage.objects.filter(permissions.listed_networks_q(person)))
    assert visible == {n for n in networks if permissions.can_view(person, n)}
    assert listed == visible | {n for n in networks if n.listed_publicly}


def test_memberships_are_fetched_once_per_user_object(world, django_assert_num_queries):
    person = world.facilitator
    permissions.forget(person)
    networks = [world.public, world.approval, world.private, world.listed]
    with django_assert_num_queries(1):
        for network in networks:
            permissions.permissions_for(person, network)


def test_prefix_reaches_networks_through_a_relation(world):
    from network.models import Membership

    q = permissions.visible_networks_q(world.outsider, prefix="network__")
    network_ids = set(Membership.objects.filter(q).values_list("network_id", flat=True))
    assert world.private.pk not in network_ids and world.public.pk in network_ids


def test_network_of_page_and_can_view_page(world):
    from home.models import StandardPage

    child = StandardPage(title="Inside", slug="inside")
    world.private.add_child(instance=child)
    assert permissions.network_of_page(child).pk == world.private.pk
    assert permissions.network_of_page(world.private).pk == world.private.pk
    assert permissions.can_view_page(world.member, child)
    assert not permissions.can_view_page(world.outsider, child)
    assert permissions.network_of_page(world.private.get_parent()) is None
