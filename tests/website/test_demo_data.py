"""The demo's data files (demo/data/) read into what the seed builds from, and a
mistake in one is named with its file and line rather than failing mid-seed."""

import pytest

from blog.models import ArticleCredit
from demo import content, illustrations
from demo.content import DemoDataError, load_article, parse_body


def test_every_article_file_names_known_people_categories_and_scenes():
    contributors = {person.slug for person in content.CONTRIBUTORS}
    categories = {slug for slug, _name, _description in content.CATEGORIES}
    roles = set(ArticleCredit.Role.values)
    assert len(content.ARTICLES) == 14
    assert len({article.slug for article in content.ARTICLES}) == 14
    for article in content.ARTICLES:
        assert article.category in categories, article.slug
        assert {slug for slug, _role in article.credits} <= contributors, article.slug
        assert {role for _slug, role in article.credits} <= roles, article.slug
        assert any(role == "writer" for _slug, role in article.credits), article.slug
        pictures = [article.hero] if article.hero else []
        pictures += [block[1] for block in article.body if block[0] == "image"]
        for picture in pictures:
            assert picture.scene in illustrations.SCENES, article.slug
            assert picture.palette in illustrations.PALETTES, article.slug
            assert picture.alt, article.slug


def test_the_body_format_reads_every_block_kind():
    body = parse_body(
        "Paragraf pertama yang\nberlanjut di baris kedua.\n\nParagraf kedua.\n\n"
        "## Judul kecil\n\n"
        "> Kutipan yang\n> panjang.\n> — Bu Sri\n\n"
        "::: key_points Yang penting\n- satu\n  lanjutan\n- dua\n:::\n\n"
        "::: callout Perhatian\nIsi kotak.\n:::\n\n"
        '::: image\nscene = "tea_porch"\npalette = "senja"\nseed = 3\n'
        'alt = "Teras sore"\ncaption = "Teh di teras"\n:::\n'
    )
    assert body == [
        (
            "paragraph",
            "Paragraf pertama yang berlanjut di baris kedua.",
            "Paragraf kedua.",
        ),
        ("heading", "Judul kecil"),
        ("pull_quote", "Kutipan yang panjang.", "Bu Sri"),
        ("key_points", "Yang penting", ["satu lanjutan", "dua"]),
        ("callout", "Perhatian", "<p>Isi kotak.</p>"),
        (
            "image",
            content.Picture("tea_porch", "senja", "Teras sore", 3),
            "Teh di teras",
        ),
    ]


def test_a_broken_file_is_named_with_its_line(tmp_path):
    broken = tmp_path / "15-cerita-baru.md"
    broken.write_text(
        '+++\ntitle = "Cerita baru"\ncategory = "merawat-diri"\nstandfirst = ""\n'
        'excerpt = ""\ntags = []\ndays_ago = 1\ncredits = []\n+++\n\n'
        "Paragraf.\n\n::: poin Judul\n- satu\n:::\n",
        encoding="utf-8",
    )
    with pytest.raises(DemoDataError, match=r"15-cerita-baru\.md:13: unknown block"):
        load_article(broken)

    unnumbered = tmp_path / "cerita-baru.md"
    unnumbered.write_text(broken.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(DemoDataError, match="NN-<slug>.md"):
        load_article(unnumbered)
