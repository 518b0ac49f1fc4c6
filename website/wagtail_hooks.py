from wagtail import hooks

from .pen_names import warn_about_images_naming

# A pen-name-only profile: tell the editor which image credits still carry the
# real name (website.pen_names).
for _hook in ("after_create_page", "after_edit_page"):
    hooks.register(_hook, warn_about_images_naming)
