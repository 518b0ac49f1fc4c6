"""Every "can" and "cannot" of the two roles, as the person in question would try it."""

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

import pytest
from pytest_django.asserts import assertRedirects

from blog.models import ArticlePage

from .conftest import add_url, article_data, draft_by, edit_url

SECRET = "Rahasia draf Bunga yang belum terbit"


@pytest.fixture
def bunga_draft(bunga, blog_index):
    page = draft_by(bunga, blog_index, title=SECRET, slug="draf-bunga")
    page.standfirst = SECRET
    page.save_revision(user=bunga)
    return page


@pytest.fixture
def bunga_live(bunga, blog_index):
    """Live, with a newer unpublished draft carrying private text."""
    page = draft_by(bunga, blog_index, title="Tulisan Bunga", slug="tulisan-bunga")
    page.save_revision(user=bunga).publish()
    page = ArticlePage.objects.get(pk=page.pk)
    page.standfirst = SECRET
    page.save_revision(user=bunga)
    return page


def latest(page):
    """The newest revision as an object, read afresh from the database."""
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()


def assert_redirected_home(response):
    """How Wagtail refuses what a user's permissions do not allow."""
    assertRedirects(
        response, reverse("wagtailadmin_home"), fetch_redirect_response=False
    )


def assert_refused(response):
    """Wagtail's refusal: back to the dashboard with a message; never the content."""
    assert_redirected_home(response)
    assert SECRET not in response.content.decode()


# --- Contributor: what she can do --------------------------------------------------


def test_contributor_creates_and_edits_her_own_draft(client, alya, blog_index):
    client.force_login(alya)
    response = client.post(
        add_url(blog_index), article_data(alya.profile_page, action=None)
    )
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="belajar-meminta-tolong")
    assert article.owner == alya and not article.live

    assert client.get(edit_url(article)).status_code == 200
    response = client.post(
        edit_url(article),
        article_data(alya.profile_page, action=None, title="Judul baru"),
    )
    assert response.status_code == 302
    assert latest(article).title == "Judul baru"
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))
    assert preview.status_code == 200
    assert "Judul baru" in preview.content.decode()


def test_contributor_uploads_an_image(client, alya):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wagtail.images.tests.utils import get_test_image_file

    client.force_login(alya)
    image_file = get_test_image_file()
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ilustrasi",
            "file": SimpleUploadedFile("ilustrasi.png", image_file.file.getvalue()),
            "description": "Seorang ibu dan anak",
        },
    )
    from wagtail.images import get_image_model

    assertRedirects(
        response, reverse("wagtailimages:index"), fetch_redirect_response=False
    )
    assert get_image_model().objects.filter(uploaded_by_user=alya).exists()


def test_contributor_cannot_publish_by_posting_the_publish_action(
    client, alya, blog_index
):
    client.force_login(alya)
    client.post(
        add_url(blog_index), article_data(alya.profile_page, action="action-publish")
    )
    article = ArticlePage.objects.get(slug="belajar-meminta-tolong")
    assert not article.live
    response = client.post(
        edit_url(article), article_data(alya.profile_page, action="action-publish")
    )
    article.refresh_from_db()
    assert not article.live
    client.logout()
    assert "Belajar meminta tolong" not in client.get("/artikel/").content.decode()
    # Saved as a draft, not published: back to the editor.
    assertRedirects(
        response,
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        fetch_redirect_response=False,
    )


def test_contributor_cannot_unpublish_move_or_delete_her_live_article(
    client, alya, blog_index
):
    article = draft_by(alya, blog_index, slug="sudah-terbit")
    article.get_latest_revision().publish()
    client.force_login(alya)
    for url in [
        reverse("wagtailadmin_pages:unpublish", args=[article.pk]),
        reverse("wagtailadmin_pages:delete", args=[article.pk]),
        reverse("wagtailadmin_pages:move", args=[article.pk]),
    ]:
        assert_redirected_home(client.get(url))
        assert_redirected_home(client.post(url))
    article.refresh_from_db()
    assert article.live
    assert ArticlePage.objects.filter(pk=article.pk).exists()


