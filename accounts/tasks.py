from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation

from accounts import email_kinds
from accounts.models import Notification
from accounts.unsubscribe import unsubscribe_path


def one_line(text):
    """Email subjects may not hold line breaks (Django refuses them)."""
    return " ".join(str(text).split())


@task()
def send_notification_email(*, notification_id):
    """Email one notification; safe to run twice (it sends at most once)."""
    notification = (
        Notification.objects.select_related("recipient")
        .filter(pk=notification_id, emailed_at__isnull=True)
        .first()
    )
    if notification is None:
        return
    recipient = notification.recipient
    if not email_kinds.wants_email(recipient, notification.verb):
        return  # switched off since it was queued
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    kind = email_kinds.get(notification.verb)
    unsubscribe_url = base_url + unsubscribe_path(recipient, notification.verb)
    context = {
        "notification": notification,
        "recipient": recipient,
        "base_url": base_url,
        "kind": kind,
        "unsubscribe_url": unsubscribe_url,
    }
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string("accounts/email/notification.txt", context)
    claimed = Notification.objects.filter(pk=notification.pk, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if claimed:
        EmailMessage(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + one_line(notification.message)[:120],
            body=body,
            to=[recipient.email],
            # RFC 8058: mail clients offer their own one-click "unsubscribe" button.
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        ).send()
