import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from accounts import email_kinds, services
from accounts import unsubscribe as unsubscribe_links
from accounts.forms import EmailPreferencesForm, ProfileForm
from accounts.models import Affiliation, Notification, User

NOTIFICATIONS_PER_PAGE = 25


def profile_detail(request, username):
    """A person's profile: signed-in people see all, visitors only opted-in ones (else 404)."""
    shown_affiliations = Affiliation.objects.exclude(
        status=Affiliation.Status.DECLINED
    ).select_related("organisation")
    profile = (
        User.objects.profiles_visible_to(request.user)
        .prefetch_related(Prefetch("affiliations", queryset=shown_affiliations))
        .filter(username=username)
        .first()
    )
    if profile is None:
        raise Http404
    return render(
        request,
        "accounts/profile_detail.html",
        {
            "profile": profile,
            "affiliations": profile.affiliations.all(),
            "is_own_profile": profile.pk == request.user.pk,
        },
    )


@login_required
def profile_edit(request):
    affiliations = list(request.user.affiliations.select_related("organisation"))
    current = _current_affiliation(affiliations)
    # The form writes cleaned values onto its instance; keep request.user untouched
    # until the service has saved, so a failed submission changes nothing shown.
    instance = copy.copy(request.user)
    form = ProfileForm(request.POST or None, instance=instance, current_affiliation=current)
    if request.method == "POST" and form.is_valid():
        services.update_profile(
            user=request.user,
            changes=form.profile_changes(),
            organisation=form.cleaned_data["organisation"],
            job_title=form.cleaned_data["job_title"],
        )
        messages.success(request, _("Your profile is saved."))
        return redirect("accounts:profile_edit")
    return render(
        request, "accounts/profile_edit.html", {"form": form, "affiliations": affiliations}
    )


def _current_affiliation(affiliations):
    """The claim shown in the form: a pending one first, else the newest verified one."""
    for status in (Affiliation.Status.CLAIMED, Affiliation.Status.VERIFIED):
        for affiliation in affiliations:  # already newest first (Meta.ordering)
            if affiliation.status == status:
                return affiliation
    return None


@login_required
def notification_list(request):
    notifications = Notification.objects.for_user(request.user)
    page_obj = Paginator(notifications, NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/notification_list.html",
        # ``unread_notifications`` (the bell, and "mark all read" here) comes from the
        # context processor: loaded with the person.
        {"page_obj": page_obj, "notifications": page_obj.object_list},
    )


@login_required
@require_POST
def notification_open(request, pk):
    """Mark one notification read and go where it points (only same-site addresses)."""
    notification = get_object_or_404(Notification.objects.for_user(request.user), pk=pk)
    services.mark_notifications_read(user=request.user, notification=notification)
    if notification.url and url_has_allowed_host_and_scheme(
        notification.url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(notification.url)
    return redirect(_notification_list_url(request))


@login_required
@require_POST
def notification_mark_all_read(request):
    count = services.mark_notifications_read(user=request.user)
    if count:
        messages.success(request, _("All your notifications are marked as read."))
    return redirect(_notification_list_url(request))


def _notification_list_url(request):
    url = reverse("accounts:notification_list")
    page = request.POST.get("page", "")
    return f"{url}?page={page}" if page.isdigit() else url


@login_required
def email_preferences(request):
    form = EmailPreferencesForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.set_email_preferences(
            user=request.user,
            email_notifications=form.cleaned_data["email_notifications"],
            opted_out=form.opted_out(),
        )
        messages.success(request, _("Your email preferences are saved."))
        return redirect("accounts:email_preferences")
    return render(request, "accounts/email_preferences.html", {"form": form})


# The token is the authority here, not a session: mail clients post to this address
# themselves for RFC 8058 one-click unsubscribe, without a CSRF token or a sign-in.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks to confirm (link scanners must not unsubscribe anyone); POST stops the emails."""
    found = unsubscribe_links.read_token(token)
    person = User.objects.filter(pk=found[0], is_active=True).first() if found else None
    if person is None:
        return render(request, "accounts/unsubscribe.html", {"invalid": True}, status=404)
    verb = found[1]
    kind = email_kinds.get(verb)
    done = request.method == "POST"
    if done:
        services.unsubscribe(user=person, verb=verb)
    return render(
        request,
        "accounts/unsubscribe.html",
        {"kind": kind, "done": done, "token": token, "email": person.email},
    )
