"""What an imported article's old life needs while it lives here.

- Its old addresses (ImportedPost.old_paths, .old_terms) redirect to it while it
  is live and only then: a redirect to a draft would show its address, and the
  title in it, to anyone who tries the old link.
- A contributor's profile that an import made (ImportedProfile) is published with
  the first live article crediting her: her byline must not lead to a 404.
- `article_imported` tells the layers above that an import saved an article
  (the site puts a post that was sticky on its old blog among the featured).

The receivers are connected in ImporterConfig.ready().
"""

from django.dispatch import Signal

from wagtail.contrib.redirects.models import Redirect
from wagtail.signals import page_published, page_unpublished

from blog.models import ArticlePage

from .models import ImportedPost, ImportedProfile

# Sent with page=, featured= (it was pinned on its old blog) and created=.
article_imported = Signal()


def sync_imported_redirects(page):
    """Make the imported article's old addresses redirect to it iff it is live."""
    imported = list(ImportedPost.objects.filter(page=page))
    paths = [path for post in imported for path in post.old_paths]
    if not page.live:
        if paths:
            Redirect.objects.filter(redirect_page=page, old_path__in=paths).delete()
        return
    parts = page.get_url_parts()
    own = Redirect.normalise_path(parts[2]) if parts else None
    for path in paths:
        if path == own:
            continue  # its own address: a redirect to itself would loop
        Redirect.objects.update_or_create(
            old_path=path,
            site=None,
            defaults={
                "redirect_page": page,
                "redirect_page_route_path": "",
                "redirect_link": "",
                "is_permanent": True,
            },
        )
    index = page.get_parent()
    for post in imported:
        for path, route in post.old_terms:
            Redirect.objects.update_or_create(
                old_path=path,
                site=None,
                defaults={
                    "redirect_page": index,
                    "redirect_page_route_path": route,
                    "redirect_link": "",
                    "is_permanent": True,
                },
            )


def publish_imported_profiles(article, user=None):
    """Publish the import-made profiles of the people this live article credits."""
    if not article.live:
        return
    contributor_ids = article.credits.values_list("contributor_id", flat=True)
    made = ImportedProfile.objects.filter(
        contributor_id__in=contributor_ids, contributor__live=False
    ).select_related("contributor")
    for profile in made:
        contributor = profile.contributor
        if contributor.first_published_at is not None:
            continue  # an editor unpublished her once: that stays her call
        revision = contributor.get_latest_revision() or contributor.save_revision(
            user=user
        )
        revision.publish(user=user)


def article_published(sender, instance, revision=None, **kwargs):
    sync_imported_redirects(instance)
    publish_imported_profiles(instance, getattr(revision, "user", None))


def article_unpublished(sender, instance, **kwargs):
    sync_imported_redirects(instance)


def connect():
    page_published.connect(article_published, sender=ArticlePage)
    page_unpublished.connect(article_unpublished, sender=ArticlePage)
