"""Every moderation action, every role, from outside (HTTP), on a public and a
members-only network.

Facilitators and leads moderate their own network; editors moderate everywhere; a
facilitator of another network is a plain reader here. Outsiders of a members-only
network get 404 (its threads do not exist for them); visitors are sent to sign in;
anyone else without the right gets 403 and nothing changes. Suspended people read but
do nothing.
"""

import pytest
from django.urls import reverse

from discussions.models import Post, Thread
from discussions.models.moderation import Flag
from tests.discussions.conftest import add_member
from tests.discussions.moderation.conftest import ROLES, sign_in

pytestmark = pytest.mark.django_db

MODERATORS = {"facilitator", "lead", "editor"}
LOGIN = "login"


def expected(role, allowed, private):
    if role == "anonymous":
        return LOGIN
    if private and role in {"outsider", "other_facilitator"}:
        return 404
    return "ok" if role in allowed else 403


def check(response, outcome):
    if outcome == LOGIN:
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    elif outcome == "ok":
        assert response.status_code == 302, response.content[:500]
    else:
        assert response.status_code == outcome


def thread_url(place, name):
    return reverse(
        f"moderation:{name}", kwargs={"network_slug": place.network.slug, "pk": place.thread.pk}
    )


@pytest.fixture(params=["public", "private"])
def place(request):
    return request.getfixturevalue(f"{request.param}_place"), request.param == "private"


@pytest.mark.parametrize("role", ROLES)
def test_hide_and_restore_a_reply(client, people, place, role):
    place, private = place
    sign_in(client, people, role)
    outcome = expected(role, MODERATORS, private)

    check(client.post(reverse("moderation:post_hide", args=[place.reply.pk])), outcome)
    assert Post.objects.get(pk=place.reply.pk).is_hidden == (outcome == "ok")

    Post.objects.filter(pk=place.reply.pk).update(is_hidden=True)
    check(client.post(reverse("moderation:post_restore", args=[place.reply.pk])), outcome)
    assert Post.objects.get(pk=place.reply.pk).is_hidden == (outcome != "ok")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("action", "field", "before", "after"),
    [
        ("thread_lock", "is_locked", False, True),
        ("thread_unlock", "is_locked", True, False),
        ("thread_pin", "is_pinned", False, True),
        ("thread_unpin", "is_pinned", True, False),
        ("thread_hide", "is_hidden", False, True),
        ("thread_restore", "is_hidden", True, False),
    ],
)
def test_thread_actions(client, people, place, role, action, field, before, after):
    place, private = place
    Thread.objects.filter(pk=place.thread.pk).update(**{field: before})
    sign_in(client, people, role)
    outcome = expected(role, MODERATORS, private)
    if before and field == "is_hidden" and outcome == 403 and role != "anonymous":
        outcome = 404  # a hidden thread does not exist for non-moderators
    check(client.post(thread_url(place, action)), outcome)
    value = Thread.objects.values_list(field, flat=True).get(pk=place.thread.pk)
    assert value == (after if outcome == "ok" else before)


@pytest.mark.parametrize("role", ROLES)
def test_move_a_thread_to_another_network(client, people, place, other_network, role):
    """Only between networks the person moderates: here, editors moderate both."""
    place, private = place
    sign_in(client, people, role)
    outcome = expected(role, MODERATORS, private)
    response = client.post(thread_url(place, "thread_move"), {"network": other_network.pk})
    check(response, outcome)
    moved = Thread.objects.get(pk=place.thread.pk).network_id == other_network.pk
    assert moved == (role == "editor")


def test_a_facilitator_of_both_networks_moves_a_thread(
    client, people, public_place, other_network
):
    add_member(other_network, people["facilitator"], "facilitator")
    client.force_login(people["facilitator"])
    response = client.post(thread_url(public_place, "thread_move"), {"network": other_network.pk})
    thread = Thread.objects.get(pk=public_place.thread.pk)
    assert thread.network_id == other_network.pk
    assert response["Location"] == thread.get_absolute_url()


@pytest.mark.parametrize("role", ROLES)
def test_flag_a_reply(client, people, place, role):
    """Anyone signed in who may read it, except its author and suspended people."""
    place, private = place
    allowed = set(ROLES) - {"anonymous", "author", "suspended"}
    sign_in(client, people, role)
    outcome = expected(role, allowed, private)
    url = reverse("moderation:post_flag", args=[place.reply.pk])
    check(client.post(url, {f"flag-{place.reply.pk}-reason": "spam"}), outcome)
    assert Flag.objects.filter(post=place.reply).exists() == (outcome == "ok")


@pytest.mark.parametrize("role", ROLES)
def test_flag_a_threads_opening_text(client, people, place, role):
    place, private = place
    allowed = set(ROLES) - {"anonymous", "member", "suspended"}  # "member" started it
    sign_in(client, people, role)
    outcome = expected(role, allowed, private)
    check(client.post(thread_url(place, "thread_flag"), {"flag-thread-reason": "abuse"}), outcome)
    assert Flag.objects.filter(thread=place.thread, post=None).exists() == (outcome == "ok")


@pytest.mark.parametrize("role", ROLES)
def test_network_flag_list_is_for_its_moderators(client, people, place, role):
    place, private = place
    sign_in(client, people, role)
    url = reverse("moderation:network_flag_list", args=[place.network.slug])
    response = client.get(url)
    if role == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == (200 if role in MODERATORS else 404)


@pytest.mark.parametrize("role", ROLES)
def test_moderation_tools_show_only_to_moderators(client, people, place, role):
    place, private = place
    sign_in(client, people, role)
    response = client.get(place.thread.get_absolute_url())
    if private and role in {"anonymous", "outsider", "other_facilitator"}:
        assert response.status_code == 404
        return
    html = response.content.decode()
    assert ('id="moderation-tools"' in html) == (role in MODERATORS)
    assert (f"/posts/{place.reply.pk}/hide/" in html) == (role in MODERATORS)
    can_flag = role not in {"anonymous", "author", "suspended"}
    assert (f"/posts/{place.reply.pk}/flag/" in html) == can_flag


def test_actions_are_post_only(client, people, public_place):
    client.force_login(people["facilitator"])
    hide = reverse("moderation:post_hide", args=[public_place.reply.pk])
    assert client.get(hide).status_code == 405
    assert client.get(thread_url(public_place, "thread_lock")).status_code == 405
    assert not Post.objects.get(pk=public_place.reply.pk).is_hidden


def test_actions_need_the_csrf_token(people, public_place):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(people["facilitator"])
    response = client.post(reverse("moderation:post_hide", args=[public_place.reply.pk]))
    assert response.status_code == 403
    assert not Post.objects.get(pk=public_place.reply.pk).is_hidden
