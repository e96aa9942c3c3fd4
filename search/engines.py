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
# ``match`` stages: pages with every concept ("and"), then pages with any word filling the rest ("or").
STAGES = ("and", "or")


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
    def _tsqueries(self, language, concepts):
        """``({analyzer: all-concepts tsquery}, {analyzer: any-word tsquery})`` parsed in one round trip, so
        the main queries see constants (usable by GIN). Each alternative is parsed by ``plainto_tsquery``;
        a concept is the OR (``||``) of its alternatives, the query the AND (``&&``) of its concepts. An
        analyzer is left out when the text holds only its stop words."""
        key = (language, tuple(tuple(map(tuple, concept.all)) for concept in concepts))
        parsed = getattr(self, "_parsed", {})
        if key in parsed:  # the OR stage after the AND stage: parsed once
            return parsed[key]
        analyzers = analyzers_for(language)
        selects, params = [], []
        for analyzer in analyzers:
            config = CONFIGS[analyzer]
            parts = []
            for concept in concepts:
                alternatives = [f"plainto_tsquery('{config}', %s)" for _ in concept.all]
                params.extend(" ".join(words) for words in concept.all)
                parts.append("(" + " || ".join(alternatives) + ")")
            selects.append("(" + " && ".join(parts) + ")::text")
        for analyzer in analyzers:
            config = CONFIGS[analyzer]
            alternatives = [f"plainto_tsquery('{config}', %s)" for concept in concepts for _ in concept.all]
            params.extend(" ".join(words) for concept in concepts for words in concept.all)
            selects.append("(" + " || ".join(alternatives) + ")::text")
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(selects)}", params)
            row = cursor.fetchone()
        n = len(analyzers)
        parsed[key] = [{a: q for a, q in zip(analyzers, row[i : i + n], strict=True) if q} for i in (0, n)]
        self._parsed = parsed
        return parsed[key]

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
            ORDER BY e.is_structural, score DESC, e.id
        """
        params = [language, *head_match_params, *head_params, list(exclude), *head_score_params, limit]
        params += [limit, language, *body_match_params, *body_params, list(exclude), limit, *score_params, limit]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def match(self, language, terms, filters, limit, autocomplete=False, stages=STAGES, exclude=()):
        """``[(entry id, score, all concepts matched)]``; ``exclude``: rows or ids found already."""
        concepts = as_concepts(terms)
        if autocomplete:
            return self._suggest(language, concepts, filters, limit)
        # AND first; only when it leaves slots free, OR matches fill them (each query ranks only its own matches).
        all_words, any_word = self._tsqueries(language, concepts)
        excluded = _ids(exclude)
        results = []
        if "and" in stages:
            rows = self._ranked(language, all_words, filters, limit, exclude=excluded)
            results = [(pk, score, True) for pk, score in rows]
        if "or" in stages and len(results) < limit and needs_fill(concepts):
            excluded += [row[0] for row in results]
            rows = self._ranked(language, any_word, filters, limit - len(results), exclude=excluded)
            results += [(pk, score, False) for pk, score in rows]
        return results

    def _suggest(self, language, concepts, filters, limit):
        """Titles in the visitor's language whose words start with the words typed (unstemmed, the last
        one as a prefix: "penyeng" -> "Pulau Penyengat"), or that hold them by stem or by a synonym; scored
        by ``ts_rank`` of the whole page (``site_search`` adds title starts and recency)."""
        prefix, stemmed, anything = suggest_tsqueries(language, concepts)
        filter_sql, filter_params = _filter_sql(filters)
        sql = f"""
            SELECT e.id, ts_rank(e.document, to_tsquery('simple', %s)) AS score, true
            FROM search_searchentry e
            JOIN wagtailcore_page p ON p.id = e.page_id AND p.live
            WHERE e.language = %s AND NOT e.is_fallback
            AND (e.title_words @@ to_tsquery('simple', %s) OR e.document @@ to_tsquery('simple', %s))
            {"".join(" AND " + s for s in filter_sql)}
            ORDER BY score DESC, e.id LIMIT %s
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [anything, language, prefix, stemmed, *filter_params, limit])
            return cursor.fetchall()


