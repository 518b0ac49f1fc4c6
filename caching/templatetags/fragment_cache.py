"""Wagtail's fragment cache tags, `{% wagtailcache %}` and `{% wagtailpagecache %}`,
that stand aside when fragments are off.

Django's cache tag asks the cache and stores the fragment whatever its timeout: with
FRAGMENT_CACHE_SECONDS at 0 (caching.fragments) every fragment of every render still
cost a read and a write to Redis, for nothing to keep. Here a timeout of 0 renders the
fragment and touches no cache; any other timeout is Wagtail's tag as it is (previews
never cached, the page and site in the key of `wagtailpagecache`).
"""

from django import template

from wagtail.templatetags import wagtail_cache
from wagtail.templatetags.wagtail_cache import WagtailCacheNode, WagtailPageCacheNode

register = template.Library()


class FragmentsOffMixin:
    def render(self, context):
        try:
            seconds = self.expire_time_var.resolve(context)
        except template.VariableDoesNotExist:
            seconds = None  # Django's tag reports it
        if seconds is not None and not int(seconds):
            return self.nodelist.render(context)
        return super().render(context)


class FragmentCacheNode(FragmentsOffMixin, WagtailCacheNode):
    pass


class PageFragmentCacheNode(FragmentsOffMixin, WagtailPageCacheNode):
    pass


def _cache_tag(tag_name, node_class):
    # Parsed by Wagtail's own tag, then rendered by the node that stands aside: the
    # node classes differ only in `render`.
    parse = wagtail_cache.register.tags[tag_name]

    def do_cache(parser, token):
        node = parse(parser, token)
        node.__class__ = node_class
        return node

    register.tag(tag_name, do_cache)


_cache_tag("wagtailcache", FragmentCacheNode)
_cache_tag("wagtailpagecache", PageFragmentCacheNode)
