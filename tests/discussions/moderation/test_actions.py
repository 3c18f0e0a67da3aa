"""What each moderation action does: the page people see, the flags it resolves, the
audit log, the notification to the author (and what it leaves out)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.models import Notification
from discussions.models import Post, Thread
from discussions.models.moderation import Flag, FlagStatus
from discussions.moderation import services
from network.models import Membership
from tests.discussions.conftest import add_member

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


def actions_logged(instance):
    return list(ModelLogEntry.objects.for_instance(instance).values_list("action", flat=True))


def test_a_hidden_reply_shows_as_hidden_to_the_public_and_readable_to_moderators(
    client, people, public_place
):
    services.hide_post(post=public_place.reply, by=people["facilitator"])
    url = public_place.thread.get_absolute_url()

    for role in ("anonymous", "member", "other_facilitator"):
        client.logout()
        if people[role]:
            client.force_login(people[role])
        html = client.get(url).content.decode()
        assert "This reply was hidden by a moderator." in html, role
        assert "Company numbers." not in html, role

    for role in ("facilitator", "lead", "editor"):
        client.force_login(people[role])
        html = client.get(url).content.decode()
        assert "Hidden by a moderator; only moderators see this text." in html, role
        assert "Company numbers." in html, role
        assert f"/posts/{public_place.reply.pk}/restore/" in html, role


def test_hiding_a_reply_resolves_its_flags_logs_and_tells_the_author(client, people, public_place):
    reply = public_place.reply
    services.flag(reporter=people["member"], thread=public_place.thread, post=reply, reason="spam")
    other = services.flag(
        reporter=people["member"], thread=public_place.thread, post=None, reason="abuse"
    )
    client.force_login(people["facilitator"])

    response = client.post(reverse("moderation:post_hide", args=[reply.pk]))

    assert response.status_code == 302
    assert response["Location"].endswith(f"#post-{reply.pk}")
    flag = Flag.objects.get(post=reply)
    assert flag.status == FlagStatus.RESOLVED and flag.decided_by == people["facilitator"]
    assert Flag.objects.get(pk=other.pk).status == FlagStatus.OPEN  # the thread's own flag
    assert actions_logged(reply) == ["discussions.post.hide"]
    assert actions_logged(flag) == ["discussions.flag.resolve"]
    entry = ModelLogEntry.objects.for_instance(reply).get()
    assert entry.user == people["facilitator"]
    note = Notification.objects.get(recipient=people["author"], verb="discussions.hidden")
    assert "Which identifiers?" in note.message
    assert note.url == reply.get_absolute_url()
    assert "Company numbers" not in note.message


def test_the_author_who_left_a_members_only_network_learns_nothing_of_it(people, private_place):
    Membership.objects.filter(user=people["author"], network=private_place.network).delete()
    services.hide_post(post=private_place.reply, by=people["editor"])
    note = Notification.objects.get(recipient=people["author"], verb="discussions.hidden")
    assert "Which identifiers?" not in note.message
    assert note.url == ""


def test_restoring_a_reply_is_logged_and_shows_it_again(client, people, public_place):
    services.hide_post(post=public_place.reply, by=people["lead"])
    client.force_login(people["lead"])
    client.post(reverse("moderation:post_restore", args=[public_place.reply.pk]))
    assert not Post.objects.get(pk=public_place.reply.pk).is_hidden
    assert actions_logged(public_place.reply) == [
        "discussions.post.restore",
        "discussions.post.hide",
    ]
    client.logout()
    assert (
        "Company numbers." in client.get(public_place.thread.get_absolute_url()).content.decode()
    )


def test_htmx_hides_a_reply_in_place(client, people, public_place):
    client.force_login(people["facilitator"])
    response = client.post(reverse("moderation:post_hide", args=[public_place.reply.pk]), **HX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<article class="post') and f'id="post-{public_place.reply.pk}"' in html
    assert "only moderators see this text" in html
    assert f"/posts/{public_place.reply.pk}/restore/" in html


@pytest.mark.parametrize(
    ("action", "field", "value", "logged"),
    [
        ("thread_lock", "is_locked", True, "discussions.thread.lock"),
        ("thread_pin", "is_pinned", True, "discussions.thread.pin"),
        ("thread_hide", "is_hidden", True, "discussions.thread.hide"),
    ],
)
def test_thread_actions_are_logged_and_undone(
    client, people, public_place, action, field, value, logged
):
    client.force_login(people["lead"])
    kwargs = {"network_slug": public_place.network.slug, "pk": public_place.thread.pk}
    client.post(reverse(f"moderation:{action}", kwargs=kwargs))
    assert getattr(Thread.objects.get(pk=public_place.thread.pk), field) is value
    undo = {"thread_lock": "thread_unlock", "thread_pin": "thread_unpin"}.get(
        action, "thread_restore"
    )
    client.post(reverse(f"moderation:{undo}", kwargs=kwargs))
    assert getattr(Thread.objects.get(pk=public_place.thread.pk), field) is not value
    assert actions_logged(public_place.thread)[1] == logged
    assert len(actions_logged(public_place.thread)) == 2


def test_htmx_thread_action_swaps_the_panel_and_the_badges(client, people, public_place):
    client.force_login(people["facilitator"])
    kwargs = {"network_slug": public_place.network.slug, "pk": public_place.thread.pk}
    response = client.post(reverse("moderation:thread_lock", kwargs=kwargs), **HX)
    html = response.content.decode()
    assert 'id="moderation-tools"' in html and "Unlock" in html
    assert 'id="thread-badges" hx-swap-oob="outerHTML"' in html and "Locked" in html


def test_a_locked_thread_takes_replies_from_moderators_only(client, people, public_place):
    services.lock_thread(thread=public_place.thread, by=people["lead"])
    url = reverse(
        "discussions:thread_reply",
        kwargs={"network_slug": public_place.network.slug, "pk": public_place.thread.pk},
    )
    client.force_login(people["member"])
    assert client.post(url, {"body": "Late"}).status_code == 403
    client.force_login(people["facilitator"])
    assert client.post(url, {"body": "Closing note"}).status_code == 302


def test_a_hidden_thread_leaves_listings_and_its_page_answers_404(client, people, public_place):
    services.hide_thread(thread=public_place.thread, by=people["editor"])
    list_url = reverse("discussions:thread_list", args=[public_place.network.slug])
    client.force_login(people["member"])
    assert client.get(public_place.thread.get_absolute_url()).status_code == 404
    assert "Which identifiers?" not in client.get(list_url).content.decode()
    client.force_login(people["facilitator"])
    assert client.get(public_place.thread.get_absolute_url()).status_code == 200
    assert Notification.objects.filter(recipient=people["member"], verb="discussions.hidden")


def test_moving_a_thread_logs_both_networks_and_keeps_replies(people, public_place, other_network):
    thread = services.move_thread(
        thread=public_place.thread, by=people["editor"], to_network=other_network
    )
    assert thread.network_id == other_network.pk
    assert Post.objects.filter(thread=thread).count() == 1
    entry = ModelLogEntry.objects.for_instance(public_place.thread).get()
    assert entry.action == "discussions.thread.move"
    assert entry.data["from_network"] == public_place.network.pk
    assert entry.data["to_network"] == other_network.pk


def test_a_move_to_a_network_the_facilitator_does_not_moderate_is_refused(
    client, people, public_place, other_network
):
    add_member(other_network, people["facilitator"], "member")
    client.force_login(people["facilitator"])
    kwargs = {"network_slug": public_place.network.slug, "pk": public_place.thread.pk}
    client.post(reverse("moderation:thread_move", kwargs=kwargs), {"network": other_network.pk})
    assert Thread.objects.get(pk=public_place.thread.pk).network_id == public_place.network.pk
    assert not actions_logged(public_place.thread)


def test_move_form_offers_only_networks_the_person_moderates(
    client, people, public_place, other_network, private_network
):
    add_member(other_network, people["facilitator"], "facilitator")
    add_member(private_network, people["facilitator"], "member")
    client.force_login(people["facilitator"])
    html = client.get(public_place.thread.get_absolute_url()).content.decode()
    assert f'<option value="{other_network.pk}"' in html
    assert f'<option value="{private_network.pk}"' not in html
    client.force_login(people["lead"])  # moderates no other network: no move form
    assert "move-form" not in client.get(public_place.thread.get_absolute_url()).content.decode()


def test_flagging_twice_keeps_one_open_flag_and_tells_the_moderators(client, people, public_place):
    client.force_login(people["member"])
    url = reverse("moderation:post_flag", args=[public_place.reply.pk])
    prefix = f"flag-{public_place.reply.pk}"
    client.post(url, {f"{prefix}-reason": "spam"})
    response = client.post(url, {f"{prefix}-reason": "other", f"{prefix}-details": "Ads"})
    assert response.status_code == 302
    flag = Flag.objects.get(post=public_place.reply)
    assert (flag.reason, flag.details, flag.reporter) == ("other", "Ads", people["member"])
    told = set(
        Notification.objects.filter(verb="discussions.flagged").values_list(
            "recipient__username", flat=True
        )
    )
    assert told == {"facilitator", "lead"}


def test_a_flag_form_with_bad_input_says_why_and_keeps_the_text(client, people, public_place):
    client.force_login(people["member"])
    url = reverse("moderation:post_flag", args=[public_place.reply.pk])
    prefix = f"flag-{public_place.reply.pk}"
    response = client.post(url, {f"{prefix}-reason": "other", f"{prefix}-details": "  "})
    assert response.status_code == 200
    assert "Tell the moderators what is wrong." in response.content.decode()
    response = client.post(url, {f"{prefix}-details": "It is an advert"})
    html = response.content.decode()
    assert "Choose a reason." in html and "It is an advert" in html
    assert not Flag.objects.exists()


def test_htmx_flag_form_loads_in_place_and_thanks(client, people, public_place):
    client.force_login(people["member"])
    url = reverse("moderation:post_flag", args=[public_place.reply.pk])
    form = client.get(url, **HX).content.decode()
    assert form.lstrip().startswith('<form class="flag-form"') and "<html" not in form
    prefix = f"flag-{public_place.reply.pk}"
    done = client.post(url, {f"{prefix}-reason": "spam"}, **HX).content.decode()
    assert "the moderators will look at it" in done and "<html" not in done


def test_the_network_flag_list_shows_open_flags_in_that_network_only(
    client, people, public_place, other_network
):
    services.flag(
        reporter=people["member"],
        thread=public_place.thread,
        post=public_place.reply,
        reason="spam",
        details="Advert for a consultancy",
    )
    client.force_login(people["facilitator"])
    html = client.get(
        reverse("moderation:network_flag_list", args=[public_place.network.slug])
    ).content.decode()
    assert "Advert for a consultancy" in html
    assert public_place.reply.get_absolute_url() in html
    services.hide_post(post=public_place.reply, by=people["facilitator"])
    html = client.get(
        reverse("moderation:network_flag_list", args=[public_place.network.slug])
    ).content.decode()
    assert "Advert for a consultancy" not in html


def test_bulk_hide_hides_everything_by_one_person_in_one_go(people, public_place):
    spammer = people["author"]
    second = services.flag(
        reporter=people["member"],
        thread=public_place.thread,
        post=public_place.reply,
        reason="spam",
    )
    from discussions import services as discussions

    own = discussions.start_thread(
        network=public_place.network, author=spammer, title="Cheap data cleaning", body="Buy"
    )
    more = [
        discussions.post_reply(thread=public_place.thread, author=spammer, body=f"Ad {n}")
        for n in range(3)
    ]
    replies, threads = services.bulk_hide(author=spammer, by=people["editor"])
    assert (replies, threads) == (4, 1)
    assert not Post.objects.filter(author=spammer, is_hidden=False).exists()
    assert Thread.objects.get(pk=own.pk).is_hidden
    assert Flag.objects.get(pk=second.pk).status == FlagStatus.RESOLVED
    entries = ModelLogEntry.objects.filter(action="discussions.member.bulk_hide")
    assert entries.count() == 5
    assert len({entry.uuid for entry in entries}) == 1
    assert actions_logged(more[0]) == ["discussions.member.bulk_hide"]


def test_suspension_ends_by_itself(client, people, public_place):
    from discussions.models.moderation import Suspension

    Suspension.objects.filter(user=people["suspended"]).update(
        ends_at=timezone.now() - timedelta(minutes=1)
    )
    from discussions import permissions

    permissions.forget_suspensions(people["suspended"])
    client.force_login(people["suspended"])
    url = reverse(
        "discussions:thread_reply",
        kwargs={"network_slug": public_place.network.slug, "pk": public_place.thread.pk},
    )
    assert client.post(url, {"body": "Back again"}).status_code == 302
