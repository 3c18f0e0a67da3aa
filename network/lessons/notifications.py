"""What a member is told about their lesson while editors review it.

Publication is announced by discussions (authors and the network's followers), which
hears Wagtail's ``page_published``; this module only tells the owner that an editor
asked for changes, with the editor's comment and a link to "My contributions".
"""

from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import WorkflowState
from wagtail.signals import workflow_rejected

from accounts import email_kinds
from accounts.services import notify
from network.rendering import excerpt

VERB_CHANGES_REQUESTED = "lessons.changes_requested"
COMMENT_LENGTH = 200


def register_email_kinds():
    email_kinds.register(
        VERB_CHANGES_REQUESTED, gettext_lazy("An editor asks for changes to my lesson")
    )


@receiver(workflow_rejected, sender=WorkflowState, dispatch_uid="lessons_changes_requested")
def tell_owner_changes_requested(sender, instance, user=None, **kwargs):
    from network.models.lessons import LessonPage

    if not issubclass(instance.content_type.model_class(), LessonPage):
        return
    lesson = LessonPage.objects.get(pk=instance.object_id)
    owner = instance.requested_by or lesson.owner
    if owner is None or not owner.is_active or (user is not None and owner.pk == user.pk):
        return
    comment = instance.current_task_state.comment if instance.current_task_state else ""
    message = _("An editor asked for changes to “%(title)s”") % {
        "title": lesson.get_admin_display_title()
    }
    if comment:
        message = f"{message}: “{excerpt(comment, COMMENT_LENGTH)}”"
    notify(
        recipient=owner,
        verb=VERB_CHANGES_REQUESTED,
        message=" ".join(message.split()),
        url=reverse("lessons:contribution_edit", kwargs={"pk": lesson.pk}),
        target=lesson,
        actor=user,
    )
