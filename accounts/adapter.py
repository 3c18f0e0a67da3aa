from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from wagtail.models import Site


def user_display(user):
    """How allauth names a person in its pages, messages and emails (ACCOUNT_USER_DISPLAY)."""
    return user.get_full_name()


class AccountAdapter(DefaultAccountAdapter):
    """Hooks into allauth's sign-up; the consent date is recorded by ``SignupForm``."""

    def save_user(self, request, user, form, commit=True):
        # Set before allauth derives the handle, so the handle comes from the name.
        user.display_name = form.cleaned_data.get("display_name") or user.display_name
        return super().save_user(request, user, form, commit=commit)

    def populate_username(self, request, user):
        """Make the handle (the profile URL) from the display name, never the email.

        allauth's default uses the email's local part, which would publish part of
        the address in every profile URL.
        """
        if not user.username:
            user.username = self.generate_unique_username([user.display_name, "person"])

    def send_mail(self, template_prefix, email, context):
        """Name the site in allauth's emails as the Wagtail Site does, not by host name."""
        request = self.request or allauth_context.request
        site = Site.find_for_request(request) if request is not None else None
        context = {
            "site_name": (site and site.site_name) or settings.WAGTAIL_SITE_NAME,
            **context,
        }
        return super().send_mail(template_prefix, email, context)
