"""modeltranslation registration for editorial/.

PageTranslationStatus holds no prose (a state code, field names and a foreign key), so nothing here is
translated and nothing is registered; its labels come from the gettext catalogue.
"""
