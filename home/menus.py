"""Admin menu items that only some users see."""

from wagtail.admin.menu import MenuItem


class RestrictedMenuItem(MenuItem):
    """A menu item shown only to the users that ``allowed(user)`` accepts; its view checks again."""

    def __init__(self, label, url, allowed, **kwargs):
        super().__init__(label, url, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)
