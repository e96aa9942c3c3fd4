"""A request id for every request: taken from the front server's X-Request-ID when it looks sane,
generated otherwise, put on every log record made while the request runs, and sent back as a header.

Hand-written rather than a library (django-log-request-id, django-guid): it is a dozen lines, and the
libraries add their own settings and thread-local machinery for the same result.
"""

import contextvars
import logging
import re
import uuid

HEADER = "X-Request-ID"
_SANE = re.compile(r"[A-Za-z0-9._:-]{8,128}")
_current = contextvars.ContextVar("request_id", default="-")


def current_request_id():
    """The id of the request this thread or task is handling, "-" outside a request."""
    return _current.get()


class RequestIdMiddleware:
    """First in MIDDLEWARE, so every later middleware, view and log line sees the id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(HEADER, "")
        request_id = incoming if _SANE.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to each record (for the JSON formatter and plain formats alike)."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = _current.get()
        return True
