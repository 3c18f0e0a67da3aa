"""Thread list, thread page, starting and editing threads, following."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import F, Value
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from taggit.models import Tag
from wagtail.models import Page

from discussions import display, permissions, services
from discussions.forms import PostForm, ThreadForm
from discussions.models import Follow, Post, Thread, ThreadKind
from discussions.moderation.views import moderation_tools
from discussions.views.helpers import (
    REPLIES_PER_PAGE,
    THREADS_PER_PAGE,
    TreePaginator,
    csrf_field,
    forbidden,
    is_htmx,
    network_or_404,
    reply_action,
    safe_next,
    thread_or_404,
    write_allowed,
)
from network import permissions as network_permissions
from network.models import CharterPrinciple
from network.models.resources import ResourcePage
from network.rendering import render_markdown

# --- Thread list, feed --------------------------------------------------------------


def thread_list(request, network_slug):
    network = network_or_404(request, network_slug)
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
    thread = thread_or_404(request, network_slug, pk, with_reader_state=True)
    if thread.is_live_session:
        return redirect(thread.get_absolute_url())
    network = thread.network
    user = request.user
    access = permissions.ThreadAccess(user, thread)
    paginator = TreePaginator(
        Post.objects.tree_rows(thread), REPLIES_PER_PAGE, count=thread.listed_count
    )
    page_obj = paginator.get_page(request.GET.get("page"))
    context = _thread_context(request, network, thread, access)
    renderer = display.PostRenderer(
        user=user,
        access=access,
        accepted_id=thread.accepted_answer_id,
        csrf_input=context["csrf_input"],
    )
    replies = display.replies(page_obj.object_list)
    tools = moderation_tools(request, thread, access, replies)
    posts = renderer.prepare(replies, flag_counts=tools.get("flag_counts"))
    last_read = getattr(thread, "last_read_at", None)
    if user.is_authenticated and (last_read is None or last_read < thread.last_activity_at):
        # One write, and only when there is something new since the last visit.
        services.mark_read(user=user, thread=thread)
    context.update(page_obj=page_obj, posts=posts, reply_form=PostForm(), **tools)
    return render(request, "discussions/thread_detail.html", context)


def _thread_context(request, network, thread, access):
    following = access.follow and getattr(thread, "is_following", False)
    return {
        "network": network,
        "network_url": network.get_url(request=request),
        "thread": thread,
        "thread_url": thread.get_absolute_url(),
        "thread_reply_url": reply_action(thread, None),
        "access": access,
        "following": following,
        "topics": _topics(thread),
        "about": _about(request, thread),
        "accepted": _accepted_answer(thread, access),
        "csrf_input": csrf_field(request),
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
    """The page a new thread is about, or None: a page inside the network, or a
    resource whose editors chose this network for its discussion."""
    if not page_id or not str(page_id).isdigit():
        return None
    page = Page.objects.live().descendant_of(network).filter(pk=page_id).first()
    if page is None:
        page = ResourcePage.objects.live().filter(pk=page_id, discussion_network=network).first()
    return page


@login_required
def thread_create(request, network_slug):
    network = network_or_404(request, network_slug)
    if not permissions.can_start_thread(request.user, network):
        return forbidden(request, network, _("Only members of this network start threads."))
    about = _about_page(network, request.POST.get("about") or request.GET.get("about"))
    form = ThreadForm(request.POST or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = render_markdown(form.cleaned_data["body"]).html
        elif write_allowed(request, form):
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
    thread = thread_or_404(request, network_slug, pk, with_body=True)
    network = thread.network
    if not permissions.can_edit_thread(request.user, thread):
        return forbidden(
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
        elif write_allowed(request, form):
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


# --- Following ----------------------------------------------------------------------


@login_required
@require_POST
def thread_follow(request, network_slug, pk):
    thread = thread_or_404(request, network_slug, pk)
    network = thread.network
    if not permissions.can_follow_thread(request.user, thread):
        raise Http404
    follow = request.POST.get("follow", "1") == "1"
    services.follow_thread(user=request.user, thread=thread, follow=follow)
    if is_htmx(request):
        return render(
            request,
            "discussions/thread_detail.html#follow-thread",
            {
                "thread": thread,
                "network": network,
                "following": follow,
                "access": permissions.ThreadAccess(request.user, thread),
                "csrf_input": csrf_field(request),
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
    network = network_or_404(request, network_slug)
    if not permissions.can_follow_network(request.user, network):
        raise Http404
    follow = request.POST.get("follow", "1") == "1"
    services.follow_network(user=request.user, network=network, follow=follow)
    if is_htmx(request):
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
    return HttpResponseRedirect(safe_next(request, fallback))
