"""PostgreSQL: the narrow, trigger-maintained ranking table ``search_entry_rank`` (nothing on SQLite)."""

from django.db import migrations

import search.engine_sql


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(search.engine_sql.create_rank_table, search.engine_sql.drop_rank_table)]
