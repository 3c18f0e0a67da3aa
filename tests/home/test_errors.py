from django.test import RequestFactory

from home import views


def test_unknown_address_gets_our_404_page(client, home_page):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    html = response.content.decode()
    assert "Page not found" in html
    assert 'class="skip-link"' in html  # our base layout, not Django's plain page


def test_404_page_keeps_the_site_navigation(client, home_page, navigation, standard_page):
    from tests.home.helpers import link

    navigation.primary_links = [link(standard_page)]
    navigation.save()

    html = client.get("/no-such-page/").content.decode()

    assert 'href="/about/"' in html


def test_server_error_page_renders_without_touching_the_database():
    """No db fixture: pytest-django raises if the 500 handler runs a query."""
    request = RequestFactory().get("/broken/")

    response = views.server_error(request)

    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html
    assert "Traceback" not in html
    assert 'href="/static/css/site.css"' in html


def test_handlers_are_ours():
    from config import urls

    assert urls.handler404 == "home.views.page_not_found"
    assert urls.handler500 == "home.views.server_error"
