"""Images on public pages that never take the page down with them.

`{% safe_picture %}` takes what Wagtail's `{% picture %}` takes. Where Wagtail would
raise (a file that is not an image) or print a "not-found" placeholder with a
width of 0 (a file gone from storage), it renders nothing and logs the image, so
the article around it still reaches its reader. And where an image is smaller than
the sizes asked for, Wagtail's renditions all come out at the image's own width:
each width is then listed once, since a srcset naming a width twice is invalid HTML.

`rendition_or_none` and `renditions_or_none` (images.renditions) do the same for
code (link previews, structured data, oEmbed).
"""

import html

from django import template
from django.apps import apps
from django.core.files.storage import FileSystemStorage
from django.utils.safestring import SafeData, mark_safe

from wagtail.images.models import Filter, Picture
from wagtail.images.templatetags.wagtailimages_tags import PictureNode
from wagtail.images.templatetags.wagtailimages_tags import image as parse_image_tag

from images.renditions import filter_for, rendition_or_none, renditions_or_none

__all__ = ["rendition_or_none", "renditions_or_none", "safe_picture"]

register = template.Library()


def _spec_format(spec):
    for operation in str(spec).split("|"):
        if operation.startswith("format-"):
            return operation
    return ""


def distinct_widths(renditions):
    """The renditions with each (format, width) once, the first asked for kept."""
    kept, seen = {}, set()
    for spec, rendition in renditions.items():
        key = (_spec_format(spec), rendition.width)
        if key not in seen:
            seen.add(key)
            kept[spec] = rendition
    return kept


def _escape(value):
    """django.utils.html.conditional_escape, as a plain str."""
    if isinstance(value, SafeData) or hasattr(value, "__html__"):
        return str(value.__html__())
    return html.escape(str(value))


def _flatatt(attrs):
    """Django's flatatt, byte for byte (valued attributes sorted, then the true
    booleans), without a format_html per attribute: a listing's pictures called it
    about 100 times a render, a third of their cost."""
    valued, flags = [], []
    for name, value in attrs.items():
        if isinstance(value, bool):
            if value:
                flags.append(f" {_escape(name)}")
        elif value is not None:
            valued.append((name, value))
    return "".join(
        f' {_escape(name)}="{_escape(value)}"' for name, value in sorted(valued)
    ) + "".join(flags)


# {(base URL, file name): URL} of renditions on the local disk, whose URL is a pure
# function of the two: FileSystemStorage.url (a urljoin) was a fifth of a picture's
# cost. Other storages (signed object-storage URLs expire) are asked every time.
_local_urls = {}
_LOCAL_URLS_MAX = 20_000


def rendition_url(rendition):
    file = rendition.file
    storage = file.storage
    if not isinstance(storage, FileSystemStorage):
        return file.url
    key = (storage.base_url, file.name)
    url = _local_urls.get(key)
    if url is None:
        if len(_local_urls) >= _LOCAL_URLS_MAX:
            _local_urls.clear()
        url = _local_urls[key] = file.url
    return url


def img_tag(rendition, url, extra_attributes):
    """Rendition.img_tag with the URL given."""
    attrs = {
        "src": url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": rendition.alt,
    }
    attrs.update(apps.get_app_config("wagtailimages").default_attrs)
    attrs.update(extra_attributes)
    return f"<img{_flatatt(attrs)}>"


class SafePicture(Picture):
    """A <picture> whose srcsets always carry width descriptors, so the `sizes` it
    is given stays valid when a format is left with one candidate. Its HTML is
    Wagtail's Picture's, each URL read once."""

    @classmethod
    def get_width_srcset(cls, renditions_list):
        return ", ".join(f"{rendition_url(r)} {r.width}w" for r in renditions_list)

    def __html__(self):
        attrs = dict(self.attrs or {})
        if not self.formats:
            if len(self.renditions) > 1 or attrs.get("sizes"):
                attrs["srcset"] = self.get_width_srcset(self.renditions)
            first = self.renditions[0]
            img = img_tag(first, rendition_url(first), attrs)
            return mark_safe(f"<picture>{img}</picture>")  # noqa: S308 - escaped by _flatatt
        fallback_format = self.get_fallback_format()
        fallback_renditions = self.formats[fallback_format]
        sources = []
        for fmt in self.source_format_order:
            if fmt.name != fallback_format and fmt.name in self.formats:
                source_attrs = {
                    "srcset": self.get_width_srcset(self.formats[fmt.name]),
                    "sizes": attrs.get("sizes"),
                    "type": fmt.mime_type,
                }
                sources.append(f"<source{_flatatt(source_attrs)}>")
        if len(fallback_renditions) > 1 or attrs.get("sizes"):
            attrs["srcset"] = self.get_width_srcset(fallback_renditions)
        first = fallback_renditions[0]
        fallback = img_tag(first, rendition_url(first), attrs)
        return mark_safe(f"<picture>{''.join(sources)}{fallback}</picture>")  # noqa: S308 - escaped by _flatatt


def safe_picture_of(image, filters, attrs=None):
    """The SafePicture of `image` in the renditions of `filters` (Filters), with
    `attrs`, or None where the image cannot be shown."""
    renditions = renditions_or_none(image, filters)
    if renditions is None:
        return None
    return SafePicture(distinct_widths(renditions), attrs)


def picture_html(image, filters, attrs):
    """What {% safe_picture %} prints ("" where the image cannot be shown), for
    components written in Python."""
    picture = safe_picture_of(image, filters, attrs)
    return "" if picture is None else picture.__html__()


class SafePictureNode(PictureNode):
    def get_filters(self):
        # Expanded once per template node, then the process's shared Filters.
        specs = self.__dict__.get("_specs")
        if specs is None:
            specs = self._specs = Filter.expand_spec(self.filter_specs)
        return [filter_for(spec) for spec in specs]

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        if self.output_var_name:
            context[self.output_var_name] = safe_picture_of(image, self.get_filters())
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        return picture_html(image, self.get_filters(), attrs)


@register.tag
def safe_picture(parser, token):
    """{% safe_picture image width-{400,800} format-{webp,jpeg} sizes="…" %}"""
    bits = token.split_contents()
    node = parse_image_tag(parser, _as_picture_token(token, bits))
    return SafePictureNode(
        node.image_expr,
        node.filter_specs,
        attrs=node.attrs,
        output_var_name=node.output_var_name,
    )


def _as_picture_token(token, bits):
    """The same token under Wagtail's tag name, so Wagtail's parser reads it."""
    return template.base.Token(
        token.token_type,
        "picture" + token.contents[len(bits[0]) :],
        token.position,
        token.lineno,
    )
