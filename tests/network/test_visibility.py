"""What each role sees: network pages, children, the index, tags, sitemap and the API."""

import pytest
from wagtail.models import Page
from wagtail.rich_text import RichText

from home.models import StandardPage
from network import permissions
from network.models import Membership, NetworkContentMixin
from tests.network.conftest import ROLES

# Who may read the full content of each kind of network.
FULL_VIEW = {
    "public": set(ROLES),
    "approval": set(ROLES),
    "private": {"member", "facilitator", "lead", "editor"},
    "listed": {"member", "facilitator", "lead", "editor"},
}
# Who gets the teaser (200 without the body) where they cannot see the content.
TEASER = {"private": {"pending"}, "listed": {"anonymous", "outsider", "pending"}}


def add_child(network, title="Inside page"):
    child = StandardPage(title=title, slug=title.lower().replace(" ", "-"), intro="Inside text")
    network.add_child(instance=child)
    return child


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", ["public", "approval", "private", "listed"])
def test_network_page_shows_content_teaser_or_404_by_role(world, as_role, role, kind):
    network = getattr(world, kind)
    response = as_role(role).get(network.url)
    body_text = f"{kind.title()} body text"
    if role in FULL_VIEW[kind]:
        assert response.status_code == 200
        assert body_text in response.content.decode()
    elif role in TEASER.get(kind, set()):
        html = response.content.decode()
        assert response.status_code == 200
        assert network.title in html and network.intro in html
        assert body_text not in html
        assert "Member Person" not in html  # plain members are not shown on a teaser
        assert "Lead Person" in html  # facilitators and leads are
        assert "For members only" in html
        assert 'name="robots" content="noindex"' in html
    else:
        assert response.status_code == 404
        assert network.title not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", ["public", "private", "listed"])
def test_children_of_a_network_follow_its_visibility_with_no_teaser(world, as_role, role, kind):
    child = add_child(getattr(world, kind))
    grandchild = StandardPage(title="Deeper", slug="deeper", intro="x")
    child.add_child(instance=grandchild)
    client = as_role(role)
    expected = 200 if role in FULL_VIEW[kind] else 404
    assert client.get(child.url).status_code == expected
    assert client.get(grandchild.url).status_code == expected


@pytest.mark.parametrize(
    ("role", "listed"),
    [
        ("anonymous", {"public", "approval", "listed"}),
        ("outsider", {"public", "approval", "listed"}),
        ("pending", {"public", "approval", "listed"}),
        ("member", {"public", "approval", "listed", "private"}),
        ("editor", {"public", "approval", "listed", "private"}),
    ],
)
def test_index_lists_visible_and_publicly_listed_networks_only(world, as_role, role, listed):
    html = as_role(role).get("/networks/").content.decode()
    for kind in ("public", "approval", "private", "listed"):
        assert (getattr(world, kind).title in html) == (kind in listed), kind


def test_index_teaser_card_hides_principles_and_member_count(world, as_role, charter_principles):
    principle = charter_principles[0]
    world.listed.principles.add(principle)
    world.listed.save()
    html = as_role("outsider").get("/networks/").content.decode()
    card = html.split("Beneficial ownership")[1].split("</li>")[0]
    assert principle.name not in card
    assert "members" not in card
    html = as_role("member").get("/networks/").content.decode()
    card = html.split("Beneficial ownership")[1].split("</li>")[0]
    assert principle.name in card


def test_index_filters_by_principle_and_never_matches_a_teaser(world, as_role, charter_principles):
    principle = charter_principles[2]
    for network in (world.public, world.listed):
        network.principles.add(principle)
        network.save()
    url = f"/networks/?principle={principle.slug}"
    html = as_role("outsider").get(url).content.decode()
    assert world.public.title in html
    assert world.approval.title not in html
    assert world.listed.title not in html  # would reveal its principles
    assert world.listed.title in as_role("member").get(url).content.decode()


def test_index_my_networks_filter(world, as_role, network_factory):
    other = network_factory(title="Open data for climate")
    html = as_role("member").get("/networks/?mine=1").content.decode()
    for network in (world.public, world.approval, world.private, world.listed):
        assert network.title in html
    assert other.title not in html
    # Ignored for visitors: nobody's networks.
    assert other.title in as_role("anonymous").get("/networks/?mine=1").content.decode()


def test_tag_list_comes_only_from_networks_the_person_may_see(world, as_role):
    world.public.tags.add("procurement")
    world.public.save()
    world.listed.tags.add("secret-registers")
    world.listed.save()
    world.private.tags.add("cabinet-papers")
    world.private.save()
    html = as_role("outsider").get("/networks/").content.decode()
    assert "procurement" in html
    assert "secret-registers" not in html
    assert "cabinet-papers" not in html
    html = as_role("member").get("/networks/").content.decode()
    assert "secret-registers" in html and "cabinet-papers" in html
    # Filtering by a hidden tag finds nothing for outsiders.
    html = as_role("outsider").get("/networks/?tag=cabinet-papers").content.decode()
    assert world.private.title not in html


def test_sitemap_leaves_out_members_only_networks(world, as_role):
    public_child = add_child(world.public, "Public lesson")
    for role in ("anonymous", "member", "editor"):
        xml = as_role(role).get("/sitemap.xml").content.decode()
        assert f"/networks/{world.public.slug}/" in xml
        assert f"/networks/{world.approval.slug}/" in xml
        assert public_child.slug in xml
        assert world.private.slug not in xml
        assert world.listed.slug not in xml


