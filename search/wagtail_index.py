"""Wagtail's admin search index (modelsearch's database backend), with each field's text prepared once.

modelsearch's ``ObjectIndexer`` fills the columns of an index row (title, body and autocomplete, and on
PostgreSQL the plain title and body texts for fuzzy matching), and each column walks every search field
again: a page's StreamField text was extracted three times (five on PostgreSQL) per language. Preparing each
once took about 4 % off the CPU of a 5,000-post import on PostgreSQL (``benchmarks/import_bench.py``).

The indexer here prepares each field of the indexed object once and hands the same values to every
column, so the rows written are the same (``tests/search/test_wagtail_index.py`` compares them with the
stock indexer's). modelsearch offers no setting or hook for the indexer class: its index classes name
``ObjectIndexer`` from their own module, so ``install`` puts the subclass there, once, at start-up.
"""

from importlib import import_module

from django.db import connection

# The database backends whose index classes build rows with their module's ObjectIndexer, by the
# database's vendor (modelsearch picks its backend the same way; each module can only be imported on its own
# database, the SQLite one needs the full-text table's model).
BACKEND_MODULES = {
    "postgresql": "modelsearch.backends.database.postgres.postgres",
    "sqlite": "modelsearch.backends.database.sqlite.sqlite",
}

# module name -> the stock ObjectIndexer class it had (for the comparison test)
STOCK = {}


class PreparedOnce:
    """An ``ObjectIndexer`` that keeps what ``prepare_field`` yields for each field of its own object."""

    def prepare_field(self, obj, field):
        if obj is not self.obj:  # a related object's fields (RelatedFields): prepared as they come
            return super().prepare_field(obj, field)
        prepared = self.__dict__.setdefault("_prepared_fields", {})
        # Keyed by identity: the fields are those of self.search_fields, kept alive by the indexer.
        if id(field) not in prepared:
            prepared[id(field)] = tuple(super().prepare_field(obj, field))
        return prepared[id(field)]


def install():
    name = BACKEND_MODULES.get(connection.vendor)
    if not name or name in STOCK:
        return
    try:
        module = import_module(name)
    except LookupError:  # SQLite without FTS5: modelsearch uses its fallback backend, which has no indexer
        return
    STOCK[name] = module.ObjectIndexer
    module.ObjectIndexer = type("ObjectIndexer", (PreparedOnce, module.ObjectIndexer), {"__module__": __name__})
