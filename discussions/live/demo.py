"""Demo live sessions and questions to experts for ``manage.py seed_demo``.

One closed session with 40 questions, answers from its hosts and a conclusion; two
upcoming sessions (one with questions sent in advance); and two questions asked to
experts in "Ask the experts", answered. Matched by network and title and created only
when missing; a missing network, expert or person is skipped.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from discussions import services as discussion_services
from discussions.live import services
from discussions.live.bulk import bulk_add_questions
from discussions.models import ExpertQuestion, LiveSession, Thread
from network import permissions as network_permissions
from network.models import CharterPrinciple, ExpertProfilePage, LearningNetworkPage
from network.services import join_network

CLOSED = {
    "network": "open-contracting-data",
    "title": "Red flags that auditors act on",
    "hosts": ["olena-kovalenko", "diego-hernandez"],
    "author": "diego@example.org",
    "days_ago": 12,
    "body": (
        "Many of us compute red-flag indicators on tenders: single bidding, short "
        "tender periods, frequent amendments. Few of them lead to an audit. **Olena** "
        "and **Diego** take your questions on which indicators auditors and journalists "
        "actually use, how to present them, and how to avoid naming suppliers unfairly."
    ),
    "conclusion": (
        "Three things came up again and again.\n\n"
        "1. **Fewer indicators, explained.** Auditors act on five or six indicators "
        "they understand, with the threshold and the data behind each one written "
        "down, not on a composite score.\n"
        "2. **Compare like with like.** Single bidding means little without the "
        "market: compare buyers buying the same things, in the same region, in the "
        "same year.\n"
        "3. **A flag is a question, not an accusation.** Publish the method, give "
        "buyers a way to explain, and never rank suppliers by flags alone.\n\n"
        "Several members asked for a shared list of indicator definitions mapped to "
        "OCDS fields; we will start one in the network."
    ),
}

# (asker email, question, [(host slug, answer)], number of up-votes)
CLOSED_QUESTIONS = [
    (
        "maria@example.org",
        "Which single red flag has led to the most audits in your experience?",
        [
            (
                "olena-kovalenko",
                "Single bidding in markets where we know there are several suppliers. Auditors "
                "understand it at once, and it is cheap to check.",
            ),
        ],
        11,
    ),
    (
        "ana@example.org",
        "How do you choose thresholds, for example for a 'short' tender period?",
        [
            (
                "diego-hernandez",
                "From the law first (the legal minimum), then from the distribution: we flag the "
                "shortest 5% for each procedure type, and we publish both numbers.",
            ),
        ],
        10,
    ),
    (
        "joseph@example.org",
        "Do composite risk scores help, or do they hide too much?",
        [
            (
                "olena-kovalenko",
                "They hide too much. Auditors ask 'why is this 0.82?' and nobody can answer. Keep"
                " the indicators separate and let people combine them.",
            ),
        ],
        9,
    ),
    (
        "ngozi@example.org",
        "How do you avoid naming suppliers unfairly when a flag is a false positive?",
        [
            (
                "diego-hernandez",
                "We flag processes, not companies, and we give buyers two weeks to explain before"
                " anything is published with names.",
            ),
        ],
        9,
    ),
    (
        "camila@example.org",
        "Our city publishes only tender notices. Which flags can we compute with notices alone?",
        [
            (
                "olena-kovalenko",
                "Tender period length, missing documents and the procedure type used. Bidding "
                "flags need the award data.",
            ),
        ],
        8,
    ),
    (
        "samuel@example.org",
        "What do auditors need from us besides the flags themselves?",
        [
            (
                "olena-kovalenko",
                "The raw records behind each flag and a stable link to the process. They will not"
                " act on a screenshot.",
            ),
        ],
        8,
    ),
    (
        "ines@example.org",
        "Has anyone measured whether publishing flags changed buyers' behaviour?",
        [
            (
                "diego-hernandez",
                "In two states the share of single-bid tenders fell within a year of publication."
                " We cannot prove it was the flags alone.",
            ),
        ],
        7,
    ),
    (
        "olena@example.org",
        "Should flags be computed by government or by civil society?",
        [],
        7,
    ),
    (
        "amina@example.org",
        "How do you explain red flags to community monitors with little data background?",
        [
            (
                "diego-hernandez",
                "One page per flag: what it means, a real example, and what question to ask the "
                "buyer. No formulas on the page.",
            ),
        ],
        7,
    ),
    (
        "priya@example.org",
        "Which OCDS fields are most often missing when you try to compute flags?",
        [
            (
                "olena-kovalenko",
                "Number of tenderers, the tender period end date and amendment dates. Check those"
                " first.",
            ),
        ],
        6,
    ),
    (
        "lucas@example.org",
        "Do red flags work for climate-adaptation procurement, where markets are small?",
        [
            (
                "diego-hernandez",
                "Carefully: in a small market single bidding is normal. Compare with the same "
                "market elsewhere, not with all procurement.",
            ),
        ],
        6,
    ),
    (
        "maria@example.org",
        "How often should flags be recomputed: daily, monthly?",
        [
            (
                "olena-kovalenko",
                "As often as the data changes. We recompute nightly, but auditors look at monthly"
                " snapshots.",
            ),
        ],
        5,
    ),
    (
        "joseph@example.org",
        "How do you deal with buyers who split contracts to stay under thresholds?",
        [
            (
                "diego-hernandez",
                "Flag several awards to the same supplier by the same buyer just under the "
                "threshold within a short window. It works well.",
            ),
        ],
        5,
    ),
    (
        "ana@example.org",
        "Do you publish the code that computes the flags?",
        [
            (
                "olena-kovalenko",
                "Yes, always. It is what made the procurement agency trust the results.",
            ),
        ],
        5,
    ),
    (
        "ngozi@example.org",
        "Can red flags be linked with beneficial ownership data?",
        [
            (
                "diego-hernandez",
                "Yes, and it is where the most interesting cases come from: the same owner behind"
                " 'competing' bidders.",
            ),
        ],
        5,
    ),
    (
        "camila@example.org",
        "What is a reasonable first step for a local government with a small team?",
        [],
        4,
    ),
    (
        "samuel@example.org",
        "Could the working group agree on a common set of definitions?",
        [
            (
                "olena-kovalenko",
                "We would love that. A shared list mapped to OCDS fields would save everyone "
                "months.",
            ),
        ],
        4,
    ),
    (
        "ines@example.org",
        "How do you present flags on a map without misleading people?",
        [],
        4,
    ),
    (
        "amina@example.org",
        "Are there red flags for water and sanitation contracts in particular?",
        [
            (
                "diego-hernandez",
                "Price per connection compared with similar projects is the one communities "
                "understand best.",
            ),
        ],
        4,
    ),
    (
        "priya@example.org",
        "What tooling do you use to compute flags at scale?",
        [
            (
                "olena-kovalenko",
                "Plain SQL on a PostgreSQL copy of the data, run nightly. Nothing fancy.",
            ),
        ],
        3,
    ),
    (
        "lucas@example.org",
        "How do you handle emergency procurement, where short periods are legal?",
        [
            (
                "diego-hernandez",
                "We report emergency procedures separately, with their own thresholds.",
            ),
        ],
        3,
    ),
    (
        "maria@example.org",
        "Do auditors prefer dashboards or lists?",
        [
            (
                "olena-kovalenko",
                "Lists they can filter and export. Dashboards are for the public.",
            ),
        ],
        3,
    ),
    (
        "joseph@example.org",
        "How do you measure the quality of the data before computing flags?",
        [],
        3,
    ),
    (
        "ana@example.org",
        "Who should own the flags once they are published?",
        [],
        3,
    ),
    (
        "ngozi@example.org",
        "Have you seen flags used in court?",
        [
            (
                "diego-hernandez",
                "Once, as a reason to open an investigation; the evidence came from the "
                "documents.",
            ),
        ],
        2,
    ),
    (
        "camila@example.org",
        "How do you keep flags stable when the e-procurement system changes?",
        [],
        2,
    ),
    (
        "samuel@example.org",
        "Should commitments in action plans mention red flags explicitly?",
        [
            (
                "olena-kovalenko",
                "Mention publication of the data and of the method; leave the indicators to the "
                "agencies and monitors.",
            ),
        ],
        2,
    ),
    (
        "ines@example.org",
        "Is there research on which flags predict corruption best?",
        [],
        2,
    ),
    (
        "amina@example.org",
        "Can the flags be translated into French for our members?",
        [
            (
                "diego-hernandez",
                "Yes: the one-page explanations are short on purpose. Send us your translations "
                "and we will link them.",
            ),
        ],
        2,
    ),
    (
        "priya@example.org",
        "How do you version the flag definitions?",
        [],
        2,
    ),
    (
        "lucas@example.org",
        "What about framework agreements, where call-offs are not tendered?",
        [],
        1,
    ),
    (
        "maria@example.org",
        "How do you report flags to the public without overwhelming them?",
        [],
        1,
    ),
    (
        "joseph@example.org",
        "Do you flag late publication of data itself?",
        [
            (
                "olena-kovalenko",
                "Yes, it is one of our most useful flags: late data is often the first sign of "
                "trouble.",
            ),
        ],
        1,
    ),
    (
        "ana@example.org",
        "How much did it cost to set up the first set of flags?",
        [],
        1,
    ),
    (
        "ngozi@example.org",
        "Are there legal risks for civil society publishing flags?",
        [],
        1,
    ),
    (
        "camila@example.org",
        "Can we reuse your one-page explanations?",
        [],
        1,
    ),
    (
        "samuel@example.org",
        "Would you host a follow-up session on amendments?",
        [],
        1,
    ),
    (
        "ines@example.org",
        "How do you involve buyers in reviewing the method?",
        [],
        0,
    ),
    (
        "priya@example.org",
        "Do you use machine learning at all?",
        [],
        0,
    ),
    (
        "lucas@example.org",
        "Where can we find the list of indicators you use today?",
        [],
        0,
    ),
]

UPCOMING = [
    {
        "network": "ask-the-experts",
        "title": "Publishing by default: data inventories, ask us anything",
        "hosts": ["ana-perez", "joseph-kamau"],
        "author": "samuel@example.org",
        "in_days": 9,
        "hours": 1.5,
        "body": (
            "How do you know what data you hold, and how do you make 'open by default' "
            "more than a slogan? **Ana** and **Joseph** have built inventories and "
            "publication rules for a country and for 47 counties. Send your questions "
            "in advance and up-vote the ones you want answered first."
        ),
        "questions": [
            ("camila@example.org", "How detailed should a first data inventory be?"),
            ("ines@example.org", "Who signs off the exceptions to publication by default?"),
            ("lucas@example.org", "How do you keep the inventory up to date after year one?"),
        ],
    },
    {
        "network": "open-data-for-climate",
        "title": "Water and sanitation data for climate adaptation",
        "hosts": ["amina-diallo", "ines-carvalho"],
        "author": "lucas@example.org",
        "in_days": 3,
        "hours": 1,
        "body": (
            "Droughts and floods change where water services fail. **Amina** and "
            "**Inês** take questions on publishing service-level data that communities "
            "and planners can use, in French, Portuguese or English."
        ),
        "questions": [],
    },
]

# (asker, expert slug, title, body, principle slug, topic, answer, hours to answer)
ASKED = [
    (
        "camila@example.org",
        "joseph-kamau",
        "Identifiers for bus stops shared by two municipalities?",
        "Valparaíso and Viña del Mar run buses across the same stops but number them "
        "differently. Should we agree on one identifier scheme, or keep ours and "
        "publish a crosswalk?",
        "comparable-and-interoperable",
        "identifiers",
        "Publish a crosswalk now, and agree on one scheme for new stops. A crosswalk "
        "costs a week; a shared scheme costs a year of meetings, and riders need the "
        "data before that.",
        5,
    ),
    (
        "lucas@example.org",
        "maria-lourdes-santos",
        "Tagging climate spending in budget data",
        "Is there a practical way to tag climate-adaptation spending in a municipal "
        "budget that is already published as open data?",
        "timely-and-comprehensive",
        "budgets",
        "Start with a tag on budget lines, agreed with the finance office and applied "
        "at the start of the year, not after. We publish the tag as its own column with "
        "a short method note.",
        20,
    ),
]


def _people():
    return {user.email: user for user in User.objects.filter(email__endswith="@example.org")}


def _experts(slugs):
    experts = list(ExpertProfilePage.objects.filter(slug__in=slugs).select_related("user"))
    return sorted(experts, key=lambda expert: slugs.index(expert.slug))


def _existing(network, title):
    return Thread.objects.filter(network=network, title=title).exists()


def seed_closed(people, stdout):
    spec = CLOSED
    network = LearningNetworkPage.objects.filter(slug=spec["network"]).first()
    hosts = _experts(spec["hosts"])
    author = people.get(spec["author"])
    if network is None or not hosts or author is None or _existing(network, spec["title"]):
        return
    now = timezone.now()
    starts = now - timedelta(days=spec["days_ago"])
    session = services.schedule_session(
        network=network,
        author=author,
        title=spec["title"],
        body=spec["body"],
        starts_at=starts,
        ends_at=starts + timedelta(hours=1, minutes=30),
        hosts=hosts,
        when=starts - timedelta(days=10),
    )
    host_users = {host.slug: host.user for host in hosts}
    voters = [person for email, person in sorted(people.items())]
    questions = []
    for index, (email, text, answers, votes) in enumerate(CLOSED_QUESTIONS):
        asker = people.get(email)
        if asker is None:
            continue
        others = [person for person in voters if person.pk != asker.pk]
        rotation = others[index % len(others) :] + others[: index % len(others)]
        questions.append(
            (
                asker,
                text,
                [(host_users[slug], answer) for slug, answer in answers if slug in host_users],
                rotation[:votes],
            )
        )
    bulk_add_questions(
        session=session,
        questions=questions,
        start=starts - timedelta(days=3),
        step=timedelta(minutes=97),
    )
    session.refresh_from_db()
    services.write_conclusion(
        session=session,
        host=hosts[0].user,
        text=spec["conclusion"],
        when=starts + timedelta(hours=3),
    )
    stdout.write(f"  created live session {spec['title']!r} ({len(questions)} questions)")


def seed_upcoming(people, stdout):
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for spec in UPCOMING:
        network = LearningNetworkPage.objects.filter(slug=spec["network"]).first()
        hosts = _experts(spec["hosts"])
        author = people.get(spec["author"])
        if network is None or not hosts or author is None or _existing(network, spec["title"]):
            continue
        starts = now + timedelta(days=spec["in_days"], hours=14 - now.hour)
        session = services.schedule_session(
            network=network,
            author=author,
            title=spec["title"],
            body=spec["body"],
            starts_at=starts,
            ends_at=starts + timedelta(hours=spec["hours"]),
            hosts=hosts,
        )
        for email, text in spec["questions"]:
            asker = people.get(email)
            if asker is not None:
                services.ask_question(session=session, author=asker, body=text)
        stdout.write(f"  created live session {spec['title']!r}")


def seed_asked(people, stdout):
    network = LearningNetworkPage.objects.filter(slug="ask-the-experts").first()
    if network is None:
        return
    for asker_email, slug, title, body, principle, topic, answer, hours in ASKED:
        asker = people.get(asker_email)
        experts = _experts([slug])
        if asker is None or not experts or _existing(network, title):
            continue
        expert = experts[0]
        asked_at = timezone.now() - timedelta(days=6, hours=hours)
        thread = services.ask_experts(
            network=network,
            author=asker,
            title=title,
            body=body,
            experts=[expert],
            principles=CharterPrinciple.objects.filter(slug=principle),
            tags=[topic],
        )
        Thread.objects.filter(pk=thread.pk).update(created_at=asked_at)
        ExpertQuestion.objects.filter(thread=thread).update(created_at=asked_at)
        thread.refresh_from_db()
        if not network_permissions.can_post(expert.user, network):
            join_network(network=network, user=expert.user)
        discussion_services.post_reply(
            thread=thread,
            author=expert.user,
            body=answer,
            when=asked_at + timedelta(hours=hours),
        )
        stdout.write(f"  created question to {expert.title}: {title!r}")


@transaction.atomic
def seed(stdout):
    people = _people()
    if not people:
        stdout.write("  no demo people found: live sessions skipped")
        return
    seed_closed(people, stdout)
    seed_upcoming(people, stdout)
    seed_asked(people, stdout)
    if not LiveSession.objects.exists():
        stdout.write("  no live session created (networks or experts missing)")
