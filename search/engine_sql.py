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
# A narrow ranking table beside search_searchentry, kept in step by triggers: one row of ~150 bytes
# per entry (filters and ``head``, the title and summary part of ``document``), so ranking every
# title/summary match of a common word reads a few MB in shared buffers instead of the wide rows
# (text and a ~1.5 kB TOASTed vector each). See docs/search.md, "Speed".
POSTGRES_RANK_CREATE = [
    """
    CREATE TABLE search_entry_rank (
        entry_id bigint PRIMARY KEY,
        language varchar(5) NOT NULL,
        analyzer varchar(5) NOT NULL,
        is_fallback boolean NOT NULL,
        content_type_id integer NOT NULL,
        opd_id bigint,
        year smallint,
        head tsvector NOT NULL
    )
    """,
    "CREATE INDEX search_entry_rank_head_id ON search_entry_rank USING gin (head) WHERE language = 'id'",
    "CREATE INDEX search_entry_rank_head_en ON search_entry_rank USING gin (head) WHERE language = 'en'",
    # AFTER triggers see the generated ``document``; ts_filter keeps its title (A) and summary (B)
    # positions, so ``head`` is parsed once, by the same configuration, with the same positions.
    """
    CREATE FUNCTION search_entry_rank_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.id <> OLD.id) THEN
            DELETE FROM search_entry_rank WHERE entry_id = OLD.id;
        END IF;
        IF TG_OP = 'DELETE' THEN
            RETURN NULL;
        END IF;
        INSERT INTO search_entry_rank
            (entry_id, language, analyzer, is_fallback, content_type_id, opd_id, year, head)
        VALUES (NEW.id, NEW.language, NEW.analyzer, NEW.is_fallback, NEW.content_type_id, NEW.opd_id, NEW.year,
                ts_filter(NEW.document, '{a,b}'))
        ON CONFLICT (entry_id) DO UPDATE SET
            language = EXCLUDED.language, analyzer = EXCLUDED.analyzer, is_fallback = EXCLUDED.is_fallback,
            content_type_id = EXCLUDED.content_type_id, opd_id = EXCLUDED.opd_id, year = EXCLUDED.year,
            head = EXCLUDED.head;
        RETURN NULL;
    END
    $$
    """,
    "CREATE TRIGGER search_entry_rank_sync AFTER INSERT OR UPDATE OR DELETE ON search_searchentry "
    "FOR EACH ROW EXECUTE FUNCTION search_entry_rank_sync()",
    # Django's flush (transactional tests) truncates search_searchentry; row triggers do not fire then.
    """
    CREATE FUNCTION search_entry_rank_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE search_entry_rank;
        RETURN NULL;
    END
    $$
    """,
    "CREATE TRIGGER search_entry_rank_truncate AFTER TRUNCATE ON search_searchentry "
    "FOR EACH STATEMENT EXECUTE FUNCTION search_entry_rank_truncate()",
    """
    INSERT INTO search_entry_rank
        (entry_id, language, analyzer, is_fallback, content_type_id, opd_id, year, head)
    SELECT id, language, analyzer, is_fallback, content_type_id, opd_id, year, ts_filter(document, '{a,b}')
    FROM search_searchentry
    """,
]
POSTGRES_RANK_DROP = [
    "DROP TRIGGER IF EXISTS search_entry_rank_truncate ON search_searchentry",
    "DROP TRIGGER IF EXISTS search_entry_rank_sync ON search_searchentry",
    "DROP FUNCTION IF EXISTS search_entry_rank_truncate()",
    "DROP FUNCTION IF EXISTS search_entry_rank_sync()",
    "DROP TABLE IF EXISTS search_entry_rank",
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


RANK_STATEMENTS = {"postgresql": (POSTGRES_RANK_CREATE, POSTGRES_RANK_DROP)}
CREATE, DROP = 0, 1


def _execute(schema_editor, statements, step):
    """Run the ``step`` (``CREATE`` or ``DROP``) statements of ``statements`` for this database, if any."""
    for statement in statements.get(schema_editor.connection.vendor, ([], []))[step]:
        schema_editor.execute(statement)


def create_rank_table(apps, schema_editor):
    _execute(schema_editor, RANK_STATEMENTS, CREATE)


def drop_rank_table(apps, schema_editor):
    _execute(schema_editor, RANK_STATEMENTS, DROP)


def create_engine_columns(apps, schema_editor):
    _execute(schema_editor, STATEMENTS, CREATE)


def drop_engine_columns(apps, schema_editor):
    _execute(schema_editor, STATEMENTS, DROP)


# The vocabulary's trigram index for typo correction. PostgreSQL: pg_trgm (a contrib extension shipped
# with PostgreSQL) over ``search_searchword.word``. SQLite has no trigram similarity, so each word's
# trigrams (padded as pg_trgm pads them) are kept in a plain indexed table, filled in Python.
POSTGRES_VOCABULARY_CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX search_word_trgm ON search_searchword USING gin (word gin_trgm_ops)",
]
POSTGRES_VOCABULARY_DROP = ["DROP INDEX IF EXISTS search_word_trgm"]
SQLITE_VOCABULARY_CREATE = [
    "CREATE TABLE IF NOT EXISTS search_word_trigram (word_id integer NOT NULL, trigram text NOT NULL)",
    "CREATE INDEX IF NOT EXISTS search_word_trigram_trigram ON search_word_trigram (trigram, word_id)",
    "CREATE INDEX IF NOT EXISTS search_word_trigram_word ON search_word_trigram (word_id)",
]
SQLITE_VOCABULARY_DROP = ["DROP TABLE IF EXISTS search_word_trigram"]
VOCABULARY_STATEMENTS = {
    "postgresql": (POSTGRES_VOCABULARY_CREATE, POSTGRES_VOCABULARY_DROP),
    "sqlite": (SQLITE_VOCABULARY_CREATE, SQLITE_VOCABULARY_DROP),
}


def create_vocabulary_index(apps, schema_editor):
    _execute(schema_editor, VOCABULARY_STATEMENTS, CREATE)


def drop_vocabulary_index(apps, schema_editor):
    _execute(schema_editor, VOCABULARY_STATEMENTS, DROP)
