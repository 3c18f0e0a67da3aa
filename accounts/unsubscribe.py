"""Signed one-click unsubscribe links for notification emails.

A token names a person and a kind of notification (a verb), signed with the secret key:
whoever holds the link may stop that kind of email for that person, and nothing else.
Tokens do not expire, so an old email's link still works. An empty or unregistered kind
stands for "every notification email".
"""

from django.core import signing
from django.urls import reverse

from accounts import email_kinds

SALT = "accounts.unsubscribe"
ALL = ""


def make_token(user, verb=ALL):
    kind = verb if email_kinds.get(verb) is not None else ALL
    return signing.dumps({"u": user.pk, "v": kind}, salt=SALT, compress=True)


def read_token(token):
    """``(user_id, verb)`` from a token, or None when it was not made by us."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    verb = data.get("v")
    return data["u"], verb if isinstance(verb, str) else ALL


def unsubscribe_path(user, verb=ALL):
    return reverse("accounts:unsubscribe", args=[make_token(user, verb)])
