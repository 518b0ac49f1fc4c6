"""Old WordPress links that name a post by query: /?p=123, /?page_id=45."""

from django import http

from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

OLD_QUERY_KEYS = ("p", "page_id")


class OldQueryRedirectMiddleware:
    """Follows an imported redirect for the site root with ?p= or ?page_id=.

    Wagtail's RedirectMiddleware acts only on a 404, and the home page answers these
    with 200. Every other request passes untouched, without a query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path == "/"
            and request.method in ("GET", "HEAD")
            and any(key in request.GET for key in OLD_QUERY_KEYS)
        ):
            for key in OLD_QUERY_KEYS:
                value = request.GET.get(key, "")
                if not value.isdigit():
                    continue
                redirect = get_redirect(
                    request, Redirect.normalise_path(f"/?{key}={value}")
                )
                if redirect is not None and redirect.link:
                    if redirect.is_permanent:
                        return http.HttpResponsePermanentRedirect(redirect.link)
                    return http.HttpResponseRedirect(redirect.link)
        return self.get_response(request)
