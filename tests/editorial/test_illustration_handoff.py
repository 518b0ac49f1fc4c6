"""The writer ↔ illustrator hand-off, each role through the admin's own views."""

from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from django.urls import reverse

from wagtail.models import Collection, Page
from wagtail.test.utils.form_data import inline_formset

import pytest
from pytest_django.asserts import assertRedirects

from blog.models import ArticleCredit
from demo.factories import ContributorPageFactory, CustomImageFactory
from editorial.models import IllustrationRequest
from tests.site_builder import article

from .conftest import article_data, draft_by, make_user

BRIEF = "Seorang ibu menggandeng anaknya pulang sekolah saat hujan."


@pytest.fixture
def citra(contributor_index):
    """A second illustrator."""
    user = make_user("citra", "Contributors")
    user.profile_page = ContributorPageFactory(
        parent=contributor_index, title="Citra Ayu", slug="citra", user=user
    )
    return user


@pytest.fixture
def draft(alya, blog_index):
    """Alya's draft, with a paragraph and an image block."""
    return draft_by(
        alya,
        blog_index,
        title="Hujan di jalan pulang",
        standfirst="Tentang payung kecil dan tangan yang saling menggenggam.",
        body=[
            ("paragraph", "<p>Rahasia draf: kami berjalan pelan di bawah hujan.</p>"),
            ("image", {"image": CustomImageFactory(), "caption": "Payung"}),
        ],
    )


@pytest.fixture
def open_request(draft, alya):
    return IllustrationRequest.objects.create(
        article=draft, brief=BRIEF, mood="hangat", requested_by=alya
    )


def an_image(**kwargs):
    """An image in the root collection, where contributors may choose images."""
    return CustomImageFactory(collection=Collection.get_first_root_node(), **kwargs)


def assert_refused(response):
    """Wagtail's own page views refuse the way its admin does: back to the dashboard
    with an error (our hand-off views answer 403)."""
    assertRedirects(
        response, reverse("wagtailadmin_home"), fetch_redirect_response=False
    )
    assert list(get_messages(response.wsgi_request))[-1].level_tag == "error"


def take(client, user, illustration_request):
    client.force_login(user)
    return client.post(
        reverse("editorial_take_illustration", args=[illustration_request.pk])
    )


def test_writer_asks_for_an_illustration_from_her_draft(client, alya, draft):
    client.force_login(alya)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    url = reverse("editorial_request_illustration", args=[draft.pk])
    assert url in edit.content.decode()

    response = client.post(
        url, {"brief": BRIEF, "mood": "hangat", "deadline": "2026-12-20"}
    )

    assertRedirects(response, reverse("wagtailadmin_home"))
    row = IllustrationRequest.objects.get(article=draft)
    assert (row.brief, row.mood, str(row.deadline), row.status, row.requested_by) == (
        BRIEF,
        "hangat",
        "2026-12-20",
        IllustrationRequest.Status.OPEN,
        alya,
    )


def test_an_empty_brief_is_refused_with_a_clear_message(client, alya, draft):
    client.force_login(alya)
    response = client.post(
        reverse("editorial_request_illustration", args=[draft.pk]), {"brief": ""}
    )
    assert response.status_code == 400
    assert "Tuliskan apa yang perlu digambar." in response.content.decode()
    assert not IllustrationRequest.objects.exists()


def test_another_contributor_cannot_ask_for_someone_elses_draft(client, bunga, draft):
    client.force_login(bunga)
    response = client.get(reverse("editorial_request_illustration", args=[draft.pk]))
    assert response.status_code == 403


def test_illustrators_see_title_intro_and_brief_never_the_draft(
    client, bunga, open_request
):
    client.force_login(bunga)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Menunggu ilustrasi" in html
    assert "Hujan di jalan pulang" in html
    assert "Tentang payung kecil dan tangan yang saling menggenggam." in html
    assert BRIEF in html
    assert "Rahasia draf" not in html
    assert reverse("editorial_take_illustration", args=[open_request.pk]) in html


