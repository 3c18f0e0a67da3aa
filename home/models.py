from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock


def community_in_numbers():
    """Who takes part, for the home page: two aggregate queries, whatever the size."""
    from accounts.models import Organisation, User

    numbers = Organisation.objects.aggregate(
        organisations=Count("pk"),
        countries=Count("country", distinct=True, filter=~Q(country="")),
    )
    numbers["members"] = User.objects.filter(is_active=True).count()
    return numbers


class HomePage(Page):
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences under the site title, shown first to visitors."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "network.NetworkIndexPage",
        "network.ExpertIndexPage",
        "network.LessonLibraryPage",
        "network.EventIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["community"] = community_in_numbers()
        return context


class StandardPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=60)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.CharBlock(
        required=False,
        max_length=300,
        help_text=_("Use either a page or a path on this site such as /accounts/login/."),
    )

    class Meta:
        icon = "link"


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    """The header menu and the footer, edited under Settings in the admin."""

    primary_links = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("main menu"))
    footer_links = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("footer links"))
    footer_text = RichTextField(_("footer text"), blank=True, features=["bold", "italic", "link"])
    contact_email = models.EmailField(_("contact email"), blank=True)

    panels = [
        FieldPanel("primary_links"),
        MultiFieldPanel(
            [FieldPanel("footer_links"), FieldPanel("footer_text"), FieldPanel("contact_email")],
            heading=_("Footer"),
        ),
    ]

    class Meta:
        verbose_name = _("navigation and footer")
