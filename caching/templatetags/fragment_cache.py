"""Wagtail's fragment cache tags, `{% wagtailcache %}` and `{% wagtailpagecache %}`,
that stand aside when fragments are off and read a page's fragments in one round trip.

Django's cache tag asks the cache and stores the fragment whatever its timeout: with
FRAGMENT_CACHE_SECONDS at 0 (caching.fragments) every fragment of every render still
cost a read and a write to Redis, for nothing to keep. Here a timeout of 0 renders the
fragment and touches no cache.

Otherwise the tags key a fragment as Wagtail's do (the fragment's name and arguments;
for `wagtailpagecache` also the page's `cache_key` and the site), never cache a
preview, and, in a request PageCacheMiddleware started, read every fragment of the
page with one `get_many` when the first is rendered and leave the new ones to one
`set_many` at the end (caching.fragments.FragmentBatch).
"""

from django import template
from django.core.cache.utils import make_template_fragment_key

from wagtail.models import Site
from wagtail.templatetags import wagtail_cache
from wagtail.templatetags.wagtail_cache import WagtailCacheNode, WagtailPageCacheNode

from caching.fragments import batch_for, fragment_nodes

register = template.Library()

_UNRESOLVED = object()


class BatchedFragmentMixin:
    def seconds(self, context):
        """The fragment's timeout as an int (None: for ever), or _UNRESOLVED when
        Django's tag should report the mistake."""
        try:
            seconds = self.expire_time_var.resolve(context)
            return None if seconds is None else int(seconds)
        except (template.VariableDoesNotExist, ValueError, TypeError):
            return _UNRESOLVED

    def key_context(self, context, request):
        return context.update({})

    def key(self, context):
        return make_template_fragment_key(
            self.fragment_name, [var.resolve(context) for var in self.vary_on]
        )

    def render(self, context):
        seconds = self.seconds(context)
        if seconds == 0:
            return self.nodelist.render(context)
        request = context.get("request")
        if (
            seconds is _UNRESOLVED
            or self.cache_name
            or request is None
            or getattr(request, "is_preview", False)
        ):
            return super().render(context)
        batch = batch_for(request)
        if batch is None:
            return super().render(context)
        if batch.fetched is None:
            batch.prefetch(page_keys(context, request))
        with self.key_context(context, request):
            key = self.key(context)
            value = batch.get(key)
            if value is None:
                value = self.nodelist.render(context)
                batch.put(key, value, seconds)
        return value


def page_keys(context, request):
    """The keys of every fragment of the page being rendered that is cached."""
    keys = []
    for node in fragment_nodes(context.template, context, BatchedFragmentMixin):
        seconds = node.seconds(context)
        if seconds == 0 or seconds is _UNRESOLVED or node.cache_name:
            continue
        with node.key_context(context, request):
            keys.append(node.key(context))
    return keys


class FragmentCacheNode(BatchedFragmentMixin, WagtailCacheNode):
    pass


class PageFragmentCacheNode(BatchedFragmentMixin, WagtailPageCacheNode):
    def key_context(self, context, request):
        # As WagtailPageCacheNode.render: the site, for its `pk` in the key.
        return context.update(
            {self.CACHE_SITE_TEMPLATE_VAR: Site.find_for_request(request)}
        )


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
