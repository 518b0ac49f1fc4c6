from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks


@hooks.register("insert_global_admin_js")
def field_counters_js():
    return format_html(
        '<script src="{}" defer></script>', static("js/admin_counter.js")
    )


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("register_admin_viewset")
def register_contributor_chooser():
    from .chooser import contributor_chooser_viewset

    return contributor_chooser_viewset