def test_pages_inside_members_only_networks_leave_the_sitemap_through_the_mixin(world, rf):
    """Child page types (lessons, events) mix in NetworkContentMixin; its rule is path-based."""
    request = rf.get("/sitemap.xml")
    private_child = add_child(world.private, "Private lesson")
    listed_child = add_child(world.listed, "Listed lesson")
    public_child = add_child(world.public, "Public lesson")
    assert NetworkContentMixin.get_sitemap_urls(private_child, request) == []
    assert NetworkContentMixin.get_sitemap_urls(listed_child, request) == []
    assert not permissions.in_members_only_network(public_child, request=request)
    assert permissions.in_members_only_network(world.private, request=request)


def _api_ids(client, url="/api/v2/pages/?limit=20"):
    response = client.get(url)
    assert response.status_code == 200
    return {item["id"] for item in response.json()["items"]}


@pytest.mark.parametrize("role", ROLES)
def test_pages_api_lists_members_only_pages_to_members_and_staff_only(world, as_role, role):
    private_child = add_child(world.private, "Private lesson")
    listed_child = add_child(world.listed, "Listed lesson")
    ids = _api_ids(as_role(role))
    may_see = role in FULL_VIEW["private"]
    assert world.public.pk in ids
    assert (world.private.pk in ids) is may_see
    assert (private_child.pk in ids) is may_see
    # A listed teaser is not content: the API leaves it out for outsiders too.
    assert (world.listed.pk in ids) is may_see
    assert (listed_child.pk in ids) is may_see


def test_pages_api_detail_child_of_and_find_answer_404_to_outsiders(world, as_role):
    child = add_child(world.private, "Private lesson")
    client = as_role("outsider")
    assert client.get(f"/api/v2/pages/{world.private.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{child.pk}/").status_code == 404
    response = client.get(f"/api/v2/pages/?child_of={world.private.pk}")
    assert response.status_code in (400, 404) or response.json()["items"] == []
    response = client.get(f"/api/v2/pages/?descendant_of={world.private.pk}")
    assert response.status_code in (400, 404) or response.json()["items"] == []
    response = client.get("/api/v2/pages/find/?html_path=/networks/policy-leads/")
    assert response.status_code == 404
    response = client.get("/api/v2/pages/?type=network.LearningNetworkPage&fields=intro")
    assert world.private.intro not in response.content.decode()
    member = as_role("member")
    assert member.get(f"/api/v2/pages/{child.pk}/").status_code == 200


def test_pages_api_refuses_basic_auth(world, client, password):
    import base64

    credentials = base64.b64encode(f"{world.member.username}:{password}".encode()).decode()
    response = client.get("/api/v2/pages/?limit=20", HTTP_AUTHORIZATION=f"Basic {credentials}")
    ids = {item["id"] for item in response.json()["items"]}
    assert world.private.pk not in ids


def test_removing_a_member_hides_the_network_on_their_next_request(world, as_role):
    client = as_role("member")
    assert client.get(world.private.url).status_code == 200
    Membership.objects.filter(user=world.member, network=world.private).delete()
    assert client.get(world.private.url).status_code == 404
    assert world.private.title not in client.get("/networks/").content.decode()


def test_visible_pages_q_uses_one_query_for_hidden_paths(world, django_assert_num_queries):
    outsider = world.outsider
    permissions.forget(outsider)
    with django_assert_num_queries(2):  # memberships, hidden network paths
        q = permissions.visible_pages_q(outsider)
        permissions.visible_pages_q(outsider)
    ids = set(Page.objects.filter(q).values_list("pk", flat=True))
    assert world.public.pk in ids
    assert world.private.pk not in ids and world.listed.pk not in ids


def test_documents_used_only_inside_a_members_only_network_answer_404(
    world, as_role, settings, tmp_path
):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, ReferenceIndex

    # Wagtail serves documents from a local path, which in-memory storage lacks.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)
    collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    Document = get_document_model()
    secret = Document(title="Draft action plan", collection=collection)
    secret.file.save("draft-plan.txt", ContentFile(b"draft"), save=False)
    secret.save()
    shared = Document(title="Public guide", collection=collection)
    shared.file.save("guide.txt", ContentFile(b"guide"), save=False)
    shared.save()
    link = '<p><a linktype="document" id="{}">{}</a></p>'
    world.private.body = [
        ("paragraph", RichText(link.format(secret.pk, "plan") + link.format(shared.pk, "g")))
    ]
    world.private.save()
    world.public.body = [("paragraph", RichText(link.format(shared.pk, "guide")))]
    world.public.save()
    ReferenceIndex.create_or_update_for_object(world.private)
    ReferenceIndex.create_or_update_for_object(world.public)

    for role, expected in (("anonymous", 404), ("outsider", 404), ("member", 200)):
        client = as_role(role)
        assert client.get(secret.url).status_code == expected, role
        assert client.get(shared.url).status_code == 200, role


def test_network_permissions_template_tag(world, rf):
    from django.template import Context, Template

    request = rf.get("/")
    request.user = world.facilitator
    template = Template(
        "{% load network_tags %}{% network_permissions network as perms %}"
        "{{ perms.view }} {{ perms.post }} {{ perms.moderate }} {{ perms.manage_roles }}"
    )
    rendered = template.render(Context({"request": request, "network": world.private}))
    assert rendered == "True True True False"


def test_member_actions_are_rate_limited(world, as_role):
    client = as_role("outsider")
    statuses = [
        client.post(f"/networks/{world.private.slug}/join/").status_code for _ in range(31)
    ]
    assert statuses[:30] == [404] * 30
    assert statuses[30] == 429
