"""The Site of a page request and its home page, in one hand-written query.

Wagtail finds the Site of every request it serves with an ORM query (a CASE that
ranks hostname and port matches, the root page joined) and then loads the root page
again as its specific type (the HomePage) to route from it: two queries whose
compiling cost more CPU than running them, on every page rendered. `with_site`
answers both at once, before Wagtail asks, and leaves them where Wagtail looks
(`request._wagtail_site`, the site's `root_page`, already specific). The choice is
Wagtail's (`wagtail.models.sites.get_site_for_hostname`), written in SQL; a site
whose root is not a HomePage is left to Wagtail.
"""

from functools import wraps

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.http.request import split_domain_port

from wagtail.models import Page, Site
from wagtail.models.sites import (
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
)

from modelrows.sql import build_instance, select_columns

from .models import HomePage

LEFT_TO_WAGTAIL = object()


def _site_query(connection):
    memo = connection.__dict__.get("_serambi_site_query")
    if memo is None:
        memo = connection._serambi_site_query = _build_site_query(connection)
    return memo


def _build_site_query(connection):
    quote = connection.ops.quote_name
    site_columns, site_reads, site_names = select_columns(connection, Site, {Site: "s"})
    home_columns, home_reads, home_names = select_columns(
        connection, HomePage, {Page: "p", HomePage: "h"}
    )
    link = HomePage._meta.get_ancestor_link(Page)
    sql = (
        f"SELECT CASE WHEN s.{quote('hostname')} = %s AND s.{quote('port')} = %s "  # noqa: S608 - names from the models, values as parameters
        f"THEN {MATCH_HOSTNAME_PORT} "
        f"WHEN s.{quote('hostname')} = %s AND s.{quote('is_default_site')} "
        f"THEN {MATCH_HOSTNAME_DEFAULT} "
        f"WHEN s.{quote('is_default_site')} THEN {MATCH_DEFAULT} "
        f"ELSE {MATCH_HOSTNAME} END, p.{quote('content_type_id')}, "
        f"h.{quote(link.column)}, {', '.join(site_columns + home_columns)} "
        f"FROM {quote(Site._meta.db_table)} s "
        f"INNER JOIN {quote(Page._meta.db_table)} p "
        f"ON p.{quote(Page._meta.pk.column)} = s.{quote('root_page_id')} "
        f"LEFT OUTER JOIN {quote(HomePage._meta.db_table)} h "
        f"ON h.{quote(link.column)} = p.{quote(Page._meta.pk.column)} "
        f"WHERE s.{quote('hostname')} = %s OR s.{quote('is_default_site')} "
        "ORDER BY 1"
    )
    return sql, (site_reads, site_names), (home_reads, home_names)


def find_site(request):
    """The request's Site (its root_page the specific HomePage) or None, as Wagtail's
    Site.find_for_request would choose; LEFT_TO_WAGTAIL when the chosen site's
    root is not a HomePage."""
    hostname = split_domain_port(request._get_raw_host())[0]
    try:
        port = int(request.get_port())
    except ValueError:
        return LEFT_TO_WAGTAIL
    db = Site.objects.db
    connection = connections[db]
    sql, (site_reads, site_names), (home_reads, home_names) = _site_query(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, [hostname, port, hostname, hostname])
        rows = cursor.fetchall()
    # wagtail.models.sites.get_site_for_hostname, on the ranked rows.
    if not rows:
        return None
    if len(rows) == 1 or rows[0][0] in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
        row = rows[0]
    elif rows[0][0] == MATCH_DEFAULT:
        row = rows[len(rows) == 2]
    else:
        return None
    content_type_id, home_id = row[1], row[2]
    if (
        home_id is None
        or content_type_id != ContentType.objects.get_for_model(HomePage).pk
    ):
        return LEFT_TO_WAGTAIL
    values = row[3:]
    site = build_instance(
        Site, db, connection, site_reads, site_names, values[: len(site_reads)]
    )
    home = build_instance(
        HomePage, db, connection, home_reads, home_names, values[len(site_reads) :]
    )
    Site._meta.get_field("root_page").set_cached_value(site, home)
    return site


def with_site(view):
    """Wagtail's page view with the request's Site and home page found first
    (find_site), in one query instead of two."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not hasattr(request, "_wagtail_site"):
            site = find_site(request)
            if site is not LEFT_TO_WAGTAIL:
                request._wagtail_site = site
        return view(request, *args, **kwargs)

    return wrapper
