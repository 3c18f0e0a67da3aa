"""Demo moderation for ``manage.py seed_demo``: a few open flags waiting in the queue,
one reply a facilitator has hidden (it published people's home addresses), and one
locked thread.

Runs after ``discussions.demo`` (the threads) and only adds what is missing: replies
are matched by their text, flags by reporter and reply, so it can run again. A thread,
network or person that is missing is skipped.
"""

from django.db import transaction

from accounts.models import User
from discussions import services as discussion_services
from discussions.models import Post, Thread
from discussions.models.moderation import Flag, FlagReason
from discussions.moderation import services
from discussions.moderation.staff import grant_log_permissions

NETWORK = "open-contracting-data"

# A reply that the network's facilitator hid: it shared personal data.
HIDDEN = {
    "thread": "Supplier identifiers: which scheme did you pick?",
    "author": "ngozi@example.org",
    "body": (
        "For comparison, here is the full supplier register we received from the ministry, "
        "including the directors' home addresses and ID numbers: "
        "https://example.org/registers/suppliers-full.xlsx"
    ),
    "moderator": "olena@example.org",
}

# Replies members flagged; the flags wait in the queue.
FLAGGED = [
    {
        "thread": "Red flags that auditors actually use",
        "author": "joseph@example.org",
        "body": (
            "If you want the real story, call the procurement director of the northern "
            "region directly on her mobile: she will tell you which tenders were rigged."
        ),
        "flags": [
            (
                "maria@example.org",
                FlagReason.PRIVATE,
                "This names an official and invites people to call her private number.",
            ),
            ("ngozi@example.org", FlagReason.ABUSE, "An accusation without any evidence."),
        ],
    },
    {
        "thread": "Publishing emergency procurement quickly",
        "author": "ana@example.org",
        "body": (
            "Slightly off topic, but does anyone know a good hotel near the venue of next "
            "month's regional meeting?"
        ),
        "flags": [("diego@example.org", FlagReason.OFF_TOPIC, "")],
    },
]

# A settled thread that a lead locked so it stays as a reference.
LOCKED = {
    "thread": "Contract documents: redact or withhold?",
    "moderator": "diego@example.org",
}


@transaction.atomic
def seed(stdout):
    grant_log_permissions()  # the demo's Editors group may have been recreated
    emails = {HIDDEN["author"], HIDDEN["moderator"], LOCKED["moderator"]}
    for spec in FLAGGED:
        emails.add(spec["author"])
        emails |= {reporter for reporter, _, _ in spec["flags"]}
    people = {person.email: person for person in User.objects.filter(email__in=emails)}
    threads = {
        thread.title: thread
        for thread in Thread.objects.filter(network__slug=NETWORK).select_related("network")
    }
    if not threads:
        stdout.write(f"  no threads in {NETWORK}: moderation demo skipped")
        return

    hidden = _reply(threads, people, HIDDEN)
    moderator = people.get(HIDDEN["moderator"])
    if hidden is not None and moderator is not None and not hidden.is_hidden:
        services.hide_post(post=hidden, by=moderator)

    flags = 0
    for spec in FLAGGED:
        post = _reply(threads, people, spec)
        if post is None:
            continue
        for email, reason, details in spec["flags"]:
            reporter = people.get(email)
            if reporter is None or Flag.objects.filter(reporter=reporter, post=post).exists():
                continue
            services.flag(
                reporter=reporter, thread=post.thread, post=post, reason=reason, details=details
            )
            flags += 1

    locked = threads.get(LOCKED["thread"])
    lead = people.get(LOCKED["moderator"])
    if locked is not None and lead is not None and not locked.is_locked:
        services.lock_thread(thread=locked, by=lead)
    if flags:
        stdout.write(f"  {flags} open flags")


def _reply(threads, people, spec):
    """The demo reply of ``spec``, posted now when missing."""
    thread = threads.get(spec["thread"])
    author = people.get(spec["author"])
    if thread is None or author is None:
        return None
    post = Post.objects.filter(thread=thread, body=spec["body"]).first()
    if post is None:
        post = discussion_services.post_reply(thread=thread, author=author, body=spec["body"])
    return post
