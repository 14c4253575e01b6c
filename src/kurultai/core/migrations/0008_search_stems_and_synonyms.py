"""The SQLite index gets title, body (words and stems) and synonym-token columns, and a vocabulary for typos.

Rows keep their words (moved to ``body``) until ``kurultai rebuild_search_index`` adds stems and synonyms.
PostgreSQL keeps its ``vector`` column; a rebuild fills in the stems and synonyms there.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "DROP TABLE IF EXISTS core_search_fts",
    "CREATE VIRTUAL TABLE core_search_fts USING fts5(title, body, tags, tokenize = 'unicode61 remove_diacritics 2')",
    "INSERT INTO core_search_fts(rowid, title, body, tags) SELECT id, '', folded, '' FROM core_searchdocument",
    "CREATE VIRTUAL TABLE IF NOT EXISTS core_search_vocab USING fts5vocab(core_search_fts, 'row')",
]
SQLITE_BACKWARD = [
    "DROP TABLE IF EXISTS core_search_vocab",
    "DROP TABLE IF EXISTS core_search_fts",
    "CREATE VIRTUAL TABLE core_search_fts USING fts5(folded, tokenize = 'unicode61 remove_diacritics 2')",
    "INSERT INTO core_search_fts(rowid, folded) SELECT id, folded FROM core_searchdocument",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("core", "0007_calendar_links_and_content_stamps")]

    operations = [
        migrations.RunPython(run({"sqlite": SQLITE_FORWARD}), run({"sqlite": SQLITE_BACKWARD})),
    ]
