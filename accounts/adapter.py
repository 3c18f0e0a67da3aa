from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Hooks into allauth's sign-up; the consent date is recorded by ``SignupForm``."""
