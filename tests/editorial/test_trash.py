"""The trash: deleting an article or a contributor page moves it aside, recoverably."""

import io
import re
from datetime import timedelta

from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Comment, Page, PageLogEntry, Revision

import pytest

from blog.models import ArticleCredit, ArticlePage
from editorial import trash
from editorial.models import TrashCanPage, TrashedPage
from tests.site_builder import article, category, contributor

from .conftest import draft_by, edit_url, make_user

TITLE = "Bertahan di bulan pertama"


def dump():
    out = io.StringIO()
    call_command("dumpdata", natural_foreign=True, format="json", stdout=out)
    return out.getvalue()


def delete_url(page):
    return reverse("wagtailadmin_pages:delete", args=[page.pk])


def bulk_delete_url(*pages, next_url=None):
    ids = "&".join(f"id={page.pk}" for page in pages)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    return f"{url}?{ids}" + (f"&next={next_url}" if next_url else "")


def denied_by_wagtail(response):
    """Wagtail's admin answers a permission it refuses with a redirect home."""
    return response.status_code == 302 and response["Location"] == reverse(
        "wagtailadmin_home"
    )


def entry_of(page):
    return TrashedPage.objects.get(page_id=page.pk)


def restore_url(page):
    return reverse("editorial_trash_restore", args=[entry_of(page).pk])


@pytest.fixture
def writer(contributor_index):
    return contributor(contributor_index, "Ayu Lestari", slug="ayu-lestari")


@pytest.fixture
def live_article(blog_index, writer, eka):
    """Live through a revision, as the admin publishes, with a tag, a category, an
    illustrator credit, and a newer unpublished draft."""
    page = article(
        blog_index,
        title=TITLE,
        slug="bertahan",
        writers=[writer],
        tags=["keuangan"],
        category=category("Keuangan"),
    )
    page = ArticlePage.objects.get(pk=page.pk)
    page.save_revision(user=eka).publish(user=eka)
    page = ArticlePage.objects.get(pk=page.pk)
    page.title = "Judul draf yang belum terbit"
    page.save_revision(user=eka)
    return ArticlePage.objects.get(pk=page.pk)


@pytest.fixture
def as_eka(client, eka):
    client.force_login(eka)
    return client


def counts(page):
    return {
        "revisions": Revision.page_revisions.filter(object_id=str(page.pk)).count(),
        "credits": ArticleCredit.objects.filter(page_id=page.pk).count(),
        "tags": list(ArticlePage.objects.get(pk=page.pk).tags.names()),
        "comments": Comment.objects.filter(page_id=page.pk).count(),
    }


# --- Deleting moves to the trash ----------------------------------------------------


def test_editor_deleting_an_article_is_asked_to_confirm_the_trash(as_eka, live_article):
    response = as_eka.get(delete_url(live_article))

    assert response.status_code == 200
    assert "editorial/trash/confirm_trash.html" in [t.name for t in response.templates]
    assert not TrashedPage.objects.exists()


def test_editor_deleting_a_live_article_moves_it_to_the_trash_whole(
    as_eka, eka, live_article, blog_index, writer
):
    Comment.objects.create(
        page=live_article,
        user=eka,
        text="Paragraf kedua perlu sumber.",
        contentpath="title",
    )
    Comment.objects.create(
        page=live_article,
        user=eka,
        text="Sudah beres.",
        contentpath="standfirst",
        resolved_at=timezone.now(),
        resolved_by=eka,
    )
    before = counts(live_article)
    assert before["credits"] == 1 and before["tags"] == ["keuangan"]

    response = as_eka.post(delete_url(live_article))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore", args=[blog_index.pk])
    page = Page.objects.get(pk=live_article.pk)
    assert not page.live
    assert page.get_parent().specific_class is TrashCanPage
    assert counts(live_article) == before
    entry = entry_of(live_article)
    assert entry.parent_id == blog_index.pk
    assert entry.was_live and entry.trashed_by == eka
    assert entry.url_path == "/home/artikel/bertahan/"
    assert PageLogEntry.objects.filter(
        page_id=page.pk, action="editorial.trash", user=eka
    ).exists()


