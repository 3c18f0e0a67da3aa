"""How a reply looks on the thread page, rendered for a whole page at once.

The replies are the thread page's hot loop (25 a page, in threads of thousands), so
their markup is built here with plain string formatting rather than the template engine,
which costs several times more per reply (measured: about 420 Python calls per reply
for a lean template partial, under 200 here). Everything user-written is either the
stored, sanitized ``body_html`` or goes through ``escape()`` (the standard library's:
the same five characters as Django's, without its lazy-string wrapper). The rest of the
page, and every form, stays in ``templates/discussions/``.

To add an action to each reply (moderation: hide, flag ...), add a method that returns
its markup and append it in ``_actions``; add its words to ``labels()``.
"""

from html import escape

from django.urls import reverse
from django.utils.dates import MONTHS_3
from django.utils.safestring import SafeString
from django.utils.timezone import get_current_timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from discussions.models import Post, Reaction
from network.rendering import excerpt

QUOTE_LENGTH = 120

ARTICLE = (
    '<article class="{css}" id="post-{pk}">{context}'
    '<p class="post__meta">{author} <a class="post__time" href="#post-{pk}">'
    '<time datetime="{when_iso}">{when}</time></a>{badges}</p>'
    "{body}{actions}</article>\n"
)
CONTEXT = '<p class="post__context"><a href="{url}">{label}</a>{quote}</p>'
AUTHOR_LINK = '<a class="post__author" href="{url}">{name}</a>'
AUTHOR_GONE = '<span class="post__author">{name}</span>'
BODY = '<div class="post__body prose markdown">{html}</div>'
GONE = '<p class="post__gone">{text}</p>'
HELPFUL_FORM = (
    '<form class="inline-form" method="post" action="{url}helpful/" hx-post="{url}helpful/" '
    'hx-swap="outerHTML">{csrf}<input type="hidden" name="helpful" value="{value}">'
    '<button type="submit" class="link-button" aria-pressed="{pressed}">{label}{count}'
    "</button></form>"
)
COUNT = ' <span class="count">· {count}</span>'
HELPFUL_COUNT = '<span class="muted">{text}</span>'
REPLY_LINK = (
    '<a href="{url}reply/" hx-get="{url}reply/" hx-target="closest article" '
    'hx-swap="afterend">{label}</a>'
)
ACCEPT_FORM = (
    '<form class="inline-form" method="post" action="{url}accept/">{csrf}'
    '<button type="submit" class="link-button">{label}</button></form>'
)
LINK = '<a href="{url}{action}/">{label}</a>'
FLAG_LINK = (
    '<a href="{url}flag/" hx-get="{url}flag/" hx-target="closest article" '
    'hx-swap="afterend">{label}</a>'
)
# Moderators' tools (discussions.moderation): hide or restore in place.
MODERATE_FORM = (
    '<form class="inline-form" method="post" action="{url}{action}/" hx-post="{url}{action}/" '
    'hx-target="closest article" hx-swap="outerHTML">{csrf}'
    '<button type="submit" class="link-button link-button--moderate">{label}</button></form>'
)
FLAGGED = ' <span class="tag tag--flagged">{text}</span>'


class Author:
    """Who wrote a reply, as the thread page needs it (name and profile address)."""

    __slots__ = ("pk", "username", "display_name", "email")

    def __init__(self, pk, username, display_name, email):
        self.pk, self.username, self.display_name, self.email = pk, username, display_name, email

    # The accounts app's own rules, applied to these few columns.
    get_full_name = User.get_full_name
    get_absolute_url = User.get_absolute_url


class Reply:
    """A reply read from ``Post.objects.tree_rows()``: the columns the page shows, with
    the same names and rules as ``Post`` (``shows_text``), without a model instance."""

    __slots__ = (
        "pk",
        "parent_id",
        "depth",
        "body_html",
        "created_at",
        "edited_at",
        "is_deleted",
        "is_hidden",
        "helpful_count",
        "author_id",
        "author",
        # Set by PostRenderer.prepare:
        "url",
        "is_accepted",
        "show_text",
        "marked_helpful",
        "parent_outside",
        "open_flags",
        "html",
    )

    def __init__(self, row):
        (
            self.pk,
            self.parent_id,
            self.depth,
            self.body_html,
            self.created_at,
            self.edited_at,
            self.is_deleted,
            self.is_hidden,
            self.helpful_count,
            self.author_id,
            username,
            display_name,
            email,
        ) = row
        self.author = (
            Author(self.author_id, username, display_name, email) if self.author_id else None
        )

    shows_text = Post.shows_text


