"""From the home page to a principle page's resources and a document, in a real browser.

A visitor opens the guidelines from the main menu, then a principle page, narrows its
resources to Spanish with the filter form (a plain GET form: the filter stays in the
URL), opens a resource and downloads its PDF.
"""

import io

import pytest

from tests.e2e.support import axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(site_url, settings, tmp_path):
    # Documents on disk: Wagtail serves them from a local path when the storage has one.
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    from home.demo import seed_navigation
    from network.resources.demo import seed

    seed(io.StringIO())
    seed_navigation(io.StringIO())
    return site_url


def test_principle_page_language_filter_and_download(page, problems, demo):
    page.goto(f"{demo}/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Guidelines").click()
    page.wait_for_load_state()
    assert page.url == f"{demo}/guidelines/"

    page.get_by_role("link", name="Open by Default").first.click()
    page.wait_for_load_state()
    assert page.url == f"{demo}/guidelines/open-by-default/"
    assert axe_violations(page) == []

    resources = page.locator("#resources")
    assert resources.get_by_role("link", name="Open by default policy toolkit").is_visible()
    resources.get_by_label("Language").select_option("es")
    resources.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    assert "language=es" in page.url
    cards = resources.locator(".resource-card")
    titles = cards.locator(".resource-card__title").all_inner_texts()
    assert "Kit de políticas de apertura por defecto" in titles
    assert "Open by default policy toolkit" not in titles
    assert all(card.inner_text().count("Spanish") for card in cards.all())

    resources.get_by_role("link", name="Kit de políticas de apertura por defecto").click()
    page.wait_for_load_state()
    assert page.url == f"{demo}/resources/kit-politica-abierto-por-defecto/"
    assert page.get_by_role("link", name="English").is_visible()  # also in English
    assert axe_violations(page) == []

    with page.expect_download() as info:
        page.get_by_role("link", name="Download").click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(8) == b"%PDF-1.4"
    assert not problems, problems.lines()
