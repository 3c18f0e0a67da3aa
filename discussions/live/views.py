"""Live session pages: the board of questions (polled by htmx), asking, up-voting,
answering, moderating, the conclusion, turning a session into a lesson, scheduling.

Every page works without JavaScript: forms post and redirect back. With htmx, the
board (``#live-board``) polls for changes and actions swap it in place.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from discussions import permissions
from discussions.live import queries, services
from discussions.live.forms import AnswerForm, ConclusionForm, QuestionForm, ScheduleForm
from discussions.models import LiveSession, Post
from discussions.models.live import Phase
from discussions.views.helpers import (
    csrf_field,
    forbidden,
    is_htmx,
    network_or_404,
    write_allowed,
)

#: How often an open (or upcoming) session page asks for news, in seconds.
POLL_SECONDS = 3


def phase_at(starts_at, ends_at, now=None):
    now = now or timezone.now()
    if now < starts_at:
        return Phase.UPCOMING
    if now < ends_at:
        return Phase.OPEN
    return Phase.CLOSED


def _sort(request):
    sort = request.GET.get("sort") or request.POST.get("sort") or "votes"
    return sort if sort in queries.SORTS else "votes"


def _session_or_404(request, network_slug, pk):
    session = queries.session_or_none(request.user, network_slug, pk)
    if session is None:
        raise Http404
    return session


def _question_or_404(request, pk):
    """A question (top-level post) of a live session the person may read."""
    question = (
        Post.objects.select_related("thread__network", "thread__live_session")
        .defer("thread__network__body")
        .filter(pk=pk, depth=1, thread__kind="live_session", thread__network__live=True)
        .first()
    )
    if question is None or not permissions.can_view_thread(request.user, question.thread):
        raise Http404
    session = question.thread.live_session
    session.thread = question.thread
    return question, session


def _session_url(session, sort="votes", anchor=""):
    url = session.get_absolute_url()
    if sort != "votes":
        url += "?" + urlencode({"sort": sort})
    return url + (f"#{anchor}" if anchor else "")


def board_context(request, session, sort, *, answer_forms=None):
    """What the board shows: hosts, phase, questions with votes and answers (a fixed
    number of queries, however many questions)."""
    user = request.user
    hosts = queries.hosts_of(session)
    host_ids = {host.user_id for host in hosts if host.user_id}
    phase = session.phase()
    access = permissions.LiveAccess(user, session, phase, host_ids)
    questions = list(queries.questions(session, sort=sort, with_hidden=access.moderate))
    answers = queries.answers_by_question(session)
    voted = queries.voted_ids(user, session)
    answer_forms = answer_forms or {}
    for question in questions:
        question.answers = answers.get(question.path, [])
        for answer in question.answers:
            answer.by_host = answer.author_id in host_ids
        question.voted = question.pk in voted
        question.is_own = user.is_authenticated and question.author_id == user.pk
        question.answer_form = answer_forms.get(question.pk)
    query = urlencode({"v": session.version, "phase": phase, "sort": sort})
    return {
        "session": session,
        "thread": session.thread,
        "network": session.thread.network,
        "hosts": hosts,
        "phase": phase,
        "access": access,
        "questions": questions,
        "sort": sort,
        "sorts": [("votes", _("Most votes")), ("new", _("Newest"))],
        "poll_url": reverse(
            "live:poll",
            kwargs={"network_slug": session.thread.network.slug, "pk": session.thread_id},
        )
        + "?"
        + query,
        "poll_seconds": POLL_SECONDS,
        "csrf_input": csrf_field(request),
        "session_url": session.get_absolute_url(),
    }


def _page(request, session, sort, *, question_form=None, answer_forms=None, status=200):
    context = board_context(request, session, sort, answer_forms=answer_forms)
    context.update(
        network_url=session.thread.network.get_url(request=request),
        question_form=question_form or QuestionForm(),
    )
    return render(request, "discussions/live/session_detail.html", context, status=status)


def _board(request, session, sort, **kwargs):
    context = board_context(request, session, sort, **kwargs)
    return render(request, "discussions/live/session_detail.html#board", context)


# --- Reading ------------------------------------------------------------------------


def session_detail(request, network_slug, pk):
    session = _session_or_404(request, network_slug, pk)
    return _page(request, session, _sort(request))


@never_cache
def session_poll(request, network_slug, pk):
    """The board when something changed since the version the page has; 204 (htmx
    keeps what it shows) otherwise. "Nothing new" costs one query beyond the
    person's own session and user rows."""
    state = queries.poll_state(request.user, network_slug, pk)
    if state is None:
        raise Http404
    version, starts_at, ends_at = state
    phase = phase_at(starts_at, ends_at)
    if request.GET.get("v") == str(version) and request.GET.get("phase") == phase:
        return HttpResponse(status=204)
    session = _session_or_404(request, network_slug, pk)
    return _board(request, session, _sort(request))


