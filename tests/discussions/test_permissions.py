"""Every action, every role, from outside (HTTP), on a public and a members-only network.

Outsiders of a members-only network get 404 everywhere (thread pages, permalinks, the
feed, every action): its threads do not exist for them. On a network they can read,
people without the right get 403; visitors are sent to sign in.
"""

from dataclasses import dataclass

import pytest
from django.urls import reverse

from discussions import services
from tests.discussions.conftest import add_member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "member", "author", "facilitator", "lead", "staff"]
LOGIN = "login"


@dataclass
class Place:
    network: object
    question: object  # asked by "member"
    reply: object  # by "author"


@pytest.fixture
def people(db):
    return {
        "anonymous": None,
        "outsider": UserFactory(username="outsider"),
        "member": UserFactory(username="member"),
        "author": UserFactory(username="author"),
        "facilitator": UserFactory(username="facilitator"),
        "lead": UserFactory(username="lead"),
        "staff": UserFactory(username="staff", is_staff=True),
    }


def _place(network, people):
    for role, membership_role in (
        ("member", "member"),
        ("author", "member"),
        ("facilitator", "facilitator"),
        ("lead", "lead"),
    ):
        add_member(network, people[role], membership_role)
    question = services.start_thread(
        network=network, author=people["member"], title="A question", body="?", kind="question"
    )
    question.network = network
    reply = services.post_reply(thread=question, author=people["author"], body="An answer")
    reply.thread = question
    return Place(network=network, question=question, reply=reply)


@pytest.fixture
def public(network, people):
    return _place(network, people)


@pytest.fixture
def private(private_network, people):
    return _place(private_network, people)


def client_for(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])
    return client


def outcome(response):
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return LOGIN
    return response.status_code


def thread_url(place, name="thread_detail"):
    return reverse(
        f"discussions:{name}",
        kwargs={"network_slug": place.network.slug, "pk": place.question.pk},
    )


def post_url(place, name):
    return reverse(f"discussions:{name}", kwargs={"pk": place.reply.pk})


# --- Reading ------------------------------------------------------------------------

READERS = {"anonymous": 200, "outsider": 200, **dict.fromkeys(ROLES[2:], 200)}
INSIDERS = {"anonymous": 404, "outsider": 404, **dict.fromkeys(ROLES[2:], 200)}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("which", ["public", "private"])
def test_reading_threads(client, people, role, which, request):
    place = request.getfixturevalue(which)
    expected = (READERS if which == "public" else INSIDERS)[role]
    client = client_for(client, people, role)
    list_url = reverse("discussions:thread_list", kwargs={"network_slug": place.network.slug})
    assert client.get(list_url).status_code == expected
    assert client.get(thread_url(place)).status_code == expected
    assert client.get(place.question.get_absolute_url()).status_code == expected
    permalink = client.get(post_url(place, "post_permalink"))
    assert permalink.status_code == (302 if expected == 200 else 404)
    if expected == 200:
        assert permalink["Location"].endswith(f"#post-{place.reply.pk}")


@pytest.mark.parametrize("role", ROLES)
def test_the_feed_is_for_public_networks_only_whoever_asks(client, people, role, public, private):
    client = client_for(client, people, role)
    feed = "discussions:thread_feed"
    assert client.get(reverse(feed, args=[public.network.slug])).status_code == 200
    assert client.get(reverse(feed, args=[private.network.slug])).status_code == 404


def test_unknown_and_unpublished_networks_are_not_found(client, public, people):
    client.force_login(people["staff"])
    public.network.unpublish()
    assert client.get(thread_url(public)).status_code == 404
    assert client.get(post_url(public, "post_permalink")).status_code == 404
    assert client.get("/networks/nowhere/threads/").status_code == 404


# --- Writing ------------------------------------------------------------------------

