"""The vocabulary's trigram index: pg_trgm on PostgreSQL, a trigram table on SQLite."""

from django.db import migrations

import search.engine_sql


class Migration(migrations.Migration):
    dependencies = [("search", "0003_forgiving_search")]

    operations = [
        migrations.RunPython(search.engine_sql.create_vocabulary_index, search.engine_sql.drop_vocabulary_index)
    ]
