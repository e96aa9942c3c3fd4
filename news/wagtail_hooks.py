"""Admin hooks for news/: a contributor's page chooser and explorer show no other OPD's drafts."""

from wagtail import hooks

from news.permissions import scope_admin_pages


@hooks.register("construct_explorer_page_queryset")
def scope_explorer(parent_page, pages, request):
    return scope_admin_pages(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def scope_chooser(pages, request):
    return scope_admin_pages(pages, request.user)