def test_a_trashed_article_is_gone_from_every_public_surface_and_comes_back(
    client, as_eka, settings, live_article, writer
):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    reader = type(client)()
    surfaces = [
        "/artikel/",
        "/artikel/kategori/keuangan/",
        "/artikel/tag/keuangan/",
        "/artikel/feed/",
        "/sitemap.xml",
        "/cari/?q=bertahan",
        "/kontributor/ayu-lestari/",
    ]
    # Warm the page cache: the trash must reach past it.
    assert reader.get("/artikel/bertahan/").status_code == 200
    for url in surfaces:
        response = reader.get(url)
        assert response.status_code == 200, url
        assert "/artikel/bertahan/" in response.content.decode(), url

    assert as_eka.post(delete_url(live_article)).status_code == 302

    assert reader.get("/artikel/bertahan/").status_code == 404
    for url in surfaces:
        response = reader.get(url)
        assert response.status_code == 200, url
        assert "/artikel/bertahan/" not in response.content.decode(), url

    response = as_eka.post(restore_url(live_article))

    assert response.status_code == 302
    assert response["Location"] == reverse("editorial_trash")
    response = reader.get("/artikel/bertahan/")
    assert response.status_code == 200
    assert TITLE in response.content.decode()
    for url in surfaces:
        assert "/artikel/bertahan/" in reader.get(url).content.decode(), url
    cache.clear()


def test_restore_puts_back_the_live_version_at_its_place(
    as_eka, eka, blog_index, writer, live_article
):
    article(blog_index, writers=[writer], slug="sebelum")
    after = article(blog_index, writers=[writer], slug="sesudah")
    # The fixture's article sits between the two in the tree.
    Page.objects.get(pk=live_article.pk).move(Page.objects.get(pk=after.pk), pos="left")
    order = list(blog_index.get_children().values_list("slug", flat=True))
    live_revision = ArticlePage.objects.get(pk=live_article.pk).live_revision
    published_at = ArticlePage.objects.get(pk=live_article.pk).first_published_at
    before_counts = counts(live_article)

    as_eka.post(delete_url(live_article))
    assert as_eka.post(restore_url(live_article)).status_code == 302

    page = ArticlePage.objects.get(pk=live_article.pk)
    assert page.live and page.title == TITLE
    assert page.live_revision == live_revision
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "Judul draf yang belum terbit"
    assert page.url_path == "/home/artikel/bertahan/"
    assert page.first_published_at == published_at
    assert list(blog_index.get_children().values_list("slug", flat=True)) == order
    assert order.index("sebelum") < order.index("bertahan") < order.index("sesudah")
    assert counts(live_article) == before_counts
    assert not TrashedPage.objects.exists()
    assert PageLogEntry.objects.filter(
        page_id=page.pk, action="editorial.restore", user=eka
    ).exists()


def test_a_contributor_trashes_her_own_draft_and_an_editor_restores_it_as_a_draft(
    client, alya, eka, blog_index
):
    draft = draft_by(alya, blog_index, title="Draf Alya", slug="draf-alya")
    client.force_login(alya)

    response = client.post(delete_url(draft))

    assert response.status_code == 302
    assert entry_of(draft).trashed_by == alya
    # She cannot open the trash, restore, or edit the page while it is there.
    assert client.get(reverse("editorial_trash")).status_code == 403
    assert client.post(restore_url(draft)).status_code == 403
    assert denied_by_wagtail(client.get(edit_url(draft)))

    client.force_login(eka)
    assert client.post(restore_url(draft)).status_code == 302
    page = ArticlePage.objects.get(pk=draft.pk)
    assert not page.live and page.get_parent().pk == blog_index.pk
    assert page.url_path == "/home/artikel/draf-alya/"


