from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from accounts.viewsets import DECLINE_ACTION, VERIFY_ACTION, AccountsViewSetGroup


@hooks.register("register_admin_viewset")
def register_accounts_viewsets():
    return AccountsViewSetGroup()


@hooks.register("register_log_actions")
def register_affiliation_log_actions(actions):
    actions.register_action(VERIFY_ACTION, _("Verify affiliation"), _("Affiliation verified"))
    actions.register_action(DECLINE_ACTION, _("Decline affiliation"), _("Affiliation declined"))
