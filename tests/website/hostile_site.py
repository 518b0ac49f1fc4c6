"""Hostile-but-legal content for the public crawl: what editors can type and imports
can bring, which the demo's tidy articles never show.

Unicode and emoji in titles, slugs, tags, categories and names; titles at the
255-character limit; an empty body; every body block; an image whose file is gone,
one whose file is not an image, one smaller than every size the templates ask for;
a contributor with neither photo nor bio; a password-protected article; a draft.
"""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile

from wagtail.embeds.blocks import EmbedValue
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import PageViewRestriction
from wagtail.search.index import insert_or_update_object

from blog.models import ArticleCredit, ArticlePage, BlogIndexPage
from contributors.models import ContributorIndexPage
from demo.factories import (
    ArticlePageFactory,
    CategoryFactory,
    ContributorPageFactory,
    CustomImageFactory,
)

JAKARTA = ZoneInfo("Asia/Jakarta")
# Microseconds on purpose: the admin stamps them, and <time datetime> must not show them.
PUBLISHED = datetime.datetime(2026, 9, 3, 7, 15, 42, 123456, tzinfo=JAKARTA)

LONG_TITLE = (
    "Ketika 🌧️ hujan turun di Cimahi dan anak-anak “tertidur” di kursi <belakang> "
    "& saya—seorang ibu tunggal—bertanya pada diri sendiri: apakah semua ini "
    "sepadan? Jawabannya datang pelan-pelan, seperti teh manis yang mendingin 🍵 "
    "di meja dapur, di antara tagihan listrik dan PR matematika; ya, sepadan."
)[:255]
NON_ASCII_TAGS = ["Pérez", "ibu tunggal 🌸", "🌸", "日本語", "Ärger & Sorgen", "C++"]
TRICKY_PARAGRAPH = (
    "<p>Buka <b>Settings &gt; Discussion</b> &amp; pilih salah satu dari dua ways.</p>"
    "<p>Threaded comments memudahkan &lt;balasan&gt; panjang.</p>"
    "<ul><li>Satu</li><li>Dua</li></ul>"
)
TRICKY_SUMMARY_START = (
    "Buka Settings > Discussion & pilih salah satu dari dua ways. Threaded comments "
    "memudahkan <balasan> panjang. Satu Dua"
)


@dataclass
class HostileSite:
    articles: list = field(default_factory=list)
    protected: ArticlePage = None
    draft: ArticlePage = None
    tricky: ArticlePage = None
    unicode_article: ArticlePage = None
    missing_image: object = None
    corrupt_image: object = None


def image(title, width=640, height=400, **kwargs):
    return CustomImageFactory(
        title=title,
        description=f"Ilustrasi {title}",
        file__width=width,
        file__height=height,
        file__filename=f"{title}.png",
        **kwargs,
    )


def missing_file_image(title):
    """An image row whose file is gone (deleted by hand, lost in a move of media)."""
    picture = image(title)
    picture.file.storage.delete(picture.file.name)
    return picture


def corrupt_image(title):
    """An image row whose file holds bytes that are no image at all."""
    picture = image(title)
    storage = picture.file.storage
    name = picture.file.name
    storage.delete(name)
    storage.save(name, ContentFile(b"\x89PNG\r\n\x1a\n this is not really a PNG" * 4))
    return picture


def stored_embed(url, html, title, provider, type_="video"):
    """An embed as Wagtail keeps it after asking the provider once (no network)."""
    return Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type=type_,
        html=html,
        title=title,
        provider_name=provider,
        thumbnail_url="https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg",
        width=640,
        height=360,
    )


def every_block(body_image, small_image):
    youtube = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    stored_embed(
        youtube,
        '<iframe width="640" height="360" '
        'src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" '
        'frameborder="0" allowfullscreen title="Diskusi 🌸"></iframe>',
        "Diskusi daring 🌸",
        "YouTube",
    )
    rich = "https://twitter.com/serambi/status/1"
    stored_embed(
        rich,
        '<blockquote class="twitter-tweet"><p lang="id">Halo &amp; salam 🌸</p>'
        "</blockquote>",
        "Cuitan",
        "Twitter",
        type_="rich",
    )
    return [
        ("heading", {"text": "Bagian 🌸 pertama & <kedua>", "level": "h2"}),
        ("paragraph", TRICKY_PARAGRAPH),
        ("heading", {"text": "Subjudul “kutip”", "level": "h3"}),
        ("image", {"image": body_image, "caption": "Gambar yang filenya hilang"}),
        ("image", {"image": small_image, "caption": "Gambar kecil 🌼"}),
        (
            "pull_quote",
            {"quote": "Meminta tolong bukan tanda lemah 💪", "attribution": "Zoë"},
        ),
        ("pull_quote", {"quote": "Tanpa sumber <b>", "attribution": ""}),
        (
            "key_points",
            {"title": "Poin 🌟", "points": ["Satu & dua", "Tiga <empat>", "🌸"]},
        ),
        ("key_points", {"title": "", "points": ["Tanpa judul"]}),
        ("embed", {"embed": EmbedValue(youtube), "caption": "Video 🎥"}),
        ("embed", {"embed": EmbedValue(rich), "caption": ""}),
        ("callout", {"title": "Catatan ⚠️", "text": "<p>Hubungi <i>129</i>.</p>"}),
        ("callout", {"title": "", "text": "<p>Tanpa judul.</p>"}),
    ]


