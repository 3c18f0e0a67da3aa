"""Thread and reply views: thin, form → service → redirect (or an htmx partial).

Every view finds the network, thread or reply through ``_network_or_404``,
``_thread_or_404`` or ``_post_or_404``, which ask ``discussions.permissions``: whatever a
person may not read answers 404, like any unknown address. Writing views need a
signed-in member and are rate limited.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import F, Value
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from taggit.models import Tag
from wagtail.models import Page

from discussions import display, permissions, services, throttle
from discussions.forms import PostForm, ThreadForm
from discussions.models import Follow, Post, Reaction, Thread, ThreadKind
from discussions.rendering import render_markdown
from network import permissions as network_permissions
from network.models import CharterPrinciple, LearningNetworkPage

REPLIES_PER_PAGE = 25
THREADS_PER_PAGE = 20

TOO_FAST = _(
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


def _network_or_404(request, slug):
    network = LearningNetworkPage.objects.live().filter(slug=slug).only(*NETWORK_FIELDS).first()
    if network is None or not permissions.can_view_network(request.user, network):
        raise Http404
    return network


def _thread_or_404(request, network_slug, pk, *, with_body=False):
    """The thread, its network and its author in one query; 404 unless the person may
    read it (a members-only network's threads do not exist for outsiders)."""
    fields = [
        field.name for field in Thread._meta.concrete_fields if with_body or field.name != "body"
    ]
    thread = (
        Thread.objects.select_related("network", "author")
        .only(
            *fields,
            *(f"network__{name}" for name in NETWORK_FIELDS),
            *(f"author__{name}" for name in AUTHOR_FIELDS),
        )
        .filter(pk=pk, network__slug=network_slug, network__live=True)
        .first()
    )
    if thread is None or not permissions.can_view_thread(request.user, thread):
        raise Http404
    return thread


def _post_or_404(request, pk):
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


def _page_of(post):
    """The page number of the thread that shows ``post`` (one COUNT over an index)."""
    before = Post.objects.filter(thread_id=post.thread_id, path__lt=post.path).listed().count()
    return before // REPLIES_PER_PAGE + 1


def _post_location(post):
    """Where a reply is: its thread page, scrolled to it."""
    url = post.thread.get_absolute_url()
    page = _page_of(post)
    if page > 1:
        url += "?" + urlencode({"page": page})
    return f"{url}#post-{post.pk}"


def _csrf_input(request):
    """The CSRF field, made once per page for the many small forms in a thread."""
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
    )


def _reply_prefix(parent):
    """Several reply forms can share a page: each has its own field names and ids."""
    return f"reply-{parent.pk}" if parent is not None else None


def _is_htmx(request):
    return bool(getattr(request, "htmx", False))


def _write_allowed(request, form):
    """The rate limit: on refusal the form says so and keeps what was typed."""
    if throttle.allow_write(request.user):
        return True
    form.add_error(None, TOO_FAST)
    return False


def _forbidden(request, network, message):
    """403 with a reason, on a network the person can see (outsiders got 404 before)."""
    return render(
        request,
        "discussions/forbidden.html",
        {"network": network, "message": message},
        status=403,
    )


def _refuse_reply(request, thread):
    if thread.is_locked:
        message = _("This thread is locked: it takes no new replies.")
    else:
        message = _("Only members of this network reply. Join the network to take part.")
    return _forbidden(request, thread.network, message)


def _safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


# --- Thread list, feed --------------------------------------------------------------


def thread_list(request, network_slug):
    network = _network_or_404(request, network_slug)
    user = request.user
    threads = (
        Thread.objects.in_network(network)
        .visible_to(user)
        .for_listing()
        .with_read_state(user)
        .pinned_first()
    )
    kind = request.GET.get("kind", "")
    if kind not in ThreadKind.values:
        kind = ""
    tag = request.GET.get("tag", "")
    if kind:
        threads = threads.filter(kind=kind)
    if tag:
        threads = threads.filter(tags__slug=tag)
    page_obj = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    for thread in page_obj.object_list:
        thread.network = network
        last_read = getattr(thread, "last_read_at", None)
        thread.is_new = bool(
            user.is_authenticated
            and thread.last_activity_at
            and (last_read is None or last_read < thread.last_activity_at)
        )
    query = urlencode({key: value for key, value in (("kind", kind), ("tag", tag)) if value})
    context = {
        "network": network,
        "network_url": network.get_url(request=request),
        "page_obj": page_obj,
        "threads": page_obj.object_list,
        "kinds": ThreadKind.choices,
        "current_kind": kind,
        "current_tag": tag,
        "tags": _tags_in(network, user),
        "query": query,
        "can_start": permissions.can_start_thread(user, network),
        "is_member": network_permissions.role_in(user, network) is not None,
        "following": _follows_network(user, network),
        "can_follow": permissions.can_follow_network(user, network),
        "feed_url": (
            reverse("discussions:thread_feed", kwargs={"network_slug": network.slug})
            if not network.is_members_only
            else ""
        ),
    }
    return render(request, "discussions/thread_list.html", context)


