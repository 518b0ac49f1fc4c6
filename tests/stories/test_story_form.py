"""The public story form, sent through its public URLs as a member would."""

import time

from django.core.cache import cache
from django.urls import reverse

import pytest

from images.privacy import find_metadata
from stories.forms import stamp
from stories.models import StorySubmission
from tests.importer.word_files import WordFile, run

from .conftest import CONTACT, photo_with_gps


def test_the_form_page_renders_without_a_cookie_or_token(client, story_page):
    response = client.get(story_page.url)

    assert response.status_code == 200
    assert response.cookies == {}
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert f'action="{reverse("story_submit", args=[story_page.pk])}"' in html
    assert 'enctype="multipart/form-data"' in html
    assert "Ketentuan komunitas" in html


def test_a_story_is_kept_and_she_sees_what_happens_next(send, sent_form, story_page):
    response = send(sent_form())

    sent_url = story_page.url + "terkirim/"
    assert response.status_code == 302
    assert response["Location"] == sent_url
    story = StorySubmission.objects.get()
    assert story.title == "Pagi yang Panjang"
    assert story.name == "Bunda Pagi"
    assert story.real_name is False
    assert story.contact == CONTACT
    assert story.status == StorySubmission.Status.NEW


def test_the_sent_page_says_what_happens_and_lists_the_helplines(client, story_page):
    response = client.get(story_page.url + "terkirim/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Apa yang terjadi selanjutnya" in html
    assert "30 hari setelah redaksi memutuskan" in html
    assert "Butuh bantuan sekarang?" in html
    assert response.cookies == {}


def test_no_address_user_agent_or_cookie_is_kept(send, sent_form):
    send(
        sent_form(),
        REMOTE_ADDR="203.0.113.77",
        HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14) Penanda-Unik",
        HTTP_COOKIE="pelacak=nilai-unik-123",
    )

    names = {field.name for field in StorySubmission._meta.get_fields()}
    assert not names & {
        "ip",
        "ip_address",
        "address",
        "user_agent",
        "cookie",
        "cookies",
    }
    row = StorySubmission.objects.values().get()
    stored = " ".join(str(value) for value in row.values())
    for trace in ("203.0.113.77", "Penanda-Unik", "nilai-unik-123"):
        assert trace not in stored


def test_anonim_when_she_gives_no_name(send, sent_form):
    send(sent_form(name="  ", real_name="on"))

    story = StorySubmission.objects.get()
    assert story.name == "Anonim"
    assert story.real_name is False


def test_a_word_file_is_read_as_kirim_tulisan_reads_it(send, sent_form):
    word = WordFile()
    word.title("Judul dari Word")
    word.paragraph(run("Isi cerita yang panjang dari berkas."))
    upload = _file("cerita.docx", word.data())
    response = send(sent_form(text="", upload=upload))

    assert response.status_code == 302
    story = StorySubmission.objects.get()
    assert story.title == "Judul dari Word"
    assert story.file_name.endswith(".docx")


def test_the_picture_is_kept_without_its_location(send, sent_form):
    photo = photo_with_gps()
    assert find_metadata(photo.getvalue())

    response = send(sent_form(picture=photo))

    assert response.status_code == 302
    story = StorySubmission.objects.get()
    assert find_metadata(bytes(story.picture_data)) == []


def test_the_honeypot_refuses_plainly(send, sent_form):
    response = send(sent_form(website="http://spam.example"))

    assert response.status_code == 400
    assert "Jangan isi kolom ini" in response.content.decode()
    assert StorySubmission.objects.count() == 0


def test_a_form_sent_too_fast_is_refused_and_keeps_her_text(send, sent_form):
    response = send(sent_form(started=stamp(time.time() - 1)))

    assert response.status_code == 400
    html = response.content.decode()
    assert "terkirim terlalu cepat" in html
    assert "Hari pertama aku mengantar anakku" in html
    assert StorySubmission.objects.count() == 0


@pytest.mark.parametrize("started", ["", "1700000000:forged", None])
def test_a_missing_or_forged_time_is_refused(send, sent_form, started):
    response = send(sent_form(started=started))

    assert response.status_code == 400
    assert "terlalu lama terbuka" in response.content.decode()
    assert StorySubmission.objects.count() == 0


def test_one_address_may_send_a_few_stories_an_hour(send, sent_form, settings):
    settings.STORY_SUBMISSIONS_PER_HOUR = 2

    first = send(sent_form(), REMOTE_ADDR="198.51.100.9")
    second = send(sent_form(), REMOTE_ADDR="198.51.100.9")
    third = send(sent_form(), REMOTE_ADDR="198.51.100.9")
    elsewhere = send(sent_form(), REMOTE_ADDR="198.51.100.10")

    assert [first.status_code, second.status_code] == [302, 302]
    assert third.status_code == 429
    assert third["Retry-After"] == "3600"
    assert "terlalu banyak cerita" in third.content.decode()
    # Her text, to copy and keep, on a page that costs no query.
    assert "Hari pertama aku mengantar anakku" in third.content.decode()
    assert elsewhere.status_code == 302
    assert StorySubmission.objects.count() == 3


