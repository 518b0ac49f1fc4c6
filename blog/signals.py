"""Signal receivers of the blog app, connected in BlogConfig.ready()."""

from .slugs import routable_tag_slug


def give_tag_a_routable_slug(sender, instance, **kwargs):
    """Before a tag is saved: a slug its listing's URL can carry (blog.slugs)."""
    instance.slug = routable_tag_slug(
        instance.name,
        instance.slug,
        lambda slug: sender.objects.filter(slug=slug).exclude(pk=instance.pk).exists(),
    )
