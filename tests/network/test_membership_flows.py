"""Joining, asking, approving, declining, leaving, removing and changing roles."""

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from accounts.models import Notification
from network.models import Membership, MembershipStatus, Role
from tests.factories import MembershipFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(network, name):
    return f"/networks/{network.slug}/{name}/"


def membership(world_network, person):
    return Membership.objects.filter(network=world_network, user=person).first()


def messages_of(response):
    return [str(m) for m in response.wsgi_request._messages]


def refreshed(network):
    network.refresh_from_db()
    return network


# --- Joining and asking -------------------------------------------------------------


def test_outsider_joins_an_open_network_at_once(
    world, as_role, django_capture_on_commit_callbacks
):
    client = as_role("outsider")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(world.public, "join"))
    assert response.status_code == 302
    assert response.url == world.public.url
    created = membership(world.public, world.outsider)
    assert created.status == MembershipStatus.ACTIVE and created.role == Role.MEMBER
    assert created.joined_at is not None
    assert refreshed(world.public).member_count == 4
    entry = ModelLogEntry.objects.get(action="network.membership.join")
    assert entry.user_id == world.outsider.pk and entry.object_id == str(created.pk)
    assert "Outsider Person joined Open contracting data" in entry.message


def test_joining_twice_says_so_and_changes_nothing(world, as_role):
    client = as_role("member")
    before = list(Membership.objects.values_list("pk", "role", "status"))
    response = client.post(url(world.public, "join"), follow=True)
    assert "You are already a member of this network." in response.content.decode()
    assert list(Membership.objects.values_list("pk", "role", "status")) == before


def test_join_on_an_approval_network_is_refused(world, as_role):
    response = as_role("outsider").post(url(world.approval, "join"), follow=True)
    assert "by request only" in response.content.decode()
    assert membership(world.approval, world.outsider) is None


def test_join_needs_a_post_and_a_signed_in_person(world, as_role):
    assert as_role("outsider").get(url(world.public, "join")).status_code == 405
    response = as_role("anonymous").post(url(world.public, "join"))
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert membership(world.public, world.outsider) is None


def test_join_of_a_hidden_network_answers_404(world, as_role):
    assert as_role("outsider").post(url(world.private, "join")).status_code == 404
    assert as_role("outsider").post(url(world.private, "request")).status_code == 404
    assert as_role("outsider").post("/networks/no-such-network/join/").status_code == 404
    assert not Membership.objects.filter(user=world.outsider).exists()


