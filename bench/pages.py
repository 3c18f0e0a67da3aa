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

# name -> minimum share of the ceiling's requests per second.
TARGETS = {}
