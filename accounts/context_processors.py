from accounts.models import Notification


def notifications(request):
    """The unread count for the bell in the header, signed-in only.

    The sign-in backends load ``request.user`` with the count already (no query here);
    after a service marked notifications read in this request, it is counted again.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    count = getattr(user, "unread_notification_count", None)
    if count is not None:
        return {"unread_notifications": count}
    return {"unread_notifications": lambda: Notification.objects.for_user(user).unread().count()}
