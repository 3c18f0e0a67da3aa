"""The checker itself must catch what it is there to catch."""

import pytest

from tests.hostile import HOSTILE_INPUTS, inert_problems


def test_corpus_has_at_least_a_hundred_inputs():
    assert len(HOSTILE_INPUTS) >= 100


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href=" JavaScript:alert(1)">x</a>',
        '<a href="data:text/html,x">x</a>',
        "<iframe src='https://evil.example'></iframe>",
    ],
)
def test_checker_flags_active_content(html):
    assert inert_problems(html)


def test_checker_accepts_escaped_text_and_safe_links():
    html = (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; "
        '<a href="https://example.org" rel="nofollow">ok</a></p>'
    )
    assert inert_problems(html) == []
