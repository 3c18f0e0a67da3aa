"""Markdown in, safe HTML out: rendered once at save time and sanitized by an allow-list."""

import pytest

from network.rendering import excerpt, html_to_text, render_markdown
from tests.factories import UserFactory
from tests.hostile import assert_inert


def html(source):
    return render_markdown(source, mentions=False).html


def test_commonmark_tables_and_strikethrough_render():
    out = html("Some **bold**, *it* and ~~old~~.\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    assert "<strong>bold</strong>" in out
    assert "<em>it</em>" in out
    assert "<del>old</del>" in out
    assert "<table>" in out and "<td>1</td>" in out


def test_raw_html_is_shown_as_text_never_as_markup():
    out = html('<script>alert(1)</script> <b onclick="x()">bold</b>')
    assert "<script" not in out and "<b" not in out
    assert "&lt;script&gt;" in out


@pytest.mark.parametrize(
    "source",
    [
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD4=)",
        "[click](vbscript:msgbox(1))",
        "<javascript:alert(1)>",
    ],
)
def test_dangerous_link_schemes_never_become_links(source):
    out = html(source)
    assert_inert(out, context=source)
    assert "<a " not in out or 'href="' not in out


def test_links_get_nofollow_ugc_noopener():
    out = html("[guide](https://example.org/guide) and <https://example.org/x>")
    assert out.count('rel="nofollow ugc noopener"') == 2
    assert 'href="https://example.org/guide"' in out


def test_mailto_links_are_kept():
    assert 'href="mailto:ana@example.org"' in html("[mail](mailto:ana@example.org)")


def test_headings_start_at_h3_because_the_page_owns_h1_and_h2():
    out = html("# One\n\n## Two\n\n#### Four")
    assert "<h3>One</h3>" in out and "<h4>Two</h4>" in out and "<h6>Four</h6>" in out
    assert "<h1" not in out and "<h2" not in out


def test_images_become_links_to_the_picture():
    out = html("![a chart](https://example.org/chart.png)")
    assert "<img" not in out
    assert '<a href="https://example.org/chart.png" rel="nofollow ugc noopener">a chart</a>' in out


@pytest.mark.django_db
def test_mentions_of_active_people_link_to_their_profile_and_are_collected():
    ana = UserFactory(username="ana", display_name="Ana")
    UserFactory(username="gone", is_active=False)
    rendered = render_markdown("Thanks @ana and @Ana, not @gone, @nobody or `@ana` or a@ana.org")
    assert rendered.mentions == [ana]
    assert rendered.html.count('href="/people/ana/"') == 2
    assert 'class="mention"' in rendered.html
    assert "@gone" in rendered.html and "/people/gone/" not in rendered.html
    assert "<code>@ana</code>" in rendered.html
    assert "a@ana.org" in rendered.html


@pytest.mark.django_db
def test_a_mention_inside_a_link_text_stays_text():
    UserFactory(username="ana")
    rendered = render_markdown("[ask @ana](https://example.org)")
    assert "/people/ana/" not in rendered.html
    assert rendered.mentions == []


def test_plain_text_and_excerpts():
    rendered = render_markdown("# Title\n\nSome <b>text</b> &amp; more.", mentions=False)
    assert rendered.text == "Title Some <b>text</b> & more."
    assert html_to_text("<p>a</p>\n<p>b</p>") == "a b"
    long = "word " * 100
    cut = excerpt(long, 20)
    assert cut.endswith("…") and len(cut) <= 21