# --- Questions and votes ------------------------------------------------------------


def _refuse(request, session, phase):
    if phase == Phase.CLOSED:
        message = _("This live session is closed: it takes no more questions or votes.")
    else:
        message = _(
            "Only members of this network take part in its live sessions. Join the "
            "network to ask questions."
        )
    return forbidden(request, session.thread.network, message)


@login_required
@require_POST
def ask(request, network_slug, pk):
    session = _session_or_404(request, network_slug, pk)
    sort = _sort(request)
    phase = session.phase()
    if not permissions.can_take_part(request.user, session, phase):
        return _refuse(request, session, phase)
    form = QuestionForm(request.POST)
    if form.is_valid() and write_allowed(request, form):
        question = services.ask_question(
            session=session, author=request.user, body=form.cleaned_data["body"]
        )
        if is_htmx(request):
            session.refresh_from_db(fields=["version", "question_count"])
            context = board_context(request, session, sort)
            context.update(question_form=QuestionForm(), asked=True, board_oob=True)
            return render(request, "discussions/live/_ask_response.html", context)
        messages.success(request, _("Your question is in. Others can now up-vote it."))
        return HttpResponseRedirect(_session_url(session, sort, f"question-{question.pk}"))
    if is_htmx(request):
        context = {
            "question_form": form,
            "session": session,
            "access": permissions.LiveAccess(request.user, session, phase, set()),
            "sort": sort,
            "csrf_input": csrf_field(request),
        }
        return render(request, "discussions/live/session_detail.html#ask-form", context)
    return _page(request, session, sort, question_form=form)


@login_required
@require_POST
def vote(request, pk):
    question, session = _question_or_404(request, pk)
    sort = _sort(request)
    phase = session.phase()
    if not permissions.can_take_part(request.user, session, phase):
        return _refuse(request, session, phase)
    if question.author_id == request.user.pk or question.is_hidden:
        return forbidden(
            request, session.thread.network, _("You cannot up-vote your own question.")
        )
    services.vote(
        session=session, question=question, user=request.user, up=request.POST.get("up") != "0"
    )
    if is_htmx(request):
        session.refresh_from_db(fields=["version"])
        return _board(request, session, sort)
    return HttpResponseRedirect(_session_url(session, sort, f"question-{question.pk}"))


# --- Hosts and moderators -----------------------------------------------------------


@login_required
def answer(request, pk):
    question, session = _question_or_404(request, pk)
    sort = _sort(request)
    phase = session.phase()
    host_ids = {host.user_id for host in queries.hosts_of(session)}
    if not permissions.can_answer(request.user, session, phase, host_ids):
        if phase != Phase.OPEN:
            message = _("Hosts answer while the session is open.")
        else:
            message = _("Only the hosts of this session answer its questions.")
        return forbidden(request, session.thread.network, message)
    if question.is_hidden:
        return forbidden(request, session.thread.network, _("This question is hidden."))
    prefix = f"answer-{question.pk}"
    form = AnswerForm(request.POST or None, prefix=prefix)
    if request.method == "POST" and form.is_valid() and write_allowed(request, form):
        services.answer_question(
            session=session, question=question, host=request.user, body=form.cleaned_data["body"]
        )
        if is_htmx(request):
            session.refresh_from_db(fields=["version"])
            return _board(request, session, sort)
        messages.success(request, _("Your answer is posted."))
        return HttpResponseRedirect(_session_url(session, sort, f"question-{question.pk}"))
    if request.method == "POST" and is_htmx(request):
        return _board(request, session, sort, answer_forms={question.pk: form})
    return render(
        request,
        "discussions/live/answer_form.html",
        {
            "session": session,
            "thread": session.thread,
            "network": session.thread.network,
            "question": question,
            "form": form,
            "sort": sort,
        },
    )


