from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation

from accounts.models import Notification


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
    context = {
        "notification": notification,
        "recipient": recipient,
        "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
    }
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string("accounts/email/notification.txt", context)
    claimed = Notification.objects.filter(pk=notification.pk, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if claimed:
        send_mail(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + one_line(notification.message)[:120],
            message=body,
            from_email=None,
            recipient_list=[recipient.email],
        )
