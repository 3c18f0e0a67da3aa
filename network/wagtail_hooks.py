from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.models import Page, ReferenceIndex
from wagtail.snippets.models import register_snippet

from network import permissions
from network.models import LearningNetworkPage, Role
from network.viewsets import CharterPrincipleViewSet, MembershipViewSet

register_snippet(CharterPrincipleViewSet)


@hooks.register("register_admin_viewset")
def register_membership_viewset():
    return MembershipViewSet("network_memberships")


@hooks.register("before_serve_page")
def hide_members_only_networks(page, request, serve_args, serve_kwargs):
    """A page inside (or being) a network this person may not view answers 404.

    The network page itself is served as a teaser when it is listed publicly (or the
    person has a pending request); its template shows only the teaser then.
    """
    user = request.user
    for path in permissions.hidden_network_paths(user):
        if not page.path.startswith(path):
            continue
        if (
            page.path == path
            and isinstance(page, LearningNetworkPage)
            and permissions.can_see_teaser(user, page)
        ):
            return None
        raise Http404
    return None


@hooks.register("before_serve_document")
def hide_documents_of_members_only_networks(document, request):
    """A document used only inside networks this person may not view answers 404.

    Found through Wagtail's reference index: a document that anything outside those
    networks refers to (a public page, a snippet ...) stays public.
    """
    hidden = permissions.hidden_network_paths(request.user)
    if not hidden:
        return None
    references = set(
        ReferenceIndex.get_references_to(document).values_list("base_content_type_id", "object_id")
    )
    if not references:
        return None
    page_type = ContentType.objects.get_for_model(Page).pk
    page_ids = {object_id for type_id, object_id in references if type_id == page_type}
    if len(page_ids) < len(references):
        return None  # also used by something that is not a page
    paths = Page.objects.filter(pk__in=page_ids).values_list("path", flat=True)
    if all(any(path.startswith(h) for h in hidden) for path in paths):
        raise Http404
    return None


class _MembershipFormatter(LogFormatter):
    def format_message(self, log_entry):
        data = log_entry.data or {}
        return self.message % {
            "person": data.get("person", "?"),
            "network": data.get("network", "?"),
            "role": _role_label(data.get("role")),
            "previous_role": _role_label(data.get("previous_role")),
            "email": data.get("email", "?"),
        }


def _role_label(value):
    try:
        return Role(value).label
    except ValueError:
        return value or "?"


NETWORK_LOG_ACTIONS = {
    "network.membership.join": (_("Join network"), _("%(person)s joined %(network)s")),
    "network.membership.request": (
        _("Request to join"),
        _("%(person)s asked to join %(network)s"),
    ),
    "network.membership.withdraw": (
        _("Withdraw request"),
        _("%(person)s withdrew their request to join %(network)s"),
    ),
    "network.membership.approve": (
        _("Approve request"),
        _("Approved %(person)s as member of %(network)s"),
    ),
    "network.membership.decline": (
        _("Decline request"),
        _("Declined the request of %(person)s to join %(network)s"),
    ),
    "network.membership.leave": (_("Leave network"), _("%(person)s left %(network)s")),
    "network.membership.remove": (
        _("Remove member"),
        _("Removed %(person)s (%(role)s) from %(network)s"),
    ),
    "network.membership.role_change": (
        _("Change role"),
        _("Changed the role of %(person)s in %(network)s from %(previous_role)s to %(role)s"),
    ),
    "network.membership.add": (
        _("Add member"),
        _("Added %(person)s to %(network)s as %(role)s"),
    ),
    "network.invitation.create": (
        _("Invite"),
        _("Invited %(email)s to %(network)s as %(role)s"),
    ),
    "network.invitation.accept": (
        _("Accept invitation"),
        _("%(person)s accepted an invitation to %(network)s as %(role)s"),
    ),
    "network.invitation.decline": (
        _("Decline invitation"),
        _("An invitation to %(network)s was declined"),
    ),
    "network.invitation.revoke": (
        _("Withdraw invitation"),
        _("An invitation to %(network)s was withdrawn"),
    ),
}


@hooks.register("register_log_actions")
def register_network_log_actions(actions):
    for action, (label, message) in NETWORK_LOG_ACTIONS.items():
        actions.register_action(action)(
            type(
                "NetworkLogFormatter",
                (_MembershipFormatter,),
                {"label": label, "message": message},
            )
        )


# Each area of network keeps its admin hooks in its own package.
from network.events import wagtail_hooks as _events_hooks  # noqa: E402,F401
from network.experts import wagtail_hooks as _experts_hooks  # noqa: E402,F401
from network.lessons import wagtail_hooks as _lessons_hooks  # noqa: E402,F401
from network.resources import wagtail_hooks as _resources_hooks  # noqa: E402,F401
from network.reviews import wagtail_hooks as _reviews_hooks  # noqa: E402,F401
