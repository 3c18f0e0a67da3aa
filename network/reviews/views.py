"""Commitment review views: thin, form → service → redirect (or the form again).

A review the person may not see answers 404 like any unknown address. Confidential
pages are never stored by shared caches (``never_cache``).
"""

import mimetypes
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from network import permissions
from network.models.reviews import ReviewerAssignment, ReviewStatus
from network.reviews import export, queries, services, transitions
from network.reviews.forms import (
    AssignReviewersForm,
    CommitmentForm,
    FeedbackMatrixForm,
    PublishForm,
    ReviewForm,
    TransitionForm,
)
from network.views import rate_limited

REVIEWS_PER_PAGE = 25


def _review_or_404(request, pk):
    review = queries.review_for(request.user, pk)
    if review is None:
        raise Http404
    return review


def _error_text(error):
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)


def _refuse(request, review, message):
    return render(
        request, "network/reviews/refused.html", {"review": review, "message": message}, status=403
    )


# --- Queue and detail ---------------------------------------------------------------


@never_cache
def review_list(request):
    page = Paginator(queries.queue_for(request.user), REVIEWS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "network/reviews/review_list.html",
        {
            "page_obj": page,
            "reviews": page.object_list,
            "can_request": permissions.can_request_review(request.user),
            "is_coordinator": permissions.is_review_coordinator(request.user),
        },
    )


@never_cache
def review_detail(request, pk):
    review = _review_or_404(request, pk)
    confidential = permissions.can_see_confidential_review(request.user, review)
    assignments = queries.assignments_of(review) if confidential else []
    own = [a for a in assignments if a.reviewer_id == request.user.pk and a.round == review.round]
    context = {
        "review": review,
        "confidential": confidential,
        "commitments": queries.commitments_of(review),
        "assignments": assignments if permissions.is_review_coordinator(request.user) else [],
        "own_assignment": own[0] if own else None,
        "history": queries.history_of(review) if confidential else [],
        "transitions": [
            t for t in transitions.available(request.user, review) if not t.by_assignment
        ],
        "can_edit": permissions.can_edit_review(request.user, review),
        "can_assign": permissions.can_assign_reviewers(request.user, review),
        "can_download": permissions.can_download_plan(request.user, review),
        "can_read_consolidated": permissions.can_read_consolidated(request.user, review),
        "can_publish": permissions.can_publish_review(request.user, review),
    }
    return render(request, "network/reviews/review_detail.html", context)


# --- The request and its commitments ------------------------------------------------


