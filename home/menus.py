"""Admin menu items that only some users see."""

from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem


class RestrictedMenuItem(MenuItem):
    """A menu item shown only to the users that ``allowed(user)`` accepts; its view checks again."""

    def __init__(self, label, url, allowed, **kwargs):
        super().__init__(label, url, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)


def register_restricted_item(menu, url_name, label, allowed, icon_name, order):
    """Add to the admin's ``menu`` ("reports" or "settings") an item for the admin view named ``url_name``,
    shown only to the users ``allowed(user)`` accepts. The item's name is the view's, with hyphens.

    The URL is reversed when the menu is built: the admin's URLs are not loaded yet when the hooks register.
    """
    name = url_name.replace("_", "-")
    hooks.register(
        f"register_{menu}_menu_item",
        lambda: RestrictedMenuItem(label, reverse(url_name), allowed, name=name, icon_name=icon_name, order=order),
    )
