"""Translation catalogues: English for our Indonesian source strings, and an Indonesian
supplement for Wagtail strings its own id_ID catalogue leaves in English.

The compiled .mo files are committed (CI machines may lack gettext), so these tests read
the committed files with the standard library only: no msgfmt, no xgettext.
"""

import ast
import gettext
import os
import re
import zlib
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation.template import templatize

import wagtail.admin

import pytest

from demo.factories import ArticlePageFactory, ContributorPageFactory

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
CATALOGUES = [
    LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po",
    LOCALE_DIR / "id" / "LC_MESSAGES" / "django.po",
    LOCALE_DIR / "id" / "LC_MESSAGES" / "djangojs.po",
]
PIXELS_MSGID = (
    "This file has too many pixels (%(num_pixels)s). "
    "Maximum pixels %(max_pixels_count)s."
)


# --- Reading .po files ---------------------------------------------------------------


def po_entries(path):
    """The live (non-obsolete) entries of a .po file, header left out.

    Each entry is a dict: msgid, msgctxt (or None), msgid_plural (or None), msgstr (a list: one string, or
    one per plural form) and flags.
    """
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields, flags, key = {}, set(), None
        for line in block.splitlines():
            if line.startswith("#,"):
                flags.update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                fields[key] += ast.literal_eval(line)
            elif line.strip():
                key, _, value = line.partition(" ")
                fields[key] = ast.literal_eval(value)
        if fields.get("msgid"):
            plural = "msgid_plural" in fields
            entries.append(
                {
                    "msgid": fields["msgid"],
                    "msgctxt": fields.get("msgctxt"),
                    "msgid_plural": fields.get("msgid_plural"),
                    "msgstr": [
                        fields[k] for k in sorted(fields) if k.startswith("msgstr")
                    ]
                    if plural
                    else [fields.get("msgstr", "")],
                    "flags": flags,
                }
            )
    return entries


def mo_catalogue(po_path):
    with open(po_path.with_suffix(".mo"), "rb") as mo_file:
        return gettext.GNUTranslations(mo_file)._catalog


PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{\{ *\w+ *\}\}")


@pytest.mark.parametrize(
    "po_path", CATALOGUES, ids=lambda p: str(p.relative_to(LOCALE_DIR))
)
def test_every_entry_is_translated_and_the_committed_mo_matches(po_path):
    entries = po_entries(po_path)
    assert entries

    catalogue = mo_catalogue(po_path)
    compiled = {key: value for key, value in catalogue.items() if key != ""}
    expected = {}
    for entry in entries:
        assert "fuzzy" not in entry["flags"], entry["msgid"]
        assert all(entry["msgstr"]), f"untranslated: {entry['msgid']!r}"
        # The same placeholders, or the translated string breaks at run time.
        for msgstr in entry["msgstr"]:
            assert sorted(PLACEHOLDER.findall(msgstr)) == sorted(
                PLACEHOLDER.findall(entry["msgid"])
            ), entry["msgid"]
        # gettext's key for a string with a context: "context\x04msgid".
        msgid = "\x04".join(filter(None, [entry["msgctxt"], entry["msgid"]]))
        if entry["msgid_plural"]:
            for index, msgstr in enumerate(entry["msgstr"]):
                expected[(msgid, index)] = msgstr
        else:
            expected[msgid] = entry["msgstr"][0]

    # A stale .mo: run `manage.py compilemessages --ignore ".venv/*"` and commit it.
    assert compiled == expected


# --- The English catalogue covers every source string ---------------------------------

GETTEXT_FUNCTIONS = {
    "_": 1,
    "gettext": 1,
    "gettext_lazy": 1,
    "gettext_noop": 1,
    "ngettext": 2,
    "ngettext_lazy": 2,
}
# These take a context first: ("plural", "kategori").
CONTEXT_FUNCTIONS = {"pgettext": 2, "pgettext_lazy": 2}
SKIPPED_DIRS = {
    ".venv",
    "tests",
    "docs",
    "staticfiles",
    "media",
    "node_modules",
    "locale",
}
TEMPLATE_CALL = re.compile(
    r"(?<![A-Za-z0-9])(gettext|ngettext|_)\(((?:\s*u?(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\s*,?)+)"
)
STRING_LITERAL = re.compile(r"u?('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")


def source_files():
    """The files makemessages reads, with the same directories left out."""
    root = Path(settings.BASE_DIR)
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(
            name
            for name in subdirs
            if not (
                name in SKIPPED_DIRS
                or name.startswith(".")
                or name.endswith(".egg-info")
            )
        )
        for name in sorted(files):
            if Path(name).suffix in {".py", ".html", ".txt"}:
                yield Path(directory) / name