@login_required
@require_POST
def hide(request, pk):
    question, session = _question_or_404(request, pk)
    if not permissions.can_moderate_session(request.user, session):
        return forbidden(
            request, session.thread.network, _("Only the network's moderators hide questions.")
        )
    hidden = request.POST.get("hidden") != "0"
    services.set_question_hidden(session=session, question=question, hidden=hidden)
    sort = _sort(request)
    if is_htmx(request):
        session.refresh_from_db(fields=["version"])
        return _board(request, session, sort)
    done = _("The question is hidden.") if hidden else _("The question is shown again.")
    messages.success(request, done)
    return HttpResponseRedirect(_session_url(session, sort, f"question-{question.pk}"))


@login_required
def conclusion(request, network_slug, pk):
    session = _session_or_404(request, network_slug, pk)
    phase = session.phase()
    host_ids = {host.user_id for host in queries.hosts_of(session)}
    if not permissions.can_conclude(request.user, session, phase, host_ids):
        if phase != Phase.CLOSED:
            message = _("The hosts write the conclusion once the session has closed.")
        else:
            message = _("Only the hosts of this session write its conclusion.")
        return forbidden(request, session.thread.network, message)
    form = ConclusionForm(request.POST or None, initial={"conclusion": session.conclusion})
    if request.method == "POST" and form.is_valid():
        services.write_conclusion(
            session=session, host=request.user, text=form.cleaned_data["conclusion"]
        )
        messages.success(request, _("The conclusion is published at the top of the session."))
        return redirect(session.get_absolute_url())
    return render(
        request,
        "discussions/live/conclusion_form.html",
        {
            "session": session,
            "thread": session.thread,
            "network": session.thread.network,
            "form": form,
        },
    )


@login_required
@require_POST
def turn_into_lesson(request, network_slug, pk):
    session = _session_or_404(request, network_slug, pk)
    phase = session.phase()
    host_ids = {host.user_id for host in queries.hosts_of(session)}
    if not permissions.can_turn_into_lesson(request.user, session, phase, host_ids):
        return forbidden(
            request,
            session.thread.network,
            _("A host turns the session into a lesson once it has closed with a conclusion."),
        )
    lesson = services.turn_into_lesson(session=session, host=request.user)
    messages.success(
        request,
        _(
            "A draft lesson is ready with the conclusion and the best questions and "
            "answers. Complete the other sections, then submit it for review."
        ),
    )
    return redirect(_lesson_edit_url(request.user, lesson, session))


def _lesson_edit_url(user, lesson, session):
    """Where the host completes the draft: the lessons area's own edit page when it has
    one, the Wagtail editor for people with admin access, else back to the session."""
    try:
        return reverse("lessons:draft_edit", kwargs={"pk": lesson.pk})
    except NoReverseMatch:
        pass
    if user.has_perm("wagtailadmin.access_admin"):
        return reverse("wagtailadmin_pages:edit", args=[lesson.pk])
    return session.get_absolute_url()


@login_required
def schedule(request, network_slug):
    network = network_or_404(request, network_slug)
    if not permissions.can_schedule_session(request.user, network):
        return forbidden(
            request, network, _("Facilitators of this network schedule its live sessions.")
        )
    form = ScheduleForm(request.POST or None, network=network, time_zone=request.user.time_zone)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        session = services.schedule_session(
            network=network,
            author=request.user,
            title=data["title"],
            body=data["body"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            hosts=data["hosts"],
        )
        session.thread.network = network
        messages.success(request, _("The session is scheduled; its hosts have been told."))
        return redirect(session.get_absolute_url())
    return render(
        request,
        "discussions/live/schedule_form.html",
        {"network": network, "network_url": network.get_url(request=request), "form": form},
    )


def upcoming(request):
    """Every live session this person may see that has not ended yet, soonest first."""
    sessions = list(
        LiveSession.objects.visible_to(request.user)
        .filter(thread__network__live=True)
        .upcoming()
        .for_listing()
        .prefetch_related("hosts")[:50]
    )
    return render(request, "discussions/live/upcoming.html", {"sessions": sessions})
