"""Members' side of lessons: share an experience, see and revise their contributions.

Form → service → redirect; a network the person may not view answers 404, a network
they may view but not write in answers a 403 page that says why.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from network import permissions
from network.lessons import services
from network.lessons.forms import ACTION_SUBMIT, LessonForm
from network.lessons.queries import contributions_of
from network.models import LearningNetworkPage
from network.models.lessons import LessonPage
from network.views import _forbidden, rate_limited


def _refuse(request, network, message):
    """403 with the reason; a suspended person is told until when instead."""
    until = permissions.writing_stopped_until(request.user)
    if until is not None:
        message = _(
            "Your account is suspended until %(date)s: you can read, but not share or "
            "revise experiences."
        ) % {"date": date_format(until, "DATETIME_FORMAT")}
    return _forbidden(request, network, message)


def _action(request):
    return ACTION_SUBMIT if request.POST.get("action") == ACTION_SUBMIT else "draft"


def _done(request, lesson, submitted):
    if submitted:
        messages.success(
            request,
            _("Thank you. “%(title)s” is with the editors; you will hear from them here.")
            % {"title": lesson.title},
        )
    else:
        messages.success(
            request,
            _("Draft saved. Come back to it here whenever you like."),
        )
    return redirect("lessons:contribution_list")


@login_required
@rate_limited
def experience_share(request, slug):
    network = LearningNetworkPage.objects.live().filter(slug=slug).first()
    if network is None or not permissions.can_view(request.user, network):
        raise Http404
    if not permissions.can_share_experience(request.user, network):
        return _refuse(request, network, _("Join this network to share an experience with it."))
    form = LessonForm()
    if request.method == "POST":
        action = _action(request)
        form = LessonForm(request.POST, action=action)
        if form.is_valid():
            try:
                lesson = services.share_experience(
                    network=network,
                    user=request.user,
                    submit=form.submitting,
                    **form.lesson_fields(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return _done(request, lesson, form.submitting)
    return render(
        request,
        "network/lessons/experience_form.html",
        {"form": form, "network": network, "lesson": None},
    )


@login_required
def contribution_list(request):
    return render(
        request,
        "network/lessons/contribution_list.html",
        {"contributions": contributions_of(request.user)},
    )


@login_required
@rate_limited
def contribution_edit(request, pk):
    lesson = get_object_or_404(
        LessonPage.objects.filter(owner=request.user, live=False).select_related("owner"), pk=pk
    )
    network = lesson.get_parent().specific
    if not permissions.can_view(request.user, network):
        raise Http404
    if not permissions.can_revise_lesson(request.user, lesson, network):
        return _refuse(
            request, network, _("Only active members of this network can revise its lessons.")
        )
    state = lesson.current_workflow_state
    in_review = state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    comment = ""
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        comment = state.current_task_state.comment if state.current_task_state else ""
    draft = lesson.get_latest_revision_as_object()
    form = None if in_review else LessonForm(initial=LessonForm.initial_for(draft))
    if request.method == "POST" and not in_review:
        form = LessonForm(request.POST, action=_action(request))
        if form.is_valid():
            try:
                services.revise_lesson(
                    lesson=lesson,
                    user=request.user,
                    submit=form.submitting,
                    **form.lesson_fields(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return _done(request, draft, form.submitting)
    return render(
        request,
        "network/lessons/experience_form.html",
        {
            "form": form,
            "network": network,
            "lesson": draft,
            "in_review": in_review,
            "editor_comment": comment,
            "action_url": reverse("lessons:contribution_edit", kwargs={"pk": lesson.pk}),
        },
    )
