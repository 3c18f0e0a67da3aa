from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation

from network.models import Invitation


@task()
def send_invitation_email(*, invitation_id):
    """Email an invitation to an address that has no account yet (with the sign-up link)."""
    invitation = (
        Invitation.objects.select_related("network", "invited_by").filter(pk=invitation_id).first()
    )
    if invitation is None or not invitation.is_open:
        return
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "invitation": invitation,
        "network": invitation.network,
        "inviter": invitation.invited_by,
        "accept_url": base_url + invitation.get_absolute_url(),
        "base_url": base_url,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("network/email/invitation_subject.txt", context).strip()
        body = render_to_string("network/email/invitation.txt", context)
    send_mail(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        message=body,
        from_email=None,
        recipient_list=[invitation.email],
    )
