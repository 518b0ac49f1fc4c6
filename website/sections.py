"""Where the site's two sections are, as the admin names them.

An editor may rename the blog index or the contributor index (change its slug) at any
time, so no template or view writes `/artikel/` or `/kontributor/`: links to a
section and to its routes (`{% routablepageurl sections.blog "by_category" slug %}`)
start from the index page itself.

Finding the indexes costs no query of its own. Their ids and url_paths ride along, as
subqueries, on the site settings query that every public page makes anyway for its
footer (`SiteSettings.for_site`, hand-written in `settings_with_sections`; the ORM's
`with_sections` for any other settings queryset). Each process keeps that row for the
current public version, which a rename, move or unpublish (and an edit to the
settings) moves on: the next request in this process sees the change, every other
process within the second its token is re-read.
"""

import copy

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models import OuterRef, Subquery
from django.utils.functional import SimpleLazyObject

from wagtail.models import Page, Site

from blog.models import BlogIndexPage
from contributors.models import ContributorIndexPage
from contributors.visibility import VersionMemo

SECTION_MODELS = {"blog": BlogIndexPage, "contributors": ContributorIndexPage}
FIELDS = ("id", "url_path")


def register_section(name, model):
    """Let an app above this one give its page a link like the sections' (the story
    form of `stories`), from its AppConfig.ready(): `sections.<name>` in templates."""
    SECTION_MODELS[name] = model


def _index_under(root_path, model):
    return Page.objects.live().exact_type(model).filter(path__startswith=root_path)


def with_sections(queryset):
    """Site settings annotated with the id and url_path of each section's live index
    under the settings' site root (the first in tree order, should there be two)."""
    annotations = {}
    for name, model in SECTION_MODELS.items():
        indexes = _index_under(OuterRef("site__root_page__path"), model).order_by(
            "path"
        )
        for field in FIELDS:
            annotations[f"section_{name}_{field}"] = Subquery(indexes.values(field)[:1])
    return queryset.annotate(**annotations)


# The settings rows read under the current public version (an edit to the settings,
# and a publish, move or unpublish of any page, moves it): one query a render
# spared, its six subqueries run each time. Each caller gets a copy of its own.
_kept_settings = VersionMemo(max_entries=16)


def settings_with_sections(settings_model, site):
    """The settings of `site` (a `settings_model` instance) with the same section
    annotations as `with_sections`, or None if the site has none yet; this process
    reads them once for the current public version."""
    kept = _kept_settings.get(
        (settings_model, site.pk),
        lambda: _with_sections_worked_out(settings_model, site),
    )
    return None if kept is None else copy.copy(kept)


def _with_sections_worked_out(settings_model, site):
    instance = _read_settings(settings_model, site)
    if instance is not None and hasattr(settings_model, "sections"):
        # Its Sections (the index stubs) are shared by every copy: read-only, and
        # for the same version.
        instance.sections  # noqa: B018
    return instance


def _read_settings(settings_model, site):
    """The settings of `site` with their section annotations, read from the
    database.

    Hand-written SQL, one query: compiling the ORM version (six subqueries, each
    with its own joins) cost more CPU than a page's whole footer, on every render.
    Plain SQL that SQLite and PostgreSQL both read; the subqueries are those of
    `with_sections` (live, exact type, under the site's root, first in tree order).
    """
    quote = connections[settings_model.objects.db].ops.quote_name
    page_table = quote(Page._meta.db_table)
    columns, params = [], []
    for name, model in SECTION_MODELS.items():
        content_type = ContentType.objects.get_for_model(model)
        for field in FIELDS:
            columns.append(
                f"(SELECT p.{quote(field)} FROM {page_table} p WHERE p.live "  # noqa: S608 - names from the models, values as parameters
                "AND p.content_type_id = %s "
                "AND substr(p.path, 1, length(r.path)) = r.path "
                f"ORDER BY p.path LIMIT 1) AS {quote(f'section_{name}_{field}')}"
            )
            params.append(content_type.pk)
    settings_table = quote(settings_model._meta.db_table)
    sql = (
        f"SELECT s.*, {', '.join(columns)} FROM {settings_table} s "  # noqa: S608 - names from the models, values as parameters
        f"INNER JOIN {quote(Site._meta.db_table)} site ON s.site_id = site.id "
        f"INNER JOIN {page_table} r ON site.root_page_id = r.id "
        "WHERE s.site_id = %s"
    )
    for instance in settings_model.objects.raw(sql, [*params, site.pk]):
        return instance
    return None


def _stub(model, values):
    """As much of the index page as a link needs: what Page.get_url and
    reverse_subpage read. Its other fields are not loaded."""
    if values.get("id") is None:
        return None
    return model(**values)


class Sections:
    """The live section indexes of one site: `blog` and `contributors`, each a
    BlogIndexPage / ContributorIndexPage good for `{% pageurl %}` and
    `{% routablepageurl %}` (not for its other fields), or None if the site has none;
    and any page an app registered (`register_section`), the same way."""

    def __init__(self, site_settings=None):
        for name, model in SECTION_MODELS.items():
            page = None
            if site_settings is not None:
                if hasattr(site_settings, f"section_{name}_id"):
                    values = {
                        field: getattr(site_settings, f"section_{name}_{field}")
                        for field in FIELDS
                    }
                    page = _stub(model, values)
                else:
                    # Settings just created (get_or_create) carry no annotation.
                    page = (
                        _index_under(site_settings.site.root_page.path, model)
                        .order_by("path")
                        .specific()
                        .first()
                    )
            setattr(self, name, page)


def sections_for_request(request):
    from .models import SiteSettings

    if Site.find_for_request(request) is None:
        return Sections()
    return SiteSettings.for_request(request).sections


def sections(request):
    """Context processor: `sections.blog`, `sections.contributors`, read lazily."""
    return {"sections": SimpleLazyObject(lambda: sections_for_request(request))}
