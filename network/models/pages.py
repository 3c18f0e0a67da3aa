"""The network index and the learning-network pages.

Access to a network and everything inside it is decided by ``network.permissions``;
these models only expose the data and the context the templates need.
"""

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import BaseStreamBlock
from network import permissions
from network.models.membership import Membership, Role
from network.models.taxonomy import CharterPrinciple

NETWORKS_PER_PAGE = 24
CARD_IMAGE_FILTER = "fill-640x240"  # keep in step with templates/network/_network_card.html


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: everyone can read it")
    MEMBERS_ONLY = "members_only", _("Members only")


class JoinPolicy(models.TextChoices):
    OPEN = "open", _("Open: any signed-in person can join")
    APPROVAL = "approval", _("By approval: a facilitator accepts each request")


class NetworkContentMixin:
    """For page types that live inside a network (lessons, events ...).

    Serving and the API are already guarded path-based for every page type; the sitemap
    asks each page, so pages inside a network mix this in to stay out of it when the
    network is members-only.
    """

    def get_sitemap_urls(self, request=None):
        if permissions.in_members_only_network(self, request=request):
            return []
        return super().get_sitemap_urls(request)


class NetworkIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.LearningNetworkPage"]
    max_count = 1

    class Meta:
        verbose_name = _("network index page")

    def networks_for(self, user):
        """Live networks this person may find here: visible ones and listed teasers."""
        return (
            LearningNetworkPage.objects.live()
            .child_of(self)
            .filter(permissions.listed_networks_q(user))
            .for_listing()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        networks = self.networks_for(user)
        visible_q = permissions.visible_networks_q(user)

        principle = request.GET.get("principle", "")
        tag = request.GET.get("tag", "")
        mine = request.GET.get("mine") == "1" and user.is_authenticated
        # Filters look at content (principles, tags), which a teaser does not show:
        # they match only networks the person may fully see.
        if principle:
            networks = networks.filter(visible_q, principles__slug=principle)
        if tag:
            networks = networks.filter(visible_q, tags__slug=tag)
        if mine:
            networks = networks.filter(pk__in=permissions.active_network_ids(user))

        page_obj = Paginator(networks, NETWORKS_PER_PAGE).get_page(request.GET.get("page"))
        memberships = permissions.memberships_of(user)
        for network in page_obj.object_list:
            network.viewer_membership = memberships.get(network.pk)
            network.viewer_can_view = permissions.can_view(user, network)

        query = {
            key: value
            for key, value in (
                ("principle", principle),
                ("tag", tag),
                ("mine", "1" if mine else ""),
            )
            if value
        }
        context.update(
            page_obj=page_obj,
            networks=page_obj.object_list,
            principles=CharterPrinciple.objects.all(),
            tags=self.tags_for(user),
            current_principle=principle,
            current_tag=tag,
            mine=mine,
            query=urlencode(query),
        )
        return context

    def tags_for(self, user):
        """Tags used by networks whose content this person may see (never teaser-only)."""
        visible = (
            LearningNetworkPage.objects.live()
            .child_of(self)
            .filter(permissions.visible_networks_q(user))
            .values("pk")
        )
        return (
            Tag.objects.filter(network_networkpagetag_items__content_object__in=visible)
            .distinct()
            .order_by("name")
        )


class NetworkPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "network.LearningNetworkPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NetworkPageQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Networks whose full content this person may see."""
        return self.filter(permissions.visible_networks_q(user))

    def listed_for(self, user):
        """Networks this person may see, plus members-only ones listed publicly."""
        return self.filter(permissions.listed_networks_q(user))

    def for_listing(self):
        images = get_image_model().objects.prefetch_renditions(CARD_IMAGE_FILTER)
        return (
            self.prefetch_related(models.Prefetch("cover_image", queryset=images), "principles")
            .defer_streamfields()
            .order_by("title")
        )


class LearningNetworkPage(Page):
    """A thematic learning network: its page, its members' space and its children."""

    Visibility = Visibility
    JoinPolicy = JoinPolicy

    intro = models.TextField(
        _("short introduction"),
        max_length=400,
        help_text=_(
            "One or two sentences. Shown in listings and, for a members-only network "
            "listed publicly, to everyone on its teaser."
        ),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cover image"),
        help_text=_(
            "Images are public: anyone with the link can open them, even for a "
            "members-only network."
        ),
    )
    principles = ParentalManyToManyField(
        CharterPrinciple, blank=True, related_name="networks", verbose_name=_("principles")
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    tags = ClusterTaggableManager(through=NetworkPageTag, blank=True, verbose_name=_("tags"))
    visibility = models.CharField(
        _("visibility"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        help_text=_(
            "A members-only network, and every page inside it, answers “not found” to "
            "everyone else."
        ),
    )
    listed_publicly = models.BooleanField(
        _("listed publicly"),
        default=False,
        help_text=_(
            "For a members-only network: list it in the network index and show outsiders "
            "a teaser (title, short introduction, facilitators, a request-to-join button). "
            "Its content stays private."
        ),
    )
    join_policy = models.CharField(
        _("who can join"),
        max_length=20,
        choices=JoinPolicy.choices,
        default=JoinPolicy.APPROVAL,
    )
    # Denormalised counters, written by network.services (and discussions' services):
    # never edited in the admin and never restored from a revision.
    member_count = models.PositiveIntegerField(_("members"), default=0, editable=False)
    last_activity_at = models.DateTimeField(
        _("latest activity"), null=True, blank=True, editable=False
    )

    objects = PageManager.from_queryset(NetworkPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("principles", widget=forms.CheckboxSelectMultiple),
                FieldPanel("countries"),
                FieldPanel("tags"),
            ],
            heading=_("Themes"),
        ),
        MultiFieldPanel(
            [FieldPanel("visibility"), FieldPanel("listed_publicly"), FieldPanel("join_policy")],
            heading=_("Access and membership"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("visibility"),
    ]

    api_fields = [
        APIField("intro"),
        APIField("visibility"),
        APIField("join_policy"),
        APIField("member_count"),
        APIField("last_activity_at"),
    ]

    parent_page_types = ["network.NetworkIndexPage"]
    # One line per page type, so areas can add theirs without touching each other's.
    subpage_types = [
        "network.LessonPage",
        "network.EventPage",
    ]

    exclude_fields_in_copy = ["member_count", "last_activity_at"]

    class Meta:
        verbose_name = _("learning network")

    @property
    def is_members_only(self):
        return self.visibility == Visibility.MEMBERS_ONLY

    @property
    def is_open(self):
        return self.join_policy == JoinPolicy.OPEN

    def with_content_json(self, content):
        """Counters belong to the live row, not to a revision: keep them when restoring."""
        obj = super().with_content_json(content)
        obj.member_count = self.member_count
        obj.last_activity_at = self.last_activity_at
        return obj

    def get_sitemap_urls(self, request=None):
        """Members-only networks stay out of the sitemap, listed publicly or not."""
        if self.is_members_only:
            return []
        return super().get_sitemap_urls(request)

    def stewards(self):
        return list(Membership.objects.for_network(self).stewards())

    def membership_panel_context(self, user, stewards=None):
        """What the join / leave panel needs; also rendered alone for htmx.

        ``stewards`` (this network's leads and facilitators), when already fetched,
        saves the query that tells whether the person is the last lead.
        """
        membership = permissions.membership_for(user, self)
        invitation = None
        if user.is_authenticated and membership is None:
            from network.models.membership import Invitation

            invitation = (
                Invitation.objects.open().for_emails([user.email]).filter(network=self).first()
            )
        can_request_to_join = permissions.can_request_to_join(user, self)
        request_form = None
        if can_request_to_join:
            from network.forms import JoinRequestForm

            request_form = JoinRequestForm()
        is_last_lead = False
        if membership is not None and membership.is_active and membership.role == Role.LEAD:
            if stewards is None:
                leads = Membership.objects.for_network(self).leads().count()
            else:
                leads = sum(1 for steward in stewards if steward.role == Role.LEAD)
            is_last_lead = leads == 1
        return {
            "page": self,
            "membership": membership,
            "request_form": request_form,
            "invitation": invitation,
            "can_join": permissions.can_join(user, self),
            "can_request_to_join": can_request_to_join,
            "can_view": permissions.can_view(user, self),
            "is_last_lead": is_last_lead,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        can_view = permissions.can_view(user, self)
        stewards = self.stewards()
        context.update(self.membership_panel_context(user, stewards=stewards))
        context.update(
            can_view=can_view,
            stewards=stewards,
            can_see_members=permissions.can_see_members(user, self),
            can_moderate=permissions.can_moderate(user, self),
        )
        if can_view:
            context.update(
                index_url=self.get_parent().get_url(request),
                balance=Membership.objects.for_network(self).sector_balance(),
                principles=self.principles.all(),
                tags=self.tags.all(),
            )
        if context["can_moderate"]:
            context["pending_count"] = Membership.objects.for_network(self).pending().count()
        return context
