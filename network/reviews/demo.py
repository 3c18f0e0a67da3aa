"""Demo commitment reviews for ``manage.py seed_demo``.

Names the "Open data policy leads" circle as the review network (its facilitator and
lead coordinate) and creates three requests through the services, so each has its real
history: Kenya's in review (past its date), the Philippines' with feedback delivered,
and Uruguay's closed and published with consent. Matched by title; never overwritten.
"""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from accounts.models import Organisation, User
from network.models import CharterPrinciple, LearningNetworkPage
from network.models.reviews import CommitmentReview, ReviewSettings, ReviewStatus
from network.reviews import services

REVIEW_NETWORK_SLUG = "open-data-policy-leads"
COORDINATOR_EMAIL = "editor@example.org"
REVIEWS_PATH = "/reviews/"

# Principle slugs, for short specs.
DEFAULT = "open-by-default"
TIMELY = "timely-and-comprehensive"
USABLE = "accessible-and-usable"
COMPARABLE = "comparable-and-interoperable"
GOVERNANCE = "improved-governance-and-citizen-engagement"
INCLUSIVE = "inclusive-development-and-innovation"

REVIEWS = [
    {
        "title": "Kenya: procurement and land data commitments for the 2027–2029 plan",
        "organisation": "Kenya Public Data Directorate",
        "requester": "joseph@example.org",
        "period": "2027–2029",
        "needed_in_days": -3,
        "document": "kenya-draft-nap-open-data-chapter.txt",
        "commitments": [
            {
                "title": "Publish all public procurement in the Open Contracting Data Standard",
                "problem": (
                    "Tender notices are online, but awards, contracts and payments sit in "
                    "separate systems. Journalists and auditors cannot follow a contract "
                    "from plan to payment."
                ),
                "text": (
                    "The Public Procurement Regulatory Authority will publish every stage "
                    "of procurement by national and county entities as **OCDS** data, "
                    "updated daily, with a stable identifier for each process."
                ),
                "milestones": (
                    "- Map the e-procurement system to OCDS (June 2027)\n"
                    "- Publish awards and contracts for national entities (December 2027)\n"
                    "- Add counties and payments (December 2028)"
                ),
                "lead": "Public Procurement Regulatory Authority",
                "principles": [DEFAULT, TIMELY, COMPARABLE],
            },
            {
                "title": "Open the land registry's parcel index",
                "problem": (
                    "Land disputes are common and the parcel index is only searchable at "
                    "registry counters, for a fee."
                ),
                "text": (
                    "The Ministry of Lands will publish the parcel index (parcel number, "
                    "location, size, tenure type, no owner names) as open data under an "
                    "open licence, with an API."
                ),
                "milestones": (
                    "- Privacy impact assessment with the Data Commissioner (March 2028)\n"
                    "- First release for three pilot counties (September 2028)"
                ),
                "lead": "Ministry of Lands and Physical Planning",
                "principles": [DEFAULT, USABLE, GOVERNANCE],
            },
        ],
        "reviewers": ["maria@example.org", "ngozi@example.org"],
        # reviewer: finished?, feedback per (commitment index, principle): (rating, comment)
        "feedback": {
            "ngozi@example.org": (
                True,
                {
                    (0, DEFAULT): ("strong", "Covering every stage is the right ambition."),
                    (0, TIMELY): (
                        "adequate",
                        "Daily updates are good; say what happens when the system is down.",
                    ),
                    (0, COMPARABLE): (
                        "strong",
                        "OCDS and stable identifiers make the data comparable across years.",
                    ),
                    (1, DEFAULT): (
                        "adequate",
                        "Leaving owner names out is defensible; explain the rule publicly.",
                    ),
                    (1, USABLE): ("weak", "Name the licence and the API's rate limits."),
                    (1, GOVERNANCE): (
                        "adequate",
                        "Involve the land rights groups in choosing the pilot counties.",
                    ),
                },
            ),
            "maria@example.org": (
                False,
                {
                    (0, DEFAULT): (
                        "strong",
                        "We did the same in the Philippines; the mapping took longer than "
                        "planned, keep buffer time.",
                    ),
                },
            ),
        },
        "target": ReviewStatus.IN_REVIEW,
    },
    {
        "title": "Philippines: budget transparency commitments",
        "organisation": "Open Budget Office of the Philippines",
        "requester": "maria@example.org",
        "period": "2027–2030",
        "needed_in_days": 20,
        "document": None,
        "commitments": [
            {
                "title": "Publish the enacted budget and monthly execution as open data",
                "problem": (
                    "The budget is published as scanned PDFs; execution reports arrive "
                    "months late and cannot be compared with the enacted budget."
                ),
                "text": (
                    "The Department of Budget and Management will publish the enacted "
                    "budget and monthly execution at programme level in machine-readable "
                    "formats, using the same classification for both."
                ),
                "milestones": (
                    "- Common classification agreed with the Treasury (2027)\n"
                    "- Monthly execution published within 30 days (2028)"
                ),
                "lead": "Department of Budget and Management",
                "principles": [TIMELY, USABLE, COMPARABLE, GOVERNANCE],
            },
        ],
        "reviewers": ["ana@example.org", "diego@example.org", "amina@example.org"],
        "feedback": {
            "ana@example.org": (
                True,
                {
                    (0, TIMELY): ("adequate", "Thirty days is good; aim for fifteen later."),
                    (0, USABLE): ("strong", "Machine-readable formats at programme level."),
                    (0, COMPARABLE): (
                        "strong",
                        "One classification for budget and execution is the key step.",
                    ),
                    (0, GOVERNANCE): (
                        "weak",
                        "Say how citizens and Congress will be invited to use the data.",
                    ),
                },
            ),
            "diego@example.org": (
                True,
                {
                    (0, TIMELY): ("adequate", "Publish a calendar of releases."),
                    (0, USABLE): ("adequate", "Add a data dictionary in Filipino too."),
                    (0, COMPARABLE): ("strong", "Consider the Open Fiscal Data Package."),
                    (0, GOVERNANCE): (
                        "weak",
                        "A participatory budget hearing using the data would make this "
                        "commitment much stronger.",
                    ),
                },
            ),
            "amina@example.org": (
                True,
                {
                    (0, TIMELY): ("strong", "Monthly is ambitious and welcome."),
                    (0, USABLE): ("adequate", "Keep the PDFs for people without tools."),
                    (0, COMPARABLE): ("adequate", "Document changes to the classification."),
                    (0, GOVERNANCE): ("weak", "Name a civil-society partner for outreach."),
                },
            ),
        },
        "target": ReviewStatus.FEEDBACK_DELIVERED,
    },
    {
        "title": "Uruguay: open by default in the fifth national action plan",
        "organisation": "Ministry of Digital Government (Uruguay)",
        "requester": "ana@example.org",
        "period": "2025–2027",
        "needed_in_days": -200,
        "document": None,
        "commitments": [
            {
                "title": "A publication rule for every new information system",
                "problem": (
                    "Agencies build new systems without planning how their data will be "
                    "published, so opening it later is slow and expensive."
                ),
                "text": (
                    "Every new information system procured by the central government "
                    "will include, in its requirements, the datasets it must publish and "
                    "their update frequency."
                ),
                "milestones": (
                    "- Model clause in procurement templates (2025)\n"
                    "- Yearly report of systems and their published datasets (2026, 2027)"
                ),
                "lead": "Agency for Electronic Government and Information Society",
                "principles": [DEFAULT, TIMELY, INCLUSIVE],
            },
        ],
        "reviewers": ["joseph@example.org", "ngozi@example.org"],
        "feedback": {
            "joseph@example.org": (
                True,
                {
                    (0, DEFAULT): ("strong", "Building publication into procurement is smart."),
                    (0, TIMELY): ("adequate", "State a default update frequency."),
                    (0, INCLUSIVE): ("not_applicable", ""),
                },
            ),
            "ngozi@example.org": (
                True,
                {
                    (0, DEFAULT): ("strong", "A model others can copy."),
                    (0, TIMELY): ("adequate", "The yearly report should be open data too."),
                    (0, INCLUSIVE): (
                        "weak",
                        "Say who outside government will use the data and how they are consulted.",
                    ),
                },
            ),
        },
        "name_consent": ["joseph@example.org"],
        "target": ReviewStatus.CLOSED,
        "plan_url": "https://www.opengovpartnership.org/documents/uruguay-action-plan-2025-2027/",
    },
]


