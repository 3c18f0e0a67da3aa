"""Who is told about questions to experts and about live sessions."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import email_kinds
from discussions.notifications import _message, _name, _quote, _send

VERB_EXPERT_ASKED = "live.expert_asked"
VERB_HOSTING = "live.hosting"


def register_email_kinds():
    email_kinds.register(VERB_EXPERT_ASKED, gettext_lazy("Questions asked to me as an expert"))
    email_kinds.register(VERB_HOSTING, gettext_lazy("Live sessions I host"))


def experts_asked(thread, experts):
    """Each addressed expert who may read the network (``_send`` checks it)."""
    message = _message(
        _("%(person)s asked you a question: “%(thread)s”"),
        person=_name(thread.author),
        thread=thread.title,
        quote=_quote(thread.excerpt),
    )
    return _send(
        [expert.user for expert in experts],
        network=thread.network,
        actor=thread.author,
        verb=VERB_EXPERT_ASKED,
        message=message,
        url=thread.get_absolute_url(),
        target=thread,
    )


def hosting(session, hosts, *, actor):
    """Hosts hear that a session they host was scheduled."""
    thread = session.thread
    message = _message(
        _("You host the live session “%(thread)s” on %(when)s (UTC)"),
        thread=thread.title,
        when=session.starts_at.strftime("%Y-%m-%d %H:%M"),
    )
    return _send(
        [host.user for host in hosts],
        network=thread.network,
        actor=actor,
        verb=VERB_HOSTING,
        message=message,
        url=session.get_absolute_url(),
        target=thread,
    )