def _tags_in(network, user):
    threads = Thread.objects.in_network(network).visible_to(user)
    return list(
        Tag.objects.filter(discussions_taggedthread_items__content_object__in=threads)
        .distinct()
        .order_by("name")
    )


def _follows_network(user, network):
    if not user.is_authenticated:
        return False
    return Follow.objects.filter(user=user, network=network).exists()


# --- Thread page --------------------------------------------------------------------


def thread_detail(request, network_slug, pk, slug=None):
    thread = _thread_or_404(request, network_slug, pk)
    network = thread.network
    user = request.user
    access = permissions.ThreadAccess(user, thread)
    paginator = TreePaginator(
        Post.objects.tree(thread), REPLIES_PER_PAGE, count=thread.listed_count
    )
    page_obj = paginator.get_page(request.GET.get("page"))
    context = _thread_context(request, network, thread, access)
    renderer = display.PostRenderer(
        user=user,
        access=access,
        accepted_id=thread.accepted_answer_id,
        csrf_input=context["csrf_input"],
    )
    posts = renderer.prepare(list(page_obj.object_list))
    if user.is_authenticated:
        services.mark_read(user=user, thread=thread)
    context.update(page_obj=page_obj, posts=posts, reply_form=PostForm())
    return render(request, "discussions/thread_detail.html", context)


def _thread_context(request, network, thread, access):
    user = request.user
    following = access.follow and Follow.objects.filter(user=user, thread=thread).exists()
    return {
        "network": network,
        "network_url": network.get_url(request=request),
        "thread": thread,
        "thread_url": thread.get_absolute_url(),
        "thread_reply_url": _reply_action(thread, None),
        "access": access,
        "following": following,
        "topics": _topics(thread),
        "about": _about(request, thread),
        "accepted": _accepted_answer(thread, access),
        "csrf_input": _csrf_input(request),
    }


def _accepted_answer(thread, access):
    """The accepted answer shown under a question (a query only when there is one)."""
    if not thread.accepted_answer_id:
        return None
    answer = (
        Post.objects.filter(pk=thread.accepted_answer_id, is_deleted=False)
        .select_related("author")
        .first()
    )
    if answer is None or (answer.is_hidden and not access.read_hidden):
        return None
    return answer


def _about(request, thread):
    """The page a thread discusses, when there is one and the person may see it."""
    if not thread.page_id:
        return None
    page = Page.objects.live().filter(pk=thread.page_id).only("id", "title", "url_path", "path")
    page = page.first()
    if page is None or not network_permissions.can_view_page(request.user, page):
        return None
    return {"title": page.title, "url": page.get_url(request=request)}


def _topics(thread):
    """The thread's principles and tags in one query: ``[(kind, name, slug), ...]``."""
    principles = (
        CharterPrinciple.objects.filter(threads=thread)
        .annotate(kind=Value("principle"), position=F("order"))
        .values_list("kind", "name", "slug", "position")
        .order_by()
    )
    tags = (
        Tag.objects.filter(discussions_taggedthread_items__content_object=thread)
        .annotate(kind=Value("tag"), position=Value(1000))
        .values_list("kind", "name", "slug", "position")
        .order_by()
    )
    rows = principles.union(tags, all=True).order_by()
    return [
        {"kind": kind, "name": name, "slug": slug}
        for kind, name, slug, _ in sorted(rows, key=lambda row: (row[3], row[1].lower()))
    ]


# --- Starting and editing threads ---------------------------------------------------


def _about_page(network, page_id):
    """A page inside the network that a new thread is about, or None."""
    if not page_id or not str(page_id).isdigit():
        return None
    page = Page.objects.live().descendant_of(network).filter(pk=page_id).first()
    return page


