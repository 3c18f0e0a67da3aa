"""Demo pages, navigation and the Editors group for ``manage.py seed_demo``.

Everything is created only when missing: a page an editor has since changed is left
alone, and running the seed again adds nothing.
"""

from io import BytesIO

from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from accounts.demo import ADMIN_EMAIL, EDITOR_EMAIL
from accounts.models import User
from accounts.staff import grant_staff_permissions
from home.models import HomePage, NavigationSettings, StandardPage
from home.site_setup import ensure_home_site

EDITORS_GROUP = "Editors"
CONTACT_EMAIL = "opendata@example.org"
CHART_TITLE = "Organisations in the working group, by region (demo)"
# (region, governments, civil society): fictional figures for the demo chart.
REGIONS = [
    ("Africa", 17, 23),
    ("Americas", 21, 31),
    ("Asia-Pacific", 16, 25),
    ("Europe", 20, 29),
    ("Middle East", 6, 12),
]


# --- Small builders for StreamField data (the JSON form Wagtail stores) ----------------
def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def quote(text, attribution=""):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def callout(title, html):
    return {"type": "callout", "value": {"title": title, "text": html}}


def image(image_id, alt_text, caption=""):
    return {
        "type": "image",
        "value": {
            "image": {"image": image_id, "alt_text": alt_text, "decorative": False},
            "caption": caption,
        },
    }


def page_link(page, text):
    """A rich-text link in Wagtail's database format, so it follows the page if moved."""
    return f'<a linktype="page" id="{page.pk}">{text}</a>'


SAMPLE_TEXT_NOTE = callout(
    "Sample text",
    "<p>This page is demo content. Replace it with text your legal and data-protection "
    "advisers have approved before the platform goes live.</p>",
)


# --- Page bodies --------------------------------------------------------------------
def about_body(pages, chart):
    body = [
        heading("Who we are"),
        paragraph(
            "<p>The open data working group brings together the national and local "
            "governments and the civil-society organisations of a multilateral open "
            "government partnership: around 80 governments and 120 organisations that "
            "have made commitments to publish and use open data. This platform is where "
            "they learn from each other between meetings.</p>"
        ),
        paragraph(
            "<p>The partnership's members write open data commitments into their "
            "national action plans every two years. Many of those commitments repeat "
            "problems that another member has already solved, or failed to solve, "
            "somewhere else. The working group exists to shorten that path.</p>"
        ),
        heading("How the platform works"),
        paragraph(
            "<ul>"
            "<li><b>Thematic networks</b> gather people working on the same subject, "
            "such as open contracting, budget data or climate data. Facilitators from "
            "member organisations run them; some are open to every member, some ask "
            "you to request to join.</li>"
            "<li><b>Lessons</b> are structured write-ups of real initiatives: the "
            "context, the challenge, what was done, what happened and what others can "
            "take from it. Members send in their experiences; the secretariat's "
            "editors review them with the authors and publish them.</li>"
            "<li><b>Experts</b> from governments, civil society and academia answer "
            "questions, host live sessions and review draft commitments.</li>"
            "<li><b>Commitment reviews</b> let a government ask peers for feedback on a "
            "draft commitment, principle by principle, before it is published.</li>"
            "</ul>"
        ),
    ]
    if chart is not None:
        body.append(
            image(
                chart.pk,
                "Bar chart of participating organisations by region. Africa: 17 "
                "governments and 23 civil-society organisations; Americas: 21 and 31; "
                "Asia-Pacific: 16 and 25; Europe: 20 and 29; Middle East: 6 and 12.",
                "Participating governments and civil-society organisations by region "
                "(illustrative figures).",
            )
        )
    body += [
        heading("Who runs it"),
        paragraph(
            "<p>The partnership's secretariat hosts the platform and its editors curate "
            "the library. Each network is run by its own facilitators. Everyone who "
            "takes part agrees to the "
            f"{page_link(pages['code-of-conduct'], 'code of conduct')}.</p>"
        ),
        quote(
            "We had drafted our beneficial-ownership commitment three times before we "
            "spoke to a team that had already published its register. Two calls saved "
            "us a year.",
            "A member of a national open data team, at a peer exchange",
        ),
        paragraph(
            f"<p>Questions about the working group? {page_link(pages['contact'], 'Contact us')}"
            ".</p>"
        ),
    ]
    return body


