"""The two database engines behind ``site_search``: PostgreSQL tsvector and SQLite FTS5.

Both return ``[(entry_id, score, all_terms_matched)]``, best first: pages matching
every term come first (AND), then pages matching any term (OR) fill the rest.
"""

from django.db import connection

from search import text

CONFIGS = {"id": "indonesian", "en": "english"}
FALLBACK_FACTOR = 0.5  # an English visitor sees real English pages above Indonesian-only ones
# PostgreSQL: at most this many title/summary matches are scored per stage (see PostgresEngine).
HEAD_SCAN_LIMIT = 4000


def analyzers_for(language):
    """The languages whose text a visitor in ``language`` searches: their own, and Indonesian fallbacks."""
    return [language] if language == "id" else [language, "id"]


def _filter_sql(filters, alias="e"):
    """SQL conditions and params for the validated filters, on ``alias``."""
    sql, params = [], []
    if filters.get("content_type_id"):
        sql.append(f"{alias}.content_type_id = %s")
        params.append(filters["content_type_id"])
    if filters.get("opd_id"):
        sql.append(f"{alias}.opd_id = %s")
        params.append(filters["opd_id"])
    if filters.get("year"):
        sql.append(f"{alias}.year = %s")
        params.append(filters["year"])
    return sql, params


class PostgresEngine:
    """Bounded ranking: ``ts_rank_cd`` on the full vectors runs on at most ``limit`` candidates.

    A common word matches ~10 % of all pages; fetching and ranking every match's ~1.5 kB vector
    took 100-800 ms at 100,000 pages. Per stage (AND, then the OR fill):

    1. **title/summary tier**: matches of the query in the title or summary (``head`` in the
       narrow ``search_entry_rank`` table, GIN per language) are scored by the cheaper
       ``ts_rank(head)`` (title weighted over summary); the best ``limit`` are candidates. Only
       for words in more than HEAD_SCAN_LIMIT titles/summaries is the scoring limited to the
       first HEAD_SCAN_LIMIT of them the index yields;
    2. **body tier**: only when that leaves places, pages matching in the body alone fill them
       from the GIN index on ``document`` (first found, not ranked against each other);
    3. **exact rank**: the candidates are ordered by ``ts_rank_cd(document)``, title and summary
       and body together, as before.

    When a query matches at most ``limit`` pages, every match is a candidate and the order is
    exactly the full ``ts_rank_cd`` order.
    """

    # Entries exist only for live pages (unpublishing and expiry remove them); site_search checks
    # ``live`` again when it loads the page of results, so no join on wagtailcore_page here.
    def _tsqueries(self, language, *query_texts):
        """``[{analyzer: tsquery text}]`` per query text, parsed in one round trip so the main
        queries see constants (usable by GIN). An analyzer is left out when the text holds only
        its stop words."""
        analyzers = analyzers_for(language)
        selects = ", ".join(
            f"websearch_to_tsquery('{CONFIGS[a]}', %s)::text" for _query in query_texts for a in analyzers
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {selects}", [q for q in query_texts for _a in analyzers])
            row = cursor.fetchone()
        parsed = [row[i : i + len(analyzers)] for i in range(0, len(row), len(analyzers))]
        return [{a: q for a, q in zip(analyzers, values, strict=True) if q} for values in parsed]

    @staticmethod
    def _match(alias, column, tsqueries):
        """``(analyzer = 'id' AND column @@ q_id) OR …`` and its params."""
        sql = " OR ".join(f"({alias}.analyzer = %s AND {alias}.{column} @@ %s::tsquery)" for _ in tsqueries)
        return f"({sql})", [value for pair in tsqueries.items() for value in pair]

    @staticmethod
    def _score(alias, column, tsqueries, function="ts_rank_cd"):
        """``function`` with the analyzer's tsquery, halved for fallback rows, and its params."""
        whens = " ".join(f"WHEN %s THEN {function}({alias}.{column}, %s::tsquery)" for _ in tsqueries)
        sql = f"(CASE {alias}.analyzer {whens} END) * (CASE WHEN {alias}.is_fallback THEN {FALLBACK_FACTOR} ELSE 1 END)"
        return sql, [value for pair in tsqueries.items() for value in pair]

    def _ranked(self, language, tsqueries, filters, limit, exclude=()):
        """The best ``limit`` entries matching ``tsqueries`` (``{analyzer: tsquery}``): ``[(id, score)]``.

        One statement: ``head`` (the title/summary tier), ``body`` (body-only matches, only when
        ``head`` left places; its scan does not run otherwise), then the exact rank of both.
        """
        if not tsqueries:
            return []
        head_filters, head_params = _filter_sql(filters, alias="r")
        body_filters, body_params = _filter_sql(filters)
        head_match, head_match_params = self._match("r", "head", tsqueries)
        head_score, head_score_params = self._score("r", "head", tsqueries, function="ts_rank")
        body_match, body_match_params = self._match("e", "document", tsqueries)
        score, score_params = self._score("e", "document", tsqueries)
        sql = f"""
            WITH head AS MATERIALIZED (
                SELECT r.entry_id FROM (
                    SELECT r.entry_id, r.analyzer, r.is_fallback, r.head FROM search_entry_rank r
                    WHERE r.language = %s AND {head_match} {"".join(" AND " + s for s in head_filters)}
                    AND NOT (r.entry_id = ANY(%s))
                    LIMIT {HEAD_SCAN_LIMIT}
                ) r
                ORDER BY {head_score} DESC, r.entry_id LIMIT %s
            ),
            found AS MATERIALIZED (SELECT count(*) AS n FROM head),
            body AS MATERIALIZED (
                SELECT e.id AS entry_id FROM search_searchentry e
                WHERE (SELECT n FROM found) < %s
                AND e.language = %s AND {body_match} {"".join(" AND " + s for s in body_filters)}
                AND NOT (e.id = ANY(%s)) AND e.id NOT IN (SELECT entry_id FROM head)
                LIMIT %s
            )
            SELECT e.id, {score} AS score FROM search_searchentry e
            WHERE e.id IN (
                SELECT entry_id FROM head
                UNION ALL (SELECT entry_id FROM body LIMIT %s - (SELECT n FROM found))
            )
            ORDER BY score DESC, e.id
        """
        params = [language, *head_match_params, *head_params, list(exclude), *head_score_params, limit]
        params += [limit, language, *body_match_params, *body_params, list(exclude), limit, *score_params, limit]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def match(self, language, terms, filters, limit, autocomplete=False):
        if autocomplete:
            return self._suggest(language, terms, filters, limit)
        # AND first; only when it leaves slots free, OR matches fill them (each query ranks only its own matches).
        all_words, any_word = self._tsqueries(language, " ".join(terms), " or ".join(terms))
        results = [(pk, score, True) for pk, score in self._ranked(language, all_words, filters, limit)]
        if len(results) < limit and len(terms) > 1:
            rows = self._ranked(language, any_word, filters, limit - len(results), exclude=[row[0] for row in results])
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
