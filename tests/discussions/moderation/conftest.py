"""People in every role around one thread, for the moderation tests."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from discussions import services
from discussions.moderation import services as moderation
from tests.discussions.conftest import add_member, make_network
from tests.factories import UserFactory

ROLES = [
    "anonymous",
    "outsider",
    "member",
    "author",
    "facilitator",
    "other_facilitator",
    "lead",
    "editor",
    "suspended",
]


@dataclass
class Place:
    network: object
    thread: object  # started by "member"
    reply: object  # by "author"


@pytest.fixture
def people(db):
    editor = UserFactory(username="editor", display_name="Eda Editor", is_staff=True)
    # Staff reach the Wagtail admin through its access permission (the Editors group).
    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return {
        "anonymous": None,
        "outsider": UserFactory(username="outsider", display_name="Olga Outsider"),
        "member": UserFactory(username="member", display_name="Mara Member"),
        "author": UserFactory(username="author", display_name="Arno Author"),
        "facilitator": UserFactory(username="facilitator", display_name="Fay Facilitator"),
        "other_facilitator": UserFactory(username="otherfac", display_name="Oscar Otherfac"),
        "lead": UserFactory(username="lead", display_name="Leo Lead"),
        "editor": editor,
        "suspended": UserFactory(username="suspended", display_name="Sven Suspended"),
    }


@pytest.fixture
def other_network(network_index):
    return make_network(network_index, title="Budget data", slug="budget-data")


def build_place(network, other_network, people):
    for role, membership in (
        ("member", "member"),
        ("author", "member"),
        ("facilitator", "facilitator"),
        ("lead", "lead"),
        ("suspended", "member"),
    ):
        add_member(network, people[role], membership)
    add_member(other_network, people["other_facilitator"], "facilitator")
    thread = services.start_thread(
        network=network, author=people["member"], title="Which identifiers?", body="Tell us."
    )
    thread.network = network
    reply = services.post_reply(thread=thread, author=people["author"], body="Company numbers.")
    reply.thread = thread
    moderation.suspend_member(
        user=people["suspended"],
        by=people["editor"],
        reason="Repeated advertising.",
        ends_at=timezone.now() + timedelta(days=7),
    )
    return Place(network=network, thread=thread, reply=reply)


@pytest.fixture
def public_place(network, other_network, people):
    return build_place(network, other_network, people)


@pytest.fixture
def private_place(private_network, other_network, people):
    return build_place(private_network, other_network, people)


def sign_in(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])
    return people[role]
