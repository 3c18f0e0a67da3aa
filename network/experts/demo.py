"""Demo experts for ``manage.py seed_demo``: the directory, eight expert profiles of
demo people, and the public, open "Ask the experts" network.

Created only when missing (matched by slug), never overwritten. Live sessions and
questions to these experts come from ``discussions.live.demo``.
"""

from io import BytesIO

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection

from accounts.models import Organisation, User
from home.site_setup import ensure_home_site
from network import services
from network.demo import ensure_cover, ensure_index, paragraph
from network.models import (
    CharterPrinciple,
    ExpertIndexPage,
    ExpertLanguage,
    ExpertLink,
    ExpertProfilePage,
    JoinPolicy,
    LearningNetworkPage,
    Membership,
    MembershipStatus,
    Role,
    Visibility,
)
from network.taxonomy import ensure_charter_principles

ASK_NETWORK_SLUG = "ask-the-experts"

INDEX_INTRO = (
    "People in the working group who have done it before: publishing by default, data "
    "standards, procurement, budgets, beneficial ownership. Ask one of them a question, "
    "or join the live sessions they host."
)

# slug: email, headline, organisation, countries, languages, principles, topics,
#       bio (rich text), links, photo colour
EXPERTS = {
    "ana-perez": {
        "email": "ana@example.org",
        "headline": "Publishing by default: data inventories and publication rules",
        "organisation": "Ministry of Digital Government (Uruguay)",
        "countries": ["UY", "AR", "PY"],
        "languages": ["es", "en"],
        "principles": ["open-by-default", "timely-and-comprehensive"],
        "topics": ["data inventories", "open data policy", "publication by default"],
        "bio": (
            "<p>Ana leads the team behind Uruguay's national open data portal. She took "
            "the ministry from publishing files on request to a rule that every new "
            "dataset is public unless an exception is written down, and built the "
            "data inventory that made the rule enforceable.</p><p>Ask her about "
            "inventories, exception registers and convincing data owners.</p>"
        ),
        "links": [("National open data portal", "https://catalogodatos.example.org")],
        "colour": "#0b5a6b",
    },
    "joseph-kamau": {
        "email": "joseph@example.org",
        "headline": "Data standards and shared identifiers for ministries and counties",
        "organisation": "Kenya Public Data Directorate",
        "countries": ["KE", "TZ", "UG"],
        "languages": ["en", "sw"],
        "principles": ["comparable-and-interoperable", "accessible-and-usable"],
        "topics": ["data standards", "identifiers", "budgets"],
        "bio": (
            "<p>Joseph looks after data standards across Kenya's ministries and 47 "
            "counties: common identifiers for health facilities and schools, and a "
            "shared schema for county budgets that lets citizens compare them.</p>"
        ),
        "links": [("County budget schema", "https://standards-ke.example.org/budgets")],
        "colour": "#1e6b35",
    },
    "maria-lourdes-santos": {
        "email": "maria@example.org",
        "headline": "Machine-readable budgets, published every quarter",
        "organisation": "Open Budget Office of the Philippines",
        "countries": ["PH", "ID"],
        "languages": ["en"],
        "principles": ["timely-and-comprehensive", "improved-governance-and-citizen-engagement"],
        "topics": ["budgets", "public spending", "fiscal transparency"],
        "bio": (
            "<p>Maria publishes the national budget and its quarterly execution as "
            "machine-readable data, and works with civil-society groups who track "
            "spending in their provinces. She has strong views on release calendars.</p>"
        ),
        "links": [],
        "colour": "#8a4b08",
    },
    "diego-hernandez": {
        "email": "diego@example.org",
        "headline": "Procurement data quality and feedback loops with publishers",
        "organisation": "Datos Claros",
        "countries": ["MX", "GT", "HN", "CO"],
        "languages": ["es", "en"],
        "principles": ["improved-governance-and-citizen-engagement", "accessible-and-usable"],
        "topics": ["procurement", "OCDS", "data quality", "journalism"],
        "bio": (
            "<p>Diego runs Datos Claros, which trains journalists and community groups "
            "to use public procurement data. He has helped four publishers move to the "
            "Open Contracting Data Standard and set up the feedback loops that keep "
            "their data improving.</p>"
        ),
        "links": [("Datos Claros", "https://datosclaros.example.org")],
        "colour": "#5b2a86",
    },
    "olena-kovalenko": {
        "email": "olena@example.org",
        "headline": "Red-flag indicators for public tenders",
        "organisation": "Open Contracting Watch Ukraine",
        "countries": ["UA", "MD", "GE"],
        "languages": ["uk", "en"],
        "principles": ["improved-governance-and-citizen-engagement", "open-by-default"],
        "topics": ["procurement", "red flags", "OCDS", "reconstruction"],
        "bio": (
            "<p>Olena builds red-flag indicators on public tenders and helps local "
            "monitors follow reconstruction contracts. She is interested in which "
            "indicators auditors act on, and which only make noise.</p>"
        ),
        "links": [],
        "colour": "#a4262c",
    },
    "ines-carvalho": {
        "email": "ines@example.org",
        "headline": "Municipal open data that outlasts a political cycle",
        "organisation": "Civic Data Institute, Universidade do Atlântico",
        "countries": ["PT", "BR", "ES", "CV"],
        "languages": ["pt", "en", "es"],
        "principles": ["open-by-default", "inclusive-development-and-innovation"],
        "topics": ["local government", "open data policy", "evaluation"],
        "bio": (
            "<p>Inês studies how open data policies are implemented in municipalities "
            "and what makes publication last after the people who started it have "
            "moved on. She has evaluated programmes in Portugal, Brazil and Cabo "
            "Verde.</p>"
        ),
        "links": [("Civic Data Institute", "https://civicdata.example.org")],
        "colour": "#0a5b8c",
    },
    "amina-diallo": {
        "email": "amina@example.org",
        "headline": "Water and sanitation data with community organisations",
        "organisation": "Réseau Données Ouvertes Sénégal",
        "countries": ["SN", "ML", "BF", "CI"],
        "languages": ["fr", "en"],
        "principles": ["inclusive-development-and-innovation", "accessible-and-usable"],
        "topics": ["water and sanitation", "data literacy", "local government"],
        "bio": (
            "<p>Amina coordinates a network of associations that use open data on water "
            "and sanitation to hold service providers to account. She facilitates the "
            "working group's French-speaking exchanges.</p>"
        ),
        "links": [],
        "colour": "#2f6f73",
    },
    "ngozi-okafor": {
        "email": "ngozi@example.org",
        "headline": "Extractive-industry revenues and beneficial ownership",
        "organisation": "Transparency Bridge Nigeria",
        "countries": ["NG", "GH", "ZM"],
        "languages": ["en", "ig"],
        "principles": ["improved-governance-and-citizen-engagement", "open-by-default"],
        "topics": ["beneficial ownership", "extractives", "public spending"],
        "bio": (
            "<p>Ngozi researches how extractive-industry revenues are reported and how "
            "communities near mining sites can use that data, including who really "
            "owns the licence holders.</p>"
        ),
        "links": [],
        "colour": "#6b4e16",
    },
}

