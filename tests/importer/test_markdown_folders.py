"""Markdown folders as Jekyll and Hugo keep them: YAML `---` and TOML `+++` front
matter read by real parsers, dates and slugs from file names, drafts honoured."""

import io
from datetime import date

from django.core.management import CommandError, call_command
from django.utils.timezone import localtime

from wagtail.contrib.redirects.models import Redirect

import pytest

from blog.models import ArticlePage
from importer.parsing import UnreadableText, parse_markdown, split_front_matter

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


JEKYLL_POST = """---
layout: post
title: "Resep Sayur Asem: Murah dan Segar"
categories:
- Dapur
- Hemat
tags:
- sayur
- resep keluarga
---
Sayur asem membuat anak-anak makan dengan lahap.
"""

HUGO_POST = """+++
title = "Mengatur Waktu Kerja dari Rumah"
date = 2020-06-01T08:00:00+07:00
slug = "kerja-dari-rumah"
tags = ["kerja", "rumah"]
categories = ["Pekerjaan"]
aliases = ["/2020/06/kerja-rumah.html"]
summary = "Pembagian waktu yang membuat kami bertahan."
+++
Saya bekerja saat anak tidur siang.
"""


@pytest.fixture
def jekyll(tmp_path):
    site = tmp_path / "blog-jekyll"
    write(site / "_posts" / "2019-03-04-sayur-asem.md", JEKYLL_POST)
    write(
        site / "_posts" / "2019-04-01-belum-siap.md",
        "---\ntitle: Belum Siap\npublished: false\n---\nMasih saya tulis.\n",
    )
    write(
        site / "_drafts" / "ide-baru.md",
        "---\ntitle: Ide Baru\n---\nCatatan untuk nanti.\n",
    )
    return site


def test_jekyll_and_hugo_pages_are_counted_not_made_articles(tmp_path, superuser):
    jekyll = tmp_path / "situs-jekyll"
    write(jekyll / "_config.yml", "title: Blog Kami\n")
    write(jekyll / "about.md", "---\ntitle: Tentang Kami\n---\nKami komunitas.\n")
    write(jekyll / "_posts" / "2019-03-04-cerita.md", "---\ntitle: Cerita\n---\nIsi.\n")
    hugo = tmp_path / "situs-hugo"
    write(hugo / "hugo.toml", 'title = "Blog Kami"\n')
    write(hugo / "README.md", "# Cara membangun situs ini\n")
    write(hugo / "content" / "tentang.md", '+++\ntitle = "Tentang"\n+++\nKami.\n')
    write(hugo / "content" / "posts" / "kabar.md", '+++\ntitle = "Kabar"\n+++\nIsi.\n')
    out, _err = run(jekyll, hugo)

    assert sorted(ArticlePage.objects.values_list("title", flat=True)) == [
        "Cerita",
        "Kabar",
    ]
    assert "Bukan tulisan, tidak dijadikan artikel: 3 halaman." in out


def test_jekyll_date_and_slug_come_from_the_file_name(jekyll, superuser):
    run(jekyll, "--publish")

    post = ArticlePage.objects.get(title="Resep Sayur Asem: Murah dan Segar")
    assert post.slug == "sayur-asem"
    assert post.live is True
    assert localtime(post.first_published_at).date() == date(2019, 3, 4)


def test_yaml_block_lists_at_column_zero_are_read(jekyll, superuser):
    run(jekyll)

    post = ArticlePage.objects.get(slug="sayur-asem")
    assert post.category.name == "Dapur"
    assert sorted(post.tags.names()) == ["Hemat", "resep keluarga", "sayur"]


def test_jekyll_drafts_stay_drafts(jekyll, superuser):
    run(jekyll, "--publish")

    assert ArticlePage.objects.get(title="Belum Siap").live is False
    assert ArticlePage.objects.get(title="Ide Baru").live is False


@pytest.mark.parametrize(
    "old",
    [
        "/2019/03/04/sayur-asem.html",
        "/2019/03/04/sayur-asem/",
        "/dapur/hemat/2019/03/04/sayur-asem.html",
    ],
)
def test_jekyll_dated_paths_redirect(jekyll, superuser, client, old):
    run(jekyll, "--publish")

    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == "/artikel/sayur-asem/"


