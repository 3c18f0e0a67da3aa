"""Build a living demo site: people, organisations, pages and every app's own content."""

import importlib
import importlib.util
import logging
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

# Each app's demo module has a ``seed(stdout)`` that creates its rows when missing. They
# run in this order (later ones build on earlier ones); a module that does not exist yet
# is skipped. Navigation comes last so it can link the sections the others created.
SEEDERS = [
    "accounts.demo.seed",
    "home.demo.seed",
    "network.demo.seed",
    "network.experts.demo.seed",
    "discussions.demo.seed",
    "discussions.live.demo.seed",
    "discussions.moderation.demo.seed",
    "network.lessons.demo.seed",
    "network.events.demo.seed",
    "network.reviews.demo.seed",
    "network.resources.demo.seed",
    "search.demo.seed",
    "home.demo.seed_navigation",
]


LOCMEM_MAILER = "django.core.mail.backends.locmem.EmailBackend"


def _load(dotted_path):
    module_name, _, function_name = dotted_path.rpartition(".")
    try:
        spec = importlib.util.find_spec(module_name)
    except ModuleNotFoundError:
        spec = None
    if spec is None:
        return None
    return getattr(importlib.import_module(module_name), function_name)


@contextmanager
def _quiet(*logger_names):
    """Hide the per-task and per-page INFO lines that seeding would print by the hundred."""
    loggers = [logging.getLogger(name) for name in logger_names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Create demo people, organisations and content, once (running it again adds "
        "nothing). Refuses to run when DEBUG is off unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off. Never on a production site: every demo "
            "account shares one published password.",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off, so this may be a production site: seed_demo creates "
                "accounts with a published password. Use --force to run it anyway."
            )
        # The demo's notifications stay in the app: their emails would flood the console.
        quiet_mail = override_settings(MAILERS={"default": {"BACKEND": LOCMEM_MAILER}})
        with _quiet("django.tasks", "wagtail"), quiet_mail, transaction.atomic():
            for dotted_path in SEEDERS:
                seed = _load(dotted_path)
                if seed is None:
                    continue
                self.stdout.write(f"{dotted_path} ...")
                seed(self.stdout)

        from accounts.demo import DEMO_PASSWORD, demo_logins

        self.stdout.write(self.style.SUCCESS("Demo site ready."))
        self.stdout.write(f"Sign in with any of these, password {DEMO_PASSWORD!r}:")
        for email, role in demo_logins():
            self.stdout.write(f"  {email:<22} {role}")
