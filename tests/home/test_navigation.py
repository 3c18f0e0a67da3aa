import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory

from home.models import StandardPage
from tests.factories import MembershipFactory, UserFactory
from tests.home.helpers import link


@pytest.fixture
def menus(navigation, make_standard_page):
    about = make_standard_page(title="About")
    privacy = make_standard_page(title="Privacy notice", slug="privacy")
    navigation.primary_links = [link(about), link(url="/accounts/login/", label="Sign in here")]
    navigation.footer_links = [link(privacy)]
    navigation.footer_text = "<p>A learning space of the <b>working group</b>.</p>"
    navigation.contact_email = "team@example.org"
    navigation.save()
    return navigation


def test_main_menu_links_pages_and_paths(client, menus):
    html = client.get("/").content.decode()

    assert '<nav class="primary-nav" aria-label="Main">' in html
    assert '<a href="/about/">About</a>' in html
    assert '<a href="/accounts/login/">Sign in here</a>' in html


def test_main_menu_marks_the_current_page(client, menus):
    html = client.get("/about/").content.decode()
    assert '<a href="/about/" aria-current="page">About</a>' in html


def test_footer_shows_links_text_and_contact(client, menus):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]

    assert '<a href="/privacy/">Privacy notice</a>' in footer
    assert "<b>working group</b>" in footer
    assert 'href="mailto:team@example.org"' in footer


def test_link_to_an_unpublished_page_is_left_out(client, navigation, make_standard_page):
    draft = make_standard_page(title="Draft", live=False)
    navigation.primary_links = [link(draft)]
    navigation.save()

    html = client.get("/").content.decode()

    assert "Draft" not in html
    assert "primary-nav" not in html


MENUS = Template("{% load home_tags %}{% site_name %}{% primary_navigation %}{% site_footer %}")


def render_menus(user=None):
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    return MENUS.render(Context({"request": request}))


def test_navigation_is_built_once_then_served_from_the_cache(
    home_page, menus, django_assert_num_queries
):
    # The site, its settings row, one bulk page fetch per menu, the members-only paths.
    with django_assert_num_queries(5):
        first = render_menus()
    with django_assert_num_queries(0):
        second = render_menus()
    assert first == second
    assert '<a href="/about/">About</a>' in second


def test_saving_the_setting_shows_the_change_at_once(home_page, menus):
    render_menus()
    menus.primary_links = [link(url="/networks/", label="All networks")]
    menus.save()
    html = render_menus()
    assert '<a href="/networks/">All networks</a>' in html
    assert "About" not in html


def test_republishing_a_linked_page_under_a_new_slug_updates_the_link(home_page, menus):
    render_menus()
    about = StandardPage.objects.get(slug="about")
    about.slug = "who-we-are"
    about.save_revision().publish()
    assert '<a href="/who-we-are/">About</a>' in render_menus()


def test_unpublishing_a_linked_page_drops_the_link(home_page, menus):
    render_menus()
    StandardPage.objects.get(slug="about").unpublish()
    assert "/about/" not in render_menus()


def test_link_into_a_members_only_network_shows_only_to_people_who_may_see_it(
    home_page, navigation, network_factory, user
):
    member = UserFactory()
    private = network_factory(title="Private circle", visibility="members_only")
    MembershipFactory(network=private, user=member, role="member")
    navigation.primary_links = [link(private), link(url="/networks/", label="Networks")]
    navigation.save()

    assert "Private circle" not in render_menus()
    assert "Private circle" not in render_menus(user)
    assert f'<a href="{private.url}">Private circle</a>' in render_menus(member)
    assert "Networks" in render_menus()


def test_the_site_comes_from_the_cache_and_follows_edits(client, home_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Site

    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert not [q for q in queries.captured_queries if "wagtailcore_site" in q["sql"]]

    site = Site.objects.get(is_default_site=True)
    site.site_name = "Open data learning"
    site.save()
    assert "· Open data learning</title>" in client.get("/").content.decode()


def test_the_process_copy_drops_the_least_recently_used_value_first(monkeypatch):
    from home import navigation

    monkeypatch.setattr(navigation, "_LOCAL", navigation.OrderedDict())
    monkeypatch.setattr(navigation, "_LOCAL_LIMIT", 3)
    built = []

    def value(key):
        return navigation.shared(key, lambda: built.append(key) or key.upper())

    for key in ("site", "menu", "footer"):
        value(key)
    value("site")  # used again: now the most recent
    value("other")  # full: "menu", the least recently used, goes
    assert list(navigation._LOCAL) == ["footer", "site", "other"]
    # A value just made is never the one dropped, and what went comes back from the
    # shared cache, not from building it again.
    assert value("menu") == "MENU"
    assert built == ["site", "menu", "footer", "other"]
    assert "other" in navigation._LOCAL