def test_htmx_join_returns_the_membership_panel(world, as_role):
    response = as_role("outsider").post(url(world.public, "join"), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section class="card membership-panel"')
    assert "<html" not in html
    assert "You are a member of this network." in html
    assert "Welcome!" in html


def test_request_to_join_with_a_message_tells_the_facilitators(
    world, as_role, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = as_role("outsider").post(
            url(world.listed, "request"), {"message": "I run the registry in Accra."}
        )
    assert response.status_code == 302
    created = membership(world.listed, world.outsider)
    assert created.status == MembershipStatus.PENDING
    assert created.message == "I run the registry in Accra."
    assert refreshed(world.listed).member_count == 3  # pending people are not counted
    told = set(
        Notification.objects.filter(verb="membership.requested").values_list(
            "recipient", flat=True
        )
    )
    assert told == {world.lead.pk, world.facilitator.pk}
    assert {m.to[0] for m in mail.outbox} == {world.lead.email, world.facilitator.email}
    # The outsider now sees the teaser with their pending request, not the content.
    html = as_role("outsider").get(world.listed.url).content.decode()
    assert "waiting for a facilitator" in html
    assert "Listed body text" not in html


def test_request_form_keeps_what_was_typed_when_it_is_too_long(world, as_role):
    text = "x" * 1001
    response = as_role("outsider").post(url(world.approval, "request"), {"message": text})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ensure this value has at most 1000 characters" in html
    assert text in html
    assert membership(world.approval, world.outsider) is None


def test_request_twice_says_so(world, as_role):
    response = as_role("pending").post(url(world.approval, "request"), {"message": ""}, **HTMX)
    assert "already asked to join" in response.content.decode()
    assert Membership.objects.filter(network=world.approval, user=world.pending).count() == 1


def test_request_on_an_open_network_is_refused(world, as_role):
    response = as_role("outsider").post(url(world.public, "request"), {"message": "hi"}, **HTMX)
    assert "cannot be joined by request" in response.content.decode()
    assert membership(world.public, world.outsider) is None


# --- Approving and declining --------------------------------------------------------


@pytest.mark.parametrize("role", ["facilitator", "lead", "editor"])
def test_moderators_approve_a_request(world, as_role, role, django_capture_on_commit_callbacks):
    pending = membership(world.approval, world.pending)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = as_role(role).post(
            url(world.approval, "manage/approve"), {"membership": pending.pk}
        )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == MembershipStatus.ACTIVE
    assert pending.decided_by == world.person(role)
    assert refreshed(world.approval).member_count == 4
    note = Notification.objects.get(recipient=world.pending, verb="membership.approved")
    assert note.url == world.approval.url
    assert [m.to for m in mail.outbox] == [[world.pending.email]]
    assert ModelLogEntry.objects.filter(
        action="network.membership.approve", user=world.person(role)
    ).exists()


@pytest.mark.parametrize("role", ["outsider", "pending", "member"])
def test_others_cannot_approve_not_even_themselves(world, as_role, role):
    pending = membership(world.approval, world.pending)
    response = as_role(role).post(
        url(world.approval, "manage/approve"), {"membership": pending.pk}
    )
    assert response.status_code == 403
    assert "facilitators and leads can manage members" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == MembershipStatus.PENDING


def test_outsiders_of_a_hidden_network_get_404_on_its_manage_actions(world, as_role):
    pending = membership(world.private, world.pending)
    for role in ("outsider", "pending"):
        client = as_role(role)
        assert client.get(url(world.private, "manage")).status_code == 404
        response = client.post(url(world.private, "manage/approve"), {"membership": pending.pk})
        assert response.status_code == 404
    pending.refresh_from_db()
    assert pending.is_pending


def test_a_facilitator_cannot_change_another_network(world, as_role, network_factory, user):
    other = network_factory(title="Elsewhere", slug="elsewhere")
    stranger = MembershipFactory(network=other, user=user, status=MembershipStatus.PENDING)
    client = as_role("facilitator")
    # Their own network's URL with a membership of the other network: a tampered id.
    response = client.post(url(world.approval, "manage/approve"), {"membership": stranger.pk})
    assert "does not belong to this network" in " ".join(messages_of(response))
    # The other network's URL: they are no moderator there.
    response = client.post(url(other, "manage/approve"), {"membership": stranger.pk})
    assert response.status_code == 403
    response = client.post(url(other, "manage/role"), {"membership": stranger.pk, "role": "lead"})
    assert response.status_code == 403
    stranger.refresh_from_db()
    assert stranger.is_pending and stranger.role == Role.MEMBER


def test_approving_an_already_handled_request_says_so(world, as_role):
    pending = membership(world.approval, world.pending)
    client = as_role("facilitator")
    client.post(url(world.approval, "manage/approve"), {"membership": pending.pk})
    response = client.post(url(world.approval, "manage/approve"), {"membership": pending.pk})
    assert "already been handled" in " ".join(messages_of(response))
    assert ModelLogEntry.objects.filter(action="network.membership.approve").count() == 1


@pytest.mark.parametrize("value", ["", "abc", "999999"])
def test_approving_a_missing_or_malformed_id_changes_nothing(world, as_role, value):
    response = as_role("facilitator").post(
        url(world.approval, "manage/approve"), {"membership": value}, **HTMX
    )
    assert response.status_code == 200
    assert "already been handled or does not belong" in response.content.decode()
    assert membership(world.approval, world.pending).is_pending


def test_decline_removes_the_request_and_tells_the_person(
    world, as_role, django_capture_on_commit_callbacks
):
    pending = membership(world.approval, world.pending)
    with django_capture_on_commit_callbacks(execute=True):
        response = as_role("facilitator").post(
            url(world.approval, "manage/decline"), {"membership": pending.pk}, **HTMX
        )
    html = response.content.decode()
    assert 'id="manage-panel"' in html and "<html" not in html
    assert "was declined" in html
    assert membership(world.approval, world.pending) is None
    assert Notification.objects.filter(
        recipient=world.pending, verb="membership.declined"
    ).exists()
    entry = ModelLogEntry.objects.get(action="network.membership.decline")
    assert entry.deleted and entry.user_id == world.facilitator.pk


# --- Leaving and removing -----------------------------------------------------------


def test_member_leaves_after_confirming(world, as_role):
    client = as_role("member")
    confirm = client.get(url(world.private, "leave"))
    assert "Leave Policy leads circle?" in confirm.content.decode()
    response = client.post(url(world.private, "leave"))
    # The network is hidden and unlisted: they land on "My networks".
    assert response.status_code == 302 and response.url == "/my/networks/"
    assert membership(world.private, world.member) is None
    assert refreshed(world.private).member_count == 2
    assert client.get(world.private.url).status_code == 404


def test_pending_person_withdraws_their_request(world, as_role):
    response = as_role("pending").post(url(world.listed, "leave"), **HTMX)
    assert "withdrawn" in response.content.decode()
    assert membership(world.listed, world.pending) is None


def test_the_last_lead_cannot_leave(world, as_role):
    response = as_role("lead").post(url(world.public, "leave"), follow=True)
    assert "last lead" in response.content.decode()
    assert membership(world.public, world.lead).role == Role.LEAD


def test_a_lead_can_leave_when_another_lead_exists(world, as_role):
    Membership.objects.filter(network=world.public, user=world.facilitator).update(role=Role.LEAD)
    as_role("lead").post(url(world.public, "leave"))
    assert membership(world.public, world.lead) is None


@pytest.mark.parametrize("role", ["facilitator", "lead", "editor"])
def test_moderators_remove_a_member_effective_on_the_next_request(world, as_role, client, role):
    target = membership(world.private, world.member)
    # The member has the page open in another session.
    from django.test import Client

    member_client = Client()
    member_client.force_login(world.member)
    assert member_client.get(world.private.url).status_code == 200
    response = as_role(role).post(url(world.private, "manage/remove"), {"membership": target.pk})
    assert response.status_code == 302
    assert membership(world.private, world.member) is None
    assert member_client.get(world.private.url).status_code == 404
    assert Notification.objects.filter(recipient=world.member, verb="membership.removed").exists()
    assert refreshed(world.private).member_count == 2


def test_a_facilitator_cannot_remove_a_lead_or_another_facilitator(world, as_role, user):
    other = MembershipFactory(network=world.public, user=user, role=Role.FACILITATOR)
    client = as_role("facilitator")
    for target in (membership(world.public, world.lead), other):
        response = client.post(url(world.public, "manage/remove"), {"membership": target.pk})
        assert "Only a lead can remove" in " ".join(messages_of(response))
        assert Membership.objects.filter(pk=target.pk).exists()


def test_the_last_lead_cannot_be_removed_even_by_staff(world, as_role):
    target = membership(world.public, world.lead)
    response = as_role("editor").post(
        url(world.public, "manage/remove"), {"membership": target.pk}
    )
    assert "last lead cannot be removed" in " ".join(messages_of(response))
    assert Membership.objects.filter(pk=target.pk).exists()


# --- Roles --------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["lead", "editor"])
def test_leads_and_staff_change_roles(world, as_role, role):
    target = membership(world.public, world.member)
    response = as_role(role).post(
        url(world.public, "manage/role"), {"membership": target.pk, "role": "facilitator"}, **HTMX
    )
    assert "Member Person is now facilitator." in response.content.decode()
    target.refresh_from_db()
    assert target.role == Role.FACILITATOR
    entry = ModelLogEntry.objects.get(action="network.membership.role_change")
    assert "from Member to Facilitator" in entry.message
    assert Notification.objects.filter(
        recipient=world.member, verb="membership.role_changed"
    ).exists()
    # The new facilitator can now open the manage page.
    assert as_role("member").get(url(world.public, "manage")).status_code == 200


def test_facilitators_cannot_change_roles(world, as_role):
    target = membership(world.public, world.member)
    response = as_role("facilitator").post(
        url(world.public, "manage/role"), {"membership": target.pk, "role": "lead"}
    )
    assert "Only the network's leads can change roles." in " ".join(messages_of(response))
    target.refresh_from_db()
    assert target.role == Role.MEMBER


def test_an_unknown_role_is_refused_with_a_clear_message(world, as_role):
    target = membership(world.public, world.member)
    response = as_role("lead").post(
        url(world.public, "manage/role"), {"membership": target.pk, "role": "emperor"}, **HTMX
    )
    assert "“emperor” is not a role" in response.content.decode()
    target.refresh_from_db()
    assert target.role == Role.MEMBER


def test_the_last_lead_cannot_be_demoted(world, as_role):
    target = membership(world.public, world.lead)
    response = as_role("editor").post(
        url(world.public, "manage/role"), {"membership": target.pk, "role": "member"}
    )
    assert "last lead cannot be demoted" in " ".join(messages_of(response))
    target.refresh_from_db()
    assert target.role == Role.LEAD


def test_a_lead_can_step_down_once_there_is_another_lead(world, as_role):
    client = as_role("lead")
    facilitator = membership(world.public, world.facilitator)
    client.post(url(world.public, "manage/role"), {"membership": facilitator.pk, "role": "lead"})
    lead = membership(world.public, world.lead)
    client.post(url(world.public, "manage/role"), {"membership": lead.pk, "role": "member"})
    lead.refresh_from_db()
    assert lead.role == Role.MEMBER
    # No longer a lead: role changes are refused now.
    response = client.post(
        url(world.public, "manage/role"), {"membership": facilitator.pk, "role": "member"}
    )
    assert response.status_code == 403


# --- Pages of each role -------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [("outsider", 403), ("pending", 403), ("member", 403), ("facilitator", 200), ("lead", 200)],
)
def test_manage_page_is_for_moderators(world, as_role, role, status):
    response = as_role(role).get(url(world.approval, "manage"))
    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert "Pending Person" in html and "Please let me in" in html
        assert ("Change role" in html) is (role == "lead")


def test_manage_page_for_visitors_sends_them_to_sign_in(world, as_role):
    response = as_role("anonymous").get(url(world.approval, "manage"))
    assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.parametrize(
    ("role", "sees_manage_link", "sees_directory_link"),
    [
        ("anonymous", False, False),
        ("outsider", False, True),
        ("member", False, True),
        ("facilitator", True, True),
        ("editor", True, True),
    ],
)
def test_network_page_links_by_role(world, as_role, role, sees_manage_link, sees_directory_link):
    html = as_role(role).get(world.approval.url).content.decode()
    assert (url(world.approval, "manage") in html) is sees_manage_link
    assert (url(world.approval, "members") in html) is sees_directory_link


def test_my_networks_lists_memberships_requests_and_invitations(world, as_role):
    from tests.factories import InvitationFactory

    other_index_network = world.public
    InvitationFactory(network=other_index_network, email=world.pending.email)
    html = as_role("pending").get("/my/networks/").content.decode()
    mine, requests = html.split("Networks I belong to")[1].split("Requests waiting for approval")
    assert "You have not joined a network yet." in mine
    for network in (world.approval, world.private, world.listed):
        assert network.title in requests
    assert "Invitations" in html and world.public.title in html.split("Networks I belong to")[0]
    html = as_role("lead").get("/my/networks/").content.decode()
    assert html.count("Manage members") == 4


def test_htmx_join_that_opens_members_only_content_reloads_the_page(
    world, as_role, network_factory
):
    from network.models import JoinPolicy, Visibility

    network = network_factory(
        title="Open circle",
        slug="open-circle",
        visibility=Visibility.MEMBERS_ONLY,
        listed_publicly=True,
        join_policy=JoinPolicy.OPEN,
    )
    client = as_role("outsider")
    response = client.post(url(network, "join"), **HTMX)
    assert response.status_code == 204
    assert response["HX-Redirect"] == network.url
    assert "Welcome!" in client.get(network.url).content.decode()  # the message waits


def test_htmx_leave_of_an_unlisted_network_goes_to_my_networks(world, as_role):
    response = as_role("member").post(url(world.private, "leave"), **HTMX)
    assert response.status_code == 204
    assert response["HX-Redirect"] == "/my/networks/"
