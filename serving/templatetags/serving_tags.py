"""Template tags of the serving path."""

from django import template
from django.conf import settings

from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_userbar(context, position="bottom-right"):
    """Wagtail's userbar, looked for only when the request carries a session cookie.

    Wagtail's ``{% wagtailuserbar %}`` asks who the user is, which reads the session and makes every
    page ``Vary: Cookie``, even for a visitor with no session at all; such a page could not be cached
    (``serving.pagecache`` stores nothing that varies on Cookie). A visitor with no session cookie is
    not logged in, so the answer for them is known without reading anything: no userbar.
    """
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return wagtailuserbar(context, position)
