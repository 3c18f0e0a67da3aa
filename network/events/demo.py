"""Demo events for ``manage.py seed_demo``: the events index and six events.

Online, face-to-face and hybrid; two past ones with a summary (one with slides and a
recording link), upcoming ones, one full with a waiting list, and one in a members-only
network. Dates are set relative to the day of seeding, so "upcoming" stays upcoming.
Created only when missing (matched by slug), never overwritten.
"""

import datetime
from io import BytesIO

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection

from accounts.models import User
from home.site_setup import ensure_home_site
from network.events import services
from network.models import CharterPrinciple, LearningNetworkPage
from network.models.events import (
    EventFormat,
    EventIndexPage,
    EventPage,
    EventQuestion,
    Registration,
    RegistrationStatus,
)

INDEX_INTRO = (
    "Webinars, workshops at summits and hybrid round tables where members compare notes "
    "with experts. Register to get the online link and a reminder the day before; "
    "afterwards you will find the summary, the recording and the slides here."
)


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


ACCESSIBILITY = (
    "Do you need anything to take part fully?",
    "For example step-free access, live captions, sign language or a quiet room.",
)

# slug: where (None: site-wide, else a network slug), days from today, local start and
# end, zone, format, place, address, online link, language, capacity, principles,
# intro, body, questions, registered, waiting, summary, recording, slides
EVENTS = {
    "procurement-data-first-year": {
        "network": "open-contracting-data",
        "days": -24,
        "start": (15, 0),
        "end": (16, 30),
        "zone": "America/Mexico_City",
        "format": EventFormat.ONLINE,
        "title": "Procurement data in OCDS: what a first year of publishing taught us",
        "intro": (
            "Three publishers look back on their first year of full contracting "
            "processes in the Open Contracting Data Standard: what they would do again, "
            "and what they would never do again."
        ),
        "online_link": "https://meet.example.org/ocds-first-year",
        "language": "es",
        "capacity": None,
        "principles": ["timely-and-comprehensive", "comparable-and-interoperable"],
        "body": [
            paragraph(
                "<p>Fifteen minutes from each publisher, then questions. We focus on the "
                "unglamorous parts: identifiers for buyers and suppliers, amendments, and "
                "keeping the feed running when the procurement system changes.</p>"
            ),
        ],
        "registered": ["diego@example.org", "ana@example.org", "joseph@example.org"],
        "summary": (
            "<p>All three publishers said the hardest part was not the standard but "
            "the identifiers: suppliers registered under several names made award data "
            "hard to use until a register of company identifiers was linked in.</p>"
            "<p>Two of them now publish amendments within a week. The third still "
            "publishes monthly and is testing a daily export.</p>"
        ),
        "recording": "https://video.example.org/ocds-first-year",
        "slides": "OCDS first year: slides",
    },
    "subnational-action-plans-workshop": {
        "network": None,
        "days": 12,
        "start": (9, 30),
        "end": (12, 30),
        "zone": "Europe/Madrid",
        "format": EventFormat.IN_PERSON,
        "title": "Workshop: open data commitments in local action plans",
        "intro": (
            "A hands-on morning at the regional summit in Madrid for city and regional "
            "teams writing their first open data commitments."
        ),
        "place": "Palacio de Congresos, room 3",
        "address": "Paseo de la Castellana 99\n28046 Madrid\nSpain",
        "language": "en",
        "capacity": 3,
        "principles": ["open-by-default", "improved-governance-and-citizen-engagement"],
        "body": [
            heading("How the morning works"),
            paragraph(
                "<p>Bring a draft commitment, even a rough one. In small groups we test "
                "each draft against the Charter principles and rewrite it so that it is "
                "specific, measurable and has a named owner.</p>"
            ),
        ],
        "questions": [ACCESSIBILITY, ("Dietary requirements", "Coffee and lunch are served.")],
        "registered": ["ana@example.org", "joseph@example.org", "maria@example.org"],
        "waiting": ["diego@example.org", "ngozi@example.org"],
    },
    "ai-and-open-data-round-table": {
        "network": None,
        "days": 20,
        "start": (10, 0),
        "end": (12, 0),
        "zone": "America/Santiago",
        "format": EventFormat.HYBRID,
        "title": "Round table: what AI changes for open data publishers",
        "intro": (
            "Publishers, re-users and a data-protection authority discuss whether large "
            "language models change what should be published, and how."
        ),
        "place": "CEPAL, Sala Raúl Prebisch",
        "address": "Av. Dag Hammarskjöld 3477\nVitacura, Santiago\nChile",
        "online_link": "https://meet.example.org/ai-open-data-round-table",
        "language": "es",
        "capacity": 40,
        "principles": ["accessible-and-usable", "inclusive-development-and-innovation"],
        "body": [
            paragraph(
                "<p>Questions on the table: should publishers describe datasets for "
                "machines as well as people? Does bulk re-use by AI companies change the "
                "case for open licences? What about personal data that leaks into "
                "training sets through poorly anonymised releases?</p>"
            ),
        ],
        "questions": [ACCESSIBILITY],
        "registered": ["samuel@example.org", "ines@example.org"],
    },
    "adaptation-finance-tracking": {
        "network": "open-data-for-climate",
        "days": 6,
        "start": (14, 0),
        "end": (15, 0),
        "zone": "Africa/Nairobi",
        "format": EventFormat.ONLINE,
        "title": "Following adaptation finance from budget line to project",
        "intro": (
            "How the Kenyan treasury and a civil-society tracker link budget codes to "
            "project sites, and what other members could reuse."
        ),
        "online_link": "https://meet.example.org/adaptation-finance",
        "language": "en",
        "capacity": 50,
        "principles": ["comparable-and-interoperable", "inclusive-development-and-innovation"],
        "body": [
            paragraph(
                "<p>A 20-minute walk through the data model, then an open discussion. "
                "Come with the budget classification your country uses.</p>"
            ),
        ],
        "registered": ["ines@example.org", "amina@example.org"],
    },
    "policy-leads-commitments-session": {
        "network": "open-data-policy-leads",
        "days": 9,
        "start": (13, 0),
        "end": (14, 30),
        "zone": "UTC",
        "format": EventFormat.ONLINE,
        "title": "Closed session: stress-testing draft commitments",
        "intro": (
            "Policy leads read each other's draft commitments for the next action plan "
            "before they go to public consultation."
        ),
        "online_link": "https://meet.example.org/policy-leads-commitments",
        "language": "en",
        "capacity": 12,
        "principles": ["open-by-default"],
        "body": [
            paragraph(
                "<p>Chatham House rule. Send your draft to the facilitators two days "
                "before so everyone can read it in advance.</p>"
            ),
        ],
        "registered": ["samuel@example.org", "ana@example.org"],
    },
    "montevideo-local-open-data-exchange": {
        "network": None,
        "days": -45,
        "start": (10, 0),
        "end": (17, 0),
        "zone": "America/Montevideo",
        "format": EventFormat.IN_PERSON,
        "title": "Peer exchange in Montevideo: open data in local government",
        "intro": (
            "A day with five municipal open data teams from three countries, hosted by "
            "Montevideo's city hall."
        ),
        "place": "Intendencia de Montevideo, Sala Ernesto de los Campos",
        "address": "Av. 18 de Julio 1360\n11200 Montevideo\nUruguay",
        "language": "es",
        "capacity": 30,
        "principles": ["accessible-and-usable", "improved-governance-and-citizen-engagement"],
        "body": [
            paragraph(
                "<p>Morning: each team presents one dataset people actually use. "
                "Afternoon: site visit to the city's mobility data team.</p>"
            ),
        ],
        "registered": ["ana@example.org", "diego@example.org", "maria@example.org"],
        "summary": (
            "<p>The teams agreed that the datasets people use are the ones tied to a "
            "daily decision: bus times, permits, rubbish collection. Two cities will "
            "share their permit data model with the others.</p>"
        ),
    },
}


