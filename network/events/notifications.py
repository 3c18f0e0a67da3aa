"""The kinds of event notification people may switch off for email."""

from django.utils.translation import gettext_lazy

from accounts import email_kinds

VERB_PROMOTED = "events.promoted"
VERB_REMINDER = "events.reminder"


def register_email_kinds():
    """Offer each kind as a switch on the email preferences page (called at start-up)."""
    email_kinds.register(VERB_REMINDER, gettext_lazy("Reminders of events I registered for"))
    email_kinds.register(
        VERB_PROMOTED, gettext_lazy("A place for me at an event, from the waiting list")
    )
