"""DDL for the engine-specific index columns, shared by the migration and the rebuild command."""

POSTGRES_VECTOR = """
CASE WHEN analyzer = 'en' THEN
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C')
ELSE
    setweight(to_tsvector('indonesian'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('indonesian'::regconfig, coalesce(summary, '')), 'B')
    || setweight(to_tsvector('indonesian'::regconfig, coalesce(body, '')), 'C')
END
"""

POSTGRES_CREATE = [
    f"ALTER TABLE search_searchentry ADD COLUMN document tsvector GENERATED ALWAYS AS ({POSTGRES_VECTOR}) STORED",
    "ALTER TABLE search_searchentry ADD COLUMN title_words tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce(title, ''))) STORED",
    "CREATE INDEX search_entry_document_id ON search_searchentry USING gin (document) WHERE language = 'id'",
    "CREATE INDEX search_entry_document_en ON search_searchentry USING gin (document) WHERE language = 'en'",
    "CREATE INDEX search_entry_title_words ON search_searchentry USING gin (title_words)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS search_entry_title_words",
    "DROP INDEX IF EXISTS search_entry_document_en",
    "DROP INDEX IF EXISTS search_entry_document_id",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS title_words",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS document",
]

# Stemmed text (by PyStemmer, in Python) for ranking; title_words unstemmed, for autocomplete.
SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_entry_fts "
    "USING fts5(title, summary, body, title_words, tokenize = 'unicode61')",
]
SQLITE_DROP = ["DROP TABLE IF EXISTS search_entry_fts"]

STATEMENTS = {"postgresql": (POSTGRES_CREATE, POSTGRES_DROP), "sqlite": (SQLITE_CREATE, SQLITE_DROP)}


def create_engine_columns(apps, schema_editor):
    for statement in STATEMENTS.get(schema_editor.connection.vendor, ([], []))[0]:
        schema_editor.execute(statement)


def drop_engine_columns(apps, schema_editor):
    for statement in STATEMENTS.get(schema_editor.connection.vendor, ([], []))[1]:
        schema_editor.execute(statement)