@login_required
def thread_create(request, network_slug):
    network = _network_or_404(request, network_slug)
    if not permissions.can_start_thread(request.user, network):
        return _forbidden(request, network, _("Only members of this network start threads."))
    about = _about_page(network, request.POST.get("about") or request.GET.get("about"))
    form = ThreadForm(request.POST or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = render_markdown(form.cleaned_data["body"]).html
        elif _write_allowed(request, form):
            thread = services.start_thread(
                network=network,
                author=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                kind=form.cleaned_data["kind"],
                tags=form.cleaned_data["tags"],
                principles=form.cleaned_data["principles"],
                page=about,
            )
            thread.network = network
            messages.success(request, _("Your thread is up. You will hear about replies."))
            return redirect(thread.get_absolute_url())
    return render(
        request,
        "discussions/thread_form.html",
        {
            "network": network,
            "network_url": network.get_url(request=request),
            "form": form,
            "preview": preview,
            "about": about,
            "is_new": True,
        },
    )


@login_required
def thread_edit(request, network_slug, pk):
    thread = _thread_or_404(request, network_slug, pk, with_body=True)
    network = thread.network
    if not permissions.can_edit_thread(request.user, thread):
        return _forbidden(
            request, network, _("Only the person who started this thread can edit it.")
        )
    initial = {
        "kind": thread.kind,
        "title": thread.title,
        "body": thread.body,
        "tags": ", ".join(sorted(tag.name for tag in thread.tags.all())),
        "principles": list(thread.principles.all()),
    }
    form = ThreadForm(request.POST or None, initial=initial)
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = render_markdown(form.cleaned_data["body"]).html
        elif _write_allowed(request, form):
            services.edit_thread(
                thread=thread,
                editor=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                kind=form.cleaned_data["kind"],
                tags=form.cleaned_data["tags"],
                principles=form.cleaned_data["principles"],
            )
            messages.success(request, _("Your changes are saved."))
            return redirect(thread.get_absolute_url())
    return render(
        request,
        "discussions/thread_form.html",
        {
            "network": network,
            "network_url": network.get_url(request=request),
            "form": form,
            "preview": preview,
            "thread": thread,
            "is_new": False,
        },
    )


# --- Replies ------------------------------------------------------------------------


@login_required
def thread_reply(request, network_slug, pk):
    thread = _thread_or_404(request, network_slug, pk)
    return _reply(request, thread, parent=None)


@login_required
def post_reply(request, pk):
    parent = _post_or_404(request, pk)
    if not permissions.can_reply(request.user, parent.thread):
        return _refuse_reply(request, parent.thread)
    if not permissions.can_reply_to_post(request.user, parent):
        return _forbidden(
            request,
            parent.thread.network,
            _("This reply was deleted or hidden: reply to the thread instead."),
        )
    return _reply(request, parent.thread, parent=parent)


def _reply(request, thread, parent):
    user = request.user
    if not permissions.can_reply(user, thread):
        return _refuse_reply(request, thread)
    form = PostForm(request.POST or None, prefix=_reply_prefix(parent))
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = render_markdown(form.cleaned_data["body"]).html
        elif _write_allowed(request, form):
            post = services.post_reply(
                thread=thread, author=user, body=form.cleaned_data["body"], parent=parent
            )
            post.thread = thread
            if _is_htmx(request):
                return _render_new_post(request, thread, post, parent)
            messages.success(request, _("Your reply is posted."))
            return HttpResponseRedirect(_post_location(post))
    context = {
        "network": thread.network,
        "network_url": thread.network.get_url(request=request),
        "thread": thread,
        "thread_url": thread.get_absolute_url(),
        "parent": parent,
        "form": form,
        "preview": preview,
        "action": _reply_action(thread, parent),
        "csrf_input": _csrf_input(request),
    }
    if _is_htmx(request):
        return render(request, "discussions/post_form.html#reply-form", context)
    return render(request, "discussions/post_form.html", context)


def _reply_action(thread, parent):
    if parent is not None:
        return reverse("discussions:post_reply", kwargs={"pk": parent.pk})
    return reverse(
        "discussions:thread_reply", kwargs={"network_slug": thread.network.slug, "pk": thread.pk}
    )


def _render_new_post(request, thread, post, parent):
    """The new reply in place of the form that sent it (plus a fresh form at the bottom)."""
    access = permissions.ThreadAccess(request.user, thread)
    post.author = request.user
    csrf_input = _csrf_input(request)
    display.PostRenderer(user=request.user, access=access, csrf_input=csrf_input).prepare(
        [post], new=True
    )
    context = {
        "post": post,
        "csrf_input": csrf_input,
        "reply_form": PostForm() if parent is None else None,
        "action": _reply_action(thread, None),
    }
    return render(request, "discussions/thread_detail.html#new-post", context)


@login_required
def post_edit(request, pk):
    post = _post_or_404(request, pk)
    if not permissions.can_edit_post(request.user, post):
        return _forbidden(request, post.thread.network, _("You can edit your own replies only."))
    thread = post.thread
    form = PostForm(request.POST or None, initial={"body": post.body})
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = render_markdown(form.cleaned_data["body"]).html
        elif _write_allowed(request, form):
            services.edit_post(post=post, editor=request.user, body=form.cleaned_data["body"])
            messages.success(request, _("Your reply is updated."))
            return HttpResponseRedirect(_post_location(post))
    return render(
        request,
        "discussions/post_form.html",
        {
            "network": thread.network,
            "network_url": thread.network.get_url(request=request),
            "thread": thread,
            "thread_url": thread.get_absolute_url(),
            "post": post,
            "form": form,
            "preview": preview,
            "action": reverse("discussions:post_edit", kwargs={"pk": post.pk}),
            "csrf_input": _csrf_input(request),
            "editing": True,
        },
    )


@login_required
def post_delete(request, pk):
    post = _post_or_404(request, pk)
    if not permissions.can_delete_post(request.user, post):
        return _forbidden(request, post.thread.network, _("You can delete your own replies only."))
    thread = post.thread
    if request.method == "POST":
        services.delete_post(post=post, by=request.user)
        messages.success(request, _("Your reply is deleted."))
        thread.refresh_from_db(fields=["listed_count"])
        return HttpResponseRedirect(_post_location(post))
    return render(
        request,
        "discussions/post_confirm_delete.html",
        {
            "network": thread.network,
            "network_url": thread.network.get_url(request=request),
            "thread": thread,
            "thread_url": thread.get_absolute_url(),
            "post": post,
        },
    )


def post_permalink(request, pk):
    """``/posts/<pk>/``: the thread page that holds the reply, scrolled to it."""
    post = _post_or_404(request, pk)
    return HttpResponseRedirect(_post_location(post))


# --- Small actions ------------------------------------------------------------------


@login_required
@require_POST
def post_helpful(request, pk):
    post = _post_or_404(request, pk)
    if not permissions.can_mark_helpful(request.user, post):
        return _forbidden(
            request,
            post.thread.network,
            _("Members of this network mark other people’s replies as helpful."),
        )
    helpful = request.POST.get("helpful", "1") == "1"
    if throttle.allow_write(request.user):
        services.mark_helpful(post=post, user=request.user, helpful=helpful)
    else:
        messages.error(request, TOO_FAST)
        helpful = Reaction.objects.filter(post=post, user=request.user).exists()
        post.refresh_from_db(fields=["helpful_count"])
    if _is_htmx(request):
        post.marked_helpful = helpful
        renderer = display.PostRenderer(
            user=request.user,
            access=permissions.ThreadAccess(request.user, post.thread),
            csrf_input=_csrf_input(request),
        )
        return HttpResponse(renderer.helpful(post))
    return HttpResponseRedirect(_post_location(post))


@login_required
@require_POST
def post_accept(request, pk):
    post = _post_or_404(request, pk)
    thread = post.thread
    if not permissions.can_accept_answer(request.user, thread) or not post.shows_text:
        return _forbidden(
            request,
            thread.network,
            _("The person who asked, or a facilitator, chooses the accepted answer."),
        )
    if thread.accepted_answer_id == post.pk:
        services.accept_answer(thread=thread, post=None, by=request.user)
        messages.success(request, _("The answer is no longer marked as accepted."))
        return HttpResponseRedirect(_post_location(post))
    services.accept_answer(thread=thread, post=post, by=request.user)
    messages.success(request, _("Marked as the accepted answer."))
    return redirect(thread.get_absolute_url() + "#accepted-answer")


@login_required
@require_POST
def thread_follow(request, network_slug, pk):
    thread = _thread_or_404(request, network_slug, pk)
    network = thread.network
    if not permissions.can_follow_thread(request.user, thread):
        raise Http404
    follow = request.POST.get("follow", "1") == "1"
    services.follow_thread(user=request.user, thread=thread, follow=follow)
    if _is_htmx(request):
        return render(
            request,
            "discussions/thread_detail.html#follow-thread",
            {
                "thread": thread,
                "network": network,
                "following": follow,
                "access": permissions.ThreadAccess(request.user, thread),
                "csrf_input": _csrf_input(request),
            },
        )
    if follow:
        messages.success(request, _("You follow this thread: we tell you about new replies."))
    else:
        messages.success(request, _("You no longer follow this thread."))
    return redirect(thread.get_absolute_url())


@login_required
@require_POST
def network_follow(request, network_slug):
    network = _network_or_404(request, network_slug)
    if not permissions.can_follow_network(request.user, network):
        raise Http404
    follow = request.POST.get("follow", "1") == "1"
    services.follow_network(user=request.user, network=network, follow=follow)
    if _is_htmx(request):
        return render(
            request,
            "discussions/thread_list.html#follow-network",
            {"network": network, "following": follow, "can_follow": True},
        )
    if follow:
        messages.success(
            request,
            _("You follow %(network)s: we tell you about new threads.")
            % {"network": network.title},
        )
    else:
        messages.success(
            request, _("You no longer follow %(network)s.") % {"network": network.title}
        )
    fallback = reverse("discussions:thread_list", kwargs={"network_slug": network.slug})
    return HttpResponseRedirect(_safe_next(request, fallback))
