"""Admin hooks of moderation: the queue and suspensions, and the audit log's words."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from discussions.models.moderation import Flag, Suspension
from discussions.moderation import services
from discussions.moderation.viewsets import EditorsPermissionPolicy, ModerationViewSetGroup

register_permission_policy(Flag, EditorsPermissionPolicy(Flag))
register_permission_policy(Suspension, EditorsPermissionPolicy(Suspension))


@hooks.register("register_admin_viewset")
def register_moderation_viewsets():
    return ModerationViewSetGroup()


MODERATION_LOG_ACTIONS = {
    services.HIDE_POST: (_("Hide reply"), _("Reply hidden by a moderator")),
    services.RESTORE_POST: (_("Restore reply"), _("Hidden reply shown again")),
    services.HIDE_THREAD: (_("Hide thread"), _("Thread hidden by a moderator")),
    services.RESTORE_THREAD: (_("Restore thread"), _("Hidden thread shown again")),
    services.LOCK_THREAD: (_("Lock thread"), _("Thread locked")),
    services.UNLOCK_THREAD: (_("Unlock thread"), _("Thread unlocked")),
    services.PIN_THREAD: (_("Pin thread"), _("Thread pinned")),
    services.UNPIN_THREAD: (_("Unpin thread"), _("Thread unpinned")),
    services.MOVE_THREAD: (_("Move thread"), _("Thread moved to another network")),
    services.RESOLVE_FLAG: (_("Resolve flag"), _("Flag resolved")),
    services.DISMISS_FLAG: (_("Dismiss flag"), _("Flag dismissed")),
    services.SUSPEND_MEMBER: (_("Suspend member"), _("Member suspended site-wide")),
    services.LIFT_SUSPENSION: (_("Lift suspension"), _("Suspension lifted")),
    services.BULK_HIDE: (
        _("Hide everything by a member"),
        _("Hidden with all of a member's posts"),
    ),
}


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    for action, (label, message) in MODERATION_LOG_ACTIONS.items():
        actions.register_action(action, label, message)