def python_msgids(path):
    """(context, msgid) of each translatable string; context None without one."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            count = GETTEXT_FUNCTIONS.get(name) or CONTEXT_FUNCTIONS.get(name)
            strings = [
                arg.value
                for arg in node.args[: count or 0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            ]
            if name in CONTEXT_FUNCTIONS and len(strings) == 2:
                yield tuple(strings)
            elif count and strings:
                yield (None, strings[0])


def template_msgids(path):
    # Django's own template-to-gettext translation, the one makemessages feeds xgettext.
    code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
    for match in TEMPLATE_CALL.finditer(code):
        yield (
            None,
            ast.literal_eval(STRING_LITERAL.match(match.group(2).strip()).group(1)),
        )


def test_every_source_string_is_in_the_english_catalogue():
    catalogue = {
        (entry["msgctxt"], entry["msgid"]) for entry in po_entries(CATALOGUES[0])
    }
    missing = set()
    for path in source_files():
        msgids = python_msgids(path) if path.suffix == ".py" else template_msgids(path)
        missing.update(
            f"{path.relative_to(settings.BASE_DIR)}: {msgid!r}"
            for msgid in msgids
            if msgid not in catalogue
        )
    # Fix: makemessages --locale en, translate, compilemessages (the commands head
    # locale/en/LC_MESSAGES/django.po).
    assert not missing, "\n".join(sorted(missing))


# --- What people see --------------------------------------------------------------------


@pytest.fixture
def article(blog_index, contributor_index):
    writer = ContributorPageFactory(
        parent=contributor_index, title="Sri Wahyuni", slug="sri"
    )
    return ArticlePageFactory(parent=blog_index, writer=writer)


def test_admin_edit_form_in_english_for_a_user_who_prefers_it(
    admin_in, client, article
):
    admin_in("en")

    content = client.get(
        reverse("wagtailadmin_pages:edit", args=[article.pk])
    ).content.decode()

    assert "Credits" in content  # our tab
    assert "Standfirst" in content  # our field label
    assert "Main illustration" in content
    assert "Kredit" not in content
    assert "Pembuka" not in content


def test_admin_edit_form_in_indonesian_by_default(admin_in, client, article):
    admin_in()

    content = client.get(
        reverse("wagtailadmin_pages:edit", args=[article.pk])
    ).content.decode()

    assert "Kredit" in content
    assert "Pembuka" in content
    assert "Credits" not in content
    assert "Standfirst" not in content


def test_public_pages_render_english_under_an_english_override(client, home_page):
    with translation.override("en"):
        response = client.get("/tidak-ada-halaman-ini/")

    assert response.status_code == 404
    content = response.content.decode()
    assert "Page not found" in content
    assert "Skip to content" in content
    assert "Halaman tidak ditemukan" not in content


def test_public_pages_are_indonesian_by_default(client, home_page):
    response = client.get("/tidak-ada-halaman-ini/")

    assert response.status_code == 404
    content = response.content.decode()
    assert "Halaman tidak ditemukan" in content
    assert "Page not found" not in content


# --- The Indonesian supplement ----------------------------------------------------------


def bomb_png(width, height):
    """A PNG of a few kilobytes that claims a width × height canvas."""

    def chunk(kind, data):
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = (
        width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([1, 0, 0, 0, 0])
    )
    compressor = zlib.compressobj(9)
    scanline = b"\x00" * (1 + (width + 7) // 8)
    data = b"".join(compressor.compress(scanline) for _ in range(height))
    data += compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", data)
        + chunk(b"IEND", b"")
    )


def upload_too_many_pixels(client):
    width, height = 8_000, 6_000
    assert width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ilustrasi besar",
            "file": SimpleUploadedFile(
                "besar.png", bomb_png(width, height), "image/png"
            ),
            "tags": "",
        },
    )
    assert response.status_code == 200
    return " ".join(response.context["form"].errors["file"])


def test_pixel_limit_error_is_indonesian_for_a_default_user(admin_in, client):
    admin_in()

    error = upload_too_many_pixels(client)

    assert error == (
        "Berkas ini memiliki terlalu banyak piksel (48000000). "
        "Jumlah piksel maksimum 40000000."
    )


def test_pixel_limit_error_stays_english_for_an_english_user(admin_in, client):
    admin_in("en")

    assert "too many pixels" in upload_too_many_pixels(client)


def test_our_indonesian_catalogue_is_merged_with_wagtails_and_wins():
    with translation.override("id"):
        # Ours: Wagtail's id_ID has no translation for it.
        assert translation.gettext(PIXELS_MSGID).startswith("Berkas ini memiliki")
        # Wagtail's id_ID is still in the merge: Python's gettext expands "id" through
        # locale.normalize to id_ID first, so Django finds Wagtail's id_ID directories.
        wagtail_admin_locale = Path(wagtail.admin.__file__).parent / "locale"
        found = gettext.find("django", wagtail_admin_locale, languages=["id"])
        assert found.endswith("id_ID/LC_MESSAGES/django.mo")
        assert translation.gettext("Dashboard") != "Dashboard"
        # Both have this one; Wagtail's has a comma where a full stop belongs. LOCALE_PATHS
        # come last in Django's merge, so ours must be the one used.
        assert translation.gettext(
            "Supported formats: %(supported_formats)s. Maximum filesize: %(max_upload_size)s."
        ) == (
            "Format yang didukung: %(supported_formats)s. Ukuran berkas maksimum: %(max_upload_size)s."
        )


def test_image_upload_help_text_uses_our_corrected_indonesian(admin_in, client):
    admin_in()

    content = client.get(reverse("wagtailimages:add")).content.decode()

    # Wagtail's own id_ID reads "…: PNG, WEBP, Ukuran berkas maksimum…".
    assert re.search(
        r"Format yang didukung: [A-Z, ]+\. Ukuran berkas maksimum: 10,0\xa0MB\.",
        content,
    )


def test_review_workflow_status_is_indonesian_on_the_edit_view(
    admin_in, client, article
):
    admin_in()

    content = client.get(
        reverse("wagtailadmin_pages:edit", args=[article.pk])
    ).content.decode()

    assert "Komentar" in content
    assert "Belum ada jadwal terbit" in content
    assert "No publishing schedule set" not in content


def test_comment_panel_strings_reach_the_javascript_catalogue(admin_in, client):
    admin_in()

    content = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()

    assert "Selesaikan" in content  # "Resolve"
    assert "Tulis balasan Anda..." in content  # "Enter your reply..."
