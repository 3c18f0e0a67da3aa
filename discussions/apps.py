from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionsConfig(AppConfig):
    name = "discussions"
    verbose_name = _("Discussions")

    def ready(self):
        from discussions import lesson_signals
        from discussions.live import notifications as live_notifications
        from discussions.notifications import register_email_kinds

        register_email_kinds()
        lesson_signals.register_email_kinds()
        # A site-wide suspension stops writing outside discussions too (lesson drafts).
        from discussions.permissions import suspended_until
        from network import permissions as network_permissions

        network_permissions.stop_writing_with(suspended_until)
        live_notifications.register_email_kinds()