def code_of_conduct_body(pages):
    return [
        paragraph(
            "<p>This platform works because officials and activists can speak frankly "
            "about what did not work. Protecting that trust is everyone's job.</p>"
        ),
        heading("Expected behaviour"),
        paragraph(
            "<ul>"
            "<li>Be generous with what you know and honest about what went wrong.</li>"
            "<li>Discuss ideas and decisions, not people. Disagree without contempt.</li>"
            "<li>Write so that people reading in their second or third language can "
            "follow you: short sentences, acronyms spelled out.</li>"
            "<li>Credit the people and organisations whose work you build on.</li>"
            "</ul>"
        ),
        heading("Unacceptable behaviour"),
        paragraph(
            "<ul>"
            "<li>Harassment, insults or discrimination of any kind.</li>"
            "<li>Sharing someone else's personal data, or a private discussion, outside "
            "the network where it was posted.</li>"
            "<li>Advertising products or services, or soliciting contracts.</li>"
            "<li>Presenting a claimed affiliation as if it were verified.</li>"
            "</ul>"
        ),
        heading("Confidential material"),
        paragraph(
            "<p>Draft commitments shared for review, and discussions in members-only "
            "networks, are confidential to the people who can see them. Do not quote "
            "them elsewhere without the author's permission.</p>"
        ),
        heading("Reporting a problem"),
        paragraph(
            "<p>Use the report link on any post, or write to the team through the "
            f"{page_link(pages['contact'], 'contact page')}. Facilitators and editors "
            "review every report, may hide content or suspend an account, and tell the "
            "person who reported what they decided.</p>"
        ),
    ]


def terms_body(pages):
    return [
        SAMPLE_TEXT_NOTE,
        heading("Who may use the platform"),
        paragraph(
            "<p>Anyone may read public pages. To take part you need an account, and "
            "you must accept these terms and the "
            f"{page_link(pages['privacy'], 'privacy notice')}. Some networks are open "
            "only to people whose affiliation with a member organisation staff have "
            "verified.</p>"
        ),
        heading("Your account"),
        paragraph(
            "<p>Keep your password to yourself and tell us at once if you think someone "
            "else has used your account. One account per person; accounts are not "
            "shared within an organisation.</p>"
        ),
        heading("What you post"),
        paragraph(
            "<p>You keep the rights to what you write. Lessons and posts in public "
            "networks are published under the Creative Commons Attribution 4.0 licence "
            "so that others can reuse them with credit. Posts in members-only networks "
            "stay within the network.</p>"
        ),
        paragraph(
            "<p>Everything you post must follow the "
            f"{page_link(pages['code-of-conduct'], 'code of conduct')}. Editors may "
            "correct obvious errors in lessons before publishing them and will ask you "
            "before changing their meaning.</p>"
        ),
        heading("Changes to these terms"),
        paragraph(
            "<p>If we change these terms we will say so on the site and by email at "
            "least 30 days before the change applies.</p>"
        ),
    ]


def privacy_body(pages):
    return [
        SAMPLE_TEXT_NOTE,
        heading("What we collect"),
        paragraph(
            "<p>Your email address and password (stored only as a hash), the profile "
            "you fill in — display name, organisation, country, languages, time zone "
            "and a short bio — and what you post. We record when you accepted the terms "
            "and this notice.</p>"
        ),
        heading("Who sees your profile"),
        paragraph(
            "<p>Your profile is visible to signed-in members only, unless you choose to "
            "make it public. Expert profiles are public. Your email address is never "
            "shown to other members.</p>"
        ),
        heading("Cookies"),
        paragraph(
            "<p>We use one cookie to keep you signed in and one to protect forms against "
            "forgery. There are no analytics or advertising cookies, and pages load "
            "nothing from other websites.</p>"
        ),
        heading("Emails"),
        paragraph(
            "<p>We email you to confirm your address, to reset your password and, if "
            "you want them, to tell you about replies and network activity. You can turn "
            "notification emails off in your profile.</p>"
        ),
        heading("Your rights"),
        paragraph(
            "<p>You can correct your profile at any time. To get a copy of your data or "
            "to delete your account, write to us through the "
            f"{page_link(pages['contact'], 'contact page')}; we answer within 30 days."
            "</p>"
        ),
    ]


