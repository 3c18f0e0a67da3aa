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
