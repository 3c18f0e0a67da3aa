"""Events: online, face-to-face and hybrid discussions, their registrations and calendars.

An ``EventPage`` lives under a ``LearningNetworkPage`` (its members register) or under the
site-wide ``EventIndexPage`` (anyone signed in registers). Editors enter the start and
end as wall-clock times in the event's named time zone; ``starts_at`` and ``ends_at``
(UTC instants) are computed from them on every save, so a daylight-saving change between
now and the event never shifts it. Who may see or do what is decided by
``network.permissions``; registrations change only through ``network.events.services``.
"""

import datetime
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.api import APIField
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from accounts.models.users import language_choices, time_zone_choices
from home.blocks import BaseStreamBlock
from network import permissions
from network.models.event_registrations import (
    CalendarToken,
    EventReminder,
    Registration,
    RegistrationAnswer,
    RegistrationStatus,
    ReminderKind,
)
from network.models.pages import LearningNetworkPage, NetworkContentMixin
from network.models.taxonomy import CharterPrinciple

EVENTS_PER_PAGE = 20


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("Face to face")
    HYBRID = "hybrid", _("Hybrid")


def local_instant(day, time, zone_name):
    """The UTC instant of a wall-clock time in a named zone; ``None`` if that time does
    not exist there (skipped by a daylight-saving change)."""
    zone = zoneinfo.ZoneInfo(zone_name)
    local = datetime.datetime.combine(day, time, tzinfo=zone)
    instant = local.astimezone(datetime.UTC)
    if instant.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        return None
    return instant


class EventIndexPage(Page):
    """Site-wide events (its children) and the listing of every event a person may see."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.EventPage"]
    max_count = 1
    template = "network/events/event_index_page.html"

    class Meta:
        verbose_name = _("event index page")

    def get_context(self, request, *args, **kwargs):
        from network.events.listing import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(request))
        return context


class EventPageQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Events outside every network this person may not view."""
        return self.filter(permissions.visible_pages_q(user))

    def upcoming(self, now=None):
        """Not over yet (running ones included), soonest first."""
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")

    def in_network(self, network):
        return self.filter(path__startswith=network.path, depth=network.depth + 1)

    def for_listing(self):
        """What a card shows, in bulk: the number of registered people."""
        return (
            self.defer_streamfields()
            .defer("summary", "body")
            .annotate(
                registered_total=Count(
                    "registrations",
                    filter=Q(registrations__status=RegistrationStatus.REGISTERED),
                )
            )
        )


