"""When a contributor writes under her pen name only, no address leads from her real name.

Wagtail makes a redirect from a page's old address whenever its slug changes. For a
published contributor who switches to her pen name only, that redirect would lead from
her real-name slug (`/kontributor/siti-aminah/`) to her pen-name page, for anyone who
knew the first. So automatic redirects (WAGTAILREDIRECTS_AUTO_CREATE is off) are made
here, as Wagtail makes them, except for such a page; any redirect to her page is
removed when it is published pen-name only; the old address is purged from the caches
and answers 404.

Free text that still carries her real name (an image's credit or alt text) is
rewritten with her pen name when the switch is published, and whenever an image is
saved later (contributors.hidden_names); the editor is told which images changed, with
links to them, and warned before, while the switch is only a draft.
"""

from contextvars import ContextVar

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.redirects.signal_handlers import create_redirects
from wagtail.models import Site

from caching.pages import clear_page_cache
from contributors.models import ContributorPage
from images.models import CustomImage

from .purge import schedule_url_purge

# How many images the warning names; the rest are counted.
MAX_IMAGES_NAMED = 10


def hides_real_name(page):
    return (
        isinstance(page, ContributorPage)
        and page.use_pen_name_only
        and bool(page.pen_name)
    )


def _relevant_site_ids(page):
    return {
        option.site_id
        for option in page._get_relevant_site_root_paths(cache_object=page)
    }


def _old_urls(page_before):
    """Her old address and its feed, as the CDN and the redirect table know them."""
    url = page_before.get_full_url()
    if not url:
        return []
    return [url + path.lstrip("/") for path in page_before.get_cached_paths()]


def forget_old_addresses(page, urls=()):
    """No redirect leads to her page; her old addresses leave every cache."""
    redirects = Redirect.objects.filter(redirect_page=page)
    site_root_paths = Site.get_site_root_paths()
    purge_urls = set(urls)
    for redirect in redirects:
        purge_urls.update(redirect.old_links(site_root_paths))
    redirects.delete()
    clear_page_cache()
    schedule_url_purge(purge_urls)


# --- Signal receivers (connected in WebsiteConfig.ready) ----------------------------


def redirect_on_slug_change(sender, instance, instance_before, **kwargs):
    """Wagtail's autocreate_redirects_on_slug_change, less real-name addresses."""
    if hides_real_name(instance):
        forget_old_addresses(instance, _old_urls(instance_before))
        return
    sites = Site.objects.filter(id__in=_relevant_site_ids(instance)).exclude(
        root_page=instance
    )
    create_redirects(page=instance, page_old=instance_before, sites=sites)


def redirect_on_move(sender, instance, url_path_before, url_path_after, **kwargs):
    """Wagtail's autocreate_redirects_on_page_move, kept as it is.

    A move keeps each page's slug, so no old address spells a real name that the
    page no longer has.
    """
    if url_path_after == url_path_before:
        return
    instance = instance.specific
    page_old = type(instance)()
    page_old.__dict__.update(instance.__dict__)
    page_old.url_path = url_path_before
    new_site_ids = _relevant_site_ids(instance)
    sites = Site.objects.exclude(root_page=instance).filter(
        id__in=[
            item.site_id
            for item in page_old._get_relevant_site_root_paths(cache_object=instance)
            if item.site_id in new_site_ids
        ]
    )
    create_redirects(page=instance, page_old=page_old, sites=sites)


# Images rewritten by the publish in progress, for the editor's message after it.
images_rewritten = ContextVar("images_rewritten", default=None)


def forget_on_publish(sender, instance, **kwargs):
    # Redirects made before she chose her pen name only (by hand or on an earlier
    # slug change) would still connect the two names.
    if hides_real_name(instance):
        forget_old_addresses(instance)
        images_rewritten.set(rewrite_images_naming(instance))


def rewrite_images_naming(page):
    """Her pen name for her real name in every image's credit and alt text."""
    images = list(images_naming(page.title))
    for image in images:
        # Saving rewrites both fields (she hides her name now): contributors cleans
        # them on the image model's pre_save.
        image.save(update_fields=["credit", "description"])
    return images


# --- Free text that still names her -------------------------------------------------


def images_naming(real_name):
    """Images whose public free text (credit, alt text) contains her real name."""
    real_name = (real_name or "").strip()
    if not real_name:
        return CustomImage.objects.none()
    return CustomImage.objects.filter(
        Q(credit__icontains=real_name) | Q(description__icontains=real_name)
    ).order_by("title", "pk")


def warn_about_images_naming(request, page):
    """The `after_edit_page` / `after_create_page` hook."""
    page = page.specific_deferred
    if not isinstance(page, ContributorPage):
        return
    rewritten = images_rewritten.get()
    images_rewritten.set(None)
    # The form's version: what she is about to become, published or not (read
    # again: the hook's page object may still name the revision before this save).
    latest = ContributorPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    if not hides_real_name(latest):
        return
    if rewritten:
        messages.success(
            request,
            _(
                "Nama asli %(name)s di kredit atau teks alternatif %(count)d gambar "
                "diganti dengan nama pena %(pen_name)s."
            )
            % {
                "name": latest.title,
                "count": len(rewritten),
                "pen_name": latest.pen_name,
            },
            buttons=image_buttons(rewritten),
        )
        return
    images = list(images_naming(latest.title))
    if not images:
        return
    messages.warning(
        request,
        _(
            "Nama asli %(name)s masih tertulis di kredit atau teks alternatif "
            "%(count)d gambar. Saat profil ini terbit, nama itu diganti dengan nama "
            "pena di gambar-gambar itu."
        )
        % {"name": latest.title, "count": len(images)},
        buttons=image_buttons(images),
    )


def image_buttons(images):
    return [
        messages.button(
            reverse("wagtailimages:edit", args=[image.pk]), image.title, new_window=True
        )
        for image in images[:MAX_IMAGES_NAMED]
    ]