# role -> expected outcome, on a network the person can read (public).
START = {"anonymous": LOGIN, "outsider": 403, **dict.fromkeys(ROLES[2:], 200)}
REPLY = {"anonymous": LOGIN, "outsider": 403, **dict.fromkeys(ROLES[2:], 302)}
EDIT_THREAD = dict.fromkeys(ROLES, 403) | {"anonymous": LOGIN, "member": 200}
EDIT_POST = dict.fromkeys(ROLES, 403) | {"anonymous": LOGIN, "author": 200}
ACCEPT = dict.fromkeys(ROLES, 403) | {
    "anonymous": LOGIN,
    "member": 302,  # the asker
    "facilitator": 302,
    "lead": 302,
    "staff": 302,
}
HELPFUL = {"anonymous": LOGIN, "outsider": 403, **dict.fromkeys(ROLES[2:], 302)} | {
    "author": 403  # not on one's own reply
}
FOLLOW = {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 302)}


def public_actions(place):
    return {
        "start (GET)": (
            START,
            "get",
            reverse("discussions:thread_create", args=[place.network.slug]),
            {},
        ),
        "reply to thread": (REPLY, "post", thread_url(place, "thread_reply"), {"body": "Yes"}),
        "reply to reply": (
            REPLY,
            "post",
            post_url(place, "post_reply"),
            {f"reply-{place.reply.pk}-body": "Yes"},
        ),
        "edit thread (GET)": (EDIT_THREAD, "get", thread_url(place, "thread_edit"), {}),
        "edit reply (GET)": (EDIT_POST, "get", post_url(place, "post_edit"), {}),
        "delete reply (GET)": (EDIT_POST, "get", post_url(place, "post_delete"), {}),
        "accept answer": (ACCEPT, "post", post_url(place, "post_accept"), {}),
        "mark helpful": (HELPFUL, "post", post_url(place, "post_helpful"), {}),
        "follow thread": (FOLLOW, "post", thread_url(place, "thread_follow"), {}),
        "follow network": (
            FOLLOW,
            "post",
            reverse("discussions:network_follow", args=[place.network.slug]),
            {},
        ),
    }


@pytest.mark.parametrize("role", ROLES)
def test_writing_on_a_public_network(client, people, role, public):
    client = client_for(client, people, role)
    for action, (expected, method, url, data) in public_actions(public).items():
        response = getattr(client, method)(url, data)
        assert outcome(response) == expected[role], f"{role}: {action}"


@pytest.mark.parametrize("role", ["outsider", "anonymous"])
def test_every_action_on_a_members_only_network_is_not_found_or_sign_in(
    client, people, role, private
):
    client = client_for(client, people, role)
    for action, (_, method, url, data) in public_actions(private).items():
        response = getattr(client, method)(url, data)
        expected = LOGIN if role == "anonymous" else 404
        assert outcome(response) == expected, f"{role}: {action}"


@pytest.mark.parametrize("role", ["member", "facilitator", "lead", "staff"])
def test_insiders_write_on_a_members_only_network(client, people, role, private):
    client = client_for(client, people, role)
    response = client.post(thread_url(private, "thread_reply"), {"body": "Inside"})
    assert response.status_code == 302


def test_a_locked_thread_takes_replies_from_its_moderators_only(client, people, public):
    public.question.is_locked = True
    public.question.save()
    url = thread_url(public, "thread_reply")
    client.force_login(people["member"])
    assert client.post(url, {"body": "Late"}).status_code == 403
    page = client.get(thread_url(public)).content.decode()
    assert "This thread is locked" in page
    client.force_login(people["facilitator"])
    assert client.post(url, {"body": "Closing note"}).status_code == 302


def test_a_deleted_reply_can_be_neither_edited_nor_answered(client, people, public):
    services.delete_post(post=public.reply, by=people["author"])
    client.force_login(people["author"])
    assert client.get(post_url(public, "post_edit")).status_code == 403
    assert client.get(post_url(public, "post_delete")).status_code == 403
    client.force_login(people["member"])
    data = {f"reply-{public.reply.pk}-body": "?"}
    assert client.post(post_url(public, "post_reply"), data).status_code == 403
    assert client.post(post_url(public, "post_accept")).status_code == 403


def test_hidden_threads_are_for_their_moderators(client, people, public):
    public.question.is_hidden = True
    public.question.save()
    for role, expected in (("member", 404), ("facilitator", 200), ("staff", 200)):
        client.force_login(people[role])
        assert client.get(thread_url(public)).status_code == expected, role
    client.force_login(people["member"])
    listing = client.get(reverse("discussions:thread_list", args=[public.network.slug]))
    assert "A question" not in listing.content.decode()
