"""Accept an invitation for someone who signs up after opening its link."""

import logging

from allauth.account.signals import user_signed_up
from django.core.exceptions import ValidationError
from django.dispatch import receiver

logger = logging.getLogger(__name__)


@receiver(user_signed_up, dispatch_uid="network_accept_invitation_on_signup")
def accept_invitation_on_signup(sender, request, user, **kwargs):
    """The invitation link stored its token in the session (``views.invitation_accept``):
    the new account joins the network right away, even before it confirms its email
    (it cannot sign in until then anyway).
    """
    from network import services
    from network.models import Invitation
    from network.views import INVITATION_SESSION_KEY

    session = getattr(request, "session", None)
    token = session.pop(INVITATION_SESSION_KEY, None) if session is not None else None
    if not token:
        return
    invitation = Invitation.objects.filter(token=token).first()
    if invitation is None or not invitation.is_open:
        return
    try:
        services.accept_invitation(invitation=invitation, user=user)
    except ValidationError:
        logger.info("Invitation %s could not be accepted at sign-up", invitation.pk)
