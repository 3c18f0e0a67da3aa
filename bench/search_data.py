"""The search benchmark's data: 20 networks, 2,000 lessons, 2,000 threads, 100,000 replies.

Inserted in bulk (``bulk_create``), never through the services: no notifications, no
tasks, no search signals; ``bench.search`` then runs one ``search.indexing.rebuild()``.
Text is built from a fixed vocabulary with a seeded random generator, so every run
writes the same words: word frequencies follow Zipf's law (a few words are in most
documents, most words in few), and a short list of rare terms (place names, standards)
is sprinkled into a few documents each.

Lessons are Wagtail pages. ``bulk_create`` refuses multi-table models, so the
``wagtailcore_page`` rows are bulk-created with treebeard paths computed here (the
network's path plus one 4-character base-36 step per child, as ``add_child`` would
write) and the ``network_lessonpage`` rows are then inserted in bulk with the same
low-level insert ``bulk_create`` uses, fields of that table only.
"""

import random
import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

SEED = 8
NETWORKS = 20
LESSONS = 2_000
THREADS = 2_000
REPLIES = 100_000
YEARS = 3
SLUG_PREFIX = "sbench-"
MEMBER_EMAIL = "search-bench-member@example.org"
#: The member's five networks (odd numbers are public): three public, two members-only.
MEMBER_NETWORKS = (1, 3, 5, 2, 4)

THEMES = [
    "Open contracting",
    "Budget transparency",
    "Beneficial ownership",
    "Health facility data",
    "School performance data",
    "Climate and environment data",
    "Transport and mobility data",
    "Land and property registers",
    "Justice and anti-corruption",
    "Census and statistics",
    "Extractives revenue",
    "Social protection payments",
    "Local government data",
    "Data standards",
    "Open data portals",
    "Data literacy",
    "Public participation",
    "Lobbying registers",
    "Aid transparency",
    "Water and sanitation data",
]

# Ordered from the most frequent to the least (Zipf's law over this order). Kept as text:
# one word a line would make a list of 300 lines.
VOCABULARY = """
data open government public the of and to in for budget procurement contracts publish
portal agency city ministry information transparency spending citizens standard team
process users dataset report local national council tender supplier release format
quality access platform system policy records civil society journalists monitoring
we our new first year years people work time results budgets tenders suppliers award
awards licence license machine readable csv json api download update updates regular
monthly quarterly annual review officials finance treasury audit auditors accountability
integrity risk risks corruption fraud flags indicators analysis dashboard visualisation
map maps geospatial address addresses register registers registry company companies
ownership beneficial owners identifiers identifier schema validation validator checks
documentation guidance training workshop workshops capacity skills staff champions
leadership commitment commitments action plan plans partnership reform reforms law laws
regulation regulations decree mandate requirement requirements privacy personal
protection anonymisation consent sensitive security retention archive archives history
feedback engagement participation consultation survey surveys hackathon challenge
startups developers reuse reusers applications app apps tools tool software source
code repository github cloud hosting servers infrastructure costs savings efficiency
competition bidders bids bidding evaluation criteria lots framework agreements
amendments implementation payments invoices execution allocation appropriation revenue
taxes expenditure debt health hospitals clinics schools education teachers students
transport roads buses traffic environment climate emissions water sanitation energy
mining extractives oil gas land cadastre housing justice courts police elections
statistics census indicators population municipality municipalities region regions
province provinces district districts village villages mayor parliament legislature
committee committees ombudsman inspector inspectors watchdog newsroom investigation
investigations story stories evidence impact outcomes lessons lesson mistakes barriers
obstacles culture change trust resistance incentives sustainability funding donors grant
grants pilot scaling interoperability linked vocabulary taxonomy classification codes
metadata catalogue catalog harvesting ckan dkan socrata spreadsheet spreadsheets excel
""".split()  # noqa: SIM905

#: Terms of the field that are written as a unit ("public procurement", not two unrelated
#: words): real text has such collocations, so phrase searches find what they would.
PHRASES = [
    "open data",
    "public procurement",
    "civil society",
    "open contracting",
    "budget execution",
    "beneficial ownership",
    "machine readable",
    "city council",
    "data standard",
    "open data portal",
    "freedom of information",
    "action plan",
]

RARE_TERMS = """
Montevideo Asuncion Kathmandu Tbilisi Ulaanbaatar Bogota Nairobi Kigali Chisinau Manila
OCDS IATI BODS XBRL SDMX DCAT INSPIRE OpenSpending Zapatista colloquium kumquat
""".split()  # noqa: SIM905

