import pytest

from home.models import NavigationSettings, StandardPage
from tests.home.helpers import body


@pytest.fixture
def make_standard_page(home_page):
    def make(*, title="About", slug=None, parent=None, live=True, **fields):
        page = StandardPage(title=title, slug=slug or title.lower().replace(" ", "-"), **fields)
        page.live = live
        (parent or home_page).add_child(instance=page)
        return page

    return make


@pytest.fixture
def standard_page(make_standard_page):
    return make_standard_page(
        title="About",
        intro="Who we are and how the platform works.",
        body=body("The working group brings governments and civil society together."),
    )


@pytest.fixture
def navigation(home_page):
    """The default site's navigation settings, with no links yet."""
    return NavigationSettings.for_site(home_page.get_site())
