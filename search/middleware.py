"""Counting every search, whether it was rendered or answered from the page cache (search/querylog.py)."""

from search import querylog


class SearchLogMiddleware:
    """Count the search a response was marked with. Sits outside the page cache's middleware,
    so that a results page served from the cache is counted like a rendered one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        querylog.count(response)
        return response