COUNTRIES = ["UY", "PY", "NP", "GE", "MN", "CO", "KE", "RW", "MD", "PH"]
COUNTRIES += ["MX", "BR", "AR", "CL", "UA", "NG", "GH", "ID", "FR", "GB"]


class Writer:
    """Sentences from the vocabulary: Zipf-weighted words, a few rare terms."""

    def __init__(self, seed=SEED):
        self.random = random.Random(seed)  # noqa: S311 (the same text on every run, on purpose)
        self.weights = [1 / (rank + 1) for rank in range(len(VOCABULARY))]
        self.phrase_weights = [1 / (rank + 1) for rank in range(len(PHRASES))]

    def words(self, count):
        return self.random.choices(VOCABULARY, weights=self.weights, k=count)

    def sentence(self):
        words = self.words(self.random.randint(7, 16))
        if self.random.random() < 0.3:
            phrase = self.random.choices(PHRASES, weights=self.phrase_weights)[0]
            words.insert(self.random.randrange(len(words)), phrase)
        if self.random.random() < 0.01:
            words.insert(self.random.randrange(len(words)), self.random.choice(RARE_TERMS))
        return " ".join(words).capitalize() + "."

    def paragraph(self, low, high):
        return " ".join(self.sentence() for _ in range(self.random.randint(low, high)))

    def title(self):
        return " ".join(self.words(self.random.randint(4, 8))).capitalize()

    def moment(self, after=None):
        """A time in the last ``YEARS`` years (after ``after`` when given)."""
        now = timezone.now()
        start = after or now - timedelta(days=365 * YEARS)
        return start + (now - start) * self.random.random()


def is_seeded():
    from discussions.models import Post
    from network.models import LearningNetworkPage
    from network.models.lessons import LessonPage

    networks = LearningNetworkPage.objects.filter(slug__startswith=SLUG_PREFIX).count()
    if networks == 0:
        return False
    lessons = LessonPage.objects.filter(slug__startswith=SLUG_PREFIX).count()
    replies = Post.objects.filter(thread__network__slug__startswith=SLUG_PREFIX).count()
    if (networks, lessons, replies) != (NETWORKS, LESSONS, REPLIES):
        raise SystemExit(
            f"The search benchmark's database holds part of its data ({networks} networks, "
            f"{lessons} lessons, {replies} replies): drop it and run again."
        )
    return True


def member():
    from accounts.models import User

    return User.objects.get(email=MEMBER_EMAIL)


@transaction.atomic
def seed():
    writer = Writer()
    people = _people()
    networks = _networks(writer)
    _memberships(people[0], networks)
    _lessons(writer, networks, people)
    threads = _threads(writer, networks, people)
    _replies(writer, threads, people)


def _people():
    from accounts.models import User

    people = [
        User(username="search-bench-member", email=MEMBER_EMAIL, display_name="Search Bench")
    ]
    people += [
        User(
            username=f"search-bench-writer-{number}",
            email=f"search-bench-writer-{number}@example.org",
            display_name=f"Writer {number}",
        )
        for number in range(40)
    ]
    for person in people:
        person.set_unusable_password()
    return User.objects.bulk_create(people)


def _networks(writer):
    """Twenty networks through Wagtail's ``add_child`` (few rows: the normal way);
    the even-numbered ones are members-only."""
    from home.site_setup import ensure_home_site
    from network.models import LearningNetworkPage, NetworkIndexPage

    index = NetworkIndexPage.objects.first()
    if index is None:
        index = ensure_home_site().add_child(
            instance=NetworkIndexPage(title="Networks", slug="networks", live=True)
        )
    networks = []
    for number, theme in enumerate(THEMES[:NETWORKS], start=1):
        index.refresh_from_db()
        networks.append(
            index.add_child(
                instance=LearningNetworkPage(
                    title=theme,
                    slug=f"{SLUG_PREFIX}{number:02d}",
                    intro=writer.sentence(),
                    visibility="members_only" if number % 2 == 0 else "public",
                    join_policy="approval" if number % 2 == 0 else "open",
                    live=True,
                    first_published_at=writer.moment(),
                )
            )
        )
    return networks


