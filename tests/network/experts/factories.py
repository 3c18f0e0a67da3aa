import factory
import wagtail_factories

from network.models import ExpertIndexPage, ExpertProfilePage
from tests.factories import UserFactory


class ExpertIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ExpertIndexPage

    title = "Experts"
    slug = "experts"
    intro = "People who know open data well and answer members' questions."


class ExpertProfilePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ExpertProfilePage

    user = factory.SubFactory(UserFactory)
    title = factory.LazyAttribute(lambda page: page.user.display_name)
    slug = factory.Sequence(lambda n: f"expert-{n}")
    headline = "Open data adviser"
