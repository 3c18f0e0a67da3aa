"""Moderation on the site itself: flagging (anyone signed in), and the tools that a
network's facilitators and leads (and editors) use in place on the thread page.

Every action is a POST with CSRF; it redirects a plain form post back to where the
person was and returns the changed piece of the page to htmx.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from discussions import display, permissions, throttle
from discussions.models import Post
from discussions.models.posts import DISPLAY_COLUMNS
from discussions.moderation import services
from discussions.moderation.forms import FlagForm, MoveThreadForm
from discussions.moderation.queries import (
    flag_counts,
    move_target_ids,
    move_targets,
    open_flags_in,
)
from discussions.views.helpers import (
    TOO_FAST,
    csrf_field,
    forbidden,
    is_htmx,
    network_or_404,
    post_location,
    post_or_404,
    suspended_message,
    thread_or_404,
)

# --- Flagging -----------------------------------------------------------------------


@login_required
def post_flag(request, pk):
    post = post_or_404(request, pk)
    thread = post.thread
    if not permissions.can_flag_post(request.user, post):
        return forbidden(
            request,
            thread.network,
            _("You can flag other people’s replies that are still shown."),
        )
    return _flag(request, thread, post)


@login_required
def thread_flag(request, network_slug, pk):
    thread = thread_or_404(request, network_slug, pk)
    if not permissions.can_flag_thread(request.user, thread):
        return forbidden(
            request, thread.network, _("You can flag threads that other people started.")
        )
    return _flag(request, thread, None)


def _flag(request, thread, post):
    prefix = f"flag-{post.pk}" if post is not None else "flag-thread"
    form = FlagForm(request.POST or None, prefix=prefix)
    done = False
    if request.method == "POST" and form.is_valid():
        if throttle.allow_write(request.user, bucket=throttle.REACTIONS):
            services.flag(
                reporter=request.user,
                thread=thread,
                post=post,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
            )
            done = True
            if not is_htmx(request):
                messages.success(request, _("Thank you: the moderators will look at it."))
                target = post_location(post) if post is not None else thread.get_absolute_url()
                return HttpResponseRedirect(target)
        else:
            form.add_error(None, TOO_FAST)
    if post is not None:
        action = reverse("moderation:post_flag", kwargs={"pk": post.pk})
        back = post.get_absolute_url()
    else:
        action = _thread_url(thread, "thread_flag")
        back = thread.get_absolute_url()
    context = {
        "network": thread.network,
        "network_url": thread.network.get_url(request=request),
        "thread": thread,
        "thread_url": thread.get_absolute_url(),
        "post": post,
        "form": form,
        "action": action,
        "back": back,
        "done": done,
        "csrf_input": csrf_field(request),
    }
    if is_htmx(request):
        return render(request, "discussions/moderation/flag_form.html#flag-form", context)
    return render(request, "discussions/moderation/flag_form.html", context)


def _thread_url(thread, name):
    return reverse(
        f"moderation:{name}", kwargs={"network_slug": thread.network.slug, "pk": thread.pk}
    )


# --- Replies ------------------------------------------------------------------------


@login_required
@require_POST
def post_hide(request, pk):
    return _post_action(request, pk, hide=True)


@login_required
@require_POST
def post_restore(request, pk):
    return _post_action(request, pk, hide=False)


def _post_action(request, pk, *, hide):
    post = post_or_404(request, pk)
    thread = post.thread
    if not permissions.can_moderate_thread(request.user, thread):
        return forbidden(
            request, thread.network, _("Only this network’s facilitators and leads moderate.")
        )
    if post.is_deleted:
        return forbidden(request, thread.network, _("This reply was deleted by its author."))
    if hide:
        services.hide_post(post=post, by=request.user)
        note = _("The reply is hidden. Its author has been told.")
    else:
        services.restore_post(post=post, by=request.user)
        note = _("The reply is shown again.")
    if is_htmx(request):
        return HttpResponse(_render_post(request, thread, post.pk))
    messages.success(request, note)
    return HttpResponseRedirect(post_location(post))


def _render_post(request, thread, pk):
    """One reply as the thread page shows it to this moderator, for htmx to swap in."""
    row = Post.objects.filter(pk=pk).values_list(*DISPLAY_COLUMNS).get()
    access = permissions.ThreadAccess(request.user, thread)
    renderer = display.PostRenderer(
        user=request.user,
        access=access,
        accepted_id=thread.accepted_answer_id,
        csrf_input=csrf_field(request),
    )
    reply = display.replies([row])[0]
    renderer.prepare([reply], new=True, flag_counts=flag_counts(thread, [pk]))
    return reply.html


# --- Threads ------------------------------------------------------------------------

THREAD_ACTIONS = {
    "hide": (services.hide_thread, {}, _("The thread is hidden. Its author has been told.")),
    "restore": (services.restore_thread, {}, _("The thread is shown again.")),
    "lock": (services.lock_thread, {"locked": True}, _("The thread is locked.")),
    "unlock": (services.lock_thread, {"locked": False}, _("The thread is open for replies.")),
    "pin": (services.pin_thread, {"pinned": True}, _("The thread is pinned.")),
    "unpin": (services.pin_thread, {"pinned": False}, _("The thread is no longer pinned.")),
}


@login_required
@require_POST
def thread_action(request, network_slug, pk, action):
    thread = thread_or_404(request, network_slug, pk)
    if action not in THREAD_ACTIONS:
        raise Http404
    if not permissions.can_moderate_thread(request.user, thread):
        return forbidden(
            request, thread.network, _("Only this network’s facilitators and leads moderate.")
        )
    service, kwargs, note = THREAD_ACTIONS[action]
    changed = service(thread=thread, by=request.user, **kwargs)
    changed.network = thread.network
    if is_htmx(request):
        return render_thread_tools(request, changed)
    messages.success(request, str(note))
    return HttpResponseRedirect(thread.get_absolute_url())


@login_required
@require_POST
def thread_move(request, network_slug, pk):
    thread = thread_or_404(request, network_slug, pk)
    user = request.user
    if not permissions.can_moderate_thread(user, thread):
        return forbidden(
            request, thread.network, _("Only this network’s facilitators and leads moderate.")
        )
    form = MoveThreadForm(request.POST, networks=move_targets(user, thread))
    if not form.is_valid() or not permissions.can_move_thread(
        user, thread, form.cleaned_data["network"]
    ):
        messages.error(request, _("Choose another network that you moderate."))
        return HttpResponseRedirect(thread.get_absolute_url())
    target = form.cleaned_data["network"]
    moved = services.move_thread(thread=thread, by=user, to_network=target)
    moved.network = target
    messages.success(request, _("The thread is now in %(network)s.") % {"network": target.title})
    response = HttpResponseRedirect(moved.get_absolute_url())
    if is_htmx(request):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = moved.get_absolute_url()
    return response


def render_thread_tools(request, thread):
    """The moderation panel of the thread page (and its badges, out of band)."""
    access = permissions.ThreadAccess(request.user, thread)
    return render(
        request,
        "discussions/moderation/_thread_tools.html",
        {
            "thread": thread,
            "network": thread.network,
            "access": access,
            "csrf_input": csrf_field(request),
            "move_form": tools_move_form(request.user, thread),
            "thread_flags": flag_counts(thread, []).get(None, 0),
            "oob": True,
        },
    )


def tools_move_form(user, thread):
    """The "move to" form, when there is another network this person moderates."""
    ids = move_target_ids(user, thread)
    if ids is not None and not ids:
        return None
    return MoveThreadForm(networks=move_targets(user, thread), auto_id="move-%s")


# --- The network's open flags, for its moderators -----------------------------------


@login_required
def network_flags(request, network_slug):
    """A network's open flags, for its facilitators and leads (editors use the admin)."""
    network = network_or_404(request, network_slug)
    if not permissions.can_moderate_network(request.user, network):
        raise Http404
    return render(
        request,
        "discussions/moderation/network_flags.html",
        {
            "network": network,
            "network_url": network.get_url(request=request),
            "flags": open_flags_in(network),
        },
    )


def moderation_tools(request, thread, access, replies):
    """What the thread page adds for moderators (two queries: open flags on the page's
    replies and the thread, and the networks to move to) and for suspended people."""
    if access.suspended:
        return {"suspended_notice": suspended_message(request.user)}
    if not access.moderate:
        return {}
    counts = flag_counts(thread, [reply.pk for reply in replies])
    return {
        "flag_counts": counts,
        "thread_flags": counts.get(None, 0),
        "move_form": tools_move_form(request.user, thread),
    }
