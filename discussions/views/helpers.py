"""What every discussions view shares: finding things (404 unless the person may read
them), where a reply is, the rate limit, refusals with a reason.

Every view finds the network, thread or reply through ``network_or_404``,
``thread_or_404`` or ``post_or_404``, which ask ``discussions.permissions``: whatever a
person may not read answers 404, like any unknown address.
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from discussions import permissions, throttle
from discussions.models import Post, Thread, ThreadRead
from network.models import LearningNetworkPage

REPLIES_PER_PAGE = 25
THREADS_PER_PAGE = 20

TOO_FAST = gettext_lazy(
    "You are posting faster than we allow. Please wait a few minutes and try again; "
    "what you wrote is still here."
)


# --- Lookups ------------------------------------------------------------------------


# What discussions' pages use of a network: its name, address and access settings.
NETWORK_FIELDS = (
    "id",
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "live",
    "intro",
    "visibility",
    "listed_publicly",
    "join_policy",
)
AUTHOR_FIELDS = ("id", "username", "display_name", "email", "is_active")


def network_or_404(request, slug):
    network = LearningNetworkPage.objects.live().filter(slug=slug).only(*NETWORK_FIELDS).first()
    if network is None or not permissions.can_view_network(request.user, network):
        raise Http404
    return network


def thread_or_404(request, network_slug, pk, *, with_body=False, with_reader_state=False):
    """The thread, its network and its author in one query; 404 unless the person may
    read it (a members-only network's threads do not exist for outsiders).

    ``with_reader_state`` also brings, for a signed-in person, whether they follow the
    thread (``is_following``) and when they last read it (``last_read_at``): one more
    query, after the permission check.
    """
    fields = [
        field.name for field in Thread._meta.concrete_fields if with_body or field.name != "body"
    ]
    threads = Thread.objects.select_related("network", "author").only(
        *fields,
        *(f"network__{name}" for name in NETWORK_FIELDS),
        *(f"author__{name}" for name in AUTHOR_FIELDS),
    )
    try:  # not .first(), which sorts by the threads' default ordering to pick one row
        thread = threads.get(pk=pk, network__slug=network_slug, network__live=True)
    except Thread.DoesNotExist:
        raise Http404 from None
    if not permissions.can_view_thread(request.user, thread):
        raise Http404
    if with_reader_state and request.user.is_authenticated:
        thread.last_read_at, thread.is_following = ThreadRead.objects.reader_state(
            request.user, thread.pk
        )
    return thread


def post_or_404(request, pk):
    post = (
        Post.objects.select_related("thread__network", "author")
        .filter(pk=pk, thread__network__live=True)
        .first()
    )
    if post is None or not permissions.can_view_post(request.user, post):
        raise Http404
    return post


class TreePaginator(Paginator):
    """Pages of a thread's tree; the row count is the thread's counter, not a COUNT."""

    def __init__(self, object_list, per_page, *, count, **kwargs):
        self._known_count = count
        super().__init__(object_list, per_page, **kwargs)

    @cached_property
    def count(self):
        return self._known_count


def page_of(post):
    """The page number of the thread that shows ``post`` (one COUNT over an index)."""
    before = Post.objects.filter(thread_id=post.thread_id, path__lt=post.path).listed().count()
    return before // REPLIES_PER_PAGE + 1


def post_location(post):
    """Where a reply is: its thread page, scrolled to it."""
    url = post.thread.get_absolute_url()
    page = page_of(post)
    if page > 1:
        url += "?" + urlencode({"page": page})
    return f"{url}#post-{post.pk}"


def csrf_field(request):
    """The CSRF field, made once per page for the many small forms in a thread."""
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
    )


def reply_prefix(parent):
    """Several reply forms can share a page: each has its own field names and ids."""
    return f"reply-{parent.pk}" if parent is not None else None


def is_htmx(request):
    return bool(getattr(request, "htmx", False))


def write_allowed(request, form):
    """The rate limit: on refusal the form says so and keeps what was typed."""
    if throttle.allow_write(request.user):
        return True
    form.add_error(None, TOO_FAST)
    return False


def suspended_message(user):
    """Why a suspended person may not write, and until when (one query, for them only)."""
    from discussions.models.moderation import Suspension

    suspension = Suspension.objects.in_force().filter(user=user).order_by("-ends_at").first()
    until = suspension.ends_at if suspension else permissions.suspended_until(user)
    message = _(
        "Your account is suspended until %(date)s: you can read, but not post, reply, "
        "react or flag."
    ) % {"date": date_format(until, "DATETIME_FORMAT")}
    if suspension is not None:
        message += " " + _("The reason: %(reason)s") % {"reason": suspension.reason}
    return message


def forbidden(request, network, message):
    """403 with a reason, on a network the person can see (outsiders got 404 before).
    A suspended person is told that instead, with the end date."""
    if permissions.is_suspended(request.user):
        message = suspended_message(request.user)
    return render(
        request,
        "discussions/forbidden.html",
        {"network": network, "message": message},
        status=403,
    )


def refuse_reply(request, thread):
    if thread.is_locked:
        message = _("This thread is locked: it takes no new replies.")
    else:
        message = _("Only members of this network reply. Join the network to take part.")
    return forbidden(request, thread.network, message)


def safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def reply_action(thread, parent):
    if parent is not None:
        return reverse("discussions:post_reply", kwargs={"pk": parent.pk})
    return reverse(
        "discussions:thread_reply", kwargs={"network_slug": thread.network.slug, "pk": thread.pk}
    )
