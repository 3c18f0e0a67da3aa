"""Demo networks for ``manage.py seed_demo``: five networks, their members and roles, a
request waiting for approval and open invitations.

Created only when missing (matched by slug, person and address), never overwritten, so
the command can run again on a site whose content people have since edited. The demo
people come from ``accounts.demo``; a person who is missing is skipped.
"""

from datetime import timedelta
from io import BytesIO

from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection

from accounts.models import User
from accounts.services import notify
from home.site_setup import ensure_home_site
from network import services
from network.models import (
    CharterPrinciple,
    Invitation,
    JoinPolicy,
    LearningNetworkPage,
    Membership,
    MembershipStatus,
    NetworkIndexPage,
    Role,
    Visibility,
)
from network.taxonomy import ensure_charter_principles

EDITORS_GROUP = "Editors"
INDEX_INTRO = (
    "Thematic networks where government teams and civil-society organisations compare "
    "notes on opening data: what they published, how people used it and what they "
    "would do differently. Join the public ones straight away, or ask to join a "
    "members-only circle."
)


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def callout(title, html):
    return {"type": "callout", "value": {"title": title, "text": html}}


def quote(text, attribution):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


# slug: title, intro, body, visibility, listed, join policy, principles, tags, countries,
#       colours of the cover, {email: role}, days since the latest activity
NETWORKS = {
    "open-contracting-data": {
        "title": "Open contracting data",
        "intro": (
            "Publishing every stage of public procurement, from planning to payment, so "
            "that buyers, suppliers and citizens can follow the money."
        ),
        "body": [
            heading("What we work on"),
            paragraph(
                "<p>Most governments already publish tender notices. Far fewer publish "
                "the award, the signed contract, its amendments and what was finally "
                "paid, and fewer still link them with one identifier. This network "
                "compares how members moved from notices to full contracting "
                "processes using the Open Contracting Data Standard (OCDS), and what "
                "changed once the data was there.</p>"
            ),
            paragraph(
                "<ul><li>Mapping e-procurement systems to OCDS and keeping the mapping "
                "alive through system upgrades.</li><li>Red-flag indicators that "
                "auditors and journalists actually use.</li><li>Publishing "
                "emergency procurement quickly without lowering the bar.</li></ul>"
            ),
            quote(
                "The first dataset was messy, but it started the right conversations "
                "between the procurement agency and the auditors.",
                "A member from a national procurement agency",
            ),
            callout(
                "How we meet",
                "<p>A monthly online session on a member's case, and threads in between. "
                "Everyone who works on public contracting data is welcome.</p>",
            ),
        ],
        "visibility": Visibility.PUBLIC,
        "listed": False,
        "join_policy": JoinPolicy.OPEN,
        "principles": [
            "open-by-default",
            "comparable-and-interoperable",
            "improved-governance-and-citizen-engagement",
        ],
        "tags": ["procurement", "OCDS", "public spending"],
        "countries": ["UA", "MX", "KE", "PH", "CL"],
        "colours": ("#0b5a6b", "#f2b134"),
        "members": {
            "diego@example.org": Role.LEAD,
            "olena@example.org": Role.FACILITATOR,
            "ana@example.org": Role.MEMBER,
            "joseph@example.org": Role.MEMBER,
            "maria@example.org": Role.MEMBER,
            "ngozi@example.org": Role.MEMBER,
        },
        "active_days_ago": 2,
    },
    "subnational-open-data": {
        "title": "Subnational open data",
        "intro": (
            "Cities, regions and provinces opening data with small teams and tight "
            "budgets: what to publish first and how to keep it up to date."
        ),
        "body": [
            heading("Why a network for local governments"),
            paragraph(
                "<p>Local governments hold the data people meet every day: bus "
                "timetables, building permits, school places, waste collection. They "
                "also tend to have one or two people doing open data alongside another "
                "job. Members share inventories, publication calendars and the "
                "arguments that convinced a mayor's office to keep funding the work.</p>"
            ),
            paragraph(
                "<p>Requests to join are approved by the facilitators so that "
                "discussions stay focused on subnational practice. Tell us briefly "
                "which city or region you work with.</p>"
            ),
        ],
        "visibility": Visibility.PUBLIC,
        "listed": False,
        "join_policy": JoinPolicy.APPROVAL,
        "principles": ["timely-and-comprehensive", "accessible-and-usable"],
        "tags": ["cities", "data inventories"],
        "countries": ["CL", "SN", "BR", "PT"],
        "colours": ("#1e6b35", "#cfe8d5"),
        "members": {
            "camila@example.org": Role.LEAD,
            "amina@example.org": Role.FACILITATOR,
            "ana@example.org": Role.MEMBER,
            "ines@example.org": Role.MEMBER,
        },
        "pending": {
            "lucas@example.org": (
                "I coordinate the open data programme of a mid-sized city in Brazil and "
                "would like to learn how others keep their datasets current."
            ),
        },
        "active_days_ago": 6,
    },
    "open-data-for-climate": {
        "title": "Open data for climate",
        "intro": (
            "Emissions, adaptation spending and climate risk data that ministries, "
            "cities and watchdogs can compare across borders."
        ),
        "body": [
            heading("Our focus this year"),
            paragraph(
                "<p>Climate commitments are only as credible as the data behind them. "
                "Members work on publishing national emission inventories in reusable "
                "formats, tracking adaptation finance from budget line to project, and "
                "opening the hazard maps that local planners need.</p>"
            ),
            paragraph(
                "<p>We pay particular attention to interoperability: the same indicator "
                "should mean the same thing in Nairobi, Lisbon and Bengaluru.</p>"
            ),
        ],
        "visibility": Visibility.PUBLIC,
        "listed": False,
        "join_policy": JoinPolicy.OPEN,
        "principles": [
            "comparable-and-interoperable",
            "inclusive-development-and-innovation",
        ],
        "tags": ["climate", "public spending"],
        "countries": ["KE", "PT", "IN", "GH"],
        "colours": ("#0a5b8c", "#9fd3e6"),
        "members": {
            "joseph@example.org": Role.LEAD,
            "priya@example.org": Role.FACILITATOR,
            "ines@example.org": Role.MEMBER,
            "samuel@example.org": Role.MEMBER,
            "amina@example.org": Role.MEMBER,
        },
        "active_days_ago": 11,
    },
    "open-data-policy-leads": {
        "title": "Open data policy leads",
        "intro": (
            "A closed circle for the officials who lead national open data policy, to "
            "discuss drafts and setbacks frankly before they become public."
        ),
        "body": [
            paragraph(
                "<p>This circle exists so that policy leads can share draft action-plan "
                "commitments, internal resistance and what did not work, without it "
                "being quoted. What is said here stays here unless the author agrees "
                "otherwise.</p>"
            ),
            callout(
                "Confidentiality",
                "<p>Do not copy posts from this network elsewhere. Lessons that members "
                "agree to share are published, anonymised where needed, in the public "
                "lesson library.</p>",
            ),
        ],
        "visibility": Visibility.MEMBERS_ONLY,
        "listed": False,
        "join_policy": JoinPolicy.APPROVAL,
        "principles": ["open-by-default", "improved-governance-and-citizen-engagement"],
        "tags": ["action plans", "policy"],
        "countries": ["UY", "KE", "PH", "GH"],
        "colours": ("#3d2f6b", "#b8a9e6"),
        "members": {
            "samuel@example.org": Role.LEAD,
            "ana@example.org": Role.FACILITATOR,
            "joseph@example.org": Role.MEMBER,
            "maria@example.org": Role.MEMBER,
        },
        "invitations": {
            "diego@example.org": Role.MEMBER,
            "policy.office@example.org": Role.MEMBER,
        },
        "active_days_ago": 4,
    },
    "beneficial-ownership-transparency": {
        "title": "Beneficial ownership transparency",
        "intro": (
            "Registers of who really owns and controls companies: legal reform, "
            "verification and linking ownership data with procurement."
        ),
        "body": [
            paragraph(
                "<p>Members compare how their countries collect, verify and publish "
                "beneficial ownership information, and how they use it to screen "
                "bidders in public procurement. Some of the cases involve ongoing "
                "investigations, so the network is for members only; anyone working on "
                "ownership transparency can ask to join.</p>"
            ),
        ],
        "visibility": Visibility.MEMBERS_ONLY,
        "listed": True,
        "join_policy": JoinPolicy.APPROVAL,
        "principles": ["open-by-default", "comparable-and-interoperable"],
        "tags": ["beneficial ownership", "procurement"],
        "countries": ["NG", "UA", "PH", "MX"],
        "colours": ("#a4262c", "#f4c7c9"),
        "members": {
            "ngozi@example.org": Role.LEAD,
            "olena@example.org": Role.FACILITATOR,
            "maria@example.org": Role.MEMBER,
            "diego@example.org": Role.MEMBER,
        },
        "active_days_ago": 1,
    },
}


