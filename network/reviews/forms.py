from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from network.models import CharterPrinciple
from network.models.reviews import Commitment, CommitmentReview, Rating
from network.reviews import services

PLAN_EXTENSIONS = {".pdf", ".odt", ".docx", ".doc", ".rtf", ".txt"}
PLAN_MAX_BYTES = 20 * 1024 * 1024


class ReviewForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(
        label=_("Requesting organisation"), queryset=Organisation.objects.none()
    )
    remove_document = forms.BooleanField(label=_("Remove the attached document"), required=False)

    class Meta:
        model = CommitmentReview
        fields = [
            "title",
            "organisation",
            "action_plan_period",
            "feedback_needed_by",
            "plan_document",
        ]
        widgets = {"feedback_needed_by": forms.DateInput(attrs={"type": "date"})}
        help_texts = {
            "plan_document": _(
                "Optional. PDF, ODT, DOCX, DOC, RTF or TXT, up to 20 MB. Only your "
                "organisation, the reviewers and the coordinators can download it."
            )
        }

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in organisations]
        )
        if self.instance.pk:
            del self.fields["organisation"]
            if not self.instance.plan_document:
                del self.fields["remove_document"]
        else:
            del self.fields["remove_document"]
            if len(organisations) == 1:
                self.fields["organisation"].initial = organisations[0].pk
        self.fields["plan_document"].widget = forms.FileInput(
            attrs={"accept": ",".join(sorted(PLAN_EXTENSIONS))}
        )

    def clean_plan_document(self):
        upload = self.cleaned_data.get("plan_document")
        if not upload or not hasattr(upload, "content_type"):
            return upload
        if Path(upload.name).suffix.lower() not in PLAN_EXTENSIONS:
            raise forms.ValidationError(_("Attach a PDF, ODT, DOCX, DOC, RTF or TXT file."))
        if upload.size > PLAN_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


class CommitmentForm(forms.ModelForm):
    principles = forms.ModelMultipleChoiceField(
        label=_("Related Open Data Charter principles"),
        queryset=CharterPrinciple.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Reviewers rate the commitment against each principle you pick."),
        error_messages={"required": _("Pick at least one principle.")},
    )

    class Meta:
        model = Commitment
        fields = ["title", "problem", "text", "milestones", "lead_institution", "principles"]
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 5}),
            "text": forms.Textarea(attrs={"rows": 8}),
            "milestones": forms.Textarea(attrs={"rows": 5}),
        }


class TransitionForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        max_length=500,
        required=False,
        help_text=_("Kept in the review's history."),
    )


class ReviewerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, person):
        affiliations = [
            f"{a.organisation.name} ({a.organisation.get_sector_display()}"
            f"{', ' + a.organisation.country.name if a.organisation.country else ''})"
            for a in getattr(person, "known_affiliations", [])
            if a.is_verified
        ]
        return f"{person.get_full_name()} – {'; '.join(affiliations)}"


class AssignReviewersForm(forms.Form):
    reviewers = ReviewerChoiceField(
        label=_("Reviewers"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "At least two: one with a verified government affiliation and one with a "
            "verified civil-society affiliation."
        ),
    )
    balance_override_reason = forms.CharField(
        label=_("Reason to go without a government and a civil-society reviewer"),
        max_length=300,
        required=False,
    )
    conflict_override_reason = forms.CharField(
        label=_("Reason to keep a reviewer with a conflict of interest"),
        max_length=300,
        required=False,
        help_text=_("Needed when a reviewer is from the requester's country or organisation."),
    )

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.review = review
        self.fields["reviewers"].queryset = services.candidate_reviewers()

    def clean(self):
        cleaned = super().clean()
        reviewers = cleaned.get("reviewers")
        if reviewers is None:
            return cleaned
        problems = services.assignment_problems(
            self.review,
            reviewers,
            balance_reason=cleaned.get("balance_override_reason", ""),
            conflict_reason=cleaned.get("conflict_override_reason", ""),
        )
        for name, message in problems.items():
            self.add_error(name, message)
        return cleaned


class PublishForm(forms.Form):
    plan_url = forms.URLField(
        label=_("Address of the published action plan"),
        max_length=200,
        assume_scheme="https",
        help_text=_("For example https://www.opengovpartnership.org/… or your own site."),
    )
    consent = forms.BooleanField(
        label=_("We agree to publish the consolidated feedback as a public learning resource."),
        help_text=_(
            "Reviewers' names are shown only for those who agreed; the draft plan document "
            "stays private."
        ),
        error_messages={"required": _("Tick the box to give your consent.")},
    )

    def clean_plan_url(self):
        url = self.cleaned_data["plan_url"]
        if not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError(_("Enter a web address starting with https://."))
        return url