def contact_body(pages):
    return [
        paragraph(
            "<p>The working group's secretariat answers questions about the platform, "
            "membership of the working group and affiliation checks. Write to "
            f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>; we reply within two '
            "working days, in English, French or Spanish.</p>"
        ),
        heading("Questions about a network"),
        paragraph(
            "<p>Each network is run by its facilitators. Ask them in the network's "
            "discussions, where other members can benefit from the answer.</p>"
        ),
        heading("Reporting content"),
        paragraph(
            "<p>To report a post, use the report link beside it. To report anything "
            "else, write to us and read how we handle reports in the "
            f"{page_link(pages['code-of-conduct'], 'code of conduct')}.</p>"
        ),
    ]


def home_body(pages):
    return [
        heading("Learn from peers who have done it"),
        paragraph(
            "<p>Open data commitments are easier to keep when you can ask someone who "
            "has already kept one. Here, officials and civil-society organisations from "
            "across the partnership share what worked, what did not, and why — in "
            "lessons, in thematic networks and in conversations with experts.</p>"
        ),
        paragraph(
            "<ul>"
            "<li><b>Read lessons</b> from real initiatives, each tagged with the Open "
            "Data Charter principles it puts into practice.</li>"
            "<li><b>Join a network</b> on the subject you work on and ask the people "
            "who publish the same kind of data.</li>"
            "<li><b>Ask an expert</b>, or bring a draft commitment for peer review "
            "before it goes into your action plan.</li>"
            "</ul>"
        ),
        heading("Built on the Open Data Charter"),
        paragraph(
            "<p>Everything in the library is organised by the six principles of the "
            "International Open Data Charter: open by default; timely and "
            "comprehensive; accessible and usable; comparable and interoperable; for "
            "improved governance and citizen engagement; and for inclusive development "
            "and innovation.</p>"
        ),
        paragraph(
            "<p>New to the working group? Read "
            f"{page_link(pages['about'], 'how the platform works')} and the "
            f"{page_link(pages['code-of-conduct'], 'code of conduct')} that everyone who "
            "takes part agrees to.</p>"
        ),
    ]


STANDARD_PAGES = [
    # slug, title, intro, show in main menu, body builder
    (
        "about",
        "About",
        "A shared learning space for the governments and civil-society organisations of "
        "the open data working group.",
        True,
        about_body,
    ),
    (
        "code-of-conduct",
        "Code of conduct",
        "How we treat each other here, and what happens when someone does not.",
        False,
        code_of_conduct_body,
    ),
    (
        "terms",
        "Terms of use",
        "The rules for using the platform and for what you post on it.",
        False,
        terms_body,
    ),
    (
        "privacy",
        "Privacy notice",
        "What we know about you, who can see it, and how to change or remove it.",
        False,
        privacy_body,
    ),
    (
        "contact",
        "Contact",
        "How to reach the team that runs the platform.",
        False,
        contact_body,
    ),
]


# --- Images ---------------------------------------------------------------------------
def make_chart_png():
    """Draw the demo bar chart locally with Pillow (nothing is fetched)."""
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    width, height = 960, 640
    canvas = PILImage.new("RGB", (width, height), "#ffffff")
    draw = ImageDraw.Draw(canvas)
    title_font = ImageFont.load_default(size=40)
    font = ImageFont.load_default(size=32)
    text, government, civil = "#1d2730", "#0b5a6b", "#f2b134"

    draw.text((30, 24), "Organisations by region", fill=text, font=title_font)
    draw.rectangle((30, 94, 60, 124), fill=government)
    draw.text((72, 90), "Governments", fill=text, font=font)
    draw.rectangle((340, 94, 370, 124), fill=civil)
    draw.text((382, 90), "Civil society", fill=text, font=font)

    left, top, row, scale = 240, 170, 92, 11
    for index, (region, governments, civil_society) in enumerate(REGIONS):
        y = top + index * row
        draw.text((30, y + 10), region, fill=text, font=font)
        gov_end = left + governments * scale
        civ_end = gov_end + civil_society * scale
        draw.rectangle((left, y, gov_end, y + 60), fill=government)
        draw.rectangle((gov_end, y, civ_end, y + 60), fill=civil)
        draw.text((civ_end + 14, y + 10), str(governments + civil_society), fill=text, font=font)

    buffer = BytesIO()
    canvas.save(buffer, format="PNG")
    return buffer


