from allauth.account.adapter import DefaultAccountAdapter


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
