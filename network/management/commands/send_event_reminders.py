"""Queue reminder emails about events starting in about 24 hours and in about 1 hour.

Run by cron every few minutes; running it again sends nothing twice:

    */5 * * * * cd /srv/app && .venv/bin/python manage.py send_event_reminders
"""

from django.core.management.base import BaseCommand

from network.events.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Queue event reminders that are due (about 24 hours and 1 hour before the start)."

    def handle(self, *args, **options):
        sent = send_due_reminders()
        if options["verbosity"] >= 1:
            self.stdout.write(f"{sent} reminder(s) queued.")
