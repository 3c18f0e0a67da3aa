"""Demo discussions for ``manage.py seed_demo``: a few dozen threads across the demo
networks, nested replies, questions with accepted answers, and one long thread (more
than 300 replies) to page through.

Threads are matched by network and title and created only when missing, so the command
can run again. Authors are the networks' own members (from ``network.demo``); a network
or person that is missing is skipped. Replies are added in bulk (no notification storm);
a few are posted through the services at the end so the demo people find notifications.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from discussions import services
from discussions.bulk import bulk_add_replies
from discussions.models import Thread
from network.models import CharterPrinciple, LearningNetworkPage, Membership
from network.services import touch_activity

Q = Thread.Kind.QUESTION
D = Thread.Kind.DISCUSSION

# Each thread: title, kind, author, days ago, tags, principles, body, replies, and
# optionally "accepted" (index of the accepted reply) and "pinned". A reply is (author,
# text, index of the reply it answers or None). Authors are emails; "*" means any
# member of the network (taken in turn).
THREADS = {
    "open-contracting-data": [
        {
            "title": "Contract documents: redact or withhold?",
            "kind": Q,
            "author": "maria@example.org",
            "days": 15,
            "tags": ["documents", "privacy"],
            "principles": ["open-by-default"],
            "body": (
                "When a contract has personal data in an annex, do you "
                "redact the annex or withhold it?"
            ),
            "replies": [
                (
                    "olena@example.org",
                    "Redact, and say on the page what was redacted and why.",
                    None,
                ),
                (
                    "diego@example.org",
                    "Withholding whole annexes got us taken to court. Redact.",
                    0,
                ),
            ],
            "accepted": 0,
        },
        {
            "title": "Supplier identifiers: which scheme did you pick?",
            "kind": D,
            "author": "ngozi@example.org",
            "days": 8,
            "tags": ["identifiers", "ocds"],
            "principles": ["comparable-and-interoperable"],
            "body": (
                "Tax number, company register number, or your own? What "
                "happened with foreign suppliers?"
            ),
            "replies": [
                (
                    "ana@example.org",
                    "Company register number, with the tax number as an alternative.",
                    None,
                ),
                (
                    "joseph@example.org",
                    "Foreign suppliers get a prefix by country. Messy, but it works.",
                    0,
                ),
                ("ngozi@example.org", "@ana did you publish the list of schemes you accept?", 0),
            ],
        },
        {
            "title": "Training procurement officers to check their own data",
            "kind": D,
            "author": "olena@example.org",
            "days": 4,
            "tags": ["training", "data-quality"],
            "principles": ["accessible-and-usable"],
            "body": (
                "Short monthly sessions on *their own* errors worked better than a big course."
            ),
            "replies": [("maria@example.org", "Could you share the session outline?", None)],
        },
        {
            "title": "Welcome: how this network uses its discussions",
            "kind": D,
            "author": "diego@example.org",
            "days": 40,
            "pinned": True,
            "tags": ["welcome"],
            "principles": [],
            "body": (
                "Welcome! Use threads to **ask questions** of people who have done it "
                "before, and to **share what you tried**, including what did not work.\n\n"
                "- Start a *question* when you need an answer; the asker marks the one that "
                "helped.\n- Start a *discussion* to compare approaches.\n- Mention "
                "someone with @ and their handle to bring them in.\n\nPlease keep "
                "personal data out of threads: link to the published dataset instead."
            ),
            "replies": [
                ("olena@example.org", "Thanks Diego. I will post our red-flags work here.", None),
                ("ana@example.org", "Happy to be here: we are halfway through OCDS.", None),
            ],
        },
        {
            "title": "How did you map your e-procurement system to OCDS?",
            "kind": Q,
            "author": "ana@example.org",
            "days": 25,
            "tags": ["ocds", "procurement"],
            "principles": ["comparable-and-interoperable"],
            "body": (
                "Our e-procurement system has ~180 tables and no documentation of what "
                "half the status codes mean. Did you start from the system or from the "
                "standard? How long did the **first mapping** take you?"
            ),
            "replies": [
                (
                    "olena@example.org",
                    "From the standard, always. We listed the OCDS fields a buyer, a "
                    "journalist and an auditor would ask for first, then went looking for "
                    "them in the database. The first useful mapping took six weeks.",
                    None,
                ),
                (
                    "ana@example.org",
                    "Six weeks is encouraging. Who owned the status codes?",
                    0,
                ),
                (
                    "olena@example.org",
                    "Nobody, at first. We wrote them down with the help desk team, who "
                    "answer suppliers' questions every day and knew them best.",
                    1,
                ),
                (
                    "joseph@example.org",
                    "We did it the other way round and regretted it: we mapped "
                    "everything we had and published 300 fields nobody used.",
                    None,
                ),
                (
                    "maria@example.org",
                    "The [OCDS field-level mapping template]"
                    "(https://standard.open-contracting.org/latest/en/guidance/map/) "
                    "saved us a lot of arguments.",
                    0,
                ),
            ],
            "accepted": 0,
        },
        {
            "title": "Red flags that auditors actually use",
            "kind": D,
            "author": "olena@example.org",
            "days": 18,
            "tags": ["red-flags", "audit"],
            "principles": ["improved-governance-and-citizen-engagement"],
            "body": (
                "We computed 40 red-flag indicators. The audit office uses four. Here "
                "they are, with why:\n\n| Indicator | Why it is used |\n|---|---|\n"
                "| Single bidder | easy to explain |\n| Short tender period | clear rule "
                "in the law |\n| Late amendments | shows up in court cases |\n| Split "
                "contracts | matches their own checks |\n\nWhich ones work for you?"
            ),
            "replies": [
                (
                    "diego@example.org",
                    "Single bidder is ours too. Everything else is noise.",
                    None,
                ),
                (
                    "ngozi@example.org",
                    "Journalists in our country use *price per unit* more than any flag.",
                    None,
                ),
                ("olena@example.org", "@ngozi do you publish unit prices as data?", 1),
                ("ngozi@example.org", "Only for medicines, as a pilot.", 2),
            ],
        },
        {
            "title": "Publishing emergency procurement quickly",
            "kind": Q,
            "author": "joseph@example.org",
            "days": 9,
            "tags": ["emergency", "procurement"],
            "principles": ["timely-and-comprehensive"],
            "body": (
                "During the floods we bought fast and published late. What would you put "
                "in place **before** the next emergency so that publication keeps up?"
            ),
            "replies": [
                (
                    "diego@example.org",
                    "A separate, simpler form for emergency contracts, published daily, "
                    "with the full record completed within 30 days.",
                    None,
                ),
                ("maria@example.org", "And a named person who owns the daily export.", 0),
                ("joseph@example.org", "Daily is ambitious for us. Weekly first.", 0),
            ],
            "accepted": 0,
        },
        {
            "title": "A long-running thread: share one lesson a week",
            "kind": D,
            "author": "diego@example.org",
            "days": 60,
            "tags": ["lessons"],
            "principles": ["open-by-default"],
            "body": (
                "One lesson a week, one paragraph each. Reply to the thread with yours; "
                "reply to a lesson to ask about it. This thread is long on purpose: it "
                "is our shared notebook."
            ),
            "long": 330,
        },
    ],
    "subnational-open-data": [
        {
            "title": "Open data in municipal council papers",
            "kind": D,
            "author": "ana@example.org",
            "days": 22,
            "tags": ["councils", "transparency"],
            "principles": ["improved-governance-and-citizen-engagement"],
            "body": "Publishing council decisions as data, not only as minutes: who has done it?",
            "replies": [
                (
                    "camila@example.org",
                    "We publish votes as a CSV per session. Journalists love it.",
                    None,
                ),
                ("ines@example.org", "Which fields? Ours would be a start.", 0),
            ],
        },
        {
            "title": "Small cities: shared portal or one each?",
            "kind": Q,
            "author": "ines@example.org",
            "days": 2,
            "tags": ["portals", "cities"],
            "principles": ["accessible-and-usable"],
            "body": "Five small cities in our region want portals. One shared one, or five?",
            "replies": [
                (
                    "camila@example.org",
                    "Shared, with a page per city. Five portals die five times.",
                    None,
                ),
            ],
            "accepted": 0,
        },
        {
            "title": "Keeping city datasets current without a data team",
            "kind": Q,
            "author": "ines@example.org",
            "days": 14,
            "tags": ["maintenance", "cities"],
            "principles": ["timely-and-comprehensive"],
            "body": (
                "We published 60 datasets two years ago. Half are out of date. We have "
                "no data team, only a coordinator (me). What kept yours current?"
            ),
            "replies": [
                (
                    "camila@example.org",
                    "We gave each dataset an **owner in the department**, and a date on "
                    "the page saying when it was last checked. Out-of-date ones are "
                    "listed on the portal's home page: nobody likes to be on that list.",
                    None,
                ),
                ("ines@example.org", "Public shaming, gently. I like it.", 0),
                (
                    "amina@example.org",
                    "We automated the five most used; the rest are yearly.",
                    None,
                ),
            ],
            "accepted": 0,
        },
        {
            "title": "Street-level budget data: worth it?",
            "kind": D,
            "author": "camila@example.org",
            "days": 6,
            "tags": ["budgets"],
            "principles": ["improved-governance-and-citizen-engagement"],
            "body": "Has anyone published budget execution down to street works? Who used it?",
            "replies": [
                (
                    "ana@example.org",
                    "Neighbourhood associations did, to follow road repairs.",
                    None,
                ),
                ("amina@example.org", "We tried; the geocoding cost more than the portal.", None),
            ],
        },
        {
            "title": "Template data-sharing agreement between a city and its utility",
            "kind": Q,
            "author": "amina@example.org",
            "days": 3,
            "tags": ["agreements", "utilities"],
            "principles": ["open-by-default"],
            "body": "Does anyone have a template we could adapt? Ours is stuck with lawyers.",
            "replies": [],
        },
    ],
    "open-data-for-climate": [
        {
            "title": "Air-quality sensors from citizens: publish alongside official data?",
            "kind": Q,
            "author": "amina@example.org",
            "days": 17,
            "tags": ["air-quality", "citizen-science"],
            "principles": ["inclusive-development-and-innovation"],
            "body": "Citizen sensors disagree with official stations. Publish both, side by side?",
            "replies": [
                ("priya@example.org", "Both, clearly labelled, with a note on calibration.", None),
                ("samuel@example.org", "And invite the sensor group to the calibration days.", 0),
            ],
            "accepted": 0,
        },
        {
            "title": "Heat maps for urban planning",
            "kind": D,
            "author": "ines@example.org",
            "days": 9,
            "tags": ["heat", "planning"],
            "principles": ["accessible-and-usable"],
            "body": (
                "Satellite heat maps are public. Turning them into planning "
                "decisions is not. Stories?"
            ),
            "replies": [
                ("joseph@example.org", "We overlaid them with tree cover and schools.", None)
            ],
        },
        {
            "title": "Which emissions datasets do local governments need first?",
            "kind": Q,
            "author": "priya@example.org",
            "days": 20,
            "tags": ["emissions", "climate"],
            "principles": ["accessible-and-usable"],
            "body": (
                "Cities ask us for emissions data, but for *what*: buildings, transport, "
                "waste? If you could have one dataset first, which one?"
            ),
            "replies": [
                ("joseph@example.org", "Building energy use: it is where the levers are.", None),
                ("samuel@example.org", "Transport, because it changes fastest.", None),
                ("priya@example.org", "@joseph do cities get meter-level data from you?", 0),
                ("joseph@example.org", "Aggregated by block, to protect households.", 2),
            ],
            "accepted": 0,
        },
        {
            "title": "Flood-risk maps: open or not?",
            "kind": D,
            "author": "samuel@example.org",
            "days": 12,
            "tags": ["flood-risk", "climate"],
            "principles": ["inclusive-development-and-innovation"],
            "body": (
                "Insurers worry that publishing flood-risk maps lowers property values. "
                "Residents want them. How did you decide?"
            ),
            "replies": [
                (
                    "ines@example.org",
                    "We published, with a plain-language guide next to each map.",
                    None,
                ),
                ("amina@example.org", "Same, and the guide mattered more than the map.", 0),
            ],
        },
        {
            "title": "Adaptation spending: tagging it in the budget",
            "kind": D,
            "author": "joseph@example.org",
            "days": 5,
            "tags": ["budgets", "adaptation"],
            "principles": ["comparable-and-interoperable"],
            "body": "We started tagging adaptation spending by budget line. Anyone else?",
            "replies": [
                ("priya@example.org", "Yes, with a three-level tag. Happy to share.", None)
            ],
        },
    ],
    "open-data-policy-leads": [
        {
            "title": "High-value datasets: how did you choose yours?",
            "kind": Q,
            "author": "ana@example.org",
            "days": 13,
            "tags": ["high-value-data", "policy"],
            "principles": ["open-by-default"],
            "body": "A list from a ministry, a survey of users, or download counts?",
            "replies": [
                (
                    "samuel@example.org",
                    (
                        "A survey of users, checked against requests under the "
                        "access-to-information law."
                    ),
                    None,
                ),
                ("maria@example.org", "Download counts lie: the missing datasets have none.", 0),
            ],
            "accepted": 0,
        },
        {
            "title": "Funding the open data unit after the first programme",
            "kind": D,
            "author": "joseph@example.org",
            "days": 3,
            "tags": ["funding"],
            "principles": ["improved-governance-and-citizen-engagement"],
            "body": (
                "Donor money ends next year. How did you move the unit into the regular budget?"
            ),
            "replies": [],
        },
        {
            "title": "Drafting an open-by-default policy: what went in, what stayed out",
            "kind": D,
            "author": "samuel@example.org",
            "days": 16,
            "pinned": True,
            "tags": ["policy"],
            "principles": ["open-by-default"],
            "body": "Share the clauses you fought for, and the ones you gave up.",
            "replies": [
                ("ana@example.org", "A public inventory of datasets, with a date for each.", None),
                ("maria@example.org", "We gave up on a deadline for legacy data.", None),
                ("joseph@example.org", "Exceptions had to be published with a reason.", None),
            ],
        },
        {
            "title": "How do you report progress to the cabinet?",
            "kind": Q,
            "author": "maria@example.org",
            "days": 7,
            "tags": ["reporting"],
            "principles": ["improved-governance-and-citizen-engagement"],
            "body": "One page? A dashboard? What did ministers actually read?",
            "replies": [
                ("samuel@example.org", "One page, three numbers, one story of use.", None),
                ("diego@example.org", "The story of use is what they repeated in speeches.", 0),
            ],
            "accepted": 0,
        },
    ],
    "beneficial-ownership-transparency": [
        {
            "title": "Thresholds: 25% or lower?",
            "kind": D,
            "author": "*",
            "days": 19,
            "tags": ["thresholds"],
            "principles": ["timely-and-comprehensive"],
            "body": (
                "Several members lowered the ownership threshold to 10% for extractives. Effects?"
            ),
            "replies": [
                ("*", "More filings, and more questions from companies, for a year.", None),
                ("*", "We kept 25% but added control through agreements.", None),
            ],
        },
        {
            "title": "Publishing ownership data as open data: legal basis",
            "kind": Q,
            "author": "*",
            "days": 6,
            "tags": ["legal"],
            "principles": ["open-by-default"],
            "body": (
                "Which article of your law allowed publication? Ours only "
                "allows access on request."
            ),
            "replies": [
                ("*", "An amendment to the company law, after a public consultation.", None)
            ],
            "accepted": 0,
        },
        {
            "title": "Verifying beneficial owners without a national ID register",
            "kind": Q,
            "author": "ngozi@example.org",
            "days": 10,
            "tags": ["verification"],
            "principles": ["comparable-and-interoperable"],
            "body": "What checks did you put in place when there is no ID register to match?",
            "replies": [
                ("*", "Cross-checks with the tax register caught most errors.", None),
                ("*", "And with procurement data: suppliers have an incentive to be right.", 0),
            ],
            "accepted": 0,
        },
        {
            "title": "Linking company registers to procurement data",
            "kind": D,
            "author": "*",
            "days": 4,
            "tags": ["procurement", "companies"],
            "principles": ["comparable-and-interoperable"],
            "body": "We link by company number. How do you handle foreign companies?",
            "replies": [
                ("*", "A separate identifier scheme, from the OpenCorporates list.", None)
            ],
        },
    ],
}

# Sentences the long thread is made of (replies cycle through them).
LONG_REPLIES = [
    "This week: we stopped publishing PDFs of tables. CSV first, PDF on request.",
    "Publishing the *schedule* of releases did more for trust than the releases.",
    "Our portal search was useless until we wrote dataset titles people would type.",
    "We asked users what they did with the data. Three answers changed our priorities.",
    "A data owner per dataset, named on the page. Nothing else worked as well.",
    "We deleted 40 datasets nobody had downloaded in two years. Nobody noticed.",
    "Licences: one licence for everything, written once, linked everywhere.",
    "Feedback forms get spam. A named contact gets answers.",
    "How did you convince the legal team about that?",
    "Same here, and the metadata is what took longest.",
    "We tried this and went back: too much work for the team we have.",
    "Could you share the template?",
]


def _people_of(network):
    return [
        membership.user
        for membership in Membership.objects.for_network(network)
        .active()
        .select_related("user")
        .order_by("pk")
    ]


class _Authors:
    """Picks an author: the named person if they are a member, else members in turn."""

    def __init__(self, members, by_email):
        self.members = members
        self.by_email = by_email
        self.turn = 0

    def __call__(self, email):
        person = self.by_email.get(email)
        if person is not None and person in self.members:
            return person
        self.turn += 1
        return self.members[self.turn % len(self.members)]


def _seed_thread(network, spec, authors, now):
    started = now - timedelta(days=spec["days"])
    thread = services.start_thread(
        network=network,
        author=authors(spec["author"]),
        title=spec["title"],
        body=spec["body"],
        kind=spec["kind"],
        tags=spec["tags"],
        principles=list(CharterPrinciple.objects.filter(slug__in=spec["principles"])),
        when=started,
    )
    if spec.get("long"):
        replies = []
        for number in range(spec["long"]):
            text = LONG_REPLIES[number % len(LONG_REPLIES)]
            # A question or an echo answers the reply before it; lessons stand alone.
            parent = number - 1 if number and text.endswith(("?", "have.", "longest.")) else None
            replies.append((authors("*"), f"{text} ({number + 1})", parent))
        step = timedelta(minutes=(spec["days"] - 1) * 24 * 60 // spec["long"])
    else:
        replies = [(authors(email), text, parent) for email, text, parent in spec["replies"]]
        step = timedelta(hours=spec["days"] * 24 // max(2, len(replies) + 1))
    posts = bulk_add_replies(thread=thread, replies=replies, start=started, step=step)
    if posts:
        touch_activity(network=network, when=posts[-1].created_at)
    if spec.get("accepted") is not None and posts and thread.is_question:
        services.accept_answer(thread=thread, post=posts[spec["accepted"]], by=thread.author)
    if spec.get("pinned"):
        Thread.objects.filter(pk=thread.pk).update(is_pinned=True)
    return thread, posts


@transaction.atomic
def seed(stdout):
    networks = {
        network.slug: network
        for network in LearningNetworkPage.objects.filter(slug__in=THREADS).defer_streamfields()
    }
    emails = {spec["author"] for specs in THREADS.values() for spec in specs}
    emails |= {
        email
        for specs in THREADS.values()
        for spec in specs
        for email, *_ in spec.get("replies", [])
    }
    by_email = {person.email: person for person in User.objects.filter(email__in=emails)}
    now = timezone.now()
    created = 0
    fresh = []
    for slug, specs in THREADS.items():
        network = networks.get(slug)
        if network is None:
            stdout.write(f"  no network {slug}: its threads are skipped")
            continue
        members = _people_of(network)
        if not members:
            continue
        authors = _Authors(members, by_email)
        for spec in specs:
            if Thread.objects.filter(network=network, title=spec["title"]).exists():
                continue
            thread, posts = _seed_thread(network, spec, authors, now)
            thread.network = network
            created += 1
            fresh.append((thread, posts, members))
    # A few live replies, so the demo people find notifications waiting.
    for thread, posts, members in fresh[:4]:
        replier = next((m for m in members if m.pk != thread.author_id), None)
        if replier is not None and posts:
            services.post_reply(
                thread=thread,
                author=replier,
                body="Thanks, this is useful. We are trying the same next month.",
                parent=posts[0],
            )
    # Some people follow whole networks.
    for network in networks.values():
        for person in _people_of(network)[:2]:
            services.follow_network(user=person, network=network)
    if created:
        stdout.write(f"  {created} threads created")