def test_a_trashed_draft_leaves_her_list_of_articles(client, alya, blog_index):
    draft = draft_by(alya, blog_index, title="Draf yang dibuang", slug="dibuang")
    client.force_login(alya)
    assert (
        "Draf yang dibuang" in client.get(reverse("wagtailadmin_home")).content.decode()
    )

    client.post(delete_url(draft))
    client.get(reverse("wagtailadmin_home"))  # shows, and so clears, the message

    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Draf yang dibuang" not in home


def test_a_contributor_cannot_delete_another_contributors_draft(
    client, alya, bunga, blog_index
):
    draft = draft_by(bunga, blog_index, title="Draf Bunga", slug="draf-bunga")
    client.force_login(alya)

    assert denied_by_wagtail(client.get(delete_url(draft)))
    assert denied_by_wagtail(client.post(delete_url(draft)))
    assert not TrashedPage.objects.exists()
    assert Page.objects.get(pk=draft.pk).get_parent().pk == blog_index.pk


def test_a_contributor_cannot_delete_her_published_article(client, alya, blog_index):
    page = draft_by(alya, blog_index, slug="terbit-alya")
    page.save_revision(user=alya).publish()
    client.force_login(alya)

    assert denied_by_wagtail(client.post(delete_url(page)))
    assert ArticlePage.objects.get(pk=page.pk).live
    assert not TrashedPage.objects.exists()


def test_a_locked_page_is_not_trashed(as_eka, edo, live_article):
    ArticlePage.objects.filter(pk=live_article.pk).update(locked=True, locked_by=edo)

    assert as_eka.post(delete_url(live_article)).status_code == 403
    assert ArticlePage.objects.get(pk=live_article.pk).live
    assert not TrashedPage.objects.exists()


# --- Contributor pages --------------------------------------------------------------


def test_a_contributor_credited_on_a_live_article_cannot_be_trashed(
    as_eka, writer, live_article
):
    response = as_eka.get(delete_url(writer))
    assert response.status_code == 409
    assert "masih tercantum di artikel yang terbit" in response.content.decode()

    response = as_eka.post(delete_url(writer))

    assert response.status_code == 409
    # The article as the admin lists it (its draft title).
    assert "&#x27;Judul draf yang belum terbit&#x27;" in response.content.decode()
    assert Page.objects.get(pk=writer.pk).live
    assert not TrashedPage.objects.exists()


def test_a_contributor_credited_only_on_drafts_goes_to_the_trash_and_back(
    client, as_eka, writer, blog_index, contributor_index
):
    draft = article(blog_index, writers=[writer], slug="draf-kredit", live=False)

    surfaces = ["/kontributor/", "/sitemap.xml", "/cari/?q=Lestari"]
    for url in surfaces:
        assert "/kontributor/ayu-lestari/" in client.get(url).content.decode(), url

    assert as_eka.post(delete_url(writer)).status_code == 302

    assert client.get("/kontributor/ayu-lestari/").status_code == 404
    for url in surfaces:
        assert "/kontributor/ayu-lestari/" not in client.get(url).content.decode(), url
    assert ArticleCredit.objects.filter(page=draft, contributor=writer).exists()
    assert as_eka.post(restore_url(writer)).status_code == 302
    assert client.get("/kontributor/ayu-lestari/").status_code == 200
    for url in surfaces:
        assert "/kontributor/ayu-lestari/" in client.get(url).content.decode(), url
    assert Page.objects.get(pk=writer.pk).get_parent().pk == contributor_index.pk


def test_a_contributor_cannot_edit_her_profile_while_it_is_in_the_trash(
    client, as_eka, alya
):
    profile = alya.profile_page
    assert as_eka.post(delete_url(profile)).status_code == 302
    client.force_login(alya)

    response = client.get(edit_url(profile))

    assert response.status_code == 403
    assert "ada di tempat sampah" in response.content.decode()


