"""The Wagtail admin speaks Indonesian where Wagtail's own id_ID catalogue stops.

website/locale/id/LC_MESSAGES/django.po translates the admin strings Wagtail 8 leaves in
English; the `website` app comes first in INSTALLED_APPS, so its catalogue outranks
Wagtail's. Wagtail's JavaScript catalogue only reads wagtail.admin's locale directory and
LOCALE_PATHS, so JS strings cannot live here (see the root locale/ for those).
"""

import gettext
import re
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.urls import reverse

import pytest

CATALOGUE = Path(settings.BASE_DIR) / "website" / "locale" / "id" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]+\}|</?[a-z]+[^>]*>")


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def add_article_url(blog_index):
    return reverse(
        "wagtailadmin_pages:add", args=["blog", "articlepage", blog_index.pk]
    )


def test_dashboard_menu_in_indonesian(admin_in):
    content = page(admin_in(), reverse("wagtailadmin_home"))

    # The sidebar menu (rendered as JSON) and the keyboard shortcuts dialog.
    assert "Laporan" in content
    assert "Reports" not in content
    assert "Pintasan papan ketik" in content
    assert "Keyboard shortcuts" not in content
    assert "Alur kerja" in content
    assert "Workflows" not in content


def test_page_editor_in_indonesian(admin_in, blog_index):
    content = page(admin_in(), add_article_url(blog_index))

    assert "Judul halaman*" in content
    assert "Page title*" not in content
    assert "Atur jadwal terbit" in content
    assert "Set publishing schedule" not in content
    assert "Metrik konten" in content
    assert "Content metrics" not in content
    # Wagtail's id_ID spells it "kadaluarsa"; the dictionary (KBBI) spelling wins.
    assert "Tanggal dan jam berhenti tampil" in content
    assert "kadaluarsa" not in content


def test_image_upload_in_indonesian(admin_in):
    content = page(admin_in(), reverse("wagtailimages:add"))

    assert "Simpan perubahan Anda sebelum keluar" in content
    assert "Save your changes before leaving" not in content


def test_admin_stays_english_for_a_user_who_prefers_it(admin_in, client, blog_index):
    client = admin_in("en")

    dashboard = page(client, reverse("wagtailadmin_home"))
    assert "Reports" in dashboard
    assert "Laporan" not in dashboard

    editor = page(client, add_article_url(blog_index))
    assert "Page title*" in editor
    assert "Judul halaman*" not in editor
    assert "Set publishing schedule" in editor


def po_entries(path):
    """(msgid, msgid_plural or None, msgstr) for each live entry, header left out."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields, key = {}, None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            match = re.match(
                r'(msgctxt|msgid_plural|msgid|msgstr(?:\[0\])?) (".*")$', line
            )
            if match:
                key = match.group(1).replace("[0]", "")
                fields[key] = ""
                line = match.group(2)
            fields[key] += (
                line[1:-1]
                .encode("latin-1", "backslashreplace")
                .decode("unicode_escape")
            )
        if fields.get("msgid"):
            entries.append(
                (fields["msgid"], fields.get("msgid_plural"), fields["msgstr"])
            )
    return entries


def test_translations_keep_placeholders_and_markup():
    entries = po_entries(CATALOGUE / "django.po")
    assert len(entries) > 900

    for msgid, msgid_plural, msgstr in entries:
        assert msgstr, msgid
        source = msgid_plural or msgid
        assert sorted(PLACEHOLDER.findall(msgstr)) == sorted(
            PLACEHOLDER.findall(source)
        ), msgid


def test_committed_mo_matches_po():
    with open(CATALOGUE / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for msgid, msgid_plural, msgstr in po_entries(CATALOGUE / "django.po"):
        if msgid_plural:
            assert compiled.ngettext(msgid, msgid_plural, 2) == msgstr, msgid
        else:
            assert compiled.gettext(msgid) == msgstr, msgid


MSGFMT = shutil.which("msgfmt")


@pytest.mark.skipif(MSGFMT is None, reason="gettext is not installed")
def test_catalogue_passes_msgfmt_check(tmp_path):
    result = subprocess.run(  # noqa: S603 - gettext's msgfmt, fixed arguments
        [MSGFMT, "--check", "-o", str(tmp_path / "django.mo"), "django.po"],
        cwd=CATALOGUE,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