def test_she_takes_it_and_the_writer_and_editors_are_told(
    client, alya, bunga, eka, open_request
):
    response = take(client, bunga, open_request)

    assertRedirects(
        response,
        reverse("editorial_illustrate", args=[open_request.pk]),
        fetch_redirect_response=False,
    )
    open_request.refresh_from_db()
    assert open_request.status == IllustrationRequest.Status.TAKEN
    assert open_request.illustrator == bunga
    assert open_request.taken_at is not None
    told = sorted(message.to[0] for message in mail.outbox)
    assert told == ["alya@contoh.id", "eka@contoh.id"]
    assert mail.outbox[0].subject == 'Sedang digambar: "Hujan di jalan pulang"'
    assert "Bunga Lestari mengambil permintaan ilustrasi" in mail.outbox[0].body


def test_a_second_taker_is_told_it_is_gone(client, bunga, citra, open_request):
    take(client, bunga, open_request)

    response = take(client, citra, open_request)

    assert response.status_code == 409
    assert "sudah diambil ilustrator lain" in response.content.decode()
    open_request.refresh_from_db()
    assert open_request.illustrator == bunga


def test_editor_reassigns_and_the_new_illustrator_is_told(
    client, bunga, citra, eka, open_request
):
    take(client, bunga, open_request)
    mail.outbox.clear()
    client.force_login(eka)

    response = client.post(
        reverse("editorial_reassign_illustration", args=[open_request.pk]),
        {"illustrator": citra.pk},
    )

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    open_request.refresh_from_db()
    assert (open_request.illustrator, open_request.status) == (citra, "taken")
    assert [message.to for message in mail.outbox] == [["citra@contoh.id"]]
    # Bunga no longer reaches the draft.
    client.force_login(bunga)
    url = reverse("editorial_illustrate", args=[open_request.pk])
    assert client.get(url).status_code == 403


def test_editor_opens_a_request_again(client, bunga, eka, open_request):
    take(client, bunga, open_request)
    client.force_login(eka)
    client.post(
        reverse("editorial_reassign_illustration", args=[open_request.pk]),
        {"illustrator": ""},
    )
    open_request.refresh_from_db()
    assert (open_request.illustrator, open_request.status) == (None, "open")


def test_contributors_cannot_reassign(client, alya, bunga, citra, open_request):
    take(client, bunga, open_request)
    client.force_login(alya)
    response = client.post(
        reverse("editorial_reassign_illustration", args=[open_request.pk]),
        {"illustrator": citra.pk},
    )
    assert response.status_code == 403
    open_request.refresh_from_db()
    assert open_request.illustrator == bunga


def test_she_sets_hero_and_body_images_in_a_new_draft_revision_only(
    client, alya, bunga, eka, draft, open_request
):
    take(client, bunga, open_request)
    mail.outbox.clear()
    hero, swapped, added = (an_image(uploaded_by_user=bunga) for _ in range(3))
    page = draft.get_latest_revision_as_object()
    paragraph, image_block = (child.id for child in page.body)
    revisions_before = draft.revisions.count()

    response = client.post(
        reverse("editorial_illustrate", args=[open_request.pk]),
        {
            "hero_image": hero.pk,
            f"block_{image_block}": swapped.pk,
            "new_image": added.pk,
            "after": paragraph,
            "caption": "Dua payung",
            # Anything else posted is ignored: the form has no such fields.
            "title": "Judul baru",
            "body": "teks lain",
            "done": "1",
        },
    )

    assert response.status_code == 302
    assert response.url == reverse("editorial_illustrate", args=[open_request.pk])
    draft.refresh_from_db()
    assert draft.revisions.count() == revisions_before + 1
    assert draft.live is False
    latest = draft.get_latest_revision_as_object()
    assert latest.title == "Hujan di jalan pulang"
    assert latest.hero_image == hero
    assert [
        (child.block_type, child.value["image"] if child.block_type == "image" else "")
        for child in latest.body
    ] == [("paragraph", ""), ("image", added), ("image", swapped)]
    assert latest.body[0].value.source == (
        "<p>Rahasia draf: kami berjalan pelan di bawah hujan.</p>"
    )
    assert latest.body[2].value["caption"] == "Payung"
    assert sorted(
        (credit.contributor.title, credit.role) for credit in latest.credits.all()
    ) == [("Alya Rahma", "writer"), ("Bunga Lestari", "illustrator")]
    assert draft.latest_revision.user == bunga
    open_request.refresh_from_db()
    assert open_request.status == IllustrationRequest.Status.DONE
    assert sorted(message.to[0] for message in mail.outbox) == [
        "alya@contoh.id",
        "eka@contoh.id",
    ]
    assert mail.outbox[0].subject == 'Ilustrasi baru untuk "Hujan di jalan pulang"'