def _memberships(person, networks):
    from network.models import LearningNetworkPage, Membership

    chosen = [networks[number - 1] for number in MEMBER_NETWORKS]
    Membership.objects.bulk_create(
        [
            Membership(user=person, network=network, role="member", status="active")
            for network in chosen
        ]
    )
    LearningNetworkPage.objects.filter(pk__in=[n.pk for n in chosen]).update(member_count=1)


def _lessons(writer, networks, people):
    from wagtail.models import Locale, Page

    from network.models import CharterPrinciple
    from network.models.lessons import LessonPage

    content_type = ContentType.objects.get_for_model(LessonPage)
    locale = Locale.get_default()
    principles = list(CharterPrinciple.objects.values_list("pk", flat=True))
    per_network = LESSONS // len(networks)
    pages, lessons = [], []
    for network in networks:
        for number in range(1, per_network + 1):
            title = writer.title()
            slug = f"{SLUG_PREFIX}{network.pk}-{number}"
            published = writer.moment()
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=LessonPage._get_path(network.path, network.depth + 1, number),
                    depth=network.depth + 1,
                    numchild=0,
                    url_path=f"{network.url_path}{slug}/",
                    live=True,
                    first_published_at=published,
                    last_published_at=published,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    owner=writer.random.choice(people),
                )
            )
            sections = {name: writer.paragraph(2, 6) for name in LessonPage.SECTIONS}
            lessons.append(
                LessonPage(
                    summary=writer.paragraph(1, 2)[:600],
                    country=writer.random.choice(COUNTRIES),
                    sector="procurement",
                    **sections,
                )
            )
        Page.objects.filter(pk=network.pk).update(numchild=per_network)
    # Inserted in date order (ids grow with time, as on a real site); paths stay per network.
    pairs = sorted(zip(pages, lessons, strict=True), key=lambda pair: pair[0].first_published_at)
    pages, lessons = [page for page, _ in pairs], [lesson for _, lesson in pairs]
    Page.objects.bulk_create(pages, batch_size=500)
    for page, lesson in zip(pages, lessons, strict=True):
        lesson.page_ptr_id = page.pk
    fields = LessonPage._meta.local_concrete_fields
    for start in range(0, len(lessons), 500):
        LessonPage._base_manager._insert(lessons[start : start + 500], fields=fields)
    through = LessonPage.principles.through
    through.objects.bulk_create(
        [
            through(lessonpage_id=page.pk, charterprinciple_id=pk)
            for page in pages
            for pk in writer.random.sample(principles, writer.random.randint(1, 3))
        ],
        batch_size=2000,
    )


def _threads(writer, networks, people):
    from discussions.models import Thread

    threads = []
    # In date order, as people wrote them: ids grow with time, as on a real site.
    for created in sorted(writer.moment() for _ in range(THREADS)):
        body = writer.paragraph(2, 6)
        threads.append(
            Thread(
                network=writer.random.choice(networks),
                title=writer.title(),
                author=writer.random.choice(people),
                body=body,
                body_html=f"<p>{body}</p>",
                excerpt=body[:300],
                created_at=created,
                last_activity_at=created,
            )
        )
    return Thread.objects.bulk_create(threads, batch_size=500)


def _replies(writer, threads, people):
    """``REPLIES`` replies, each to a random thread, flat (depth 1), after the thread
    started; each thread's counters as the services would leave them."""
    from discussions.models import Post, Thread
    from discussions.models.posts import path_segment

    per_thread = [0] * len(threads)
    for _ in range(REPLIES):
        per_thread[writer.random.randrange(len(threads))] += 1
    posts = []
    for thread, count in zip(threads, per_thread, strict=True):
        times = sorted(writer.moment(after=thread.created_at) for _ in range(count))
        for number, when in enumerate(times, start=1):
            body = writer.paragraph(1, 4)
            posts.append(
                Post(
                    thread=thread,
                    author=writer.random.choice(people),
                    path=path_segment(number),
                    depth=1,
                    body=body,
                    body_html=f"<p>{body}</p>",
                    excerpt=body[:300],
                    created_at=when,
                )
            )
        if times:
            thread.reply_count = thread.listed_count = count
            thread.last_activity_at = times[-1]
    # Inserted in date order, as written: ids grow with time, as on a real site.
    posts.sort(key=lambda post: post.created_at)
    Post.objects.bulk_create(posts, batch_size=1000)
    Thread.objects.bulk_update(
        threads, ["reply_count", "listed_count", "last_activity_at"], batch_size=500
    )