def ensure_chart_image():
    Image = get_image_model()
    chart = Image.objects.filter(title=CHART_TITLE).first()
    if chart is None:
        collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
        chart = Image(
            title=CHART_TITLE,
            collection=collection,
            file=ImageFile(make_chart_png(), name="demo-organisations-by-region.png"),
        )
        chart.save()
    return chart


# --- Seeders --------------------------------------------------------------------------
def _publish(page, user):
    page.save_revision(user=user, log_action=True).publish(user=user)


def _ensure_editors_group(home, stdout):
    """Wagtail's own "Editors" group, created when missing, allowed to publish pages."""
    group, created = Group.objects.get_or_create(name=EDITORS_GROUP)
    if created:
        stdout.write(f"  created group {EDITORS_GROUP}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for permission_type in ("add", "change", "publish"):
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
        )
        GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
    collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    for codename in (
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ):
        permission = Permission.objects.get(codename=codename)
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )
    # Organisations and the affiliation queue: the same rights a migrated site gives.
    grant_staff_permissions([group])
    editor = User.objects.filter(email=EDITOR_EMAIL).first()
    if editor is not None:
        editor.groups.add(group)
    return group


@transaction.atomic
def seed(stdout):
    """The home page's content, the standard pages, the footer and the Editors group."""
    home = ensure_home_site()
    publisher = User.objects.filter(email=ADMIN_EMAIL).first()
    _ensure_editors_group(home, stdout)

    pages, created = {}, []
    for slug, title, intro, in_menu, _builder in STANDARD_PAGES:
        page = StandardPage.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = StandardPage(title=title, slug=slug, intro=intro, show_in_menus=in_menu)
            home.add_child(instance=page)
            created.append(page)
            stdout.write(f"  created page {page.url_path}")
        pages[slug] = page

    # Bodies link to each other, so they are written once every page exists.
    builders = {slug: builder for slug, *_rest, builder in STANDARD_PAGES}
    chart = ensure_chart_image()
    for page in created:
        builder = builders[page.slug]
        page.body = builder(pages, chart) if builder is about_body else builder(pages)
        _publish(page, publisher)

    home = HomePage.objects.get(pk=home.pk)
    if not home.body:
        home.intro = (
            "A peer-learning space of the open data working group: governments and "
            "civil-society organisations sharing what worked, what did not and why, so "
            "that every open data commitment starts from experience."
        )
        home.seo_title = "Open data learning networks"
        home.search_description = (
            "Lessons, thematic networks and experts for governments and civil society "
            "opening up public data."
        )
        home.body = home_body(pages)
        _publish(home, publisher)
        stdout.write("  wrote the home page")

    navigation = NavigationSettings.for_site(home.get_site())
    if not navigation.footer_links:
        navigation.footer_links = [
            {"type": "link", "value": {"label": label, "page": pages[slug].pk, "url": ""}}
            for label, slug in (
                ("About", "about"),
                ("Code of conduct", "code-of-conduct"),
                ("Terms of use", "terms"),
                ("Privacy notice", "privacy"),
                ("Contact", "contact"),
            )
        ]
        navigation.footer_text = (
            "<p>A learning space of the <b>open data working group</b>. Lessons in public "
            "networks are shared under CC BY 4.0.</p>"
        )
        navigation.contact_email = CONTACT_EMAIL
        navigation.save()
        stdout.write("  wrote the footer")


@transaction.atomic
def seed_navigation(stdout):
    """Link every top-level page marked "show in menus" from the main menu, once.

    Runs after every other seeder, so sections that later apps create (networks,
    lessons, experts ...) join the menu in page-tree order without those apps having to
    know about home's settings.
    """
    home = ensure_home_site()
    navigation = NavigationSettings.for_site(home.get_site())
    # raw_data: page ids as stored, without fetching every linked page.
    links = list(navigation.primary_links.raw_data)
    linked = {item["value"].get("page") for item in links}
    missing = [
        page
        for page in Page.objects.child_of(home).live().in_menu().order_by("path")
        if page.pk not in linked
    ]
    if not missing:
        return
    links += [
        {"type": "link", "value": {"label": page.title, "page": page.pk, "url": ""}}
        for page in missing
    ]
    navigation.primary_links = links
    navigation.save()
    stdout.write("  added to the main menu: " + ", ".join(page.title for page in missing))
