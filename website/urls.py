from django.conf import settings
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from blog.oembed import oembed
from blog.reads import read_beacon
from caching.pages import cached_page_view
from editorial.calendar_views import calendar_feed
from website import views
from website.site_lookup import with_site

urlpatterns = [
    path(settings.ADMIN_URL, include(wagtailadmin_urls)),
    path("dokumen/", include(wagtaildocs_urls)),
    path("cari/", views.search, name="search"),
    path("bantuan/", cached_page_view(views.helplines), name="helplines"),
    path("baca-aman/", cached_page_view(views.safe_reading), name="safe_reading"),
    path("sitemap.xml", cached_page_view(sitemap), name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("baca/<int:article_id>/", read_beacon, name="read_beacon"),
    path("oembed/", oembed, name="oembed"),
    path("kalender/<str:token>.ics", calendar_feed, name="editorial_calendar_feed"),
    # The story form's POST (stories sits above website: named, not imported).
    path("", include("stories.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Uploads are served by object storage or the web server in production; here only
# for development and the browser tests.
if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    from django.views.static import serve

    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]

# wagtail.urls, with its page view behind the page cache (caching.pages) and its Site
# and home page found in one query (website.site_lookup). Its other views
# (password-protected pages, front-end login) come first, as in wagtail.urls.
urlpatterns += [
    *(p for p in wagtail_urls.urlpatterns if p.name != "wagtail_serve"),
    re_path(
        wagtail_urls.serve_pattern,
        cached_page_view(with_site(wagtail_views.serve)),
        name="wagtail_serve",
    ),
]

handler404 = "website.views.page_not_found"
handler500 = "website.views.server_error"
