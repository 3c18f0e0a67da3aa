from django.core.management.base import BaseCommand

from search import indexing


class Command(BaseCommand):
    help = "Rebuild every search document (and the 'did you mean' vocabulary) from the content."

    def handle(self, *args, **options):
        total = indexing.rebuild(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"{total} search documents indexed."))
