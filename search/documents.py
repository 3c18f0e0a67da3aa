"""What each kind of content puts in its search document.

``build(source, ids)`` reads the items fresh from the database (never an in-memory
instance, which may hold an unpublished draft) and returns ``{source_id: fields}`` for
those that may be found, so a missing id means "remove its document". Only live,
unrestricted pages, visible threads and replies, and reviews published with consent
are built; an event's online link and a review's private documents are never read.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from discussions.models import Post, Thread, ThreadKind
from network import permissions
from network.models import LearningNetworkPage
from network.models.reviews import CommitmentReview
from network.rendering import html_to_text
from search.models import Kind, Source

BODY_LIMIT = 20_000

PAGE_KINDS = {
    "lessonpage": Kind.LESSON,
    "learningnetworkpage": Kind.NETWORK,
    "expertprofilepage": Kind.EXPERT,
    "eventpage": Kind.EVENT,
    "resourcepage": Kind.RESOURCE,
    "guidelinepage": Kind.GUIDELINE,
    "principlepage": Kind.GUIDELINE,
}


def build(source, ids):
    builders = {
        Source.PAGE: _pages,
        Source.THREAD: _threads,
        Source.POST: _posts,
        Source.REVIEW: _reviews,
    }
    ids = [int(pk) for pk in ids]
    docs = builders[source](ids) if ids else {}
    for fields in docs.values():
        fields.setdefault("search_title", fields["title"])
    return docs


# --- Pages ---------------------------------------------------------------------------


def _pages(ids):
    pages = Page.objects.filter(pk__in=ids, live=True, depth__gt=1).specific()
    restricted = _restricted_paths()
    networks = _networks()
    docs = {}
    for page in pages:
        if any(page.path.startswith(path) for path in restricted):
            continue
        network = _network_for(page, networks)
        kind = PAGE_KINDS.get(page._meta.model_name, Kind.PAGE)
        url_parts = page.get_url_parts()
        docs[page.pk] = {
            "kind": kind,
            "title": page.title,
            "body": _page_text(page),
            "url": url_parts[2] if url_parts else page.url_path,
            "byline": _page_byline(page),
            "network_id": network.pk if network else None,
            "public": network is None or network.visibility == permissions.PUBLIC,
            "date": _page_date(page),
            "country": _page_country(page),
            "principle_ids": _joined(_page_principles(page)),
        }
    return docs


def _restricted_paths():
    """Pages behind a Wagtail view restriction (password, sign-in, groups) stay out."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def _networks():
    return list(LearningNetworkPage.objects.only("pk", "path", "visibility"))


def _network_for(page, networks):
    for network in networks:
        if page.path.startswith(network.path):
            return network
    return None


def _page_text(page):
    parts = []
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name != "title":
            parts.append(_as_text(field.get_value(page)))
        elif isinstance(field, index.RelatedFields) and field.field_name == "topics":
            parts.append(", ".join(tag.name for tag in page.topics.all()))
    return " ".join(part for part in parts if part)[:BODY_LIMIT]


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_as_text(item) for item in value)
    text = str(value)
    return html_to_text(text) if "<" in text else text


def _page_date(page):
    return (
        getattr(page, "starts_at", None)
        or page.first_published_at
        or page.last_published_at
        or page.latest_revision_created_at
        or timezone.now()
    )


def _page_byline(page):
    if hasattr(page, "lesson_authors"):
        names = [author.user.get_full_name() for author in page.lesson_authors.all()]
        names += [organisation.name for organisation in page.organisations.all()]
        return ", ".join(names)[:200]
    if page._meta.model_name == "expertprofilepage":
        return page.organisation.name if page.organisation_id else page.headline[:200]
    if getattr(page, "publisher", ""):
        return page.publisher[:200]
    return ""


def _page_country(page):
    if getattr(page, "country", None):
        return str(page.country)
    if page._meta.model_name == "expertprofilepage":
        if page.organisation_id and page.organisation.country:
            return str(page.organisation.country)
        return str(page.user.country or "") if page.user_id else ""
    return ""


def _page_principles(page):
    if page._meta.model_name == "principlepage":
        return [page.principle_id] if page.principle_id else []
    if hasattr(page, "principles"):
        return [principle.pk for principle in page.principles.all()]
    return []


# --- Threads and replies --------------------------------------------------------------


def _threads(ids):
    threads = (
        Thread.objects.filter(pk__in=ids, is_hidden=False)
        .select_related("network", "author")
        .prefetch_related("principles", "tags")
    )
    docs = {}
    for thread in threads:
        live = thread.kind == ThreadKind.LIVE_SESSION
        tags = ", ".join(tag.name for tag in thread.tags.all())
        docs[thread.pk] = {
            "kind": Kind.LIVE_SESSION if live else Kind.DISCUSSION,
            "title": thread.title,
            "body": f"{html_to_text(thread.body_html)} {tags}".strip()[:BODY_LIMIT],
            "url": thread.get_absolute_url(),
            "byline": thread.author.get_full_name() if thread.author_id else "",
            **_in_network(thread.network),
            "date": thread.created_at,
            "country": "",
            "principle_ids": _joined(principle.pk for principle in thread.principles.all()),
        }
    return docs


def reply_title(thread_title):
    """What a reply is called in results: it has no title of its own."""
    return _("Reply in “%(title)s”") % {"title": thread_title}


def _posts(ids):
    posts = Post.objects.filter(
        pk__in=ids, is_hidden=False, is_deleted=False, thread__is_hidden=False
    ).select_related("thread__network", "author")
    docs = {}
    for post in posts:
        thread = post.thread
        docs[post.pk] = {
            "kind": Kind.REPLY,
            "title": reply_title(thread.title),
            "search_title": "",
            "body": html_to_text(post.body_html)[:BODY_LIMIT],
            "url": post.get_absolute_url(),
            "byline": post.author.get_full_name() if post.author_id else "",
            **_in_network(thread.network),
            "date": post.created_at,
            "country": "",
            "principle_ids": "",
        }
    return docs


def _in_network(network):
    return {"network_id": network.pk, "public": network.visibility == permissions.PUBLIC}


# --- Commitment reviews ---------------------------------------------------------------


def _reviews(ids):
    reviews = (
        CommitmentReview.objects.published_with_consent()
        .filter(pk__in=ids)
        .select_related("organisation")
        .prefetch_related("commitments__principles")
    )
    docs = {}
    for review in reviews:
        commitments = [
            " ".join(
                [
                    commitment.title,
                    html_to_text(commitment.problem_html),
                    html_to_text(commitment.text_html),
                    html_to_text(commitment.milestones_html),
                ]
            )
            for commitment in review.commitments.all()
        ]
        organisation = review.organisation
        docs[review.pk] = {
            "kind": Kind.REVIEW,
            "title": review.title,
            "body": " ".join(commitments)[:BODY_LIMIT],
            "url": review.get_absolute_url(),
            "byline": organisation.name if organisation else "",
            "network_id": None,
            "public": True,
            "date": review.published_at,
            "country": str(organisation.country or "") if organisation else "",
            "principle_ids": _joined(
                principle.pk
                for commitment in review.commitments.all()
                for principle in commitment.principles.all()
            ),
        }
    return docs


def _joined(ids):
    ids = sorted({int(pk) for pk in ids})
    return f",{','.join(map(str, ids))}," if ids else ""
