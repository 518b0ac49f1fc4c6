"""Cerita masuk: the editors' queue, used through the Wagtail admin as each person."""

import logging
from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from blog.models import ArticlePage
from contributors.models import ContributorPage
from stories.models import StorySettings, StorySubmission
from tests.editorial.conftest import make_user

from .conftest import CONTACT, photo_with_gps


@pytest.fixture
def story(send, sent_form):
    send(sent_form())
    mail.outbox.clear()
    return StorySubmission.objects.get()


def test_editors_are_told_of_a_new_story_without_her_contact(
    send, sent_form, editor, caplog
):
    with caplog.at_level(logging.DEBUG):
        send(sent_form())

    [message] = [m for m in mail.outbox if editor.email in m.to]
    story = StorySubmission.objects.get()
    assert message.subject == "Cerita baru masuk di Serambi"
    assert reverse("stories:inspect", args=[story.pk]) in message.body
    assert CONTACT not in message.subject + message.body
    assert CONTACT not in caplog.text


def test_the_queue_shows_how_long_each_story_waited(client, editor, story):
    StorySubmission.objects.filter(pk=story.pk).update(
        received_at=timezone.now() - timedelta(days=3, hours=2)
    )
    client.force_login(editor)

    response = client.get(reverse("stories:index"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Pagi yang Panjang" in html
    assert "3\xa0hari" in html
    assert reverse("stories:inspect", args=[story.pk]) in html
    assert CONTACT not in html


def test_an_editor_reads_the_story_as_serambi_understood_it(client, editor, story):
    client.force_login(editor)

    response = client.get(reverse("stories:inspect", args=[story.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Pagi yang Panjang" in html
    assert "tanganku gemetar" in html
    assert "Penulis: Bunda Pagi" in html
    assert CONTACT in html  # editors only


@pytest.mark.parametrize("name", ["stories:index", "stories:inspect"])
def test_contributors_are_sent_away(client, contributor_index, story, name):
    client.force_login(make_user("alya", "Contributors"))
    args = [story.pk] if name == "stories:inspect" else []

    response = client.get(reverse(name, args=args))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("name", ["stories:draft", "stories:decline"])
def test_contributors_cannot_decide(decide, contributor_index, story, name):
    alya = make_user("alya", "Contributors")

    response = decide(name.split(":")[1], story, {"message": "x"}, user=alya)

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    story.refresh_from_db()
    assert story.status == StorySubmission.Status.NEW


def test_the_menu_shows_the_queue_to_editors_only(client, editor, contributor_index):
    client.force_login(editor)
    assert "Cerita masuk" in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(make_user("alya", "Contributors"))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("stories:index") not in home


def test_a_story_becomes_a_draft_with_a_pen_name_profile(
    decide, editor, blog_index, contributor_index, send, sent_form
):
    send(sent_form(picture=photo_with_gps()))
    story = StorySubmission.objects.get()
    mail.outbox.clear()

    response = decide("draft", story)

    article = ArticlePage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[article.pk])
    assert not article.live
    assert article.title == "Pagi yang Panjang"
    assert article.owner == editor
    draft = article.get_latest_revision_as_object()
    assert draft.hero_image is not None
    profile = ContributorPage.objects.get(pen_name="Bunda Pagi")
    assert profile.title == "Bunda Pagi (nama asli tidak diketahui)"
    assert profile.user is None
    assert profile.use_pen_name_only
    assert profile.public_name == "Bunda Pagi"
    assert [c.contributor_id for c in article.credits.all()] == [profile.pk]
    story.refresh_from_db()
    assert story.status == StorySubmission.Status.DRAFTED
    assert story.article_id == article.pk
    [message] = mail.outbox
    assert message.to == [CONTACT]
    assert message.subject == "Kabar tentang ceritamu di Serambi"
    assert StorySettings.objects.get().accepted_message.split(".")[0] in message.body


def test_a_real_name_given_for_publication_is_not_hidden(
    decide, blog_index, contributor_index, send, sent_form
):
    send(sent_form(name="Wulan Sari", real_name="on"))

    decide("draft", StorySubmission.objects.get())

    profile = ContributorPage.objects.get(title="Wulan Sari")
    assert not profile.use_pen_name_only


def test_an_existing_profile_is_credited_not_duplicated(
    decide, blog_index, contributor_index, send, sent_form
):
    from demo.factories import ContributorPageFactory

    existing = ContributorPageFactory(parent=contributor_index, title="Bunda Pagi")
    send(sent_form())

    decide("draft", StorySubmission.objects.get())

    assert ContributorPage.objects.filter(title="Bunda Pagi").count() == 1
    assert ArticlePage.objects.get().credits.get().contributor_id == existing.pk


def test_declining_sends_her_the_editors_kind_message(client, decide, editor, story):
    client.force_login(editor)
    page = client.get(reverse("stories:inspect", args=[story.pk])).content.decode()
    assert "bukan penilaian atas dirimu" in page  # the default, editable message

    response = decide(
        "decline",
        story,
        {"message": "Terima kasih, Bunda. Ceritamu kami simpan di hati."},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("stories:index")
    story.refresh_from_db()
    assert story.status == StorySubmission.Status.DECLINED
    assert story.decided_by == editor
    [message] = mail.outbox
    assert message.to == [CONTACT]
    assert "Ceritamu kami simpan di hati." in message.body
    assert CONTACT not in message.subject
    assert ArticlePage.objects.count() == 0


def test_no_mail_when_she_left_only_a_whatsapp_number(client, decide, send, sent_form):
    send(sent_form(contact="0812-3456-7890"))
    story = StorySubmission.objects.get()
    mail.outbox.clear()

    decide("decline", story, {"message": "Maaf."})
    page = client.get(reverse("stories:inspect", args=[story.pk])).content.decode()

    assert mail.outbox == []
    assert "https://wa.me/6281234567890" in page


def test_a_decided_story_cannot_be_decided_again(decide, story):
    decide("decline", story, {"message": "Maaf."})
    mail.outbox.clear()

    decide("decline", story, {"message": "Lagi."})

    assert mail.outbox == []


def test_decided_stories_are_purged_after_the_setting_days(
    decide, send, sent_form, story
):
    StorySettings.objects.update_or_create(
        site_id=story.page.get_site().pk, defaults={"retention_days": 10}
    )
    send(sent_form())  # still waiting: kept however old
    waiting = StorySubmission.objects.exclude(pk=story.pk).get()
    StorySubmission.objects.filter(pk=waiting.pk).update(
        received_at=timezone.now() - timedelta(days=400)
    )
    decide("decline", story, {"message": "Maaf."})
    now = timezone.now()

    StorySubmission.objects.filter(pk=story.pk).update(
        decided_at=now - timedelta(days=9, hours=23)
    )
    call_command("purge_stories")
    assert StorySubmission.objects.filter(pk=story.pk).exists()

    StorySubmission.objects.filter(pk=story.pk).update(
        decided_at=now - timedelta(days=10, minutes=1)
    )
    call_command("purge_stories")
    assert list(StorySubmission.objects.values_list("pk", flat=True)) == [waiting.pk]
    assert not StorySubmission.objects.filter(contact=CONTACT, pk=story.pk).exists()


def test_the_purge_is_a_scheduled_job(settings):
    assert "purge_stories" in [job[0] for job in settings.SCHEDULED_JOBS]


def test_her_contact_is_in_no_public_page_nor_the_search_index(
    client, story_page, send, sent_form
):
    from modelsearch.index import get_indexed_models

    send(sent_form())

    assert StorySubmission not in get_indexed_models()
    for url in ["/", story_page.url, story_page.url + "terkirim/", "/bantuan/"]:
        assert CONTACT not in client.get(url).content.decode()
    for query in (CONTACT, "tanganku gemetar"):
        results = client.get(reverse("search"), {"q": query}).content.decode()
        assert 'class="result"' not in results
        assert "Pagi yang Panjang" not in results
