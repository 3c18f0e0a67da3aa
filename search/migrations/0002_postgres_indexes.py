"""PostgreSQL only: the GIN index that full-text search reads, and pg_trgm with a
trigram index for "did you mean". On SQLite, Wagtail's FTS5 tables do this job."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

CREATE = [
    "CREATE INDEX IF NOT EXISTS search_doc_vector ON search_searchdocument "
    "USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS search_term_trigram ON search_searchterm "
    "USING gin (word gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS search_doc_date ON search_searchdocument (date DESC, id DESC)",
]
DROP = [
    "DROP INDEX IF EXISTS search_doc_vector",
    "DROP INDEX IF EXISTS search_term_trigram",
    "DROP INDEX IF EXISTS search_doc_date",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(_run(CREATE), _run(DROP)),
    ]
