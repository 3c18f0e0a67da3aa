import pytest
from django.template import Context, Template
from django.test import RequestFactory

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


def test_navigation_is_read_once_per_request(home_page, menus, django_assert_num_queries):
    request = RequestFactory().get("/")
    template = Template("{% load home_tags %}{% primary_navigation %}{% site_footer %}")
    context = Context({"request": request})
    # The site, its settings row, and one bulk page fetch per menu with page links.
    with django_assert_num_queries(4):
        template.render(context)