def make_cover_png(title, colours):
    """A calm abstract banner drawn locally with Pillow (nothing is fetched)."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    width, height = 1200, 400
    dark, light = colours
    canvas = PILImage.new("RGB", (width, height), dark)
    draw = ImageDraw.Draw(canvas)
    seed = sum(map(ord, title))
    for index in range(9):
        radius = 60 + (seed * (index + 3)) % 160
        x = (seed * (index + 7) * 37) % width
        y = (seed * (index + 5) * 53) % height
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=light, width=6)
    for index in range(0, width, 80):
        draw.line((index, height - 40, index + 40, height - 80), fill=light, width=3)
    buffer = BytesIO()
    canvas.save(buffer, format="PNG")
    return buffer


def ensure_cover(slug, title, colours):
    Image = get_image_model()
    image_title = f"Cover: {title} (demo)"
    image = Image.objects.filter(title=image_title).first()
    if image is None:
        collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
        image = Image(
            title=image_title,
            collection=collection,
            file=ImageFile(make_cover_png(title, colours), name=f"demo-cover-{slug}.png"),
        )
        image.save()
    return image


def ensure_index(home, stdout):
    index = NetworkIndexPage.objects.child_of(home).first()
    if index is None:
        index = NetworkIndexPage(
            title="Networks", slug="networks", intro=INDEX_INTRO, show_in_menus=True
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        stdout.write(f"  created page {index.url_path}")
    return index


def ensure_network(index, slug, spec, stdout):
    network = LearningNetworkPage.objects.child_of(index).filter(slug=slug).first()
    if network is not None:
        return network, False
    principles = CharterPrinciple.objects.filter(slug__in=spec["principles"])
    network = LearningNetworkPage(
        title=spec["title"],
        slug=slug,
        intro=spec["intro"],
        body=spec["body"],
        cover_image=ensure_cover(slug, spec["title"], spec["colours"]),
        visibility=spec["visibility"],
        listed_publicly=spec["listed"],
        join_policy=spec["join_policy"],
        countries=spec["countries"],
    )
    index.add_child(instance=network)
    network.principles.set(principles)
    network.tags.set(spec["tags"])
    network.save_revision().publish()
    stdout.write(f"  created network {network.url_path}")
    return network, True


def ensure_members(network, spec, people):
    now = timezone.now()
    for email, role in spec["members"].items():
        person = people.get(email)
        if person is None:
            continue
        Membership.objects.get_or_create(
            network=network,
            user=person,
            defaults={
                "role": role,
                "status": MembershipStatus.ACTIVE,
                "created_at": now - timedelta(days=60),
                "joined_at": now - timedelta(days=59),
            },
        )
    for email, message in spec.get("pending", {}).items():
        person = people.get(email)
        if person is None:
            continue
        _, created = Membership.objects.get_or_create(
            network=network,
            user=person,
            defaults={"status": MembershipStatus.PENDING, "message": message},
        )
        if created:
            for steward in Membership.objects.for_network(network).stewards():
                notify(
                    recipient=steward.user,
                    verb="membership.requested",
                    message=f"{person} asks to join {network.title}.",
                    url=f"/networks/{network.slug}/manage/",
                    actor=person,
                    email=False,
                )
    inviter = (
        Membership.objects.for_network(network).stewards().first()
        if spec.get("invitations")
        else None
    )
    for email, role in spec.get("invitations", {}).items():
        if not Invitation.objects.unanswered().filter(network=network, email=email).exists():
            Invitation.objects.create(
                network=network,
                email=email,
                role=role,
                invited_by=inviter.user if inviter else None,
            )
            invited = people.get(email)
            if invited is not None:
                notify(
                    recipient=invited,
                    verb="invitation.received",
                    message=f"You are invited to join {network.title}.",
                    url="/my/networks/",
                    actor=inviter.user if inviter else None,
                    email=False,
                )
    services.refresh_member_count(network=network)


def ensure_editor_permissions(stdout):
    """Let the demo's "Editors" group (made by home.demo) manage memberships and the
    Charter principles in the admin, as the staff editor is meant to."""
    group = Group.objects.filter(name=EDITORS_GROUP).first()
    if group is None:
        return
    permissions = Permission.objects.filter(
        content_type__app_label="network",
        content_type__model__in=["membership", "charterprinciple"],
    )
    group.permissions.add(*permissions)


@transaction.atomic
def seed(stdout):
    """The network index under the home page and five networks with their people."""
    ensure_charter_principles()
    home = ensure_home_site()
    index = ensure_index(home, stdout)
    emails = {
        email
        for spec in NETWORKS.values()
        for email in [*spec["members"], *spec.get("pending", {}), *spec.get("invitations", {})]
    }
    people = {user.email: user for user in User.objects.filter(email__in=emails)}
    if not people:
        stdout.write("  no demo people found: networks created without members")
    for slug, spec in NETWORKS.items():
        network, created = ensure_network(index, slug, spec, stdout)
        ensure_members(network, spec, people)
        if created:
            services.touch_activity(
                network=network, when=timezone.now() - timedelta(days=spec["active_days_ago"])
            )
    ensure_editor_permissions(stdout)
