"""Template tags for principle pages (network's guidelines): recent threads about one
Open Data Charter principle, in every network the person may read.

``network`` never imports discussions; a principle page's template loads this library.
Visibility comes from ``discussions.permissions`` (through ``Thread.visible_to``).
"""

from django import template

from discussions.models import Thread

register = template.Library()


@register.inclusion_tag("discussions/_principle_threads.html", takes_context=True)
def principle_threads(context, principle, limit=5):
    """The latest visible threads tagged with ``principle``, newest activity first."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    threads = []
    if user is not None:
        threads = list(
            Thread.objects.filter(principles=principle)
            .visible_to(user)
            .select_related("network")
            .only(
                "id",
                "title",
                "kind",
                "reply_count",
                "last_activity_at",
                "network__id",
                "network__slug",
                "network__title",
            )
            .order_by("-last_activity_at", "-pk")[: int(limit)]
        )
    return {"threads": threads, "principle": principle}
