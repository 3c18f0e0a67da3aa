"""What `make bench` measures. Each issue adds its pages here.

A page is (name, path or callable returning a path, signed_in). The callables run inside
Django after `bench.setup` has built the data, so they can look rows up.
Targets are shares of the "hello world" ceiling (requests per second, same run).
"""

PAGES = [
    {"name": "home (anonymous)", "path": "/", "signed_in": False},
    {"name": "home (signed in)", "path": "/", "signed_in": True},
    {"name": "sign-in form", "path": "/accounts/login/", "signed_in": False},
]


# --- Discussions (issue 4): the thread page of a 1,000-reply thread (first page and the
# page a deep permalink leads to), the network's thread list, and a 5-reply thread whose
# median against the 25-reply first page gives the cost per reply ((p50 25 - p50 5) / 20).
def _big_thread():
    from bench.setup import BIG_THREAD_TITLE, thread_path

    return thread_path(BIG_THREAD_TITLE)


def _small_thread():
    from bench.setup import SMALL_THREAD_TITLE, thread_path

    return thread_path(SMALL_THREAD_TITLE)


def _deep_permalink():
    from bench.setup import deep_permalink_path

    return deep_permalink_path()


def _thread_list():
    from bench.setup import thread_list_path

    return thread_list_path()


THREAD_PAGES = [
    ("thread 1000, first page", _big_thread),
    ("thread 1000, deep permalink", _deep_permalink),
    ("thread 5 replies", _small_thread),
    ("network thread list", _thread_list),
]
for _name, _path in THREAD_PAGES:
    PAGES.append({"name": f"{_name} (anonymous)", "path": _path, "signed_in": False})
    PAGES.append({"name": f"{_name} (signed in)", "path": _path, "signed_in": True})

# The cost per reply: the same thread page with many replies and with few, anonymous.
PER_REPLY = {"many": _big_thread, "few": _small_thread}
PER_REPLY_TARGET_MS = 0.15
# Each worker's peak resident memory may grow this much serving the pages above.
MEMORY_GROWTH_TARGET_KB = 15 * 1024

# name -> minimum share of the ceiling's requests per second (anonymous readers).
TARGETS = {}
# Pages whose signed-in throughput must stay within this factor of the anonymous one.
SIGNED_IN_WITHIN = 1.5
for _name in ("thread 1000, first page", "thread 1000, deep permalink"):
    TARGETS[f"{_name} (anonymous)"] = 0.04
