"""Admin for the legal documents register: a menu item that opens the register in the page explorer."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from jdih.models import JDIHIndexPage


def open_register(request):
    """The register's page listing, or the page explorer's root when there is no register yet."""
    index = JDIHIndexPage.objects.order_by("path").first()
    if index is None:
        return redirect("wagtailadmin_explore_root")
    return redirect("wagtailadmin_explore", index.pk)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("jdih/", open_register, name="jdih_register")]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return MenuItem(_("Legal documents (JDIH)"), reverse("jdih_register"), icon_name="doc-full", order=250)
