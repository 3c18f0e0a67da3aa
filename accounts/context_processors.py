from accounts.models import Notification


def notifications(request):
    """The unread count for the bell in the header: one COUNT query, signed-in only."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": lambda: Notification.objects.for_user(user).unread().count()}
