"""Expert profiles: the public directory and one page per expert, curated by editors.

Experts' profiles are public by design. What a profile shows from discussions (live
sessions hosted, questions answered) comes from discussions' template tags or from the
counters below, which discussions' services keep: network never imports discussions.
"""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from accounts.models.users import language_choices
from network.models.taxonomy import CharterPrinciple

BIO_FEATURES = ["bold", "italic", "link", "ol", "ul"]
EXPERTS_PER_PAGE = 24


class ExpertIndexPage(Page):
    """The public directory of experts (/experts/)."""

    intro = models.TextField(_("introduction"), blank=True)
    ask_network = models.ForeignKey(
        "network.LearningNetworkPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("network for questions to experts"),
        help_text=_(
            "A public network that anyone can join at once (“Ask the experts”). A member "
            "who asks outside their own networks asks here, and joins it by asking."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("ask_network")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.ExpertProfilePage"]
    max_count = 1

    class Meta:
        verbose_name = _("expert index page")

    def experts(self):
        return ExpertProfilePage.objects.live().child_of(self)

    def get_context(self, request, *args, **kwargs):
        from network.experts.forms import DirectoryFilterForm

        context = super().get_context(request, *args, **kwargs)
        experts = self.experts()
        form = DirectoryFilterForm(
            request.GET or None,
            principles=CharterPrinciple.objects.filter(
                experts__in=experts.values("pk")
            ).distinct(),
            topics=Tag.objects.filter(
                network_experttopic_items__content_object__in=experts.values("pk")
            )
            .distinct()
            .order_by("name"),
            languages=experts.language_codes(),
            countries=experts.country_codes(),
        )
        filters = form.filters() if request.GET else {}
        listing = experts.filtered(**filters).for_listing()
        page_obj = Paginator(listing, EXPERTS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            form=form,
            filters=filters,
            page_obj=page_obj,
            experts=page_obj.object_list,
            query=urlencode(filters),
        )
        return context


class ExpertTopic(TaggedItemBase):
    """Topics of expertise: free tags, shared with the rest of the site's tags."""

    content_object = ParentalKey(
        "network.ExpertProfilePage", on_delete=models.CASCADE, related_name="tagged_topics"
    )


class ExpertLanguage(Orderable):
    """One language an expert works in (a row each, so the directory can filter on it)."""

    page = ParentalKey(
        "network.ExpertProfilePage", on_delete=models.CASCADE, related_name="languages"
    )
    language = models.CharField(_("language"), max_length=10, choices=language_choices)

    panels = [FieldPanel("language")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="unique_expert_language")
        ]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.get_language_display()


class ExpertLink(Orderable):
    page = ParentalKey("network.ExpertProfilePage", on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=80)
    url = models.URLField(_("address"))

    panels = [FieldPanel("label"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self):
        return self.label


class ExpertProfileQuerySet(PageQuerySet):
    def for_listing(self):
        """What a directory card shows, fetched with the rows (no query per expert)."""
        from wagtail.images import get_image_model

        images = get_image_model().objects.prefetch_renditions(EXPERT_PHOTO_FILTER)
        return (
            self.select_related("organisation")
            .prefetch_related(
                models.Prefetch("photo", queryset=images),
                "principles",
                models.Prefetch(
                    "tagged_topics", queryset=ExpertTopic.objects.select_related("tag")
                ),
                "languages",
            )
            .order_by("title")
        )

    def with_principle(self, slug):
        return self.filter(principles__slug=slug)

    def with_topic(self, slug):
        return self.filter(tagged_topics__tag__slug=slug)

    def with_language(self, code):
        return self.filter(languages__language=code)

    def with_country(self, code):
        # Codes are stored comma-separated, two letters each: a substring is one code.
        return self.filter(countries__contains=code)

    def matching_text(self, text):
        words = text.split()
        query = self
        for word in words[:8]:
            query = query.filter(
                models.Q(title__icontains=word)
                | models.Q(headline__icontains=word)
                | models.Q(bio__icontains=word)
                | models.Q(organisation__name__icontains=word)
                | models.Q(tagged_topics__tag__name__icontains=word)
            )
        return query.distinct()

    def filtered(self, *, q="", principle="", topic="", language="", country=""):
        """The directory's filters, combined (each one narrows the list)."""
        query = self
        if principle:
            query = query.with_principle(principle)
        if topic:
            query = query.with_topic(topic)
        if language:
            query = query.with_language(language)
        if country:
            query = query.with_country(country)
        if q:
            query = query.matching_text(q)
        return query

    def language_codes(self):
        return sorted(
            set(
                ExpertLanguage.objects.filter(page__in=self.values("pk"))
                .values_list("language", flat=True)
                .distinct()
            )
        )

    def country_codes(self):
        codes = set()
        for value in self.order_by().values_list("countries", flat=True):
            if isinstance(value, str):
                value = value.split(",")
            codes.update(str(code) for code in value or () if code)
        return sorted(codes)


EXPERT_PHOTO_FILTER = "fill-160x160"  # keep in step with the expert templates


class ExpertProfilePage(Page):
    """An expert's public profile, linked to their user account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="expert_profile",
        verbose_name=_("user account"),
        help_text=_(
            "The person's account: questions asked to this expert and the sessions they "
            "host are theirs. Their email address is never shown."
        ),
    )
    headline = models.CharField(
        _("headline"),
        max_length=160,
        help_text=_("One line, for example “Procurement data lead at a civil-society group”."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("photo"),
        help_text=_("Images are public: anyone with the link can open them."),
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experts",
        verbose_name=_("organisation"),
    )
    countries = CountryField(
        _("countries of experience"),
        multiple=True,
        blank=True,
        help_text=_("Countries whose open data work this expert knows first-hand."),
    )
    principles = ParentalManyToManyField(
        CharterPrinciple,
        blank=True,
        related_name="experts",
        verbose_name=_("Open Data Charter principles"),
    )
    topics = ClusterTaggableManager(
        through=ExpertTopic,
        blank=True,
        verbose_name=_("topics of expertise"),
        help_text=_("For example “beneficial ownership”, “procurement”, “data standards”."),
    )
    bio = RichTextField(_("biography"), features=BIO_FEATURES, blank=True)
    # Kept by discussions' services when the expert first answers a question addressed
    # to them in a public network (private work never shows here); never edited in the
    # admin and never restored from a revision.
    questions_answered = models.PositiveIntegerField(
        _("questions answered"), default=0, editable=False
    )
    answer_seconds_total = models.PositiveBigIntegerField(default=0, editable=False)

    objects = PageManager.from_queryset(ExpertProfileQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("user"),
        FieldPanel("headline"),
        FieldPanel("photo"),
        FieldPanel("organisation"),
        FieldPanel("bio"),
        MultiFieldPanel(
            [
                FieldPanel("principles", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics"),
                FieldPanel("countries"),
            ],
            heading=_("Expertise"),
        ),
        InlinePanel("languages", heading=_("Languages"), label=_("Language")),
        InlinePanel("links", heading=_("Links"), label=_("Link")),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("headline"),
        index.SearchField("bio"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.AutocompleteField("title"),
    ]

    api_fields = [
        APIField("headline"),
        APIField("bio"),
        APIField("countries"),
        APIField("questions_answered"),
    ]

    parent_page_types = ["network.ExpertIndexPage"]
    subpage_types = []

    exclude_fields_in_copy = ["user", "questions_answered", "answer_seconds_total"]

    class Meta:
        verbose_name = _("expert profile")

    @property
    def average_answer_seconds(self):
        if not self.questions_answered:
            return None
        return self.answer_seconds_total // self.questions_answered

    def average_answer_time(self):
        """ "3 hours", "2 days": how fast this expert answers, on average (or "")."""
        seconds = self.average_answer_seconds
        if seconds is None:
            return ""
        now = timezone.now()
        return timesince(now - timedelta(seconds=max(seconds, 60)), now, depth=1)

    def language_names(self):
        names = dict(language_choices())
        return [names.get(row.language, row.language) for row in self.languages.all()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index = self.get_parent()
        context.update(
            index_url=index.get_url(request=request),
            principles=list(self.principles.all()),
            topics=list(self.topics.all()),
            links=list(self.links.all()),
            lessons=self.lessons_written(request.user),
            events=self.events_hosted(request.user),
        )
        return context

    def lessons_written(self, user, limit=6):
        """Published lessons this expert wrote that ``user`` may see, newest first."""
        from network.models.lessons import LessonPage

        if not self.user_id:
            return []
        lessons = (
            LessonPage.objects.live()
            .visible_to(user)
            .by_author(self.user_id)
            .order_by("-first_published_at")
            .only("id", "title", "url_path", "path", "depth", "first_published_at")
        )
        return list(lessons[:limit])

    def events_hosted(self, user, limit=6):
        """Events this expert hosts that ``user`` may see, the latest start first."""
        from network.models.events import EventPage

        events = (
            EventPage.objects.live()
            .visible_to(user)
            .filter(hosts__expert=self)
            .order_by("-starts_at")
            .only("id", "title", "url_path", "path", "depth", "starts_at")
        )
        return list(events[:limit])

    def with_content_json(self, content):
        """Counters belong to the live row, not to a revision: keep them when restoring."""
        obj = super().with_content_json(content)
        obj.questions_answered = self.questions_answered
        obj.answer_seconds_total = self.answer_seconds_total
        return obj
