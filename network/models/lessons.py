"""Lessons learned: ``LessonPage`` (a child of a network) and the site-wide library.

A member's "Share an experience" form writes a *draft* ``LessonPage`` under the network
(a Wagtail revision, unpublished) and may submit it to Wagtail's moderation workflow;
editors review and publish it in the admin. There is no other submission model.

The written sections are Markdown (``network.rendering``), shown sanitized: members
write and revise the very text editors review (no lossy HTML round trip), and Wagtail's
revision comparison shows plain text changes. Editors add richer blocks in ``body``.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Left, Length
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from taggit.models import Tag, TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import BaseStreamBlock
from network import permissions
from network.models.pages import LearningNetworkPage, NetworkContentMixin
from network.models.taxonomy import CharterPrinciple
from network.rendering import excerpt, render_markdown

LESSONS_PER_PAGE = 12
RELATED_LESSONS = 3

# Child slugs of a network that its own URLs use (network, discussions, lessons, events):
# a page with one of these slugs could never be reached.
RESERVED_NETWORK_CHILD_SLUGS = frozenset(
    {
        "join",
        "request",
        "leave",
        "members",
        "manage",
        "invitations",
        "threads",
        "share",
        "feed",
        "lessons",
        "events",
    }
)


class GovernmentLevel(models.TextChoices):
    NATIONAL = "national", _("National")
    SUBNATIONAL = "subnational", _("Subnational (state, province, region)")
    LOCAL = "local", _("Local (city, municipality)")


class LessonSector(models.TextChoices):
    """The policy area a lesson is about (not the organisation's own sector)."""

    PROCUREMENT = "procurement", _("Public procurement and contracting")
    BUDGET = "budget", _("Budget and public spending")
    HEALTH = "health", _("Health")
    EDUCATION = "education", _("Education")
    ENVIRONMENT = "environment", _("Environment and climate")
    TRANSPORT = "transport", _("Transport and mobility")
    LAND = "land", _("Land, property and housing")
    JUSTICE = "justice", _("Justice and anti-corruption")
    STATISTICS = "statistics", _("Statistics and census")
    EXTRACTIVES = "extractives", _("Extractives and energy")
    SOCIAL = "social", _("Social protection and welfare")
    OTHER = "other", _("Other")


class LessonStreamBlock(BaseStreamBlock):
    """The editors' extra content: the base blocks plus an embedded data table."""

    table = TableBlock(
        label=_("Data table"),
        icon="table",
        template="network/lessons/blocks/table_block.html",
        help_text=_("Tick the header options so screen readers can read the table."),
    )


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        template = "network/lessons/blocks/link_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"), max_length=200, required=False, help_text=_("Defaults to its title.")
    )

    class Meta:
        icon = "doc-full"
        template = "network/lessons/blocks/document_block.html"


class LessonResourcesBlock(blocks.StreamBlock):
    link = LinkBlock()
    document = DocumentBlock()


class LessonPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "network.LessonPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class LessonAuthor(Orderable):
    """A member who wrote (or lived) the experience, shown with their profile."""

    page = ParentalKey(
        "network.LessonPage", on_delete=models.CASCADE, related_name="lesson_authors"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lesson_authorships",
        verbose_name=_("author"),
    )

    panels = [FieldPanel("user")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return str(self.user)


class LessonPageQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Lessons outside every network this person may not view (live or not)."""
        return self.filter(permissions.visible_pages_q(user))

    def by_author(self, user):
        return self.filter(lesson_authors__user=user).distinct()

    def for_listing(self):
        """What a card shows, fetched in bulk (no query per lesson)."""
        return self.select_related("owner").prefetch_related(
            "principles",
            models.Prefetch(
                "lesson_authors",
                queryset=LessonAuthor.objects.select_related("user").order_by("sort_order"),
            ),
        )

    def newest(self):
        return self.order_by("-first_published_at", "-pk")

    def most_discussed(self):
        return self.order_by("-discussion_count", "-first_published_at", "-pk")


SECTION_HELP = {
    "summary": _("Two or three sentences: what happened and the one thing to remember."),
    "context": _("Where this happened, who was involved and what the situation was before."),
    "challenge": _("The problem you set out to solve, and why it mattered."),
    "actions": _("What you did, step by step: the data, the tools, the people."),
    "results": _("What changed, and how you know (figures, feedback, use of the data)."),
    "what_did_not_work": _("Mistakes, dead ends and surprises. Others learn most from these."),
    "advice": _("What someone in another country or government should copy or avoid."),
    "effort": _("Time, people, money and skills it took, roughly."),
}


class LessonPage(NetworkContentMixin, Page):
    """A lesson learned, child of a ``LearningNetworkPage``.

    For other areas (experts, events, resources):

    * authors: ``lesson.lesson_authors`` (``LessonAuthor`` rows with ``user``), reverse
      ``user.lesson_authorships``; ``LessonPage.objects.by_author(user)``.
    * principles: ``lesson.principles`` (``CharterPrinciple``), reverse
      ``principle.lessons``.
    * tags: ``lesson.tags`` (taggit through ``LessonPageTag``).
    * listings: ``LessonPage.objects.live().visible_to(user).for_listing()``.
    * a member's draft: ``network.lessons.services.create_draft_lesson``.
    """

    SECTIONS = (
        "context",
        "challenge",
        "actions",
        "results",
        "what_did_not_work",
        "advice",
        "effort",
    )

    summary = models.TextField(
        _("summary"), max_length=600, blank=True, help_text=SECTION_HELP["summary"]
    )
    context = models.TextField(_("context"), blank=True, help_text=SECTION_HELP["context"])
    challenge = models.TextField(
        _("the challenge"), blank=True, help_text=SECTION_HELP["challenge"]
    )
    actions = models.TextField(_("what was done"), blank=True, help_text=SECTION_HELP["actions"])
    results = models.TextField(
        _("results and evidence"), blank=True, help_text=SECTION_HELP["results"]
    )
    what_did_not_work = models.TextField(
        _("what did not work"), blank=True, help_text=SECTION_HELP["what_did_not_work"]
    )
    advice = models.TextField(_("advice for others"), blank=True, help_text=SECTION_HELP["advice"])
    effort = models.TextField(
        _("effort and resources involved"), blank=True, help_text=SECTION_HELP["effort"]
    )
    body = StreamField(
        LessonStreamBlock(),
        blank=True,
        verbose_name=_("more content"),
        help_text=_("Quotes, images, call-outs and data tables, shown after the sections."),
    )
    resources = StreamField(
        LessonResourcesBlock(),
        blank=True,
        verbose_name=_("links and documents"),
        help_text=_(
            "Documents of a lesson in a members-only network are served only to people "
            "who may read the lesson."
        ),
    )

    country = CountryField(_("country"), blank=True)
    government_level = models.CharField(
        _("government level"), max_length=20, choices=GovernmentLevel.choices, blank=True
    )
    organisations = ParentalManyToManyField(
        "accounts.Organisation",
        blank=True,
        related_name="lessons",
        verbose_name=_("organisations"),
    )
    sector = models.CharField(_("sector"), max_length=20, choices=LessonSector.choices, blank=True)
    principles = ParentalManyToManyField(
        CharterPrinciple,
        blank=True,
        related_name="lessons",
        verbose_name=_("Open Data Charter principles"),
    )
    ogp_commitment = models.CharField(
        _("OGP commitment"),
        max_length=20,
        blank=True,
        validators=[
            RegexValidator(
                r"^[A-Z]{2,4}[0-9]{3,4}$",
                _("Use the OGP identifier: country letters and a number, e.g. UY0123."),
            )
        ],
        help_text=_("Optional. The Open Government Partnership commitment, e.g. UY0123."),
    )
    tags = ClusterTaggableManager(through=LessonPageTag, blank=True, verbose_name=_("tags"))
    experience_date = models.DateField(
        _("date of the experience"),
        null=True,
        blank=True,
        help_text=_("When it happened, roughly (the first day of the month is enough)."),
    )
    # Kept up to date by discussions (threads and replies about this lesson): never
    # edited in the admin and never restored from a revision.
    discussion_count = models.PositiveIntegerField(
        _("discussion messages"), default=0, editable=False
    )

    objects = PageManager.from_queryset(LessonPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        InlinePanel("lesson_authors", label=_("Authors"), heading=_("Authors")),
        MultiFieldPanel(
            [FieldPanel(name) for name in SECTIONS],
            heading=_("The lesson (Markdown)"),
        ),
        FieldPanel("body"),
        FieldPanel("resources"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("country"), FieldPanel("government_level")]),
                FieldPanel("organisations", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("sector"), FieldPanel("experience_date")]),
                FieldPanel("principles", widget=forms.CheckboxSelectMultiple),
                FieldPanel("ogp_commitment"),
                FieldPanel("tags"),
            ],
            heading=_("About this experience"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        *(index.SearchField(name) for name in SECTIONS),
        index.FilterField("country"),
        index.FilterField("government_level"),
        index.FilterField("sector"),
    ]

    api_fields = [
        APIField("summary"),
        *(APIField(name) for name in SECTIONS),
        APIField("body"),
        APIField("country", serializer=serializers.CharField(source="country.code")),
        APIField("government_level"),
        APIField("sector"),
        APIField("ogp_commitment"),
        APIField("experience_date"),
        APIField("principle_slugs"),
        APIField("tag_names"),
        APIField("author_names"),
    ]

    parent_page_types = ["network.LearningNetworkPage"]
    subpage_types = []

    exclude_fields_in_copy = ["discussion_count"]

    template = "network/lessons/lesson_page.html"

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    # --- data ----------------------------------------------------------------------

    @property
    def principle_slugs(self):
        return [principle.slug for principle in self.principles.all()]

    @property
    def tag_names(self):
        return sorted(tag.name for tag in self.tags.all())

    @property
    def author_names(self):
        return [str(author.user) for author in self.lesson_authors.all()]

    @property
    def authors(self):
        return [author.user for author in self.lesson_authors.all()]

    @property
    def excerpt(self):
        return excerpt(self.summary)

    @cached_property
    def sections(self):
        """``[(field name, heading, safe HTML)]`` of the sections that have text."""
        rendered = []
        for name in self.SECTIONS:
            source = getattr(self, name)
            if source.strip():
                html = render_markdown(source, mentions=False).html
                # render_markdown sanitizes with nh3 against an allow-list.
                rendered.append((name, self._meta.get_field(name).verbose_name, mark_safe(html)))  # noqa: S308
        return rendered

    def clean(self):
        super().clean()
        if self.slug in RESERVED_NETWORK_CHILD_SLUGS:
            raise ValidationError(
                {"slug": _("This address is used by the network's own pages; pick another.")}
            )

    def with_content_json(self, content):
        """The counter belongs to the live row, not to a revision: keep it."""
        obj = super().with_content_json(content)
        obj.discussion_count = self.discussion_count
        return obj

    # --- display -------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        network = LearningNetworkPage.objects.defer_streamfields().get(
            path=self.path[: -self.steplen]
        )
        authors = list(self.lesson_authors.select_related("user").order_by("sort_order"))
        for author in authors:
            author.user.profile_visible = user.is_authenticated or author.user.profile_public
        library = LessonLibraryPage.objects.live().only("pk", "path", "url_path").first()
        context.update(
            network=network,
            authors=[author.user for author in authors],
            principles=list(self.principles.all()),
            tags=list(self.tags.all()),
            organisations=list(self.organisations.all()),
            related=related_lessons(self, user),
            library=library,
            citation=self.citation(request, [author.user for author in authors], network),
        )
        return context

    def citation(self, request, authors, network):
        """A plain-text reference: authors (year). Title. Network, site. Address."""
        names = ", ".join(author.get_full_name() for author in authors)
        year = (self.first_published_at or self.latest_revision_created_at or timezone.now()).year
        site = settings.WAGTAIL_SITE_NAME
        url = self.get_full_url(request)
        parts = [f"{names} ({year}).", f"{self.title}.", f"{network.title}, {site}.", url]
        return " ".join(part for part in parts if part)


class LessonLibraryPage(Page):
    """Every lesson a person may see, site-wide, with filters kept in the URL."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    template = "network/lessons/lesson_library_page.html"

    class Meta:
        verbose_name = _("lessons library")

    def get_template(self, request, *args, **kwargs):
        """An htmx filter request gets only the results (the page's own partial)."""
        template = super().get_template(request, *args, **kwargs)
        htmx = getattr(request, "htmx", None)
        if htmx and not htmx.boosted:
            return f"{template}#results"
        return template

    def lessons_for(self, user):
        return LessonPage.objects.live().public().visible_to(user)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        lessons = self.lessons_for(user)
        filters = {
            key: request.GET.get(key, "").strip()
            for key in ("network", "principle", "country", "level", "sector", "tag")
        }
        sort = "discussed" if request.GET.get("sort") == "discussed" else "newest"
        choices = self.filter_choices(user)
        if filters["network"]:
            network = next((n for n in choices["networks"] if n.slug == filters["network"]), None)
            lessons = lessons.child_of(network) if network else lessons.none()
        if filters["principle"]:
            lessons = lessons.filter(principles__slug=filters["principle"])
        if filters["country"]:
            lessons = lessons.filter(country=filters["country"].upper())
        if filters["level"]:
            lessons = lessons.filter(government_level=filters["level"])
        if filters["sector"]:
            lessons = lessons.filter(sector=filters["sector"])
        if filters["tag"]:
            lessons = lessons.filter(tags__slug=filters["tag"])
        lessons = lessons.distinct()
        lessons = lessons.most_discussed() if sort == "discussed" else lessons.newest()
        page_obj = Paginator(lessons.for_listing(), LESSONS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        query = {key: value for key, value in filters.items() if value}
        if sort != "newest":
            query["sort"] = sort
        context.update(
            page_obj=page_obj,
            lessons=page_obj.object_list,
            filters=filters,
            sort=sort,
            query=urlencode(query),
            choices=choices,
        )
        return context

    def filter_choices(self, user):
        """Filter options drawn only from lessons this person may see."""
        visible = self.lessons_for(user)
        parent_paths = visible.annotate(
            parent_path=Left("path", Length("path") - Page.steplen)
        ).values("parent_path")
        networks = list(
            LearningNetworkPage.objects.live()
            .filter(permissions.visible_networks_q(user), path__in=parent_paths)
            .order_by("title")
            .only("pk", "title", "slug", "path", "depth")
        )
        codes = visible.exclude(country="").order_by().values_list("country", flat=True).distinct()
        country_names = dict(all_countries)
        return {
            "networks": networks,
            "principles": CharterPrinciple.objects.filter(
                lessons__in=visible.values("pk")
            ).distinct(),
            "countries": sorted(
                ((code, country_names.get(code, code)) for code in codes), key=lambda c: c[1]
            ),
            "levels": GovernmentLevel.choices,
            "sectors": LessonSector.choices,
            "tags": Tag.objects.filter(
                network_lessonpagetag_items__content_object__in=visible.values("pk")
            )
            .distinct()
            .order_by("name"),
        }


def related_lessons(lesson, user, limit=RELATED_LESSONS):
    """Live lessons this person may see that share a principle or a tag with ``lesson``."""
    principle_ids = [principle.pk for principle in lesson.principles.all()]
    tag_ids = [tag.pk for tag in lesson.tags.all()]
    if not principle_ids and not tag_ids:
        return []
    sharing = LessonPage.objects.filter(
        Q(principles__in=principle_ids) | Q(tagged_items__tag__in=tag_ids)
    ).values("pk")
    return list(
        LessonPage.objects.live()
        .public()
        .visible_to(user)
        .exclude(pk=lesson.pk)
        .filter(pk__in=sharing)
        .newest()
        .for_listing()[:limit]
    )
