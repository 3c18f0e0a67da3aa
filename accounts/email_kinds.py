"""The kinds of notification a person may choose to get by email, one switch each.

Apps register their kinds (a notification's ``verb``) at start-up, in their
``AppConfig.ready``; accounts knows none of them. A kind nobody registered is governed
by the person's one master switch (``User.email_notifications``) alone.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class EmailKind:
    verb: str
    label: str


_KINDS = {}


def register(verb, label):
    """Offer ``verb`` as its own switch on the email preferences page."""
    _KINDS[verb] = EmailKind(verb=verb, label=label)


def registered():
    """Every registered kind, in registration order."""
    return list(_KINDS.values())


def get(verb):
    return _KINDS.get(verb)


def wants_email(user, verb):
    """Whether ``user`` gets notifications of kind ``verb`` by email."""
    if not (user.is_active and user.email and user.email_notifications):
        return False
    return verb not in (user.email_opt_outs or [])