ASK_NETWORK = {
    "title": "Ask the experts",
    "intro": (
        "Questions to the working group's experts, open to everyone signed in: ask one, "
        "read the answers, join the live sessions."
    ),
    "body": [
        paragraph(
            "<p>Anyone signed in can ask here: pick an expert from the directory, or a "
            "principle and a topic and up to three matching experts hear of it. Keep "
            "one question per thread and say where you work and what you tried.</p>"
        )
    ],
    "principles": [
        "open-by-default",
        "accessible-and-usable",
        "comparable-and-interoperable",
    ],
    "tags": ["questions", "experts"],
    "colours": ("#073f4b", "#9fd3c7"),
    "facilitator": "samuel@example.org",
}


def make_portrait_png(initials, colour):
    """A plain round portrait with initials, drawn locally (nothing is fetched)."""
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    size = 320
    canvas = PILImage.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(canvas)
    font = ImageFont.load_default(size=128)
    draw.text((size / 2, size / 2), initials, fill="#ffffff", font=font, anchor="mm")
    buffer = BytesIO()
    canvas.save(buffer, format="PNG")
    return buffer


def ensure_portrait(slug, name, colour):
    Image = get_image_model()
    title = f"Portrait: {name} (demo)"
    image = Image.objects.filter(title=title).first()
    if image is None:
        initials = "".join(part[0] for part in name.split()[:2]).upper()
        collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
        image = Image(
            title=title,
            collection=collection,
            file=ImageFile(make_portrait_png(initials, colour), name=f"demo-expert-{slug}.png"),
        )
        image.save()
    return image