@login_required
@rate_limited
def review_create(request):
    organisations = permissions.review_organisations(request.user)
    if not organisations:
        return _refuse(
            request,
            None,
            _(
                "Only members whose affiliation with a government organisation has been "
                "verified may ask for a review. Claim your affiliation on your profile; "
                "the editors verify it."
            ),
        )
    form = ReviewForm(request.POST or None, request.FILES or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        fields = {
            name: form.cleaned_data[name]
            for name in ("title", "action_plan_period", "feedback_needed_by")
        }
        review = services.create_review(
            requester=request.user,
            organisation=form.cleaned_data["organisation"],
            fields=fields,
            plan_document=form.cleaned_data.get("plan_document"),
        )
        messages.success(request, _("Your draft request is saved. Now add its commitments."))
        return redirect("reviews:commitment_create", pk=review.pk)
    return render(request, "network/reviews/review_form.html", {"form": form, "review": None})


@login_required
@rate_limited
def review_edit(request, pk):
    review = _review_or_404(request, pk)
    if not permissions.can_edit_review(request.user, review):
        return _refuse(request, review, _("This request can no longer be changed."))
    form = ReviewForm(
        request.POST or None,
        request.FILES or None,
        instance=review,
        organisations=[review.organisation],
    )
    if request.method == "POST" and form.is_valid():
        fields = {
            name: form.cleaned_data[name]
            for name in ("title", "action_plan_period", "feedback_needed_by")
        }
        upload = form.cleaned_data.get("plan_document")
        services.update_review(
            review=review,
            user=request.user,
            fields=fields,
            plan_document=upload if hasattr(upload, "content_type") else None,
            remove_document=form.cleaned_data.get("remove_document", False),
        )
        messages.success(request, _("The request is saved."))
        return redirect(review)
    return render(request, "network/reviews/review_form.html", {"form": form, "review": review})


def _commitment_form_view(request, review, commitment=None):
    if not permissions.can_edit_review(request.user, review):
        return _refuse(
            request, review, _("Commitments change only in a draft or a revised request.")
        )
    form = CommitmentForm(request.POST or None, instance=commitment)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        principles = data.pop("principles")
        services.save_commitment(
            review=review,
            user=request.user,
            fields=data,
            principles=principles,
            commitment=commitment,
        )
        messages.success(request, _("The commitment is saved."))
        if "add_another" in request.POST:
            return redirect("reviews:commitment_create", pk=review.pk)
        return redirect(review)
    return render(
        request,
        "network/reviews/commitment_form.html",
        {"form": form, "review": review, "commitment": commitment},
    )


@login_required
@rate_limited
def commitment_create(request, pk):
    return _commitment_form_view(request, _review_or_404(request, pk))


@login_required
@rate_limited
def commitment_edit(request, pk, commitment_pk):
    review = _review_or_404(request, pk)
    commitment = get_object_or_404(review.commitments, pk=commitment_pk)
    return _commitment_form_view(request, review, commitment)


@login_required
@rate_limited
def commitment_delete(request, pk, commitment_pk):
    review = _review_or_404(request, pk)
    commitment = get_object_or_404(review.commitments, pk=commitment_pk)
    if not permissions.can_edit_review(request.user, review):
        return _refuse(
            request, review, _("Commitments change only in a draft or a revised request.")
        )
    if request.method == "POST":
        services.delete_commitment(commitment=commitment, user=request.user)
        messages.success(request, _("The commitment is deleted."))
        return redirect(review)
    return render(
        request,
        "network/reviews/commitment_delete.html",
        {"review": review, "commitment": commitment},
    )


@never_cache
def plan_document(request, pk):
    """The draft plan, only to the review's private audience, always as a download."""
    review = _review_or_404(request, pk)
    if not permissions.can_download_plan(request.user, review):
        raise Http404
    name = Path(review.plan_document.name).name
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(
        review.plan_document.open("rb"),
        as_attachment=True,
        filename=name,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# --- Status -------------------------------------------------------------------------


@login_required
@rate_limited
def review_transition(request, pk, target):
    review = _review_or_404(request, pk)
    transition = transitions.find(review.status, target)
    form = TransitionForm(request.POST if request.method == "POST" else None)
    if request.method != "POST":
        if transition is None or not transition.allows(request.user, review):
            messages.error(request, _("This action is not available."))
            return redirect(review)
        return render(
            request,
            "network/reviews/transition_confirm.html",
            {"review": review, "transition": transition, "form": form},
        )
    if not form.is_valid():
        return render(
            request,
            "network/reviews/transition_confirm.html",
            {"review": review, "transition": transition, "form": form},
        )
    try:
        services.change_status(
            review=review, user=request.user, target=target, note=form.cleaned_data["note"]
        )
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _error_text(error))
        return redirect(review)
    messages.success(
        request,
        _("The review is now “%(status)s”.") % {"status": ReviewStatus(target).label},
    )
    return redirect(review)


@login_required
@rate_limited
def review_assign(request, pk):
    review = _review_or_404(request, pk)
    if not permissions.can_assign_reviewers(request.user, review):
        return _refuse(
            request,
            review,
            _("Only the review coordinators assign reviewers, to a submitted or revised request."),
        )
    form = AssignReviewersForm(request.POST or None, review=review)
    if request.method == "POST" and form.is_valid():
        try:
            services.assign_reviewers(
                review=review,
                user=request.user,
                reviewers=form.cleaned_data["reviewers"],
                balance_reason=form.cleaned_data["balance_override_reason"],
                conflict_reason=form.cleaned_data["conflict_override_reason"],
            )
        except PermissionDenied as error:
            messages.error(request, _error_text(error))
            return redirect(review)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for name, errors in error.error_dict.items():
                    form.add_error(name, errors)
            else:
                form.add_error(None, error)
        else:
            messages.success(request, _("The reviewers are assigned and notified."))
            return redirect(review)
    candidates = list(form.fields["reviewers"].queryset)
    conflicts = services.conflicts(review, candidates)
    return render(
        request,
        "network/reviews/assign.html",
        {
            "review": review,
            "form": form,
            "conflicts": [
                (person, conflicts[person.pk]) for person in candidates if person.pk in conflicts
            ],
        },
    )


# --- Feedback -----------------------------------------------------------------------


def _own_assignment(request, review):
    assignment = (
        ReviewerAssignment.objects.filter(
            review=review, reviewer_id=request.user.pk, round=review.round
        )
        .prefetch_related("feedback", "overall_feedback")
        .first()
    )
    if assignment is None:
        raise Http404
    return assignment


@login_required
@never_cache
@rate_limited
def feedback_matrix(request, pk):
    review = _review_or_404(request, pk)
    assignment = _own_assignment(request, review)
    commitments = queries.commitments_of(review)
    open_for_feedback = review.status == ReviewStatus.IN_REVIEW and not assignment.is_finished
    finishing = "finish" in request.POST
    form = FeedbackMatrixForm(
        request.POST if request.method == "POST" else None,
        commitments=commitments,
        assignment=assignment,
        finishing=finishing,
        editable=open_for_feedback,
    )
    if request.method == "POST":
        if not open_for_feedback:
            messages.error(request, _("This review round is not open for feedback."))
            return redirect(review)
        if form.is_valid():
            try:
                services.save_feedback(
                    assignment=assignment,
                    user=request.user,
                    ratings=form.ratings(),
                    overall=form.overall(),
                    name_consent=form.cleaned_data["name_consent"],
                    finish=finishing,
                )
            except (ValidationError, PermissionDenied) as error:
                messages.error(request, _error_text(error))
                return redirect(review)
            if finishing:
                messages.success(request, _("Thank you! Your feedback is finished."))
                return redirect(review)
            messages.success(request, _("Your draft feedback is saved."))
            return redirect("reviews:feedback", pk=review.pk)
    return render(
        request,
        "network/reviews/feedback_matrix.html",
        {
            "review": review,
            "assignment": assignment,
            "form": form,
            "open_for_feedback": open_for_feedback,
        },
    )


@login_required
@require_POST
@rate_limited
def name_consent(request, pk):
    review = _review_or_404(request, pk)
    assignment = get_object_or_404(
        ReviewerAssignment,
        review=review,
        reviewer_id=request.user.pk,
        pk=request.POST.get("assignment"),
    )
    try:
        services.set_name_consent(
            assignment=assignment, user=request.user, consent=request.POST.get("consent") == "1"
        )
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("Your choice is saved."))
    return redirect(review)


