"""The Wagtail Site record follows the address the site is really served at.

Page URLs in e-mails, the sitemap and feeds come from the Site record's hostname and
port, which migrations create as localhost:80. WAGTAILADMIN_BASE_URL says where the
site is served (from HOST/PORT in development, from the environment in production),
so every `migrate` brings the default Site in line with it.
"""

from urllib.parse import urlsplit

from django.conf import settings

from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def address_from_base_url(base_url):
    parts = urlsplit(base_url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return parts.hostname, parts.port or DEFAULT_PORTS[parts.scheme]


def sync_default_site(**kwargs):
    address = address_from_base_url(getattr(settings, "WAGTAILADMIN_BASE_URL", ""))
    if address is None:
        return
    hostname, port = address
    # Only the default site: a second site added in the admin keeps its own address.
    Site.objects.filter(is_default_site=True).exclude(
        hostname=hostname, port=port
    ).update(hostname=hostname, port=port)
    Site.clear_site_root_paths_cache()