def slides_pdf(title):
    """A one-page PDF drawn locally with Pillow (nothing is fetched)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1280, 720), "#0b5a6b")
    draw = ImageDraw.Draw(image)
    draw.text((80, 320), title, fill="#ffffff", font_size=48)
    buffer = BytesIO()
    image.save(buffer, "PDF")
    return buffer.getvalue()


def ensure_slides(title):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title, collection=Collection.get_first_root_node())
        slug = title.lower().replace(" ", "-").replace(":", "")
        document.file.save(f"{slug}.pdf", ContentFile(slides_pdf(title)), save=False)
        document.save()
    return document


def ensure_index(home, stdout):
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = EventIndexPage(
            title="Events", slug="events", intro=INDEX_INTRO, show_in_menus=True
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        stdout.write(f"  created page {index.url_path}")
    return index


def ensure_event(parent, slug, spec, stdout):
    if EventPage.objects.filter(slug=slug).exists():
        return None
    day = timezone.localdate() + datetime.timedelta(days=spec["days"])
    event = EventPage(
        title=spec["title"],
        slug=slug,
        intro=spec["intro"],
        body=spec.get("body", []),
        format=spec["format"],
        time_zone=spec["zone"],
        start_date=day,
        start_time=datetime.time(*spec["start"]),
        end_time=datetime.time(*spec["end"]),
        place_name=spec.get("place", ""),
        address=spec.get("address", ""),
        online_link=spec.get("online_link", ""),
        language=spec["language"],
        capacity=spec["capacity"],
        summary=spec.get("summary", ""),
        recording_url=spec.get("recording", ""),
    )
    if spec.get("slides"):
        event.slides = [("document", ensure_slides(spec["slides"]))]
    event.principles = list(CharterPrinciple.objects.filter(slug__in=spec["principles"]))
    for order, (label, help_text) in enumerate(spec.get("questions", [])):
        event.questions.add(EventQuestion(sort_order=order, label=label, help_text=help_text))
    parent.add_child(instance=event)
    event.save_revision().publish()
    stdout.write(f"  created event {event.url_path}")
    return event


def add_people(event, spec):
    people = {
        u.email: u
        for u in User.objects.filter(
            email__in=spec.get("registered", []) + spec.get("waiting", [])
        )
    }
    for email in [*spec.get("registered", []), *spec.get("waiting", [])]:
        person = people.get(email)
        if person is None:
            continue
        if event.has_started:
            status = (
                RegistrationStatus.WAITING
                if email in spec.get("waiting", [])
                else RegistrationStatus.REGISTERED
            )
            Registration.objects.get_or_create(
                event=event, user=person, defaults={"status": status}
            )
        else:
            services.register(event=event, user=person)


@transaction.atomic
def seed(stdout):
    home = ensure_home_site()
    index = ensure_index(home, stdout)
    networks = {n.slug: n for n in LearningNetworkPage.objects.all()}
    for slug, spec in EVENTS.items():
        parent = index if spec["network"] is None else networks.get(spec["network"])
        if parent is None:
            continue
        event = ensure_event(parent, slug, spec, stdout)
        if event is not None:
            add_people(EventPage.objects.get(pk=event.pk), spec)
