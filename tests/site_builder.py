"""The one builder of test sites: images, contributors, articles with credits and tags,
and `build_public_site`, a small finished site for the markup, browser and backup tests.

Articles are built live, their credits written after them; each is then indexed, as
publishing it in the admin would, so search finds it by its credited names too."""

import datetime
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from zoneinfo import ZoneInfo

from django.core.cache import caches
from django.db import transaction
from django.utils import timezone

from wagtail.search.index import insert_or_update_object

from blog.models import ArticleCredit, BlogIndexPage
from contributors.models import ContributorIndexPage, ContributorLink
from demo.factories import (
    ArticleCreditFactory,
    ArticlePageFactory,
    CategoryFactory,
    ContributorPageFactory,
    CustomImageFactory,
)
from website.models import HomePage, HomePageFeaturedArticle

JAKARTA = ZoneInfo("Asia/Jakarta")
START = datetime.datetime(2026, 1, 1, 8, 0, tzinfo=JAKARTA)
REAL_NAME = "Siti Rahmawati"
PEN_NAME = "Bunga Senja"

_counter = {"n": 0}


def _next():
    _counter["n"] += 1
    return _counter["n"]


def image(name="gambar", *, alt=None, width=320, height=200, color=None, **kwargs):
    """An image whose title and file name start with `name`."""
    n = _next()
    if color:
        kwargs["file__color"] = color
    return CustomImageFactory(
        title=f"{name}-{n}",
        description=alt or f"Ilustrasi {name}",
        file__width=width,
        file__height=height,
        file__filename=f"{name}-{n}.png",
        **kwargs,
    )


def contributor(contributor_index, name=None, *, photo=False, **kwargs):
    n = _next()
    name = name or f"Penulis {n}"
    kwargs.setdefault("slug", f"penulis-{n}")
    if photo is True:
        photo = image("foto")
    if photo:
        kwargs["photo"] = photo
    return ContributorPageFactory(parent=contributor_index, title=name, **kwargs)


def pen_name_writer(contributor_index, **kwargs):
    """Siti Rahmawati, who writes as Bunga Senja only: her real name is never public."""
    return contributor(
        contributor_index,
        REAL_NAME,
        pen_name=PEN_NAME,
        use_pen_name_only=True,
        slug="bunga-senja",
        **kwargs,
    )


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
    insert_or_update_object(page)
    return page


PUBLISHED = datetime.datetime(2026, 8, 17, 9, 30, tzinfo=JAKARTA)


@dataclass
class PublicSite:
    article: object
    writer: object
    pen_name_writer: object
    illustrator: object
    pen_name_photo: object
    category: object
    others: list = field(default_factory=list)


def build_public_site(home_page, blog_index, contributor_index, *, extra_articles=3):
    """An article by two writers (one under a pen name) and an illustrator, and a few more."""
    category = CategoryFactory(name="Keuangan keluarga", slug="keuangan-keluarga")
    writer = ContributorPageFactory(
        parent=contributor_index,
        title="Ayu Lestari",
        slug="ayu-lestari",
        short_bio="Ibu dua anak di Bandung yang menulis tentang anggaran rumah tangga.",
        photo=image("foto-ayu", alt="Potret Ayu Lestari", width=400, height=400),
    )
    ContributorLink.objects.create(
        page=writer, platform="instagram", url="https://instagram.com/ayu.menulis"
    )
    pen_name_photo = image(
        "foto-rahasia", alt="Potret penulis", width=400, height=400, color="#335577"
    )
    pen_name_writer = ContributorPageFactory(
        parent=contributor_index,
        title=REAL_NAME,
        pen_name=PEN_NAME,
        use_pen_name_only=True,
        slug="bunga-senja",
        short_bio="Menulis dari Makassar tentang hari-hari setelah bercerai.",
        photo=pen_name_photo,
    )
    illustrator = ContributorPageFactory(
        parent=contributor_index,
        title="Dewi Anggraini",
        slug="dewi-anggraini",
        short_bio="Ilustrator lepas yang suka menggambar dapur dan teras rumah.",
    )
    hero = image(
        "ilustrasi-teras",
        width=1600,
        height=900,
        alt="Seorang ibu dan anaknya duduk di teras rumah saat senja",
        credit="Ilustrasi: Dewi Anggraini",
    )
    article = ArticlePageFactory(
        parent=blog_index,
        title="Mengatur uang belanja sendirian",
        slug="mengatur-uang-belanja",
        standfirst="Catatan kecil tentang anggaran, rasa takut dan keberanian.",
        excerpt="Bagaimana saya belajar mencatat setiap rupiah setelah berpisah.",
        hero_image=hero,
        category=category,
        first_published_at=PUBLISHED,
        last_published_at=PUBLISHED,
        body=[
            ("heading", {"text": "Awal yang berat", "level": "h2"}),
            ("paragraph", "<p>" + "Hari pertama selalu paling sulit. " * 120 + "</p>"),
            ("heading", {"text": "Buku catatan kecil", "level": "h3"}),
            (
                "paragraph",
                "<p>Tautan panjang: https://contoh.serambi.local/"
                + "sangat-panjang-" * 12
                + "</p>",
            ),
            (
                "pull_quote",
                {"quote": "Meminta tolong bukan tanda lemah.", "attribution": "Ayu"},
            ),
        ],
    )
    article.tags.add("anggaran", "ibu-tunggal")
    article.save()
    for order, (person, role) in enumerate(
        [
            (writer, ArticleCredit.Role.WRITER),
            (pen_name_writer, ArticleCredit.Role.WRITER),
            (illustrator, ArticleCredit.Role.ILLUSTRATOR),
        ]
    ):
        ArticleCreditFactory(
            page=article, contributor=person, role=role, sort_order=order
        )
    insert_or_update_object(article)

    others = []
    for number in range(extra_articles):
        other = ArticlePageFactory(
            parent=blog_index,
            title=f"Tulisan lain nomor {number + 1}",
            category=category,
            hero_image=image(
                "ilustrasi",
                alt=f"Ilustrasi tulisan {number + 1}",
                width=1600,
                height=900,
            ),
            first_published_at=PUBLISHED - datetime.timedelta(days=number + 1),
            writer=writer,
        )
        ArticleCreditFactory(
            page=other, contributor=illustrator, role=ArticleCredit.Role.ILLUSTRATOR
        )
        others.append(other)
    HomePageFeaturedArticle.objects.create(page=home_page, article=article)
    return PublicSite(
        article=article,
        writer=writer,
        pen_name_writer=pen_name_writer,
        illustrator=illustrator,
        pen_name_photo=pen_name_photo,
        category=category,
        others=others,
    )


@contextmanager
def kept_for_the_module(django_db_blocker):
    """An outer transaction for data that a module's tests share, rolled back when the
    module ends. Each test runs in a savepoint inside it (pytest-django's own
    transaction), so what one test changes is undone before the next."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            for cache in caches.all():
                cache.clear()
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            for cache in caches.all():
                cache.clear()


def build_public_site_in_place():
    """`build_public_site` under the home page and indexes that migrations made."""
    return build_public_site(
        HomePage.objects.get(),
        BlogIndexPage.objects.get(),
        ContributorIndexPage.objects.get(),
    )


def _reloaded(value):
    if isinstance(value, list):
        return [_reloaded(item) for item in value]
    return type(value).objects.get(pk=value.pk)


def reloaded(site):
    """The same PublicSite as fresh objects, so no test sees another's unsaved edits."""
    return PublicSite(
        **{
            item.name: _reloaded(getattr(site, item.name))
            for item in fields(PublicSite)
        }
    )


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
