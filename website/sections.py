"""Where the site's two sections are, as the admin names them.

An editor may rename the blog index or the contributor index (change its slug) at any
time, so no template or view writes `/artikel/` or `/kontributor/`: links to a
section and to its routes (`{% routablepageurl sections.blog "by_category" slug %}`)
start from the index page itself.

Finding the indexes costs no query of its own. Their ids and url_paths ride along, as
subqueries, on the site settings query that every public page makes anyway for its
footer (`SiteSettings.base_queryset`), so they are read once per request, cached on
it with the settings, and can never be stale: a rename, move or unpublish is seen by
the next request, in every process, with nothing to invalidate.
"""

from django.db.models import OuterRef, Subquery
from django.utils.functional import SimpleLazyObject

from wagtail.models import Page, Site

from blog.models import BlogIndexPage
from contributors.models import ContributorIndexPage

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