def _article(index, writer, days, *, illustrator=None, tags=(), **kwargs):
    published = PUBLISHED + datetime.timedelta(days=days)
    kwargs.setdefault("standfirst", "")
    kwargs.setdefault("excerpt", "")
    page = ArticlePageFactory(
        parent=index,
        first_published_at=published,
        last_published_at=published,
        **kwargs,
    )
    ArticleCredit.objects.create(
        page=page, contributor=writer, role=ArticleCredit.Role.WRITER, sort_order=0
    )
    if illustrator is not None:
        ArticleCredit.objects.create(
            page=page,
            contributor=illustrator,
            role=ArticleCredit.Role.ILLUSTRATOR,
            sort_order=1,
        )
    if tags:
        page.tags.add(*tags)
        page.save()
    insert_or_update_object(page)
    return page


def build_hostile_site():
    """Adds the hostile content under the site's existing blog and contributor
    indexes (the demo's, when it is seeded first)."""
    index = BlogIndexPage.objects.get()
    people = ContributorIndexPage.objects.get()
    site = HostileSite()
    site.missing_image = missing_file_image("hilang")
    site.corrupt_image = corrupt_image("rusak")
    small = image("kecil", width=120, height=80)
    body_image = missing_file_image("hilang-di-isi")

    bare = ContributorPageFactory(
        parent=people, title="Zoë Pérez 🌺", slug="zoë-pérez", short_bio=""
    )
    missing_photo = ContributorPageFactory(
        parent=people,
        title="Ñoño Ångström",
        slug="ñoño-ångström",
        photo=missing_file_image("foto-hilang"),
        short_bio="Ilustrator 🎨 & penulis <kadang-kadang>.",
    )
    corrupt_photo = ContributorPageFactory(
        parent=people,
        title="Dewi “Dee” Lestari-Saputri " + "panjang " * 20,
        slug="dewi-dee",
        photo=corrupt_image("foto-rusak"),
    )
    emoji_category = CategoryFactory(
        name="Cerita Ibu 🌸 & Anak", slug="cerita-ibu-anak"
    )
    unicode_category = CategoryFactory(name="Pérez & Ñoño", slug="pérez-ñoño")

    site.unicode_article = _article(
        index,
        bare,
        1,
        title="Pérez 🌸: “ibu” & <anak> di Bandung",
        slug="pérez-ibu-anak-bandung",
        category=unicode_category,
        tags=NON_ASCII_TAGS,
        hero_image=small,
        body=[("paragraph", "<p>Émile 🌸 dan ibunya.</p>")],
    )
    _article(
        index,
        corrupt_photo,
        2,
        title=LONG_TITLE,
        slug=("judul-yang-sangat-panjang-" * 12)[:255].strip("-"),
        category=emoji_category,
        tags=["Pérez", "🌧️ hujan"],
        hero_image=site.corrupt_image,
    )
    _article(
        index,
        bare,
        3,
        title="Isi kosong",
        slug="isi-kosong",
        body=[],
    )
    site.tricky = _article(
        index,
        missing_photo,
        4,
        illustrator=bare,
        title="Semua blok 🧱",
        slug="semua-blok",
        category=emoji_category,
        tags=["日本語"],
        hero_image=site.missing_image,
        body=every_block(body_image, small),
    )
    _article(
        index,
        missing_photo,
        5,
        title="Catatan konten ⚠️",
        slug="catatan-konten-berat",
        content_note="kekerasan dalam rumah tangga 💔",
        hero_image=body_image,
        body=[("paragraph", "<p>Isi yang berat.</p>")],
    )
    site.protected = _article(
        index,
        bare,
        6,
        title="Hanya untuk anggota 🔒",
        slug="hanya-anggota",
        hero_image=small,
    )
    PageViewRestriction.objects.create(
        page=site.protected,
        restriction_type=PageViewRestriction.PASSWORD,
        password="serambi-rahasia",
    )
    site.draft = ArticlePageFactory(
        parent=index, title="Draf 📝", slug="draf-rahasia", live=False
    )
    site.articles = list(
        ArticlePage.objects.live().public().filter(first_published_at__gte=PUBLISHED)
    )
    return site
