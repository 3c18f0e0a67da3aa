"""Guidelines and the resource centre: site-wide pages, public like the site's own pages.

``GuidelineIndexPage`` (/guidelines/) holds ``GuidelinePage`` s and one ``PrinciplePage``
per Open Data Charter principle; ``ResourceIndexPage`` (/resources/) holds
``ResourcePage`` s. Reads live in ``network.resources.queries``; network content they
list (lessons) goes through ``network.permissions``.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from network.models.taxonomy import CharterPrinciple
from network.resources.blocks import CommitmentStreamBlock, GuidelineStreamBlock
from network.resources.queries import ResourceFilters, ResourcePageQuerySet, facet_counts

RESOURCES_PER_PAGE = 20
PRINCIPLE_RESOURCES = 12
PRINCIPLE_LESSONS = 6


class ResourceType(models.TextChoices):
    GUIDE = "guide", _("Guide")
    TOOLKIT = "toolkit", _("Toolkit")
    CASE_STUDY = "case_study", _("Case study")
    DATASET = "dataset", _("Dataset")
    POLICY = "policy", _("Policy")
    TRAINING = "training", _("Training material")


class ResourceLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    FRENCH = "fr", _("French")
    PORTUGUESE = "pt", _("Portuguese")
    ARABIC = "ar", _("Arabic")


class PrintableMixin(RoutablePageMixin):
    """Adds ``<page url>print/``: the same content laid out for paper."""

    print_template = "network/resources/guideline_print.html"

    @path("print/", name="print")
    def print_view(self, request):
        return self.render(request, template=self.print_template)

    def get_print_url(self, request=None):
        return self.get_url(request=request) + self.reverse_subpage("print")


# --- Guidelines -----------------------------------------------------------------------


class GuidelineIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.GuidelinePage", "network.PrinciplePage"]
    max_count = 1

    template = "network/resources/guideline_index_page.html"

    class Meta:
        verbose_name = _("guideline index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            principle_pages=PrinciplePage.objects.live()
            .public()
            .child_of(self)
            .select_related("principle")
            .defer_streamfields()
            .order_by("principle__order"),
            guidelines=GuidelinePage.objects.live()
            .public()
            .child_of(self)
            .defer_streamfields()
            .order_by("path"),
        )
        return context


class GuidelinePage(PrintableMixin, Page):
    intro = models.TextField(
        _("introduction"), max_length=600, help_text=_("Shown in listings and on top.")
    )
    body = StreamField(GuidelineStreamBlock(), blank=True, verbose_name=_("body"))
    principles = ParentalManyToManyField(
        CharterPrinciple, blank=True, related_name="guidelines", verbose_name=_("principles")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("principles", widget=forms.CheckboxSelectMultiple),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["network.GuidelineIndexPage"]
    subpage_types = []

    template = "network/resources/guideline_page.html"

    class Meta:
        verbose_name = _("guideline")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["principle_pages"] = (
            PrinciplePage.objects.live()
            .public()
            .filter(principle__in=self.principles.all())
            .select_related("principle")
            .defer_streamfields()
            .order_by("principle__order")
        )
        return context


class PrinciplePage(PrintableMixin, Page):
    """One Open Data Charter principle: what it asks, its commitments, how to write it
    into an action plan, and (gathered automatically) its lessons, resources and
    discussions."""

    principle = models.OneToOneField(
        CharterPrinciple,
        on_delete=models.PROTECT,
        related_name="page",
        verbose_name=_("principle"),
    )
    summary = models.TextField(
        _("what the principle asks"),
        max_length=800,
        help_text=_("Two or three sentences in plain words; shown in listings and on top."),
    )
    body = StreamField(
        GuidelineStreamBlock(), blank=True, verbose_name=_("the principle explained")
    )
    commitments = StreamField(CommitmentStreamBlock(), blank=True, verbose_name=_("commitments"))
    how_to = StreamField(
        GuidelineStreamBlock(),
        blank=True,
        verbose_name=_("writing an action-plan commitment"),
        help_text=_("How to turn this principle into a commitment of a national action plan."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("principle"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("commitments"),
        FieldPanel("how_to"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("commitments"),
        index.SearchField("how_to"),
    ]

    parent_page_types = ["network.GuidelineIndexPage"]
    subpage_types = []

    template = "network/resources/principle_page.html"

    class Meta:
        verbose_name = _("principle page")

    def resources(self):
        return ResourcePage.objects.live().public().filter(principles=self.principle_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        facets = ("type", "language")
        filters = ResourceFilters.from_query(request.GET, facets=facets)
        base = self.resources()
        matching = filters.apply(base).for_listing().sorted_by(filters.sort)
        resources = list(matching[: PRINCIPLE_RESOURCES + 1])
        context.update(
            filters=filters,
            facets=_facet_choices(facet_counts(base, filters, facets), filters, facets),
            resources=resources[:PRINCIPLE_RESOURCES],
            more_resources=len(resources) > PRINCIPLE_RESOURCES,
            resource_index=ResourceIndexPage.objects.live().first(),
            lessons=_lessons_for(request.user).filter(principles=self.principle_id)[
                :PRINCIPLE_LESSONS
            ],
            guidelines=GuidelinePage.objects.live()
            .public()
            .filter(principles=self.principle_id)
            .defer_streamfields()
            .order_by("path"),
        )
        return context


# --- The resource centre --------------------------------------------------------------


class ResourceIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.ResourcePage"]
    max_count = 1

    template = "network/resources/resource_index_page.html"

    class Meta:
        verbose_name = _("resource index page")

    def resources(self):
        return ResourcePage.objects.live().public().child_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = ResourceFilters.from_query(request.GET)
        base = self.resources()
        matching = filters.apply(base).for_listing().sorted_by(filters.sort)
        page_obj = Paginator(matching, RESOURCES_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            filters=filters,
            facets=_facet_choices(facet_counts(base, filters), filters),
            page_obj=page_obj,
            resources=page_obj.object_list,
            query=filters.query(),
        )
        return context


class ResourcePage(Page):
    resource_type = models.CharField(
        _("type"), max_length=20, choices=ResourceType.choices, default=ResourceType.GUIDE
    )
    description = models.TextField(
        _("description"),
        max_length=2000,
        help_text=_("What it is, who made it for whom, and when it helps. Plain text."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("document"),
        help_text=_("A file people download from this page (PDF, spreadsheet ...)."),
    )
    external_url = models.URLField(
        _("link"),
        max_length=500,
        blank=True,
        help_text=_("Where the material lives on another site. Shown as a link, never fetched."),
    )
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=ResourceLanguage.choices,
        default=ResourceLanguage.ENGLISH,
    )
    translation_of = models.ForeignKey(
        "network.ResourcePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        verbose_name=_("translation of"),
        help_text=_(
            "For the same material in another language: choose the original resource. "
            "Each version then shows the others as “also in …”."
        ),
    )
    principles = ParentalManyToManyField(
        CharterPrinciple, blank=True, related_name="resources", verbose_name=_("principles")
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )
    related_lessons = ParentalManyToManyField(
        "network.LessonPage",
        blank=True,
        related_name="related_resources",
        verbose_name=_("related lessons"),
        help_text=_(
            "Lessons where members used this material. A lesson inside a members-only "
            "network shows only to people who may read it."
        ),
    )
    discussion_network = models.ForeignKey(
        "network.LearningNetworkPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("discussed in"),
        help_text=_(
            "The network where members discuss this resource. Choose a public network so "
            "that everyone can read the discussion."
        ),
    )

    objects = PageManager.from_queryset(ResourcePageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("resource_type"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("external_url")],
            heading=_("The material (a document, a link or both)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("language"),
                PageChooserPanel("translation_of", page_type="network.ResourcePage"),
            ],
            heading=_("Language"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("principles", widget=forms.CheckboxSelectMultiple),
                FieldPanel("countries"),
                FieldPanel("publisher"),
                FieldPanel("year"),
            ],
            heading=_("About it"),
        ),
        FieldPanel("related_lessons"),
        FieldPanel("discussion_network"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("publisher"),
        index.FilterField("resource_type"),
        index.FilterField("language"),
    ]

    api_fields = [
        APIField("resource_type"),
        APIField("description"),
        APIField("language"),
        APIField("publisher"),
        APIField("year"),
        APIField("external_url"),
        APIField("document_url", serializer=serializers.CharField(read_only=True)),
        APIField(
            "principles",
            serializer=serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug"),
        ),
        APIField("country_codes", serializer=serializers.ListField(read_only=True)),
        APIField("translation_of_id", serializer=serializers.IntegerField(read_only=True)),
    ]

    parent_page_types = ["network.ResourceIndexPage"]
    subpage_types = []

    template = "network/resources/resource_page.html"

    class Meta:
        verbose_name = _("resource")

    @property
    def document_url(self):
        return self.document.url if self.document_id else ""

    @property
    def country_codes(self):
        return [country.code for country in self.countries]

    def clean(self):
        super().clean()
        errors = {}
        if not self.document_id and not self.external_url:
            errors["external_url"] = _("Give a document, a link or both.")
        original = self.translation_of
        if original is not None:
            if original.pk == self.pk:
                errors["translation_of"] = _("A resource cannot be a translation of itself.")
            elif original.translation_of_id:
                errors["translation_of"] = _(
                    "That resource is itself a translation: choose its original."
                )
            elif original.language == self.language:
                errors["language"] = _("A translation is in another language than its original.")
        if errors:
            raise ValidationError(errors)

    def other_languages(self):
        """Live versions of the same material in other languages (one query)."""
        root = self.translation_of_id or self.pk
        return (
            ResourcePage.objects.live()
            .public()
            .filter(Q(pk=root) | Q(translation_of_id=root))
            .exclude(pk=self.pk)
            .only("id", "title", "url_path", "path", "language")
            .order_by("language", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            principles=self.principles.order_by("order"),
            also_in=self.other_languages(),
            lessons=_lessons_for(request.user).filter(related_resources=self),
            index_url=self.get_parent().get_url(request=request),
        )
        return context


def _lessons_for(user):
    """Live lessons this person may read (lessons live inside networks), newest first."""
    from network.models.lessons import LessonPage

    return (
        LessonPage.objects.live()
        .public()
        .visible_to(user)
        .only("id", "title", "url_path", "path", "depth", "first_published_at")
        .newest()
    )


def _facet_choices(counts, filters, facets=None):
    """The choices each filter shows: ``{facet: [(value, label, count), ...]}``."""
    facets = facets or counts.keys()
    choices = {}
    if "type" in facets:
        choices["type"] = [
            (value, label, counts["type"].get(value, 0)) for value, label in ResourceType.choices
        ]
    if "language" in facets:
        choices["language"] = [
            (value, label, counts["language"].get(value, 0))
            for value, label in ResourceLanguage.choices
        ]
    if "principle" in facets:
        choices["principle"] = [
            (principle.slug, principle.name, counts["principle"].get(principle.slug, 0))
            for principle in CharterPrinciple.objects.all()
        ]
    if "country" in facets:
        from django_countries import countries

        shown = set(counts["country"]) | ({filters.country} if filters.country else set())
        choices["country"] = sorted(
            (
                (code, countries.name(code) or code, counts["country"].get(code, 0))
                for code in shown
            ),
            key=lambda choice: str(choice[1]),
        )
    return choices