def ensure_review_network(stdout):
    network = LearningNetworkPage.objects.filter(slug=REVIEW_NETWORK_SLUG).first()
    site = Site.objects.filter(is_default_site=True).first()
    if network is None or site is None:
        return None
    setting = ReviewSettings.for_site(site)
    if setting.review_network_id is None:
        setting.review_network = network
        setting.save()
        stdout.write(f"  review network: {network.title}")
    return network


def ensure_footer_link(stdout):
    """Commitment reviews are not a page: the footer links to them (editable in Settings)."""
    from home.models import NavigationSettings

    site = Site.objects.filter(is_default_site=True).first()
    navigation = NavigationSettings.for_site(site)
    links = list(navigation.footer_links.raw_data)
    if any(item["value"].get("url") == REVIEWS_PATH for item in links):
        return
    links.append(
        {
            "type": "link",
            "value": {"label": "Commitment reviews", "page": None, "url": REVIEWS_PATH},
        }
    )
    navigation.footer_links = links
    navigation.save()
    stdout.write("  added Commitment reviews to the footer")


def _people(emails):
    return {person.email: person for person in User.objects.filter(email__in=emails)}


def create_review(spec, coordinator, stdout):
    emails = [spec["requester"], *spec["reviewers"]]
    people = _people(emails)
    organisation = Organisation.objects.filter(name=spec["organisation"]).first()
    if organisation is None or any(email not in people for email in emails):
        return None
    requester = people[spec["requester"]]
    review = services.create_review(
        requester=requester,
        organisation=organisation,
        fields={
            "title": spec["title"],
            "action_plan_period": spec["period"],
            "feedback_needed_by": timezone.localdate() + timedelta(days=spec["needed_in_days"]),
        },
        plan_document=ContentFile(
            DOCUMENT_TEXT.format(title=spec["title"]).encode(), name=spec["document"]
        )
        if spec["document"]
        else None,
    )
    principles = {p.slug: p for p in CharterPrinciple.objects.all()}
    commitments = []
    for item in spec["commitments"]:
        commitments.append(
            services.save_commitment(
                review=review,
                user=requester,
                fields={
                    "title": item["title"],
                    "problem": item["problem"],
                    "text": item["text"],
                    "milestones": item["milestones"],
                    "lead_institution": item["lead"],
                },
                principles=[principles[slug] for slug in item["principles"]],
            )
        )
    services.change_status(review=review, user=requester, target=ReviewStatus.SUBMITTED)
    reviewers = [people[email] for email in spec["reviewers"]]
    services.assign_reviewers(
        review=review,
        user=coordinator,
        reviewers=reviewers,
        conflict_reason="Demo: reviewers chosen by the coordinators.",
        balance_reason="",
    )
    for email, (finished, cells) in spec["feedback"].items():
        assignment = review.assignments.get(reviewer=people[email], round=review.round)
        services.save_feedback(
            assignment=assignment,
            user=people[email],
            ratings={
                (commitments[index].pk, principles[slug].pk): {
                    "rating": rating,
                    "comment": comment,
                    "resources": "",
                }
                for (index, slug), (rating, comment) in cells.items()
            },
            overall={
                commitment.pk: {
                    "remarks": "Clear and feasible; add who is accountable for each milestone.",
                    "specific": True,
                    "measurable": True,
                    "verifiable": finished,
                }
                for commitment in commitments
            }
            if finished
            else {},
            name_consent=email in spec.get("name_consent", []),
            finish=finished,
        )
    if spec["target"] in (ReviewStatus.FEEDBACK_DELIVERED, ReviewStatus.CLOSED):
        services.change_status(
            review=review, user=coordinator, target=ReviewStatus.FEEDBACK_DELIVERED
        )
    if spec["target"] == ReviewStatus.CLOSED:
        services.change_status(
            review=review,
            user=requester,
            target=ReviewStatus.CLOSED,
            note="The plan is adopted and published.",
        )
        services.publish_review(review=review, user=requester, plan_url=spec["plan_url"])
    stdout.write(f"  created review {review.title}")
    return review


DOCUMENT_TEXT = """{title}

Draft chapter of the national action plan: open data commitments.
Confidential draft for peer review by the open data working group. Not for circulation.
"""


@transaction.atomic
def seed(stdout):
    """The review network setting and three demo review requests."""
    if ensure_review_network(stdout) is None:
        return
    ensure_footer_link(stdout)
    coordinator = User.objects.filter(email=COORDINATOR_EMAIL).first()
    if coordinator is None:
        return
    for spec in REVIEWS:
        if CommitmentReview.objects.filter(title=spec["title"]).exists():
            continue
        create_review(spec, coordinator, stdout)