class EventPage(NetworkContentMixin, Page):
    """One event: when and where, who hosts it, who may register, and what came of it."""

    Format = EventFormat

    intro = models.TextField(
        _("short introduction"),
        max_length=400,
        help_text=_("One or two sentences, shown in listings and calendars."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("programme"))
    format = models.CharField(
        _("format"), max_length=20, choices=EventFormat.choices, default=EventFormat.ONLINE
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=time_zone_choices,
        default="UTC",
        help_text=_("Where the event happens, or its host's zone for an online event."),
    )
    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(_("start time"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty for the same day.")
    )
    end_time = models.TimeField(_("end time"))
    # UTC instants of the wall-clock times above, computed on save: for queries only.
    starts_at = models.DateTimeField(_("starts at"), editable=False, db_index=True)
    ends_at = models.DateTimeField(_("ends at"), editable=False)
    place_name = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("For a face-to-face or hybrid event, e.g. “Palacio de Congresos, room 3”."),
    )
    address = models.TextField(_("address"), blank=True)
    online_link = models.URLField(
        _("online link"),
        max_length=500,
        blank=True,
        help_text=_(
            "Shown only to registered people (and the organisers): never on the public "
            "page, in feeds, the API or public calendars. May be added later."
        ),
    )
    language = models.CharField(
        _("language"), max_length=10, choices=language_choices, default="en"
    )
    principles = ParentalManyToManyField(
        CharterPrinciple, blank=True, related_name="events", verbose_name=_("principles")
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("How many people can register; more join a waiting list. Empty: no limit."),
    )
    summary = RichTextField(
        _("summary"),
        blank=True,
        help_text=_("After the event: what was discussed and what people took away."),
    )
    recording_url = models.URLField(
        _("recording link"),
        max_length=500,
        blank=True,
        help_text=_("After the event: a plain link to the recording (nothing is embedded)."),
    )
    slides = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        blank=True,
        verbose_name=_("slides and documents"),
        help_text=_(
            "Documents of an event in a members-only network are served only to its members."
        ),
    )

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("place_name"),
                FieldPanel("address"),
                FieldPanel("online_link"),
                FieldPanel("language"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("body"),
        MultipleChooserPanel("hosts", chooser_field_name="expert", label=_("Hosts")),
        FieldPanel("principles", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("capacity"), InlinePanel("questions", label=_("Question"))],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("summary"),
                FieldPanel("recording_url"),
                FieldPanel("slides"),
                MultipleChooserPanel(
                    "related_lessons", chooser_field_name="lesson", label=_("Related lessons")
                ),
            ],
            heading=_("After the event"),
        ),
    ]

    # Never the online link: the search index is read by people who are not registered.
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("summary"),
        index.SearchField("place_name"),
        index.FilterField("format"),
        index.FilterField("language"),
        index.FilterField("starts_at"),
    ]

    # Never the online link (nor the registrants): the API is public.
    api_fields = [
        APIField("intro"),
        APIField("format"),
        APIField("time_zone"),
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("place_name"),
        APIField("address"),
        APIField("language"),
        APIField("capacity"),
        APIField("summary"),
        APIField("recording_url"),
    ]

    parent_page_types = ["network.EventIndexPage", "network.LearningNetworkPage"]
    subpage_types = []
    template = "network/events/event_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.start_time and self.time_zone:
            if self.starts_at_from_fields() is None:
                errors["start_time"] = _(
                    "This time does not exist in %(zone)s (the clocks skip it)."
                ) % {"zone": self.time_zone}
            elif self.end_time and self.ends_at_from_fields() is None:
                errors["end_time"] = _(
                    "This time does not exist in %(zone)s (the clocks skip it)."
                ) % {"zone": self.time_zone}
            elif self.end_time and self.ends_at_from_fields() <= self.starts_at_from_fields():
                errors["end_time"] = _("The event must end after it starts.")
        if self.format in (EventFormat.IN_PERSON, EventFormat.HYBRID) and not self.place_name:
            errors["place_name"] = _("A face-to-face or hybrid event needs a place.")
        if errors:
            raise ValidationError(errors)

    def starts_at_from_fields(self):
        return local_instant(self.start_date, self.start_time, self.time_zone)

    def ends_at_from_fields(self):
        return local_instant(self.end_date or self.start_date, self.end_time, self.time_zone)

    def save(self, *args, **kwargs):
        # A time skipped by the clocks (refused by clean) falls back to fold 0's instant.
        zone = zoneinfo.ZoneInfo(self.time_zone)
        self.starts_at = self.starts_at_from_fields() or datetime.datetime.combine(
            self.start_date, self.start_time, tzinfo=zone
        )
        self.ends_at = self.ends_at_from_fields() or datetime.datetime.combine(
            self.end_date or self.start_date, self.end_time, tzinfo=zone
        )
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "starts_at", "ends_at"}
        return super().save(*args, **kwargs)

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    @property
    def has_started(self):
        return self.starts_at <= timezone.now()

    @property
    def has_place(self):
        return self.format in (EventFormat.IN_PERSON, EventFormat.HYBRID)

    @property
    def is_online(self):
        return self.format in (EventFormat.ONLINE, EventFormat.HYBRID)

    @cached_property
    def network(self):
        """The network this event belongs to (its parent), or ``None`` for a site-wide one."""
        return (
            LearningNetworkPage.objects.filter(path=self.path[: -self.steplen])
            .defer_streamfields()
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        from network.events.detail import detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(detail_context(self, request))
        return context


class EventHost(Orderable):
    """An expert who hosts the event: shown on its page; an organiser of its registrations."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="hosts")
    expert = models.ForeignKey(
        "network.ExpertProfilePage",
        on_delete=models.CASCADE,
        related_name="hosted_events",
        verbose_name=_("expert"),
    )

    panels = [FieldPanel("expert")]

    class Meta(Orderable.Meta):
        verbose_name = _("host")

    def __str__(self):
        return str(self.expert)


class EventLesson(Orderable):
    """A lesson that came out of (or goes with) the event."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_lessons")
    lesson = models.ForeignKey(
        "network.LessonPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("lesson"),
    )

    panels = [FieldPanel("lesson")]

    class Meta(Orderable.Meta):
        verbose_name = _("related lesson")

    def __str__(self):
        return str(self.lesson)


class EventQuestion(Orderable):
    """A question people answer when they register (accessibility needs, dietary ...)."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("question"), max_length=200)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=False)

    panels = [FieldPanel("label"), FieldPanel("help_text"), FieldPanel("required")]

    class Meta(Orderable.Meta):
        verbose_name = _("registration question")

    def __str__(self):
        return self.label


__all__ = [
    "CalendarToken",
    "EventFormat",
    "EventHost",
    "EventIndexPage",
    "EventLesson",
    "EventPage",
    "EventQuestion",
    "EventReminder",
    "Registration",
    "RegistrationAnswer",
    "RegistrationStatus",
    "ReminderKind",
]
