"""Invitations by email: to people with and without an account, accepted, declined,
withdrawn, and the sign-up that lands a new person in the network."""

import re

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.models import Notification, User
from network.models import Invitation, Membership, MembershipStatus, Role
from tests.conftest import PASSWORD
from tests.factories import InvitationFactory, UserFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def invite_url(network):
    return f"/networks/{network.slug}/manage/invite/"


def messages_of(response):
    return [str(m) for m in response.wsgi_request._messages]


def test_facilitator_invites_an_address_without_an_account_by_email(
    world, as_role, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = as_role("facilitator").post(
            invite_url(world.private), {"email": "New.Person@Example.org", "role": "member"}
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "new.person@example.org"
    assert invitation.invited_by == world.facilitator and invitation.role == Role.MEMBER
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.person@example.org"]
    assert "Policy leads circle" in message.subject
    link = f"http://testserver/networks/policy-leads/invitations/{invitation.token}/"
    assert link in message.body
    assert ModelLogEntry.objects.filter(action="network.invitation.create").exists()


def test_inviting_an_existing_person_notifies_them_in_the_app(
    world, as_role, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        as_role("lead").post(
            invite_url(world.private), {"email": world.outsider.email, "role": "member"}
        )
    note = Notification.objects.get(recipient=world.outsider, verb="invitation.received")
    invitation = Invitation.objects.get()
    assert note.url == invitation.get_absolute_url()
    # They see it in "My networks" and on the (still hidden) network's invitation page.
    client = as_role("outsider")
    assert world.private.title in client.get("/my/networks/").content.decode()
    assert client.get(world.private.url).status_code == 404
    response = client.post(invitation.get_absolute_url())
    assert response.status_code == 302 and response.url == world.private.url
    joined = Membership.objects.get(network=world.private, user=world.outsider)
    assert joined.status == MembershipStatus.ACTIVE and joined.role == Role.MEMBER
    assert client.get(world.private.url).status_code == 200
    invitation.refresh_from_db()
    assert invitation.accepted_by == world.outsider and not invitation.is_open
    assert Notification.objects.filter(recipient=world.lead, verb="invitation.accepted").exists()


def test_accepting_an_invitation_approves_a_pending_request(world, as_role):
    invitation = InvitationFactory(
        network=world.listed, email=world.pending.email, invited_by=world.lead
    )
    as_role("pending").post(invitation.get_absolute_url())
    joined = Membership.objects.get(network=world.listed, user=world.pending)
    assert joined.status == MembershipStatus.ACTIVE


def test_facilitators_invite_members_only_and_leads_any_role(world, as_role):
    response = as_role("facilitator").post(
        invite_url(world.public), {"email": "x@example.org", "role": "lead"}, **HTMX
    )
    html = response.content.decode()
    assert "Only a lead can invite facilitators or leads." in html
    assert 'value="x@example.org"' in html  # what was typed is kept
    assert not Invitation.objects.exists()
    as_role("lead").post(invite_url(world.public), {"email": "x@example.org", "role": "lead"})
    assert Invitation.objects.get().role == Role.LEAD


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"email": "not-an-email", "role": "member"}, "Enter a valid email address."),
        ({"email": "", "role": "member"}, "This field is required."),
        ({"email": "x@example.org", "role": "emperor"}, "“emperor” is not a role"),
    ],
)
def test_invitation_form_errors_are_shown_next_to_the_fields(world, as_role, data, error):
    response = as_role("lead").post(invite_url(world.public), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert error in html
    assert "The invitation was not sent" in html
    assert not Invitation.objects.exists()


def test_inviting_a_member_or_inviting_twice_is_refused(world, as_role):
    client = as_role("lead")
    response = client.post(
        invite_url(world.public), {"email": world.member.email, "role": "member"}, **HTMX
    )
    assert "already a member of the network" in response.content.decode()
    client.post(invite_url(world.public), {"email": "twice@example.org", "role": "member"})
    response = client.post(
        invite_url(world.public), {"email": "twice@example.org", "role": "member"}, **HTMX
    )
    assert "already been invited" in response.content.decode()
    assert Invitation.objects.count() == 1


def test_an_expired_invitation_can_be_renewed(world, as_role):
    old = InvitationFactory(
        network=world.public, email="late@example.org", expires_at=timezone.now()
    )
    as_role("lead").post(invite_url(world.public), {"email": "late@example.org", "role": "member"})
    old.refresh_from_db()
    assert old.revoked_at is not None
    assert Invitation.objects.open().get().email == "late@example.org"


@pytest.mark.parametrize("role", ["outsider", "member"])
def test_only_moderators_invite(world, as_role, role):
    response = as_role(role).post(
        invite_url(world.public), {"email": "x@example.org", "role": "member"}
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_a_new_person_signs_up_from_the_link_and_lands_in_the_network(world, client):
    invitation = InvitationFactory(
        network=world.private, email="newcomer@example.org", invited_by=world.lead
    )
    page = client.get(invitation.get_absolute_url())
    html = page.content.decode()
    assert "Policy leads circle" in html
    signup_link = re.search(r'href="(/accounts/signup/\?next=[^"]+)"', html).group(1)
    response = client.post(
        signup_link.replace("&amp;", "&"),
        {
            "display_name": "New Comer",
            "email": "newcomer@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "accept_terms": "on",
        },
    )
    newcomer = User.objects.get(email="newcomer@example.org")
    membership = Membership.objects.get(network=world.private, user=newcomer)
    assert membership.status == MembershipStatus.ACTIVE
    # The link proved the address: signed in at once, back at the invitation, then in.
    assert response.status_code == 302
    assert response.url == invitation.get_absolute_url()
    assert client.get(response.url).url == world.private.url
    assert "Private body text" in client.get(world.private.url).content.decode()


def test_a_sign_up_with_another_address_joins_and_keeps_the_invited_one_verified(world, client):
    """allauth's invitation rule: the address the link went to counts as verified."""
    from allauth.account.models import EmailAddress

    invitation = InvitationFactory(network=world.private, email="work@example.org")
    client.get(invitation.get_absolute_url())
    client.post(
        "/accounts/signup/",
        {
            "display_name": "Home Address",
            "email": "home@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "accept_terms": "on",
        },
    )
    newcomer = User.objects.get(display_name="Home Address")
    assert Membership.objects.get(network=world.private, user=newcomer).is_active
    addresses = dict(EmailAddress.objects.filter(user=newcomer).values_list("email", "verified"))
    assert addresses == {"work@example.org": True, "home@example.org": False}
    assert client.get(world.private.url).status_code == 200


def test_sign_up_without_an_invitation_joins_nothing(world, client):
    client.post(
        "/accounts/signup/",
        {
            "display_name": "Nobody",
            "email": "nobody@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "accept_terms": "on",
        },
    )
    assert not Membership.objects.filter(user__email="nobody@example.org").exists()


def test_a_used_expired_or_withdrawn_invitation_cannot_be_accepted(world, as_role):
    used = InvitationFactory(network=world.public, accepted_at=timezone.now())
    expired = InvitationFactory(network=world.public, expires_at=timezone.now())
    withdrawn = InvitationFactory(network=world.public, revoked_at=timezone.now())
    client = as_role("outsider")
    for invitation in (used, expired, withdrawn):
        assert "no longer valid" in client.get(invitation.get_absolute_url()).content.decode()
        response = client.post(invitation.get_absolute_url(), follow=True)
        assert "no longer valid" in response.content.decode()
    assert not Membership.objects.filter(user=world.outsider).exists()


def test_a_wrong_token_or_network_answers_404(world, as_role):
    invitation = InvitationFactory(network=world.private)
    client = as_role("outsider")
    assert client.get("/networks/policy-leads/invitations/forged-token/").status_code == 404
    wrong_network = f"/networks/open-contracting/invitations/{invitation.token}/"
    assert client.get(wrong_network).status_code == 404


def test_declining_an_invitation(world, as_role):
    invitation = InvitationFactory(network=world.public, email=world.outsider.email)
    response = as_role("outsider").post(f"{invitation.get_absolute_url()}decline/")
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.declined_at is not None
    assert not Membership.objects.filter(user=world.outsider).exists()


def test_moderators_withdraw_an_invitation(world, as_role):
    invitation = InvitationFactory(network=world.public, email="gone@example.org")
    other = InvitationFactory(network=world.approval, email="other@example.org")
    client = as_role("facilitator")
    response = client.post(
        "/networks/open-contracting/manage/invitations/withdraw/", {"invitation": other.pk}
    )
    assert "does not belong to this network" in " ".join(messages_of(response))
    client.post(
        "/networks/open-contracting/manage/invitations/withdraw/", {"invitation": invitation.pk}
    )
    invitation.refresh_from_db()
    other.refresh_from_db()
    assert invitation.revoked_at is not None and other.revoked_at is None
    html = as_role("outsider").get(invitation.get_absolute_url()).content.decode()
    assert "no longer valid" in html


def test_an_already_member_visiting_the_link_is_told_so(world, as_role):
    invitation = InvitationFactory(network=world.public, email=world.member.email)
    html = as_role("member").get(invitation.get_absolute_url()).content.decode()
    assert "already a member" in html


def test_manage_page_lists_open_invitations(world, as_role):
    InvitationFactory(network=world.public, email="waiting@example.org")
    InvitationFactory(network=world.public, email="done@example.org", accepted_at=timezone.now())
    html = as_role("facilitator").get("/networks/open-contracting/manage/").content.decode()
    assert "waiting@example.org" in html
    assert "done@example.org" not in html


def test_invitations_are_matched_to_accounts_case_insensitively(world):
    person = UserFactory(email="Mixed.Case@example.org")
    InvitationFactory(network=world.public, email="mixed.case@example.org")
    assert Invitation.objects.for_emails([person.email]).count() == 1
