"""Importing a Blogger or WordPress export into the newsrooms (issue 16).

An app of its own inside news/ (label ``news_importing``) so that its models and migrations never clash with
news/'s: ``sources`` streams the export's entries, ``cleaning`` turns their HTML into body blocks, ``media``
finds or downloads their images, ``importer`` writes pages, redirects and the report, ``tasks`` runs an
import in the background for the admin screen (``views``, ``wagtail_hooks``); ``manage.py import_posts``
is the command.
"""