# --- The feedback matrix ------------------------------------------------------------


class FeedbackMatrixForm(forms.Form):
    """One reviewer's ratings of every commitment against each of its principles.

    Fields are named per cell (``rating-<commitment>-<principle>`` …); ``matrix`` gives the
    template the bound fields in order. Saving a draft accepts blanks; finishing needs a
    rating in every cell.
    """

    name_consent = forms.BooleanField(
        label=_("Show my name with my feedback if the requester publishes it"),
        required=False,
    )

    def __init__(self, *args, commitments, assignment, finishing=False, editable=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.commitments = commitments
        self.finishing = finishing
        feedback = {(f.commitment_id, f.principle_id): f for f in assignment.feedback.all()}
        overall = {o.commitment_id: o for o in assignment.overall_feedback.all()}
        self.fields["name_consent"].initial = assignment.name_consent
        for commitment in commitments:
            for principle in commitment.principles.all():
                key = f"{commitment.pk}-{principle.pk}"
                current = feedback.get((commitment.pk, principle.pk))
                self.fields[f"rating-{key}"] = forms.ChoiceField(
                    label=_("Rating against “%(principle)s”") % {"principle": principle.name},
                    choices=Rating.choices,
                    widget=forms.RadioSelect,
                    required=False,
                    initial=current.rating if current else "",
                )
                self.fields[f"comment-{key}"] = forms.CharField(
                    label=_("Comment"),
                    widget=forms.Textarea(attrs={"rows": 3}),
                    max_length=5000,
                    required=False,
                    initial=current.comment if current else "",
                )
                self.fields[f"resources-{key}"] = forms.CharField(
                    label=_("Suggested resources"),
                    widget=forms.Textarea(attrs={"rows": 2}),
                    max_length=3000,
                    required=False,
                    initial=current.resources if current else "",
                )
            current = overall.get(commitment.pk)
            self.fields[f"remarks-{commitment.pk}"] = forms.CharField(
                label=_("Overall remarks"),
                widget=forms.Textarea(attrs={"rows": 4}),
                max_length=5000,
                required=False,
                initial=current.remarks if current else "",
            )
            for name, label in (
                ("specific", _("Specific")),
                ("measurable", _("Measurable")),
                ("verifiable", _("Verifiable")),
            ):
                self.fields[f"{name}-{commitment.pk}"] = forms.BooleanField(
                    label=label,
                    required=False,
                    initial=getattr(current, name) if current else False,
                )
        if not editable:
            for field in self.fields.values():
                field.disabled = True

    def matrix(self):
        for commitment in self.commitments:
            cells = []
            for principle in commitment.principles.all():
                key = f"{commitment.pk}-{principle.pk}"
                cells.append(
                    {
                        "principle": principle,
                        "rating": self[f"rating-{key}"],
                        "comment": self[f"comment-{key}"],
                        "resources": self[f"resources-{key}"],
                    }
                )
            yield {
                "commitment": commitment,
                "cells": cells,
                "remarks": self[f"remarks-{commitment.pk}"],
                "checks": [
                    self[f"{name}-{commitment.pk}"]
                    for name in ("specific", "measurable", "verifiable")
                ],
            }

    def clean(self):
        cleaned = super().clean()
        if self.finishing:
            for commitment in self.commitments:
                for principle in commitment.principles.all():
                    name = f"rating-{commitment.pk}-{principle.pk}"
                    if name not in self.errors and not cleaned.get(name):
                        self.add_error(
                            name,
                            _(
                                "Rate “%(commitment)s” against this principle (or choose "
                                "“Not applicable”) before you finish."
                            )
                            % {"commitment": commitment.title},
                        )
        return cleaned

    def ratings(self):
        data = self.cleaned_data
        return {
            (c.pk, p.pk): {
                "rating": data[f"rating-{c.pk}-{p.pk}"],
                "comment": data[f"comment-{c.pk}-{p.pk}"],
                "resources": data[f"resources-{c.pk}-{p.pk}"],
            }
            for c in self.commitments
            for p in c.principles.all()
        }

    def overall(self):
        data = self.cleaned_data
        return {
            c.pk: {
                "remarks": data[f"remarks-{c.pk}"],
                "specific": data[f"specific-{c.pk}"],
                "measurable": data[f"measurable-{c.pk}"],
                "verifiable": data[f"verifiable-{c.pk}"],
            }
            for c in self.commitments
        }
