"""modeltranslation registration for search/: deliberately empty.

search/ owns no Page subclass, and its models hold no translated columns: a
SearchEntry is one row per page *and language*, and a QueryLog row carries its
language, so each row is already in exactly one language.
"""
