from xml.etree import ElementTree

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_robots_txt_keeps_crawlers_out_of_private_areas_and_names_the_sitemap(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for private in ("/admin/", "/accounts/", "/account/", "/notifications/"):
        assert f"Disallow: {private}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def _sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ElementTree.fromstring(response.content)  # noqa: S314 (our own response)
    return {element.text for element in tree.iter(f"{SITEMAP_NS}loc")}


def test_sitemap_lists_the_home_page_and_live_standard_pages(
    client, home_page, make_standard_page
):
    make_standard_page(title="About")
    make_standard_page(title="Privacy", slug="privacy")
    make_standard_page(title="Draft", live=False)

    locations = _sitemap_locations(client)

    assert {path for path in locations if path.endswith("/")} >= {
        "http://localhost/",
        "http://localhost/about/",
        "http://localhost/privacy/",
    }
    assert not any("draft" in location for location in locations)
