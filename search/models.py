"""What the search page reads: one row per thing a person can find.

Each lesson, network, thread, reply, expert profile, live session, event, resource,
guideline, published review and standard page is copied into a ``SearchDocument`` by
``search.indexing`` (on commit, through a task), as plain text with the columns the
facets need beside it. Searching one table with its own index is what keeps a search
with facet counts in tens of milliseconds at 100,000 replies (see the README, "Search").

* On PostgreSQL, ``search_vector`` holds the weighted ``tsvector`` of ``search_title`` and body
  (English stemming), with a GIN index created by this app's migration.
* On SQLite, Wagtail's database backend (SQLite FTS5) indexes the same rows through
  ``search_fields``; on PostgreSQL those are left empty, so Wagtail keeps no second copy.

Privacy lives in the row: ``public`` is true for content everyone may read; the rest is
read through ``network_id`` by the network's members (``search.permissions``). Hidden,
deleted, draft and restricted content never gets a row.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin


def uses_postgres_search():
    """Our own ``tsvector`` column on PostgreSQL; Wagtail's backend elsewhere."""
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


class Kind(models.TextChoices):
    LESSON = "lesson", _("Lesson")
    DISCUSSION = "discussion", _("Discussion")
    REPLY = "reply", _("Reply")
    EXPERT = "expert", _("Expert")
    LIVE_SESSION = "live_session", _("Live session")
    EVENT = "event", _("Event")
    RESOURCE = "resource", _("Resource")
    GUIDELINE = "guideline", _("Guideline")
    REVIEW = "review", _("Commitment review")
    NETWORK = "network", _("Network")
    PAGE = "page", _("Page")


class Source(models.TextChoices):
    """Where a document comes from: the model its ``source_id`` points at."""

    PAGE = "page"
    THREAD = "thread"
    POST = "post"
    REVIEW = "review"


class SearchDocumentQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def visible_to(self, user):
        from search.permissions import visible_documents_q

        return self.filter(visible_documents_q(user))

    def of(self, source, ids):
        return self.filter(source=source, source_id__in=list(ids))


class SearchDocument(index.Indexed, models.Model):
    source = models.CharField(max_length=10, choices=Source.choices)
    source_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    #: What the result shows as its heading.
    title = models.CharField(max_length=300)
    #: The title words that find it (empty for a reply: its heading names the thread,
    #: and a thread's words must not find every reply in it).
    search_title = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    byline = models.CharField(max_length=200, blank=True)
    network_id = models.PositiveBigIntegerField(null=True, blank=True)
    public = models.BooleanField(default=False)
    date = models.DateTimeField(default=timezone.now)
    country = models.CharField(max_length=2, blank=True)
    #: The Charter principles' ids, written ",3,7," so one column carries them all.
    principle_ids = models.CharField(max_length=200, blank=True)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = SearchDocumentQuerySet.as_manager()

    search_fields = (
        []
        if uses_postgres_search()
        else [
            index.SearchField("search_title", boost=3),
            index.SearchField("body"),
            index.FilterField("public"),
            index.FilterField("network_id"),
            index.FilterField("kind"),
        ]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "source_id"], name="one_document_per_item")
        ]
        indexes = [models.Index(fields=["network_id"], name="search_doc_network")]

    def __str__(self):
        return f"{self.kind}: {self.title}"

    @property
    def principles(self):
        return [int(pk) for pk in self.principle_ids.strip(",").split(",") if pk]


class SearchTerm(models.Model):
    """The words of the index, for "did you mean" (trigram-indexed on PostgreSQL)."""

    word = models.CharField(max_length=40, unique=True)

    def __str__(self):
        return self.word
