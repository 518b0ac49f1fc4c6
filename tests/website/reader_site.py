"""Builders for the reader-facing back-end tests: articles with credits, tags, images."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from blog.models import ArticleCredit
from demo.factories import (
    ArticleCreditFactory,
    ArticlePageFactory,
    CategoryFactory,
    ContributorPageFactory,
    CustomImageFactory,
)

JAKARTA = ZoneInfo("Asia/Jakarta")
START = datetime.datetime(2026, 1, 1, 8, 0, tzinfo=JAKARTA)

_counter = {"n": 0}


def _next():
    _counter["n"] += 1
    return _counter["n"]


def image(name="gambar", **kwargs):
    n = _next()
    return CustomImageFactory(
        title=f"{name}-{n}",
        description=f"Ilustrasi {name}",
        file__width=kwargs.pop("width", 320),
        file__height=kwargs.pop("height", 200),
        file__filename=f"{name}-{n}.png",
        **kwargs,
    )


def contributor(contributor_index, name=None, *, photo=False, **kwargs):
    n = _next()
    name = name or f"Penulis {n}"
    kwargs.setdefault("slug", f"penulis-{n}")
    if photo:
        kwargs["photo"] = image("foto")
    return ContributorPageFactory(parent=contributor_index, title=name, **kwargs)


def article(
    blog_index,
    *,
    writers=(),
    illustrators=(),
    tags=(),
    days=0,
    hero=False,
    **kwargs,
):
    """A live article published `days` after START, crediting the given people."""
    n = _next()
    published = START + datetime.timedelta(days=days, minutes=n)
    kwargs.setdefault("slug", f"artikel-{n}")
    if hero:
        kwargs["hero_image"] = image("hero")
    page = ArticlePageFactory(
        parent=blog_index,
        first_published_at=published,
        last_published_at=published,
        **kwargs,
    )
    if tags:
        page.tags.add(*tags)
        page.save()
    order = 0
    for role, people in (
        (ArticleCredit.Role.WRITER, writers),
        (ArticleCredit.Role.ILLUSTRATOR, illustrators),
    ):
        for person in people:
            ArticleCreditFactory(
                page=page, contributor=person, role=role, sort_order=order
            )
            order += 1
    return page


def category(name, slug=None):
    return CategoryFactory(name=name, slug=slug or name.lower().replace(" ", "-"))


def publish_draft(page, user=None, **changes):
    """Save `changes` as a new revision and publish it, as the admin's Publish does."""
    page = page.specific.__class__.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    revision = page.save_revision(user=user)
    revision.publish(user=user)
    return page


def now():
    return timezone.now()
