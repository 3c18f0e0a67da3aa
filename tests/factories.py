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