def test_contributor_may_delete_her_unpublished_draft(client, alya, blog_index):
    article = draft_by(alya, blog_index, slug="buang-saja")
    client.force_login(alya)
    client.post(reverse("wagtailadmin_pages:delete", args=[article.pk]))
    # Into the trash (tests/editorial/test_trash.py), out of the blog.
    assert not ArticlePage.objects.child_of(blog_index).filter(pk=article.pk).exists()


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("wagtailadmin_pages:edit", ["pk"]),
        ("wagtailadmin_pages:preview_on_edit", ["pk"]),
        ("wagtailadmin_pages:view_draft", ["pk"]),
        ("wagtailadmin_pages:revisions_view", ["pk", "rev"]),
        ("wagtailadmin_pages:revisions_compare", ["pk", "earliest", "rev"]),
        ("wagtailadmin_pages:revisions_compare", ["pk", "live", "latest"]),
        ("wagtailadmin_pages:revisions_revert", ["pk", "rev"]),
        ("wagtailadmin_pages:history", ["pk"]),
        ("wagtailadmin_pages:history_results", ["pk"]),
        ("wagtailadmin_pages:workflow_history", ["pk"]),
        ("wagtailadmin_pages:copy", ["pk"]),
        ("wagtailadmin_pages:usage", ["pk"]),
        ("wagtailadmin_pages:delete", ["pk"]),
    ],
)
@pytest.mark.parametrize("target", ["bunga_draft", "bunga_live"])
def test_contributor_cannot_reach_another_contributors_draft(
    request, client, alya, name, args, target
):
    page = request.getfixturevalue(target)
    values = {"pk": page.pk, "rev": page.get_latest_revision().pk}
    client.force_login(alya)
    url = reverse(name, args=[values.get(arg, arg) for arg in args])
    assert_refused(client.get(url))


@pytest.mark.parametrize(
    "name",
    [
        "wagtailadmin_pages:lock",
        "wagtailadmin_pages:delete",
        "wagtailadmin_pages:unpublish",
        "wagtailadmin_pages:copy",
        "wagtailadmin_pages:preview_on_edit",
    ],
)
def test_contributor_cannot_post_actions_on_another_contributors_page(
    client, alya, bunga_live, name
):
    client.force_login(alya)
    assert_refused(client.post(reverse(name, args=[bunga_live.pk])))
    bunga_live.refresh_from_db()
    assert bunga_live.live and not bunga_live.locked


def test_contributor_cannot_post_to_another_contributors_draft(
    client, alya, bunga, bunga_draft
):
    client.force_login(alya)
    response = client.post(
        edit_url(bunga_draft),
        article_data(bunga.profile_page, action=None, title="Diambil alih"),
    )
    assert_refused(response)
    assert latest(bunga_draft).title == SECRET


@pytest.mark.parametrize(
    ("name", "args", "query"),
    [
        ("wagtailadmin_explore", ["blog"], ""),
        ("wagtailadmin_pages:search", [], "?q=Rahasia"),
        ("wagtailadmin_pages:search_results", [], "?q=Rahasia"),
        ("wagtailadmin_choose_page_child", ["blog"], ""),
        ("wagtailadmin_choose_page_search", [], "?q=Rahasia"),
        ("wagtailadmin_api:pages:listing", [], "?child_of={blog}"),
        ("wagtailadmin_reports:site_history", [], ""),
        ("wagtailadmin_reports:workflow", [], ""),
        ("wagtailadmin_reports:workflow_tasks", [], ""),
        ("wagtailadmin_reports:locked_pages", [], ""),
        ("wagtailadmin_reports:aging_pages", [], ""),
    ],
)
def test_listings_do_not_show_another_contributors_draft(
    client, alya, bunga, blog_index, bunga_draft, name, args, query
):
    bunga_draft.get_workflow().start(bunga_draft, bunga)
    own = draft_by(alya, blog_index, title="Draf milik Alya", slug="draf-alya")
    client.force_login(alya)
    url = reverse(name, args=[blog_index.pk for _ in args]) + query.format(
        blog=blog_index.pk
    )
    response = client.get(url)
    body = response.content.decode()
    # The reports are editors' only; the listings filter what she may see.
    assert response.status_code == (403 if "reports" in name else 200)
    assert SECRET not in body
    if "search" not in url and "reports" not in url:
        assert own.title in body


def test_editor_sees_every_draft_in_the_listing(client, eka, blog_index, bunga_draft):
    client.force_login(eka)
    assert (
        SECRET
        in client.get(
            reverse("wagtailadmin_explore", args=[blog_index.pk])
        ).content.decode()
    )


# --- Profiles ---------------------------------------------------------------------


def test_contributor_edits_her_own_profile_but_it_waits_for_review(client, alya, eka):
    profile = alya.profile_page
    profile.save_revision().publish()
    client.force_login(alya)
    response = client.get(edit_url(profile))
    assert response.status_code == 200
    # The account link is for editors only.
    assert 'name="user"' not in response.content.decode()

    data = {
        "title": "Alya Rahma",
        "slug": "alya",
        "pen_name": "Bu Alya",
        "short_bio": "Ibu satu anak, penulis baru.",
        "bio": rich_text(""),
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "user": str(eka.pk),  # smuggled: must change nothing
        "action-publish": "action-publish",  # smuggled: she cannot publish
    }
    client.post(edit_url(profile), data)
    profile.refresh_from_db()
    assert profile.pen_name == ""  # live version unchanged
    assert profile.user == alya
    assert latest(profile).short_bio.startswith("Ibu satu")

    data.pop("action-publish")
    data["action-submit"] = "action-submit"
    client.post(edit_url(profile), data)
    profile.refresh_from_db()
    assert profile.workflow_in_progress
    public = client.get("/kontributor/alya/")
    assert "Bu Alya" not in public.content.decode()

    client.force_login(eka)
    task_state = profile.current_workflow_task_state
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[profile.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )
    profile.refresh_from_db()
    assert profile.pen_name == "Bu Alya"
    assert profile.user == alya
    client.logout()
    assert "Bu Alya" in client.get("/kontributor/alya/").content.decode()