class SQLiteEngine:
    # bm25 column weights: title, summary, body, title_words (unused for ranking).
    BM25 = "bm25(search_entry_fts, 10.0, 4.0, 1.0, 0.0)"

    def _run(self, language, match, analyzer, filters, limit, exclude=(), fallbacks=True):
        filter_sql, filter_params = _filter_sql(filters)
        exclude_sql = f" AND e.id NOT IN ({', '.join('%s' for _ in exclude)})" if exclude else ""
        fallback_sql = "" if fallbacks else " AND NOT e.is_fallback"
        sql = f"""
            SELECT e.id, -{self.BM25} AS score, e.is_structural
            FROM search_entry_fts
            JOIN search_searchentry e ON e.id = search_entry_fts.rowid
            JOIN wagtailcore_page p ON p.id = e.page_id AND p.live
            WHERE search_entry_fts MATCH %s AND e.language = %s AND e.analyzer = %s
            {"".join(" AND " + s for s in filter_sql)}{exclude_sql}{fallback_sql}
            ORDER BY e.is_structural, score DESC, e.id LIMIT %s
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, language, analyzer, *filter_params, *exclude, limit])
            return cursor.fetchall()

    @staticmethod
    def _expression(concepts, analyzer, operator):
        """FTS5: every concept (AND) or any alternative (OR); an alternative needs all its stems."""

        def alternative(words):
            stems = text.stem_words(words, analyzer)
            return "(" + " AND ".join(f'"{stem}"' for stem in stems) + ")"

        if operator == "AND":
            return " AND ".join("(" + " OR ".join(alternative(w) for w in c.all) + ")" for c in concepts)
        return " OR ".join(alternative(w) for c in concepts for w in c.all)

    def match(self, language, terms, filters, limit, autocomplete=False, stages=STAGES, exclude=()):
        concepts = as_concepts(terms)
        if autocomplete:
            return self._suggest(language, concepts, filters, limit)
        excluded = _ids(exclude)
        results = []
        for operator in [stage.upper() for stage in stages]:
            found = []
            for analyzer in analyzers_for(language):
                match = "{title summary body} : (" + self._expression(concepts, analyzer, operator) + ")"
                factor = FALLBACK_FACTOR if analyzer != language else 1
                rows = self._run(language, match, analyzer, filters, limit, exclude=excluded + [r[0] for r in results])
                found += [(pk, score * factor, operator == "AND", structural) for pk, score, structural in rows]
            results += [row[:3] for row in sorted(found, key=lambda row: (row[3], -row[1], row[0]))]
            if len(results) >= limit or not needs_fill(concepts):
                break
        return results[:limit]

    def _suggest(self, language, concepts, filters, limit):
        typed, alternatives = suggest_terms(language, concepts)
        prefix = " AND ".join(f'"{word}"*' for word in typed)
        stemmed = []
        for ways in alternatives:
            options = []
            for stems, as_prefix in ways:
                star = "*" if as_prefix else ""
                options.append("(" + " AND ".join(f'"{stem}"{star}' for stem in stems) + ")")
            stemmed.append("(" + " OR ".join(options) + ")")
        match = f"({{title_words}} : ({prefix})) OR ({{title}} : ({' AND '.join(stemmed)}))"
        rows = self._run(language, match, language, filters, limit, fallbacks=False)
        return [(pk, score, True) for pk, score, _structural in rows]


def _ids(rows):
    return [row[0] if isinstance(row, tuple) else row for row in rows]


def needs_fill(concepts):
    """Whether OR can find more than AND: not for one concept said one way."""
    return len(concepts) > 1 or any(concept.alternatives for concept in concepts)


def as_concepts(terms):
    """Plain words (the benchmark, older callers) as concepts with no alternatives."""
    from search.synonyms import Concept

    return [term if isinstance(term, Concept) else Concept([term]) for term in terms]


def suggest_terms(language, concepts):
    """What autocomplete looks for, whatever the engine: the words as typed (each matched as a prefix of a
    title word) and, per concept, each way of saying it as ``(stems, as_prefix)``, where only the words the
    visitor typed last are matched as a prefix (they may be unfinished)."""
    typed = [word for concept in concepts for word in concept.words]
    last = len(concepts) - 1
    alternatives = [
        [(text.stem_words(words, language), index == last and words is concept.words) for words in concept.all]
        for index, concept in enumerate(concepts)
    ]
    return typed, alternatives


def _quote(lexeme, suffix=""):
    return "'" + lexeme.replace("'", "''") + "'" + suffix


def suggest_tsqueries(language, concepts):
    """Autocomplete tsqueries (``simple`` syntax over lexemes stemmed in Python, as PostgreSQL stems):
    ``prefix`` for ``title_words`` (words as typed, each a prefix), ``stemmed`` for the title part (A)
    of ``document`` (stems, the last word typed also as a prefix, synonyms as alternatives), and
    ``anything`` (any of them anywhere) to score by."""
    typed, alternatives = suggest_terms(language, concepts)
    prefix = " & ".join(_quote(word, ":*") for word in typed)
    parts, everything = [], []
    for ways in alternatives:
        options = []
        for stems, as_prefix in ways:
            suffix = ":*A" if as_prefix else ":A"
            options.append("(" + " & ".join(_quote(stem, suffix) for stem in stems) + ")")
            everything += [_quote(stem, ":*" if as_prefix else "") for stem in stems]
        parts.append("(" + " | ".join(options) + ")")
    everything += [_quote(word, ":*") for word in typed]
    return prefix, " & ".join(parts), " | ".join(dict.fromkeys(everything))


def engine():
    return PostgresEngine() if connection.vendor == "postgresql" else SQLiteEngine()
