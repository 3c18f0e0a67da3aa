"""Demo lessons for ``manage.py seed_demo``: the library, twenty published lessons, one
experience waiting for review and one sent back with an editor's comment. Idempotent:
lessons are matched by title within their network.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from network.lessons import services
from network.lessons.lesson_texts import LESSONS
from network.lessons.workflow import ensure_editors_review
from network.models import CharterPrinciple, LearningNetworkPage
from network.models.lessons import LessonLibraryPage, LessonPage

EDITOR_EMAIL = "editor@example.org"
LIBRARY_INTRO = (
    "What governments and civil-society organisations tried with open data, what "
    "happened and what they would tell you before you start. Every lesson began as a "
    "member's experience and was edited with its authors."
)

IN_REVIEW = {
    "network": "subnational-open-data",
    "author": "ana@example.org",
    "title": "Reusing a neighbour city's open data portal code",
    "summary": "We forked another city's portal instead of buying one; here is what it cost us.",
    "context": "Our city had no budget for a commercial portal.",
    "challenge": "We needed a catalogue within three months for a new transparency law.",
    "actions": (
        "We reused the open-source code of a neighbouring city and paid its developer "
        "for a week of help."
    ),
    "results": "The portal went live in ten weeks with 45 datasets.",
    "advice": "Ask the other city for their lessons, not only their code.",
    "country": "UY",
    "government_level": "local",
    "sector": "other",
    "tags": ["open source", "data portal"],
}

CHANGES_REQUESTED = {
    "network": "open-contracting-data",
    "author": "maria@example.org",
    "title": "Training procurement officers to publish better data",
    "summary": "Data quality improved when officers saw how their data was used.",
    "context": "Many fields in our tender notices were left empty.",
    "challenge": "Officers saw data entry as paperwork.",
    "actions": "We showed each unit a dashboard of its own missing fields every month.",
    "results": "Missing fields fell a lot.",
    "advice": "Show people their own data.",
    "country": "PH",
    "government_level": "national",
    "sector": "procurement",
    "tags": ["data quality", "training"],
}
EDITOR_COMMENT = (
    "Thank you, this is useful. Could you say how much missing fields fell (a before and "
    "after figure) and how long the dashboard took to build? Then we can publish it."
)


def ensure_library(home, stdout):
    library = LessonLibraryPage.objects.first()
    if library is None:
        library = LessonLibraryPage(
            title="Lessons learned", slug="lessons", intro=LIBRARY_INTRO, show_in_menus=True
        )
        home.add_child(instance=library)
        library.save_revision().publish()
        stdout.write(f"  created page {library.url_path}")
    return library


def _fields(spec):
    principles = CharterPrinciple.objects.filter(slug__in=spec.get("principles", []))
    fields = {
        key: value
        for key, value in spec.items()
        if key not in {"network", "author", "title", "principles", "experience_date"}
    }
    if spec.get("experience_date"):
        fields["experience_date"] = datetime.date.fromisoformat(spec["experience_date"])
    return {**fields, "principles": list(principles)}


def _existing(network, title):
    return LessonPage.objects.child_of(network).filter(title=title).first()


def ensure_published_lessons(stdout, networks, people, editor):
    created = 0
    for spec in LESSONS:
        network = networks[spec["network"]]
        if _existing(network, spec["title"]):
            continue
        author = people[spec["author"]]
        lesson = services.create_draft_lesson(
            network=network, owner=author, title=spec["title"], authors=[author], **_fields(spec)
        )
        lesson.get_latest_revision().publish(user=editor)
        # Spread publication dates a few months after each experience, as in real life.
        experienced = datetime.date.fromisoformat(spec["experience_date"])
        published = timezone.make_aware(
            datetime.datetime.combine(experienced, datetime.time(10))
            + datetime.timedelta(days=120)
        )
        published = min(published, timezone.now())
        LessonPage.objects.filter(pk=lesson.pk).update(
            first_published_at=published, last_published_at=published
        )
        created += 1
    if created:
        stdout.write(f"  published {created} lessons")


def ensure_in_review(stdout, networks, people):
    spec = IN_REVIEW
    network = networks[spec["network"]]
    if _existing(network, spec["title"]):
        return
    services.share_experience(
        network=network,
        user=people[spec["author"]],
        title=spec["title"],
        submit=True,
        **_fields(spec),
    )
    stdout.write(f"  submitted “{spec['title']}” for review")


def ensure_changes_requested(stdout, networks, people, editor):
    spec = CHANGES_REQUESTED
    network = networks[spec["network"]]
    if _existing(network, spec["title"]):
        return
    lesson = services.share_experience(
        network=network,
        user=people[spec["author"]],
        title=spec["title"],
        submit=True,
        **_fields(spec),
    )
    state = lesson.current_workflow_state
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, editor, "reject", comment=EDITOR_COMMENT)
    stdout.write(f"  asked for changes to “{spec['title']}”")


@transaction.atomic
def seed(stdout):
    from home.site_setup import ensure_home_site

    home = ensure_home_site()
    ensure_editors_review()
    ensure_library(home, stdout)
    slugs = {spec["network"] for spec in [*LESSONS, IN_REVIEW, CHANGES_REQUESTED]}
    networks = {
        network.slug: network for network in LearningNetworkPage.objects.filter(slug__in=slugs)
    }
    if len(networks) < len(slugs):
        stdout.write("  lessons skipped: the demo networks are missing")
        return
    emails = {spec["author"] for spec in [*LESSONS, IN_REVIEW, CHANGES_REQUESTED]}
    people = {person.email: person for person in User.objects.filter(email__in=emails)}
    editor = User.objects.filter(email=EDITOR_EMAIL).first()
    if len(people) < len(emails) or editor is None:
        stdout.write("  lessons skipped: the demo people are missing")
        return
    ensure_published_lessons(stdout, networks, people, editor)
    ensure_in_review(stdout, networks, people)
    ensure_changes_requested(stdout, networks, people, editor)
