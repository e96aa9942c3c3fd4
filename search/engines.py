"""The two database engines behind ``site_search``: PostgreSQL tsvector and SQLite FTS5.

Both return ``[(entry_id, score, all_terms_matched)]``, best first: pages matching
every term come first (AND), then pages matching any term (OR) fill the rest.
"""

from django.db import connection

from search import text

CONFIGS = {"id": "indonesian", "en": "english"}
FALLBACK_FACTOR = 0.5  # an English visitor sees real English pages above Indonesian-only ones


def analyzers_for(language):
    """The languages whose text a visitor in ``language`` searches: their own, and Indonesian fallbacks."""
    return [language] if language == "id" else [language, "id"]


def _filter_sql(filters):
    """SQL conditions and params for the validated filters, on alias ``e``."""
    sql, params = [], []
    if filters.get("content_type_id"):
        sql.append("e.content_type_id = %s")
        params.append(filters["content_type_id"])
    if filters.get("opd_id"):
        sql.append("e.opd_id = %s")
        params.append(filters["opd_id"])
    if filters.get("year"):
        sql.append("e.year = %s")
        params.append(filters["year"])
    return sql, params


class PostgresEngine:
    # Entries exist only for live pages (unpublishing and expiry remove them); site_search checks
    # ``live`` again when it loads the page of results, so no join on wagtailcore_page here.
    def _tsqueries(self, language, query_text):
        """``{analyzer: tsquery text}``, parsed once so the main query sees constants (usable by GIN)."""
        analyzers = analyzers_for(language)
        selects = ", ".join(f"websearch_to_tsquery('{CONFIGS[a]}', %s)::text" for a in analyzers)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {selects}", [query_text] * len(analyzers))
            return dict(zip(analyzers, cursor.fetchone(), strict=True))

    def _ranked(self, language, query_text, filters, limit, exclude=()):
        """Entries matching ``query_text`` (websearch syntax), ranked by ts_rank_cd, best first."""
        matches, ranks, params_where, params_rank = [], [], [], []
        for analyzer, tsquery in self._tsqueries(language, query_text).items():
            if not tsquery:  # only stop words for this configuration
                continue
            matches.append("(e.analyzer = %s AND e.document @@ %s::tsquery)")
            params_where += [analyzer, tsquery]
            ranks.append("WHEN %s THEN ts_rank_cd(e.document, %s::tsquery)")
            params_rank += [analyzer, tsquery]
        if not matches:
            return []
        filter_sql, filter_params = _filter_sql(filters)
        if exclude:
            filter_sql.append(f"e.id NOT IN ({', '.join('%s' for _ in exclude)})")
            filter_params += list(exclude)
        sql = f"""
            SELECT e.id,
                   (CASE e.analyzer {" ".join(ranks)} END)
                   * (CASE WHEN e.is_fallback THEN {FALLBACK_FACTOR} ELSE 1 END) AS score
            FROM search_searchentry e
            WHERE e.language = %s AND ({" OR ".join(matches)}) {"".join(" AND " + s for s in filter_sql)}
            ORDER BY score DESC, e.id
            LIMIT %s
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, params_rank + [language] + params_where + filter_params + [limit])
            return cursor.fetchall()

    def match(self, language, terms, filters, limit, autocomplete=False):
        if autocomplete:
            return self._suggest(language, terms, filters, limit)
        # AND first; only when it leaves slots free, OR matches fill them (each query ranks only its own matches).
        results = [(pk, score, True) for pk, score in self._ranked(language, " ".join(terms), filters, limit)]
        if len(results) < limit and len(terms) > 1:
            rows = self._ranked(
                language, " or ".join(terms), filters, limit - len(results), exclude=[row[0] for row in results]
            )
            results += [(pk, score, False) for pk, score in rows]
        return results

    def _suggest(self, language, terms, filters, limit):
        # Title words as typed (unstemmed), the last one as a prefix: "penyeng" -> "Pulau Penyengat".
        tsquery = " & ".join(f"'{term}':*" for term in terms)  # terms are letters and digits only
        filter_sql, filter_params = _filter_sql(filters)
        sql = f"""
            SELECT e.id, 1.0 / (1 + length(e.title)) AS score, true
            FROM search_searchentry e
            JOIN wagtailcore_page p ON p.id = e.page_id AND p.live
            WHERE e.language = %s AND NOT e.is_fallback AND e.title_words @@ to_tsquery('simple', %s)
            {"".join(" AND " + s for s in filter_sql)}
            ORDER BY score DESC, e.id LIMIT %s
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [language, tsquery, *filter_params, limit])
            return cursor.fetchall()


class SQLiteEngine:
    # bm25 column weights: title, summary, body, title_words (unused for ranking).
    BM25 = "bm25(search_entry_fts, 10.0, 4.0, 1.0, 0.0)"

    def _run(self, language, match, analyzer, filters, limit, exclude=()):
        filter_sql, filter_params = _filter_sql(filters)
        exclude_sql = f" AND e.id NOT IN ({', '.join('%s' for _ in exclude)})" if exclude else ""
        sql = f"""
            SELECT e.id, -{self.BM25} AS score
            FROM search_entry_fts
            JOIN search_searchentry e ON e.id = search_entry_fts.rowid
            JOIN wagtailcore_page p ON p.id = e.page_id AND p.live
            WHERE search_entry_fts MATCH %s AND e.language = %s AND e.analyzer = %s
            {"".join(" AND " + s for s in filter_sql)}{exclude_sql}
            ORDER BY score DESC, e.id LIMIT %s
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, language, analyzer, *filter_params, *exclude, limit])
            return cursor.fetchall()

    def match(self, language, terms, filters, limit, autocomplete=False):
        if autocomplete:
            quoted = " AND ".join(f'"{term}"*' for term in terms)
            filters = dict(filters)
            rows = self._run(language, f"title_words : ({quoted})", language, filters, limit)
            return [(pk, score, True) for pk, score in rows]
        results = []
        for operator in ("AND", "OR"):
            found = []
            for analyzer in analyzers_for(language):
                stems = text.stem_words(terms, analyzer)
                match = "{title summary body} : (" + f" {operator} ".join(f'"{stem}"' for stem in stems) + ")"
                factor = FALLBACK_FACTOR if analyzer != language else 1
                rows = self._run(language, match, analyzer, filters, limit, exclude=[r[0] for r in results])
                found += [(pk, score * factor, operator == "AND") for pk, score in rows]
            results += sorted(found, key=lambda row: (-row[1], row[0]))
            if len(results) >= limit or len(terms) == 1:  # one word: OR would find the same pages again
                break
        return results[:limit]


def engine():
    return PostgresEngine() if connection.vendor == "postgresql" else SQLiteEngine()
