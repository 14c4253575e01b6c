"""Full-text engines for the search index: FTS5 on SQLite; tsvector, GIN and pg_trgm on PostgreSQL."""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS core_search_fts USING fts5(folded, tokenize = 'unicode61 remove_diacritics 2')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS core_search_fts"]
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE core_searchdocument ADD COLUMN IF NOT EXISTS vector tsvector",
    "CREATE INDEX IF NOT EXISTS core_search_vector ON core_searchdocument USING GIN (vector)",
    "CREATE INDEX IF NOT EXISTS core_search_trgm ON core_searchdocument USING GIN (folded gin_trgm_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS core_search_trgm",
    "DROP INDEX IF EXISTS core_search_vector",
    "ALTER TABLE core_searchdocument DROP COLUMN IF EXISTS vector",
]


def run(statements_by_vendor):  # noqa: ANN001, ANN201
    def apply(apps, schema_editor):  # noqa: ANN001, ANN202
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("core", "0003_audit_log_and_search_documents")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