# --- The consolidated response ------------------------------------------------------


def _consolidated(request, pk):
    review = _review_or_404(request, pk)
    rounds = permissions.consolidated_rounds(request.user, review)
    if not rounds:
        raise Http404
    try:
        round = int(request.GET.get("round", rounds[-1]))
    except ValueError:
        round = rounds[-1]
    if round not in rounds:
        round = rounds[-1]
    show_names = queries.show_reviewer_names(request.user, review)
    columns, blocks = queries.consolidated(review, round, show_names=show_names)
    return review, rounds, round, columns, blocks


@never_cache
def consolidated(request, pk):
    review, rounds, round, columns, blocks = _consolidated(request, pk)
    return render(
        request,
        "network/reviews/consolidated.html",
        {
            "review": review,
            "rounds": rounds,
            "round": round,
            "columns": columns,
            "blocks": blocks,
            "confidential": permissions.can_see_confidential_review(request.user, review),
        },
    )


@never_cache
def consolidated_csv(request, pk):
    review, rounds, round, columns, blocks = _consolidated(request, pk)
    body = export.consolidated_csv(review, round, columns, blocks)
    response = HttpResponse("\ufeff" + body, content_type="text/csv; charset=utf-8")
    filename = f"{slugify(review.title)[:60] or 'review'}-round-{round}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@rate_limited
def review_publish(request, pk):
    review = _review_or_404(request, pk)
    if not permissions.can_publish_review(request.user, review):
        return _refuse(
            request,
            review,
            _("Only the requesting organisation may publish the feedback of a closed review."),
        )
    form = PublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.publish_review(
            review=review, user=request.user, plan_url=form.cleaned_data["plan_url"]
        )
        messages.success(request, _("The consolidated feedback is now public. Thank you!"))
        return redirect(review)
    return render(request, "network/reviews/publish.html", {"review": review, "form": form})
