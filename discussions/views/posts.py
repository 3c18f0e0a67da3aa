"""Replies: posting (with and without JavaScript), editing, deleting, permalinks,
"helpful" and accepted answers. Writing views need a signed-in member and are rate
limited; they redirect a plain form post and return a partial to htmx.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from discussions import display, permissions, services, throttle
from discussions.forms import PostForm
from discussions.models import Reaction
from discussions.views.helpers import (
    TOO_FAST,
    csrf_field,
    forbidden,
    is_htmx,
    post_location,
    post_or_404,
    refuse_reply,
    reply_action,
    reply_prefix,
    thread_or_404,
    write_allowed,
)
from network.rendering import render_markdown

# --- Replies ------------------------------------------------------------------------


@login_required
def thread_reply(request, network_slug, pk):
    thread = thread_or_404(request, network_slug, pk)
    return _reply(request, thread, parent=None)


@login_required
def post_reply(request, pk):
    parent = post_or_404(request, pk)
    if not permissions.can_reply(request.user, parent.thread):
        return refuse_reply(request, parent.thread)
    if not permissions.can_reply_to_post(request.user, parent):
        return forbidden(
            request,
            parent.thread.network,
            _("This reply was deleted or hidden: reply to the thread instead."),
        )
    return _reply(request, parent.thread, parent=parent)


def _reply(request, thread, parent):
    user = request.user
    if not permissions.can_reply(user, thread):
        return refuse_reply(request, thread)
    form = PostForm(request.POST or None, prefix=reply_prefix(parent))
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = render_markdown(form.cleaned_data["body"]).html
        elif write_allowed(request, form):
            post = services.post_reply(
                thread=thread, author=user, body=form.cleaned_data["body"], parent=parent
            )
            post.thread = thread
            if is_htmx(request):
                return _render_new_post(request, thread, post, parent)
            messages.success(request, _("Your reply is posted."))
            return HttpResponseRedirect(post_location(post))
    context = {
        "network": thread.network,
        "network_url": thread.network.get_url(request=request),
        "thread": thread,
        "thread_url": thread.get_absolute_url(),
        "parent": parent,
        "form": form,
        "preview": preview,
        "action": reply_action(thread, parent),
        "csrf_input": csrf_field(request),
    }
    if is_htmx(request):
        return render(request, "discussions/post_form.html#reply-form", context)
    return render(request, "discussions/post_form.html", context)


def _render_new_post(request, thread, post, parent):
    """The new reply in place of the form that sent it (plus a fresh form at the bottom)."""
    access = permissions.ThreadAccess(request.user, thread)
    post.author = request.user
    csrf_input = csrf_field(request)
    display.PostRenderer(user=request.user, access=access, csrf_input=csrf_input).prepare(
        [post], new=True
    )
    context = {
        "post": post,
        "csrf_input": csrf_input,
        "reply_form": PostForm() if parent is None else None,
        "action": reply_action(thread, None),
    }
    return render(request, "discussions/thread_detail.html#new-post", context)


@login_required
def post_edit(request, pk):
    post = post_or_404(request, pk)
    if not permissions.can_edit_post(request.user, post):
        return forbidden(request, post.thread.network, _("You can edit your own replies only."))
    thread = post.thread
    form = PostForm(request.POST or None, initial={"body": post.body})
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = render_markdown(form.cleaned_data["body"]).html
        elif write_allowed(request, form):
            services.edit_post(post=post, editor=request.user, body=form.cleaned_data["body"])
            messages.success(request, _("Your reply is updated."))
            return HttpResponseRedirect(post_location(post))
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
            "csrf_input": csrf_field(request),
            "editing": True,
        },
    )


@login_required
def post_delete(request, pk):
    post = post_or_404(request, pk)
    if not permissions.can_delete_post(request.user, post):
        return forbidden(request, post.thread.network, _("You can delete your own replies only."))
    thread = post.thread
    if request.method == "POST":
        services.delete_post(post=post, by=request.user)
        messages.success(request, _("Your reply is deleted."))
        thread.refresh_from_db(fields=["listed_count"])
        return HttpResponseRedirect(post_location(post))
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
    post = post_or_404(request, pk)
    return HttpResponseRedirect(post_location(post))


# --- Small actions ------------------------------------------------------------------


@login_required
@require_POST
def post_helpful(request, pk):
    post = post_or_404(request, pk)
    if not permissions.can_mark_helpful(request.user, post):
        return forbidden(
            request,
            post.thread.network,
            _("Members of this network mark other people’s replies as helpful."),
        )
    helpful = request.POST.get("helpful", "1") == "1"
    if throttle.allow_write(request.user, bucket=throttle.REACTIONS):
        services.mark_helpful(post=post, user=request.user, helpful=helpful)
    else:
        messages.error(request, TOO_FAST)
        helpful = Reaction.objects.filter(post=post, user=request.user).exists()
        post.refresh_from_db(fields=["helpful_count"])
    if is_htmx(request):
        post.marked_helpful = helpful
        renderer = display.PostRenderer(
            user=request.user,
            access=permissions.ThreadAccess(request.user, post.thread),
            csrf_input=csrf_field(request),
        )
        return HttpResponse(renderer.helpful(post))
    return HttpResponseRedirect(post_location(post))


@login_required
@require_POST
def post_accept(request, pk):
    post = post_or_404(request, pk)
    thread = post.thread
    if not permissions.can_accept_answer(request.user, thread) or not post.shows_text:
        return forbidden(
            request,
            thread.network,
            _("The person who asked, or a facilitator, chooses the accepted answer."),
        )
    if thread.accepted_answer_id == post.pk:
        services.accept_answer(thread=thread, post=None, by=request.user)
        messages.success(request, _("The answer is no longer marked as accepted."))
        return HttpResponseRedirect(post_location(post))
    services.accept_answer(thread=thread, post=post, by=request.user)
    messages.success(request, _("Marked as the accepted answer."))
    return redirect(thread.get_absolute_url() + "#accepted-answer")
