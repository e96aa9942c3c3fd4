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
    def match(self, language, terms, filters, limit, autocomplete=False):
        if autocomplete:
            return self._suggest(language, terms, filters, limit)
        and_text, or_text = " ".join(terms), " or ".join(terms)
        matches, ranks, all_terms, params_where, params_rank, params_all = [], [], [], [], [], []
        for analyzer in analyzers_for(language):
            config = CONFIGS[analyzer]
            matches.append(f"(e.analyzer = %s AND e.document @@ websearch_to_tsquery('{config}', %s))")
            params_where += [analyzer, or_text]
            ranks.append(f"WHEN %s THEN ts_rank_cd(e.document, websearch_to_tsquery('{config}', %s))")
            params_rank += [analyzer, or_text]
            all_terms.append(f"WHEN %s THEN e.document @@ websearch_to_tsquery('{config}', %s)")
            params_all += [analyzer, and_text]
        filter_sql, filter_params = _filter_sql(filters)
        sql = f"""
            SELECT e.id,
                   (CASE e.analyzer {" ".join(ranks)} END)
                   * (CASE WHEN e.is_fallback THEN {FALLBACK_FACTOR} ELSE 1 END) AS score,
                   CASE e.analyzer {" ".join(all_terms)} END AS all_terms
            FROM search_searchentry e
            JOIN wagtailcore_page p ON p.id = e.page_id AND p.live
            WHERE e.language = %s AND ({" OR ".join(matches)}) {"".join(" AND " + s for s in filter_sql)}
            ORDER BY all_terms DESC, score DESC, e.id
            LIMIT %s
        """
        params = params_rank + params_all + [language] + params_where + filter_params + [limit]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [(row[0], row[1], row[2]) for row in cursor.fetchall()]

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
            if len(results) >= limit:
                break
        return results[:limit]


def engine():
    return PostgresEngine() if connection.vendor == "postgresql" else SQLiteEngine()
