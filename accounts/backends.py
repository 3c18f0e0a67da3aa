"""Sign-in backends that load the signed-in person with their unread notification count.

Every signed-in page loads the person and shows the bell. Both come from one query here,
written in SQL: building this query through the ORM cost more than running it.
"""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth.backends import ModelBackend

from accounts.models import Notification, User

PERSON_WITH_UNREAD_COUNT = (
    "SELECT person.*, ("
    " SELECT COUNT(*) FROM {notifications} note"
    " WHERE note.recipient_id = person.id AND note.read_at IS NULL"
    ") AS unread_notification_count"
    " FROM {users} person WHERE person.id = %s"
)


def person_with_unread_count(user_id):
    """The ``User`` with ``unread_notification_count`` set, or ``None``."""
    sql = PERSON_WITH_UNREAD_COUNT.format(
        notifications=Notification._meta.db_table, users=User._meta.db_table
    )
    return next(iter(User.objects.raw(sql, [user_id])), None)


class _WithUnreadCount:
    def get_user(self, user_id):
        user = person_with_unread_count(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class PasswordBackend(_WithUnreadCount, ModelBackend):
    """Django's username-and-password backend (the Wagtail admin, the test client)."""


class AccountBackend(_WithUnreadCount, AllauthBackend):
    """allauth's backend (sign-in by email, social accounts)."""
