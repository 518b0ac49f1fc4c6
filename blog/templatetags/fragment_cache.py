"""Wagtail's fragment cache tags, `{% wagtailcache %}` and `{% wagtailpagecache %}`,
that stand aside when fragments are off.

Django's cache tag asks the cache and stores the fragment whatever its timeout: with
FRAGMENT_CACHE_SECONDS at 0 (caching.fragments) every fragment of every render still
cost a read and a write to Redis, for nothing to keep. Here a timeout of 0 renders the
fragment and touches no cache; any other timeout is Wagtail's tag as it is (previews
never cached, the page and site in the key of `wagtailpagecache`).
"""

from django import template
from django.template import TemplateSyntaxError

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
    # Parsed as wagtail.templatetags.wagtail_cache parses its tags.
    def do_cache(parser, token):
        nodelist = parser.parse((f"end{tag_name}",))
        parser.delete_first_token()
        tokens = token.split_contents()
        if len(tokens) < 3:
            raise TemplateSyntaxError(
                f"'{tokens[0]}' tag requires at least 2 arguments."
            )
        if len(tokens) > 3 and tokens[-1].startswith("using="):
            cache_name = parser.compile_filter(tokens[-1][len("using=") :])
            tokens = tokens[:-1]
        else:
            cache_name = None
        return node_class(
            nodelist,
            parser.compile_filter(tokens[1]),
            tokens[2],
            [parser.compile_filter(t) for t in tokens[3:]],
            cache_name,
        )

    register.tag(tag_name, do_cache)


_cache_tag("wagtailcache", FragmentCacheNode)
_cache_tag("wagtailpagecache", PageFragmentCacheNode)