def test_a_new_image_needs_a_place(client, bunga, open_request):
    take(client, bunga, open_request)
    response = client.post(
        reverse("editorial_illustrate", args=[open_request.pk]),
        {"new_image": an_image().pk, "after": ""},
    )
    assert response.status_code == 400
    assert "Pilih paragraf tempat gambar baru diletakkan." in response.content.decode()


def test_only_images_she_may_choose_are_accepted(client, bunga, open_request):
    take(client, bunga, open_request)
    # An image in a collection the Contributors group holds no permission on.
    hidden = CustomImageFactory()
    page = open_request.article.get_latest_revision_as_object()
    image_block = page.body[1]
    response = client.post(
        reverse("editorial_illustrate", args=[open_request.pk]),
        {
            "hero_image": hidden.pk,
            # The writer's image stays valid, though it is not hers to choose.
            f"block_{image_block.id}": image_block.value["image"].pk,
        },
    )
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["hero_image"]
    latest = open_request.article.get_latest_revision_as_object()
    assert latest.hero_image is None


def test_an_illustrator_who_did_not_take_it_sees_nothing_of_the_draft(
    client, bunga, citra, draft, open_request
):
    take(Client(), bunga, open_request)
    client.force_login(citra)
    for url in (
        reverse("editorial_illustrate", args=[open_request.pk]),
        reverse("editorial_preview_illustration", args=[open_request.pk]),
    ):
        assert client.get(url).status_code == 403, url
    for url in (
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[draft.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk]),
    ):
        assert_refused(client.get(url))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Hujan di jalan pulang" not in home


def test_the_taker_previews_but_cannot_edit_credit_or_publish(
    client, bunga, draft, open_request
):
    take(client, bunga, open_request)

    preview = client.get(
        reverse("editorial_preview_illustration", args=[open_request.pk])
    )
    assert preview.status_code == 200
    assert "Rahasia draf" in preview.content.decode()

    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert_refused(client.get(edit_url))
    writer = draft.credits.get().contributor
    for action in ("action-publish", None):
        response = client.post(
            edit_url,
            article_data(
                writer,
                action=action,
                title="Diganti ilustrator",
                credits=inline_formset(
                    [{"contributor": bunga.profile_page.pk, "role": "writer"}], min=1
                ),
            ),
        )
        assert_refused(response)
    assert_refused(
        client.get(reverse("wagtailadmin_pages:view_draft", args=[draft.pk]))
    )
    draft.refresh_from_db()
    assert (draft.live, draft.draft_title) == (False, "Hujan di jalan pulang")
    assert not Page.objects.filter(title="Diganti ilustrator").exists()


def test_tulisan_saya_lists_what_she_took_and_what_credits_her(
    client, alya, bunga, blog_index, open_request
):
    credited = draft_by(alya, blog_index, title="Belajar menabung sedikit demi sedikit")
    ArticleCredit.objects.create(
        page=credited,
        contributor=bunga.profile_page,
        role=ArticleCredit.Role.ILLUSTRATOR,
    )
    take(client, bunga, open_request)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Anda menggambar ilustrasinya" in html
    assert reverse("editorial_illustrate", args=[open_request.pk]) in html
    assert 'data-illustration-status="taken"' in html
    assert "Belajar menabung sedikit demi sedikit" in html
    # Credited on someone else's draft: listed, but not a link into its editor.
    assert reverse("wagtailadmin_pages:edit", args=[credited.pk]) not in html


# --- Who hears of a request, and by which name ------------------------------------------


@pytest.fixture
def past_illustrator(citra, blog_index):
    """Citra, credited with the illustration of a published article."""
    article(blog_index, illustrators=[citra.profile_page], title="Sarapan berdua")
    return citra


def ask(client, user, draft):
    client.force_login(user)
    return client.post(
        reverse("editorial_request_illustration", args=[draft.pk]),
        {"brief": BRIEF, "mood": "hangat", "deadline": "2026-12-20"},
    )


def hide_behind_pen_name(user, pen_name):
    profile = user.profile_page
    profile.pen_name, profile.use_pen_name_only = pen_name, True
    profile.save()
    user.last_name = "Kusumawardani"
    user.save()