def test_a_live_article_is_not_restored_while_its_writer_is_in_the_trash(
    as_eka, writer, live_article
):
    as_eka.post(delete_url(live_article))
    as_eka.post(delete_url(writer))

    response = as_eka.post(restore_url(live_article))

    assert response.status_code == 409
    assert "Pulihkan kontributor itu lebih dulu" in response.content.decode()
    assert TrashedPage.objects.filter(page_id=live_article.pk).exists()
    assert as_eka.post(restore_url(writer)).status_code == 302
    assert as_eka.post(restore_url(live_article)).status_code == 302
    assert ArticlePage.objects.get(pk=live_article.pk).live


# --- Bulk delete --------------------------------------------------------------------


def test_bulk_delete_moves_every_selected_article_to_the_trash(
    as_eka, blog_index, writer, live_article
):
    other = article(blog_index, writers=[writer], slug="lainnya")
    explore = reverse("wagtailadmin_explore", args=[blog_index.pk])

    response = as_eka.post(bulk_delete_url(live_article, other, next_url=explore))

    assert response.status_code == 302
    assert response["Location"] == explore
    assert set(TrashedPage.objects.values_list("page_id", flat=True)) == {
        live_article.pk,
        other.pk,
    }
    assert not Page.objects.filter(pk__in=[live_article.pk, other.pk], live=True)


def test_bulk_delete_changes_nothing_when_one_page_must_stay(
    as_eka, live_article, writer, alya, contributor_index
):
    # Wagtail's bulk delete refuses a selection with a protected credit before any
    # hook runs.
    response = as_eka.post(bulk_delete_url(alya.profile_page, writer))

    assert denied_by_wagtail(response)
    assert not TrashedPage.objects.exists()
    parent = Page.objects.get(pk=alya.profile_page.pk).get_parent()
    assert parent.pk == contributor_index.pk


# --- The trash views: editors restore, only administrators delete for good ----------


