"""factory_boy factories shared by every test module."""

import factory
from django.utils import timezone

from accounts.models import Affiliation, Organisation, Sector, User


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Organisation {n}")
    sector = Sector.GOVERNMENT
    country = "UY"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    terms_accepted_at = factory.LazyFunction(timezone.now)
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        """Give every factory user a verified primary email, as allauth expects."""
        if not create or extracted is False:
            return
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(
            user=self, email=self.email, defaults={"verified": True, "primary": True}
        )


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = Affiliation.Status.VERIFIED


# --- Networks -------------------------------------------------------------------------
import wagtail_factories  # noqa: E402

from network.models import (  # noqa: E402
    Invitation,
    LearningNetworkPage,
    Membership,
    MembershipStatus,
    NetworkIndexPage,
    Role,
)


class NetworkIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NetworkIndexPage

    title = "Networks"
    slug = "networks"
    live = True


class LearningNetworkPageFactory(wagtail_factories.PageFactory):
    """Pass ``parent=`` a NetworkIndexPage (the ``network_factory`` fixture does)."""

    class Meta:
        model = LearningNetworkPage

    title = factory.Sequence(lambda n: f"Network {n}")
    slug = factory.Sequence(lambda n: f"network-{n}")
    intro = factory.LazyAttribute(lambda o: f"People who work on {o.title.lower()}.")
    live = True


class MembershipFactory(factory.django.DjangoModelFactory):
    """An active member by default; pass ``network=``."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.MEMBER
    status = MembershipStatus.ACTIVE
    joined_at = factory.LazyFunction(timezone.now)


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    role = Role.MEMBER
    invited_by = factory.SubFactory(UserFactory)
