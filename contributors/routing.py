"""Routing to a child page in one query.

Wagtail's `Page.route` finds the child by slug as a plain `Page` and then loads its
specific row: two queries per level of the URL. A section knows which page types it
holds (`subpage_types`), so it can ask for the specific child directly, with what the
child's template needs joined in (`child_select_related`). Unknown slugs fall through
to Wagtail's own routing, which answers 404.
"""


class DirectChildRouteMixin:
    child_select_related = ()

    def find_child(self, slug):
        for model in self.allowed_subpage_models():
            child = (
                model.objects.child_of(self)
                .select_related(*self.child_select_related)
                .filter(slug=slug)
                .first()
            )
            if child is not None:
                return child
        return None

    def route(self, request, path_components):
        if path_components:
            child = self.find_child(path_components[0])
            if child is not None:
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)