def test_a_flood_from_many_addresses_meets_the_site_wide_limit(
    send, sent_form, settings
):
    settings.STORY_SUBMISSIONS_SITE_PER_HOUR = 2
    # A bot that fills the honeypot is refused before it counts, so bots cannot
    # shut the members out.
    bot = send(sent_form(website="http://spam.example"), REMOTE_ADDR="198.51.100.99")

    answers = [send(sent_form(), REMOTE_ADDR=f"198.51.100.{n}") for n in range(1, 5)]

    assert bot.status_code == 400

    assert [a.status_code for a in answers] == [302, 302, 429, 429]
    assert answers[2]["Retry-After"] == "3600"
    assert "banyak sekali cerita" in answers[2].content.decode()
    assert "Hari pertama aku mengantar anakku" in answers[2].content.decode()
    assert StorySubmission.objects.count() == 2


def test_the_limit_keeps_the_address_only_hashed(send, sent_form):
    send(sent_form(), REMOTE_ADDR="198.51.100.9")

    keys = [key for key in cache._cache if "story-rate" in key]  # locmem internals
    assert len(keys) == 1
    assert "198.51.100.9" not in keys[0]


def test_bad_input_is_refused_with_kirim_tulisan_rules(send, sent_form):
    empty = send(sent_form(text="   "))
    wrong_type = send(sent_form(text="", upload=_file("cerita.pdf", b"%PDF-1.4")))
    both = send(sent_form(upload=_file("cerita.txt", b"Judul\n\nIsi.")))

    assert empty.status_code == 400
    assert "Tempel tulisan Anda atau pilih berkas" in empty.content.decode()
    assert wrong_type.status_code == 400
    assert "Berkas ini tidak bisa dibaca" in wrong_type.content.decode()
    assert both.status_code == 400
    assert "Pilih salah satu" in both.content.decode()
    assert StorySubmission.objects.count() == 0


def test_an_unreadable_word_file_is_a_400_and_nothing_is_saved(send, sent_form):
    response = send(sent_form(text="", upload=_file("cerita.docx", b"PK\x03\x04rusak")))

    assert response.status_code == 400
    assert "Ceritamu belum terkirim" in response.content.decode()
    assert StorySubmission.objects.count() == 0


def test_too_large_a_text_is_a_413(send, sent_form):
    response = send(sent_form(text="kata " * (1024 * 1024 + 1)))

    assert response.status_code == 413
    assert StorySubmission.objects.count() == 0


def test_too_large_a_picture_is_a_413(send, sent_form, settings):
    settings.STORY_MAX_PICTURE_BYTES = 100

    response = send(sent_form(picture=photo_with_gps()))

    assert response.status_code == 413
    assert "Gambarnya terlalu besar" in response.content.decode()
    assert StorySubmission.objects.count() == 0


def test_not_a_picture_is_refused(send, sent_form):
    response = send(sent_form(picture=_file("foto.jpg", b"bukan gambar")))

    assert response.status_code == 400
    assert "Gambar ini tidak bisa diproses" in response.content.decode()
    assert StorySubmission.objects.count() == 0


def test_a_contact_that_is_neither_mail_nor_number_is_refused(send, sent_form):
    response = send(sent_form(contact="besok saja"))

    assert response.status_code == 400
    assert "nomor WhatsApp" in response.content.decode()


def test_she_must_agree_to_the_terms(send, sent_form):
    response = send(sent_form(agree=None))

    assert response.status_code == 400
    assert "Centang persetujuan" in response.content.decode()
    assert StorySubmission.objects.count() == 0


def test_a_get_on_the_post_address_goes_to_the_form(client, story_page):
    response = client.get(reverse("story_submit", args=[story_page.pk]))

    assert response.status_code == 302
    assert response["Location"] == story_page.url


def _file(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def test_the_form_is_served_from_the_page_cache_and_posts_are_not(
    client, story_page, send, sent_form, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_GENERATION_SECONDS = 60
    first = client.get(story_page.url)
    assert "public" in first["Cache-Control"]

    with django_assert_num_queries(0):
        again = client.get(story_page.url)
    refused = send(sent_form(website="spam"))
    sent = send(sent_form())

    assert again.content == first.content
    for response in (refused, sent):
        assert "no-store" in response["Cache-Control"]
    assert refused.status_code == 400
    assert sent.status_code == 302
    assert StorySubmission.objects.count() == 1


def test_a_flood_is_refused_without_a_database_query(
    send, sent_form, settings, django_assert_num_queries
):
    settings.STORY_SUBMISSIONS_PER_HOUR = 1
    send(sent_form())

    with django_assert_num_queries(0):
        limited = send(sent_form())
    with django_assert_num_queries(0):
        trapped = send(sent_form(website="http://spam.example"))

    assert (limited.status_code, trapped.status_code) == (429, 429)
