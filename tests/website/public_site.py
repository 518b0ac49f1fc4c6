"""A small public site for the markup and browser tests: real images, credits, a pen name."""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from blog.models import ArticleCredit
from contributors.models import ContributorLink
from demo.factories import (
    ArticleCreditFactory,
    ArticlePageFactory,
    CategoryFactory,
    ContributorPageFactory,
    CustomImageFactory,
)
from website.models import HomePageFeaturedArticle

JAKARTA = ZoneInfo("Asia/Jakarta")
PUBLISHED = datetime.datetime(2026, 8, 17, 9, 30, tzinfo=JAKARTA)

REAL_NAME = "Siti Rahmawati"
PEN_NAME = "Bunga Senja"


def image(title, *, alt, credit="", width=1600, height=900, color="#c2703d"):
    return CustomImageFactory(
        title=title,
        description=alt,
        credit=credit,
        file__width=width,
        file__height=height,
        file__color=color,
        file__filename=f"{title}.jpg",
    )


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

    others = []
    for number in range(extra_articles):
        other = ArticlePageFactory(
            parent=blog_index,
            title=f"Tulisan lain nomor {number + 1}",
            category=category,
            hero_image=image(
                f"ilustrasi-{number}", alt=f"Ilustrasi tulisan {number + 1}"
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
