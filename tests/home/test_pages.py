from tests.factories import OrganisationFactory, UserFactory
from tests.home.helpers import body, link


def test_home_page_renders_its_title_intro_and_body(client, home_page):
    home_page.title = "Open data learning networks"
    home_page.intro = "Governments and civil society learning together."
    home_page.body = body("Lessons from real initiatives.")
    home_page.save_revision().publish()

    response = client.get("/")

    assert response.status_code == 200
    assert response.templates[0].name == "home/home_page.html"
    html = response.content.decode()
    assert '<h1 id="hero-title">Open data learning networks</h1>' in html
    assert "Governments and civil society learning together." in html
    assert "<h2>Section heading</h2>" in html
    assert "Lessons from real initiatives." in html


def test_home_page_invites_visitors_to_join_or_sign_in(client, home_page):
    html = client.get("/").content.decode()
    assert 'href="/accounts/signup/"' in html
    assert 'href="/accounts/login/"' in html
    assert "How to take part" in html


def test_home_page_greets_a_signed_in_member_instead(client, home_page):
    member = UserFactory(display_name="Ana Pérez")
    client.force_login(member)

    html = client.get("/").content.decode()

    assert "Welcome back, Ana Pérez." in html
    assert "How to take part" not in html
    assert member.get_absolute_url() in html


def test_home_page_counts_organisations_countries_and_members(client, home_page):
    OrganisationFactory(name="Ministry A", country="UY")
    OrganisationFactory(name="Ministry B", country="UY")
    OrganisationFactory(name="Secretariat", country="")
    UserFactory.create_batch(3)
    UserFactory(is_active=False)

    context = client.get("/").context

    assert context["community"] == {"organisations": 3, "countries": 1, "members": 3}


def test_standard_page_renders_title_intro_body_and_breadcrumb(client, standard_page):
    response = client.get("/about/")

    assert response.status_code == 200
    assert response.templates[0].name == "home/standard_page.html"
    html = response.content.decode()
    assert "<h1>About</h1>" in html
    assert "Who we are and how the platform works." in html
    assert "The working group brings governments and civil society together." in html
    assert 'aria-label="Breadcrumb"' in html
    assert "<title>About · " in html


def test_nested_standard_page_is_served_under_its_parent(client, make_standard_page):
    parent = make_standard_page(title="About")
    make_standard_page(title="Team", parent=parent, body=body("Our editors."))

    response = client.get("/about/team/")

    assert response.status_code == 200
    assert "Our editors." in response.content.decode()


def test_draft_standard_page_is_not_served(client, make_standard_page):
    make_standard_page(title="Draft", live=False)
    assert client.get("/draft/").status_code == 404


def test_standard_page_shows_when_it_was_last_published(client, standard_page):
    standard_page.save_revision().publish()
    assert "Last updated" in client.get("/about/").content.decode()


# Page, view restrictions, the serve hook's network check, the two counts (the
# site and the menus come from the cache). Breadcrumbs add one query.
HOME_QUERIES = 5
STANDARD_QUERIES = 6


def _warm(client, url):
    """The first request fills Wagtail's site-root cache; pin the steady state."""
    assert client.get(url).status_code == 200


def test_home_page_queries_do_not_grow_with_organisations_or_links(
    client, home_page, navigation, make_standard_page, django_assert_num_queries
):
    counts = []
    for organisations, links in ((1, 1), (30, 8)):
        OrganisationFactory.create_batch(organisations, country="KE")
        for number in range(links):
            page = make_standard_page(title=f"Section {organisations}-{number}")
            navigation.primary_links = [*navigation.primary_links.raw_data, link(page)]
            navigation.footer_links = [*navigation.footer_links.raw_data, link(page)]
        navigation.save()
        _warm(client, "/")
        with django_assert_num_queries(HOME_QUERIES) as captured:
            client.get("/")
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_standard_page_queries_are_pinned(client, standard_page, django_assert_num_queries):
    _warm(client, "/about/")
    with django_assert_num_queries(STANDARD_QUERIES):
        client.get("/about/")