def test_contributor_cannot_edit_anyone_elses_profile(client, alya, bunga):
    client.force_login(alya)
    assert_redirected_home(client.get(edit_url(bunga.profile_page)))
    assert_redirected_home(
        client.get(reverse("wagtailadmin_pages:copy", args=[bunga.profile_page.pk]))
    )
    assert_redirected_home(
        client.post(reverse("wagtailadmin_pages:delete", args=[alya.profile_page.pk]))
    )
    assert Page.objects.filter(pk=alya.profile_page.pk).exists()


def test_contributor_cannot_create_profiles(client, alya, contributor_index):
    client.force_login(alya)
    response = client.get(
        reverse(
            "wagtailadmin_pages:add",
            args=["contributors", "contributorpage", contributor_index.pk],
        )
    )
    assert_redirected_home(response)


def test_contributor_cannot_reach_user_management(client, alya, eka):
    client.force_login(alya)
    assert_redirected_home(client.get(reverse("wagtailusers_users:index")))
    assert_redirected_home(
        client.get(reverse("wagtailusers_users:edit", args=[eka.pk]))
    )
    assert_redirected_home(
        client.get(reverse("wagtailusers_users:edit", args=[alya.pk]))
    )


# --- Editors ----------------------------------------------------------------------


def test_editor_edits_publishes_and_unpublishes_any_article(
    client, eka, bunga, bunga_draft
):
    client.force_login(eka)
    response = client.post(
        edit_url(bunga_draft),
        article_data(bunga.profile_page, action="action-publish", title="Disunting"),
    )
    assert response.status_code == 302
    bunga_draft.refresh_from_db()
    assert bunga_draft.live and bunga_draft.title == "Disunting"
    client.post(reverse("wagtailadmin_pages:unpublish", args=[bunga_draft.pk]))
    bunga_draft.refresh_from_db()
    assert not bunga_draft.live


def test_editor_cannot_manage_users(client, eka):
    client.force_login(eka)
    for url in [
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_users:edit", args=[eka.pk]),
        reverse("wagtailusers_groups:index"),
    ]:
        assert_redirected_home(client.get(url))


# --- Integrity --------------------------------------------------------------------


def test_smuggled_fields_change_nothing(client, alya, eka, blog_index):
    article = draft_by(alya, blog_index, slug="milik-alya")
    client.force_login(alya)
    client.post(
        edit_url(article),
        article_data(
            alya.profile_page,
            action=None,
            slug="milik-alya",
            owner=str(eka.pk),
            live="on",
            locked="on",
            locked_by=str(eka.pk),
            first_published_at="2020-01-01 10:00",
            last_published_at="2020-01-01 10:00",
            latest_revision_created_at="2020-01-01 10:00",
        ),
    )
    article.refresh_from_db()
    assert article.owner == alya
    assert not article.live
    assert not article.locked and article.locked_by is None
    assert article.first_published_at is None
    assert article.last_published_at is None
    assert article.latest_revision_created_at.year == timezone.now().year


def test_locked_page_cannot_be_edited_or_deleted_by_another_editor(
    client, eka, edo, bunga, bunga_draft
):
    client.force_login(eka)
    client.post(reverse("wagtailadmin_pages:lock", args=[bunga_draft.pk]))
    bunga_draft.refresh_from_db()
    assert bunga_draft.locked and bunga_draft.locked_by == eka

    client.force_login(edo)
    response = client.post(
        edit_url(bunga_draft),
        article_data(bunga.profile_page, action=None, title="Diubah Edo"),
    )
    assert latest(bunga_draft).title == SECRET
    # The form again, saying the page is locked.
    assert response.status_code == 200
    client.post(reverse("wagtailadmin_pages:delete", args=[bunga_draft.pk]))
    assert ArticlePage.objects.filter(pk=bunga_draft.pk).exists()
    client.post(reverse("wagtailadmin_pages:unlock", args=[bunga_draft.pk]))
    bunga_draft.refresh_from_db()
    assert bunga_draft.locked

    # The lock holder still can.
    client.force_login(eka)
    client.post(
        edit_url(bunga_draft),
        article_data(bunga.profile_page, action=None, title="Diubah Eka"),
    )
    assert latest(bunga_draft).title == "Diubah Eka"