def replies(rows):
    """``Reply`` objects from rows of ``Post.objects.tree_rows()``."""
    return [Reply(row) for row in rows]


def labels():
    """The words of a reply, translated once per page (escaped: they go into HTML)."""
    words = {
        "edited": _("edited"),
        "accepted": _("Accepted answer"),
        "accept": _("Accept as answer"),
        "unaccept": _("Unmark as answer"),
        "helpful": _("Helpful"),
        "reply": _("Reply"),
        "edit": _("Edit"),
        "delete": _("Delete"),
        "deleted": _("This reply was deleted by its author."),
        "hidden": _("This reply was hidden by a moderator."),
        "hidden_for_moderators": _("Hidden by a moderator; only moderators see this text."),
        "former_member": _("A former member"),
        "flag": _("Flag"),
        "hide": _("Hide"),
        "restore": _("Restore"),
    }
    return {key: escape(str(value)) for key, value in words.items()}


class PostRenderer:
    """Renders the replies of one thread page for one person."""

    def __init__(self, *, user, access, accepted_id=None, csrf_input=""):
        self.user = user
        self.access = access
        self.accepted_id = accepted_id
        self.csrf_input = csrf_input
        self.labels = labels()
        self.posts_prefix = reverse("discussions:post_permalink", kwargs={"pk": 0})[:-2]
        # "27 Nov 2026, 14:05", like Django's "j M Y, H:i", without a filter per reply.
        self.months = {number: str(name).title() for number, name in MONTHS_3.items()}
        self.profile_urls = {}
        self.timezone = get_current_timezone()

    # --- Preparing a page of replies ------------------------------------------------

    def prepare(self, posts, *, new=False, flag_counts=None):
        """Work out everything about ``posts`` in bulk, then render each. Queries: one
        for parents shown on an earlier page (when there are any) and one for the
        person's own "helpful" marks (members, on pages where some reply has marks).
        ``flag_counts`` (``{post_id: open flags}``) is given to moderators only."""
        flag_counts = flag_counts or {}
        ids = {post.pk for post in posts}
        # A new reply appears right under what it answers: no "in reply to" needed.
        outside = set() if new else {p.parent_id for p in posts if p.parent_id not in ids}
        outside.discard(None)
        parents = self._parents(outside) if outside else {}
        helpful = set()
        # Only a reply someone marked helpful can carry this person's mark.
        marked = [post.pk for post in posts if post.helpful_count]
        if self.access.post and marked:
            helpful = set(
                Reaction.objects.filter(
                    user=self.user, post_id__in=marked, kind=Reaction.Kind.HELPFUL
                ).values_list("post_id", flat=True)
            )
        for post in posts:
            post.url = f"{self.posts_prefix}{post.pk}/"
            post.is_accepted = post.pk == self.accepted_id
            post.show_text = post.shows_text or (
                post.is_hidden and not post.is_deleted and self.access.read_hidden
            )
            post.marked_helpful = post.pk in helpful
            post.parent_outside = parents.get(post.parent_id)
            post.open_flags = flag_counts.get(post.pk, 0)
            post.html = self.render(post, new=new)
        return posts

    def _parents(self, ids):
        """Parents on an earlier page: who, and what they said, for "in reply to"."""
        parents = {}
        for parent in (
            Post.objects.filter(pk__in=ids)
            .select_related("author")
            .only(
                "pk",
                "excerpt",
                "is_deleted",
                "is_hidden",
                "author__display_name",
                "author__email",
                "author__username",
            )
        ):
            name = self._name(parent.author)
            quote = excerpt(parent.excerpt, QUOTE_LENGTH) if parent.shows_text else ""
            parents[parent.pk] = CONTEXT.format(
                url=escape(parent.get_absolute_url()),
                label=escape(_("In reply to %(name)s") % {"name": name}),
                quote=f": <q>{escape(quote)}</q>" if quote else "",
            )
        return parents

    def _name(self, user):
        return user.get_full_name() if user is not None else _("A former member")

    # --- One reply ------------------------------------------------------------------

    def render(self, post, *, new=False):
        labels = self.labels
        author = post.author
        if author is not None:
            url = self.profile_urls.get(author.pk)
            if url is None:
                url = self.profile_urls[author.pk] = escape(author.get_absolute_url())
            byline = AUTHOR_LINK.format(url=url, name=escape(author.get_full_name()))
        else:
            byline = AUTHOR_GONE.format(name=labels["former_member"])
        when = post.created_at.astimezone(self.timezone)
        badges = ""
        if post.edited_at:
            badges += f' <span class="edited">{labels["edited"]}</span>'
        if post.is_accepted:
            badges += f' <span class="tag tag--accepted">{labels["accepted"]}</span>'
        if post.open_flags:
            badges += FLAGGED.format(text=self._flags_text(post.open_flags))
        if post.show_text:
            body = BODY.format(html=post.body_html)
            if post.is_hidden:
                body = GONE.format(text=labels["hidden_for_moderators"]) + body
        else:
            body = GONE.format(text=labels["deleted"] if post.is_deleted else labels["hidden"])
        css = f"post d{post.depth}"
        if post.is_accepted:
            css += " post--accepted"
        if new:
            css += " post--new"
        return SafeString(
            ARTICLE.format(
                css=css,
                pk=post.pk,
                context=post.parent_outside or "",
                author=byline,
                when_iso=when.isoformat(timespec="seconds"),
                when=f"{when.day} {self.months[when.month]} {when.year}, {when:%H:%M}",
                badges=badges,
                body=body,
                actions=self._actions(post),
            )
        )

    def _actions(self, post):
        access = self.access
        extra = self._moderation(post) if (access.flag or access.moderate) else []
        if not (access.post and post.show_text):
            if extra:
                parts = [self.helpful(post)] if post.show_text else []
                return (
                    '<div class="post__actions">'
                    + "\n".join(p for p in parts + extra if p)
                    + "</div>"
                )
            if post.helpful_count and post.show_text:
                return f'<p class="post__actions muted">{self._helpful_text(post)}</p>'
            return ""
        parts = [self.helpful(post)]
        if access.reply and post.shows_text:
            parts.append(REPLY_LINK.format(url=post.url, label=self.labels["reply"]))
        if access.accept and post.shows_text:
            label = self.labels["unaccept" if post.is_accepted else "accept"]
            parts.append(ACCEPT_FORM.format(url=post.url, csrf=self.csrf_input, label=label))
        if access.can_edit(post):
            parts.append(LINK.format(url=post.url, action="edit", label=self.labels["edit"]))
        if access.can_delete(post):
            parts.append(LINK.format(url=post.url, action="delete", label=self.labels["delete"]))
        parts += extra
        return '<div class="post__actions">' + "\n".join(p for p in parts if p) + "</div>"

    def _moderation(self, post):
        """Flag (anyone signed in, on others' replies); hide or restore (moderators)."""
        parts = []
        if self.access.can_flag(post):
            parts.append(FLAG_LINK.format(url=post.url, label=self.labels["flag"]))
        if self.access.moderate and not post.is_deleted:
            action = "restore" if post.is_hidden else "hide"
            parts.append(
                MODERATE_FORM.format(
                    url=post.url, action=action, csrf=self.csrf_input, label=self.labels[action]
                )
            )
        return parts

    def _flags_text(self, count):
        return escape(
            ngettext("%(count)s open flag", "%(count)s open flags", count) % {"count": count}
        )

    def helpful(self, post):
        """The "helpful" toggle (or, for one's own reply, the count); htmx swaps it."""
        if not self.access.can_react(post):
            return (
                HELPFUL_COUNT.format(text=self._helpful_text(post)) if post.helpful_count else ""
            )
        marked = getattr(post, "marked_helpful", False)
        return SafeString(
            HELPFUL_FORM.format(
                url=f"{self.posts_prefix}{post.pk}/",
                csrf=self.csrf_input,
                value="0" if marked else "1",
                pressed="true" if marked else "false",
                label=self.labels["helpful"],
                count=COUNT.format(count=post.helpful_count) if post.helpful_count else "",
            )
        )

    def _helpful_text(self, post):
        return escape(
            ngettext(
                "%(count)s found this helpful", "%(count)s found this helpful", post.helpful_count
            )
            % {"count": post.helpful_count}
        )
