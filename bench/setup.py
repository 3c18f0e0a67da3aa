"""Data the benchmark needs beyond `seed_demo`. Each issue adds what its pages need."""

from accounts.models import User

MEMBER_EMAIL = "bench-member@example.org"


def member():
    return User.objects.get(email=MEMBER_EMAIL)


def run():
    User.objects.get_or_create(
        email=MEMBER_EMAIL,
        defaults={"username": "bench-member", "display_name": "Bench Member"},
    )
    discussion_threads()


# --- Discussions (issue 4) ----------------------------------------------------------

BENCH_NETWORK_SLUG = "bench-discussions"
BIG_THREAD_TITLE = "Bench: a thread with a thousand replies"
SMALL_THREAD_TITLE = "Bench: a thread with five replies"
BENCH_REPLY = (
    "We published our **contracts register** last year. What made it work: a named "
    "owner, [the standard](https://standard.open-contracting.org/) from day one, and "
    "monthly checks.\n\n- start small\n- publish what you have\n\nThanks @bench-member!"
)


def discussion_network():
    from network.models import LearningNetworkPage, NetworkIndexPage

    network = LearningNetworkPage.objects.filter(slug=BENCH_NETWORK_SLUG).first()
    if network is not None:
        return network
    index = NetworkIndexPage.objects.first()
    if index is None:
        from home.site_setup import ensure_home_site

        index = ensure_home_site().add_child(
            instance=NetworkIndexPage(title="Networks", slug="networks", live=True)
        )
    return index.add_child(
        instance=LearningNetworkPage(
            title="Bench discussions",
            slug=BENCH_NETWORK_SLUG,
            intro="A public network for the benchmark.",
            visibility="public",
            join_policy="open",
            live=True,
        )
    )


def discussion_threads():
    """A public network with a 1,000-reply thread and a 5-reply one (same replies), and
    the bench member as a member, so the signed-in pages show every member action."""
    from discussions import services
    from discussions.bulk import bulk_add_replies
    from discussions.models import Thread
    from network.models import Membership

    network = discussion_network()
    people = [member()]
    for number in range(12):
        person, _ = User.objects.get_or_create(
            email=f"bench-writer-{number}@example.org",
            defaults={"username": f"bench-writer-{number}", "display_name": f"Writer {number}"},
        )
        people.append(person)
    for person in people:
        Membership.objects.get_or_create(
            user=person, network=network, defaults={"role": "member", "status": "active"}
        )
    for title, count in ((BIG_THREAD_TITLE, 1000), (SMALL_THREAD_TITLE, 5)):
        if Thread.objects.filter(network=network, title=title).exists():
            continue
        thread = services.start_thread(
            network=network,
            author=people[1],
            title=title,
            body=BENCH_REPLY,
            tags=["procurement", "contracts"],
        )
        replies = []
        for number in range(count):
            # Two replies in three answer the one before: threads three levels deep.
            parent = number - 1 if number % 3 else None
            replies.append((people[number % len(people)], f"{BENCH_REPLY} ({number})", parent))
        bulk_add_replies(thread=thread, replies=replies)


def big_thread():
    from discussions.models import Thread

    thread = Thread.objects.select_related("network").get(title=BIG_THREAD_TITLE)
    return thread


def thread_path(title, page=None):
    from discussions.models import Thread

    thread = Thread.objects.select_related("network").get(title=title)
    url = thread.get_absolute_url()
    return f"{url}?page={page}" if page else url


def deep_permalink_path():
    """Where the permalink of the 700th reply (in tree order) of the big thread leads."""
    from django.test import Client

    from discussions.models import Post

    post = Post.objects.tree(big_thread())[699]
    # Follow the permalink the way a browser would; wrk then asks for where it leads.
    location = Client().get(post.get_absolute_url(), HTTP_HOST="127.0.0.1")["Location"]
    return location.split("#")[0]


def thread_list_path():
    return f"/networks/{BENCH_NETWORK_SLUG}/threads/"
