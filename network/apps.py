from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")

    def ready(self):
        from network import signals  # noqa: F401  (connects the receivers)
        from network.reviews.services import register_email_kinds as register_review_emails

        register_review_emails()
        from network.events.notifications import register_email_kinds as register_event_kinds

        register_event_kinds()
        from network.lessons import notifications as lesson_notifications

        lesson_notifications.register_email_kinds()