def test_a_new_request_asks_those_who_have_illustrated_before(
    client, alya, bunga, eka, past_illustrator, draft
):
    ask(client, alya, draft)

    # Bunga has never illustrated, Eka sees the request on the editors' desk, and
    # Alya asked: only Citra is e-mailed.
    (message,) = mail.outbox
    assert message.to == ["citra@contoh.id"]
    assert message.subject == 'Butuh ilustrasi: "Hujan di jalan pulang"'
    assert "Alya Rahma mencari ilustrator" in message.body
    assert BRIEF in message.body
    assert "Suasana: hangat" in message.body
    assert "http://testserver" + reverse("wagtailadmin_home") in message.body
    # What the dashboard shows an illustrator, never the draft.
    assert "Rahasia draf" not in message.body


def test_changing_the_brief_asks_nobody_again(
    client, alya, past_illustrator, open_request
):
    ask(client, alya, open_request.article)

    assert mail.outbox == []


def test_a_pen_name_writer_is_asked_for_by_her_pen_name(
    client, alya, past_illustrator, draft
):
    hide_behind_pen_name(alya, "Ibu Senja")

    ask(client, alya, draft)

    (message,) = mail.outbox
    assert "Ibu Senja mencari ilustrator" in message.body
    assert "Alya" not in message.body
    assert "Kusumawardani" not in message.body


def test_a_pen_name_illustrator_is_named_by_her_pen_name_to_the_writer(
    client, alya, bunga, open_request
):
    hide_behind_pen_name(bunga, "Kupu Biru")

    take(client, bunga, open_request)

    to_alya = next(m for m in mail.outbox if m.to == ["alya@contoh.id"])
    assert "Kupu Biru mengambil permintaan ilustrasi" in to_alya.body
    assert "Bunga" not in to_alya.body + to_alya.subject
    assert "Kusumawardani" not in to_alya.body
    client.force_login(alya)
    html = client.get(
        reverse("editorial_request_illustration", args=[open_request.article_id])
    ).content.decode()
    assert "Kupu Biru" in html
    assert "Bunga Lestari" not in html


def test_she_adds_her_picture_while_the_article_is_in_review(
    client, alya, bunga, eka, blog_index
):
    # Alya writes and submits; while it waits for review she asks for a picture.
    client.force_login(alya)
    client.post(
        reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog_index.pk]),
        article_data(alya.profile_page),
    )
    draft = Page.objects.get(slug="belajar-meminta-tolong").specific
    assert draft.current_workflow_state.status == "in_progress"
    illustration_request = IllustrationRequest.objects.create(
        article=draft, brief=BRIEF, requested_by=alya
    )
    take(client, bunga, illustration_request)
    picture = an_image(title="Dua payung di jalan", uploaded_by_user=bunga)

    response = client.post(
        reverse("editorial_illustrate", args=[illustration_request.pk]),
        {"hero_image": picture.pk, "done": "1"},
    )

    assertRedirects(
        response,
        reverse("editorial_illustrate", args=[illustration_request.pk]),
        fetch_redirect_response=False,
    )
    draft.refresh_from_db()
    latest = draft.get_latest_revision_as_object()
    assert latest.hero_image == picture
    assert ("Bunga Lestari", "illustrator") in [
        (credit.contributor.title, credit.role) for credit in latest.credits.all()
    ]
    # Still in review, and what the reviewers now review is her revision.
    workflow_state = draft.current_workflow_state
    assert workflow_state.status == "in_progress"
    assert workflow_state.current_task_state.revision == draft.latest_revision
    assert draft.latest_revision.user == bunga
    client.force_login(eka)
    editor_view = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    assert "Dua payung di jalan" in editor_view.content.decode()


def test_a_lock_set_by_an_editor_keeps_her_choice_on_screen(
    client, bunga, eka, draft, open_request
):
    take(client, bunga, open_request)
    draft.locked, draft.locked_by = True, eka
    draft.save(update_fields=["locked", "locked_by"])
    picture = an_image(title="Dua payung di jalan", uploaded_by_user=bunga)
    revisions_before = draft.revisions.count()

    response = client.post(
        reverse("editorial_illustrate", args=[open_request.pk]),
        {"hero_image": picture.pk},
    )

    assert response.status_code == 409
    assert draft.revisions.count() == revisions_before
    page = response.content.decode()
    assert "sedang dikunci oleh redaksi" in page
    assert "Pilihan Anda masih ada di bawah" in page
    # The picture she chose is still chosen in the form she sees again.
    assert f'name="hero_image" value="{picture.pk}"' in page