@pytest.fixture
def hugo(tmp_path):
    content = tmp_path / "content"
    write(content / "posts" / "kerja.md", HUGO_POST)
    write(
        content / "posts" / "rencana" / "index.md",
        '+++\ntitle = "Rencana Liburan"\ndraft = true\n+++\nKe rumah nenek.\n',
    )
    write(content / "posts" / "_index.md", '+++\ntitle = "Tulisan"\n+++\n')
    write(
        content / "posts" / "yaml-hugo.md",
        "---\ntitle: Hugo dengan YAML\ndate: 2021-02-03\ndraft: false\n"
        "tags: [satu, 'dua, tiga']\n---\nIsi.\n",
    )
    return content


def test_hugo_toml_front_matter_is_read_not_made_the_title(hugo, superuser):
    run(hugo, "--publish")

    post = ArticlePage.objects.get(slug="kerja-dari-rumah")
    assert post.title == "Mengatur Waktu Kerja dari Rumah"
    assert "+++" not in str(post.body.raw_data)
    assert "title =" not in str(post.body.raw_data)
    assert sorted(post.tags.names()) == ["kerja", "rumah"]
    assert post.category.name == "Pekerjaan"
    assert post.excerpt == "Pembagian waktu yang membuat kami bertahan."
    assert post.first_published_at.isoformat() == "2020-06-01T01:00:00+00:00"


def test_hugo_drafts_and_section_lists(hugo, superuser):
    out, _err = run(hugo, "--publish")

    assert ArticlePage.objects.get(title="Rencana Liburan").live is False
    assert ArticlePage.objects.get(title="Rencana Liburan").slug == "rencana"
    assert not ArticlePage.objects.filter(title="Tulisan").exists()
    assert "1 hugo _index" in out


def test_hugo_yaml_lists_in_flow_style_keep_quoted_commas(hugo, superuser):
    run(hugo)
    post = ArticlePage.objects.get(title="Hugo dengan YAML")
    assert sorted(post.tags.names()) == ["dua, tiga", "satu"]


def test_hugo_aliases_and_section_paths_redirect(hugo, superuser, client):
    run(hugo, "--publish")

    for old in ("/2020/06/kerja-rumah.html", "/posts/kerja-dari-rumah/"):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == "/artikel/kerja-dari-rumah/"
    assert not Redirect.objects.filter(old_path__contains="rencana").exists()


def test_broken_front_matter_fails_that_file_with_the_parser_reason(
    tmp_path, superuser
):
    write(tmp_path / "tulisan" / "rusak.md", "---\ntitle: [belum ditutup\n---\nIsi.\n")
    write(tmp_path / "tulisan" / "baik.md", "---\ntitle: Baik\n---\nIsi.\n")
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 dibuat, .* 1 gagal"):
        call_command(
            "import_articles",
            str(tmp_path / "tulisan"),
            stdout=io.StringIO(),
            stderr=err,
        )
    assert "rusak.md: Bagian depan (front matter) tidak bisa dibaca: " in err.getvalue()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntags:\n- a\n- b\n---\n", ["a", "b"]),
        ("---\ntags:\n  - a\n  - b\n---\n", ["a", "b"]),
        ("---\ntags: [a, b]\n---\n", ["a", "b"]),
        ("---\ntags: a, b\n---\n", "a, b"),
        ('+++\ntags = ["a", "b"]\n+++\n', ["a", "b"]),
    ],
)
def test_front_matter_lists_in_every_style(text, expected):
    meta, _body = split_front_matter(text)
    assert meta["tags"] == expected


def test_front_matter_that_is_not_a_mapping_is_refused():
    with pytest.raises(UnreadableText, match="pasangan nama: nilai"):
        parse_markdown("---\n- satu\n- dua\n---\nIsi.\n")


def test_a_relative_link_without_a_base_is_dropped_with_a_warning():
    article = parse_markdown("---\ntitle: T\n---\nLihat [resep](/resep/) ini.\n")
    assert "<a " not in str(article.body)
    assert any("/resep/" in warning for warning in article.warnings)