def test_editors_see_the_trash_and_contributors_do_not(
    client, as_eka, alya, live_article
):
    as_eka.post(delete_url(live_article))

    response = as_eka.get(reverse("editorial_trash"))
    assert response.status_code == 200
    assert "Judul draf yang belum terbit" in response.content.decode()
    assert re.search(r"<td\s*>\s*/artikel/bertahan/\s*</td>", response.content.decode())
    assert (
        reverse("editorial_trash")
        in as_eka.get(reverse("wagtailadmin_home")).content.decode()
    )
    # No permanent delete for an editor.
    assert reverse("editorial_trash_empty") not in response.content.decode()

    client.force_login(alya)
    assert client.get(reverse("editorial_trash")).status_code == 403
    assert (
        reverse("editorial_trash")
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_restore_needs_a_post(as_eka, live_article):
    as_eka.post(delete_url(live_article))

    assert as_eka.get(restore_url(live_article)).status_code == 405
    assert TrashedPage.objects.filter(page_id=live_article.pk).exists()


def test_only_an_administrator_deletes_for_good(
    client, as_eka, superuser, live_article
):
    as_eka.post(delete_url(live_article))
    entry = entry_of(live_article)
    url = reverse("editorial_trash_delete", args=[entry.pk])

    assert as_eka.get(url).status_code == 403
    assert as_eka.post(url).status_code == 403
    assert as_eka.post(reverse("editorial_trash_empty")).status_code == 403
    assert Page.objects.filter(pk=live_article.pk).exists()

    client.force_login(superuser)
    assert client.get(url).status_code == 200
    response = client.post(url)

    assert response.status_code == 302
    assert response["Location"] == reverse("editorial_trash")
    assert not Page.objects.filter(pk=live_article.pk).exists()
    assert not TrashedPage.objects.exists()
    assert not Revision.page_revisions.filter(object_id=str(live_article.pk)).exists()
    # Wagtail keeps the audit log of the deleted page; dumpdata copes with it.
    assert '"editorial.trash"' in dump()


def test_emptying_the_trash_deletes_articles_before_the_contributors_they_credit(
    client, as_eka, superuser, blog_index, writer, live_article
):
    as_eka.post(delete_url(live_article))
    as_eka.post(delete_url(writer))
    kept = article(blog_index, slug="tetap")

    client.force_login(superuser)
    index = client.get(reverse("editorial_trash")).content.decode()
    assert reverse("editorial_trash_empty") in index
    assert client.get(reverse("editorial_trash_empty")).status_code == 200
    response = client.post(reverse("editorial_trash_empty"))

    assert response.status_code == 302
    assert not Page.objects.filter(pk__in=[live_article.pk, writer.pk]).exists()
    assert Page.objects.filter(pk=kept.pk).exists()
    assert not TrashedPage.objects.exists()


def test_a_contributor_still_credited_on_a_draft_is_not_deleted_for_good(
    client, as_eka, superuser, blog_index, writer
):
    draft = article(blog_index, writers=[writer], slug="draf-kredit", live=False)
    as_eka.post(delete_url(writer))

    client.force_login(superuser)
    response = client.post(
        reverse("editorial_trash_delete", args=[entry_of(writer).pk])
    )

    assert response.status_code == 409
    assert "masih tercantum di artikel" in response.content.decode()
    assert Page.objects.filter(pk=writer.pk).exists()
    assert ArticleCredit.objects.filter(page=draft, contributor=writer).exists()


def test_restore_is_refused_when_the_address_was_taken(
    as_eka, blog_index, live_article
):
    as_eka.post(delete_url(live_article))
    article(blog_index, slug="bertahan", title="Artikel baru di alamat lama")

    response = as_eka.post(restore_url(live_article))

    assert response.status_code == 409
    assert "sekarang dipakai halaman lain" in response.content.decode()
    assert TrashedPage.objects.filter(page_id=live_article.pk).exists()
    assert not Page.objects.get(pk=live_article.pk).live


def test_two_trashed_pages_may_share_a_slug(as_eka, blog_index, writer, live_article):
    as_eka.post(delete_url(live_article))
    second = article(blog_index, writers=[writer], slug="bertahan")

    assert as_eka.post(delete_url(second)).status_code == 302
    assert TrashedPage.objects.count() == 2
    assert dump()


# --- Review and schedule do not act on the trash ------------------------------------


def test_trashing_cancels_a_review_and_a_schedule(as_eka, eka, alya, blog_index):
    in_review = draft_by(alya, blog_index, slug="ditinjau")
    in_review.get_workflow().start(in_review, alya)
    scheduled = draft_by(alya, blog_index, slug="terjadwal")
    go_live_at = timezone.now() + timedelta(hours=1)
    scheduled.go_live_at = go_live_at
    revision = scheduled.save_revision(user=eka)
    revision.publish(user=eka)
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at == go_live_at

    as_eka.post(delete_url(in_review))
    # Wagtail locks a page scheduled to go live, so the delete view refuses it; the
    # trash itself must still never let a schedule fire.
    assert as_eka.post(delete_url(scheduled)).status_code == 403
    trash.move_to_trash(scheduled, eka)

    assert ArticlePage.objects.get(pk=in_review.pk).current_workflow_state is None
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is None
    call_command("publish_scheduled", stdout=io.StringIO())
    assert not ArticlePage.objects.get(pk=scheduled.pk).live

    trash.restore(entry_of(scheduled), eka)
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at == go_live_at


def test_the_chooser_does_not_offer_trashed_pages(as_eka, blog_index, live_article):
    as_eka.post(delete_url(live_article))

    response = as_eka.get(reverse("wagtailadmin_choose_page_search"), {"q": "bertahan"})

    assert response.status_code == 200
    assert TITLE not in response.content.decode()


# --- Purge --------------------------------------------------------------------------


def test_purge_trash_deletes_what_is_older_than_the_retention(
    settings, as_eka, blog_index, writer, live_article
):
    recent = article(blog_index, writers=[writer], slug="baru-dihapus")
    as_eka.post(delete_url(live_article))
    as_eka.post(delete_url(recent))
    TrashedPage.objects.filter(page_id=live_article.pk).update(
        trashed_at=timezone.now() - timedelta(days=31)
    )
    TrashedPage.objects.filter(page_id=recent.pk).update(
        trashed_at=timezone.now() - timedelta(days=29)
    )
    out = io.StringIO()

    call_command("purge_trash", stdout=out)

    assert not Page.objects.filter(pk=live_article.pk).exists()
    assert Page.objects.filter(pk=recent.pk).exists()
    assert "1" in out.getvalue()

    settings.TRASH_RETENTION_DAYS = 7
    call_command("purge_trash", stdout=out)
    assert not Page.objects.filter(pk=recent.pk).exists()


def test_purge_trash_takes_the_age_as_an_option(as_eka, live_article):
    as_eka.post(delete_url(live_article))
    TrashedPage.objects.update(trashed_at=timezone.now() - timedelta(days=3))

    call_command("purge_trash", "--days", "5", stdout=io.StringIO())
    assert Page.objects.filter(pk=live_article.pk).exists()
    call_command("purge_trash", "--days", "2", stdout=io.StringIO())
    assert not Page.objects.filter(pk=live_article.pk).exists()


# --- dumpdata -----------------------------------------------------------------------


def test_dumpdata_works_after_an_editor_deletes_a_page(as_eka, live_article):
    assert as_eka.post(delete_url(live_article)).status_code == 302

    assert f'"{TITLE}"' in dump()


def test_dumpdata_works_after_a_page_and_its_editor_are_deleted_for_good(
    client, blog_index, writer, superuser
):
    editor = make_user("sementara", "Editors")
    page = article(blog_index, writers=[writer], slug="sementara")
    ArticlePage.objects.get(pk=page.pk).save_revision(user=editor).publish(user=editor)
    client.force_login(superuser)
    client.post(delete_url(page))
    client.post(reverse("editorial_trash_delete", args=[entry_of(page).pk]))
    editor_pk = editor.pk
    editor.delete()

    data = dump()

    assert f'"page": {page.pk}' in data
    assert f'"user": {editor_pk}' in data


def test_restore_publishes_through_wagtail_so_every_listener_hears_it(
    as_eka, live_article
):
    """The restore is a real publish: post_save (the search index, the public-state
    token that the restriction and listing caches key on) and page_published."""
    from django.db.models.signals import post_save

    from wagtail.signals import page_published

    from contributors.visibility import public_version

    heard = []

    def saved(sender, instance, **kwargs):
        if (
            isinstance(instance, Page)
            and instance.pk == live_article.pk
            and instance.live
        ):
            heard.append("post_save")

    def published(sender, instance, **kwargs):
        if instance.pk == live_article.pk:
            heard.append("page_published")

    as_eka.post(delete_url(live_article))
    before = public_version()
    publications = PageLogEntry.objects.filter(
        page_id=live_article.pk, action="wagtail.publish"
    ).count()
    post_save.connect(saved, weak=False, dispatch_uid="test-restore-saved")
    page_published.connect(published, weak=False, dispatch_uid="test-restore-pub")
    try:
        assert as_eka.post(restore_url(live_article)).status_code == 302
    finally:
        post_save.disconnect(dispatch_uid="test-restore-saved")
        page_published.disconnect(dispatch_uid="test-restore-pub")

    assert "post_save" in heard and "page_published" in heard
    assert public_version() != before
    # Logged once, as a restore, not as a new publication.
    assert (
        publications
        == PageLogEntry.objects.filter(
            page_id=live_article.pk, action="wagtail.publish"
        ).count()
    )
