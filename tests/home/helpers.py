"""StreamField data for home tests, in the JSON form Wagtail stores."""


def body(*paragraphs):
    """A heading followed by paragraphs."""
    return [{"type": "heading", "value": {"text": "Section heading", "level": "h2"}}] + [
        {"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs
    ]


def link(page=None, url="", label=None):
    """A navigation LinkBlock to a page or to a path."""
    return {
        "type": "link",
        "value": {"label": label or page.title, "page": page.pk if page else None, "url": url},
    }