def ensure_expert_index(home, stdout):
    index = ExpertIndexPage.objects.child_of(home).first()
    if index is None:
        index = ExpertIndexPage(
            title="Experts", slug="experts", intro=INDEX_INTRO, show_in_menus=True
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        stdout.write(f"  created page {index.url_path}")
    return index


def ensure_ask_network(home, stdout):
    networks = ensure_index(home, stdout)
    network = LearningNetworkPage.objects.filter(slug=ASK_NETWORK_SLUG).first()
    if network is not None:
        return network
    spec = ASK_NETWORK
    network = LearningNetworkPage(
        title=spec["title"],
        slug=ASK_NETWORK_SLUG,
        intro=spec["intro"],
        body=spec["body"],
        cover_image=ensure_cover(ASK_NETWORK_SLUG, spec["title"], spec["colours"]),
        visibility=Visibility.PUBLIC,
        join_policy=JoinPolicy.OPEN,
    )
    networks.add_child(instance=network)
    network.principles.set(CharterPrinciple.objects.filter(slug__in=spec["principles"]))
    network.tags.set(spec["tags"])
    network.save_revision().publish()
    facilitator = User.objects.filter(email=spec["facilitator"]).first()
    if facilitator is not None:
        now = timezone.now()
        Membership.objects.get_or_create(
            network=network,
            user=facilitator,
            defaults={
                "role": Role.LEAD,
                "status": MembershipStatus.ACTIVE,
                "joined_at": now,
            },
        )
        services.refresh_member_count(network=network)
    stdout.write(f"  created network {network.url_path}")
    return network


def ensure_expert(index, slug, spec, stdout):
    if ExpertProfilePage.objects.filter(slug=slug).exists():
        return None
    user = User.objects.filter(email=spec["email"]).first()
    if user is None:
        stdout.write(f"  no demo person {spec['email']}: expert {slug} skipped")
        return None
    name = user.get_full_name()
    expert = ExpertProfilePage(
        title=name,
        slug=slug,
        user=user,
        headline=spec["headline"],
        photo=ensure_portrait(slug, name, spec["colour"]),
        organisation=Organisation.objects.filter(name=spec["organisation"]).first(),
        countries=spec["countries"],
        bio=spec["bio"],
    )
    expert.languages = [
        ExpertLanguage(language=code, sort_order=order)
        for order, code in enumerate(spec["languages"])
    ]
    expert.links = [
        ExpertLink(label=label, url=url, sort_order=order)
        for order, (label, url) in enumerate(spec["links"])
    ]
    index.add_child(instance=expert)
    expert.principles.set(CharterPrinciple.objects.filter(slug__in=spec["principles"]))
    expert.topics.set(spec["topics"])
    expert.save_revision().publish()
    stdout.write(f"  created expert {expert.url_path}")
    return expert


@transaction.atomic
def seed(stdout):
    ensure_charter_principles()
    home = ensure_home_site()
    index = ensure_expert_index(home, stdout)
    network = ensure_ask_network(home, stdout)
    if index.ask_network_id is None:
        index.ask_network = network
        index.save_revision().publish()
    for slug, spec in EXPERTS.items():
        ensure_expert(index, slug, spec, stdout)
