"""Page tree rules for every page type, and every page type rendering for a reader."""

from django.test import override_settings
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

import pytest

from blog.models import ArticlePage, BlogIndexPage
from contributors.models import ContributorIndexPage, ContributorPage
from demo.factories import ArticlePageFactory, ContributorPageFactory
from stories.models import StoryFormPage
from tests.page_assertions import PageAssertions
from website.models import HomePage

PAGE_MODELS = [
    HomePage,
    BlogIndexPage,
    ArticlePage,
    ContributorIndexPage,
    ContributorPage,
]


@pytest.fixture
def page_asserts(client):
    return PageAssertions.with_client(client)


@pytest.fixture
def article(blog_index, contributor_index):
    writer = ContributorPageFactory(
        parent=contributor_index, title="Rahayu Lestari", slug="rahayu-lestari"
    )
    return ArticlePageFactory(
        parent=blog_index,
        title="Bertahan di bulan pertama",
        slug="bertahan-di-bulan-pertama",
        writer=writer,
    )


# --- Tree rules ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "parents"),
    [
        (HomePage, {Page}),
        (BlogIndexPage, {HomePage}),
        (ArticlePage, {BlogIndexPage}),
        (ContributorIndexPage, {HomePage}),
        (ContributorPage, {ContributorIndexPage}),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_allowed_parent_page_types(page_asserts, model, parents):
    page_asserts.assertAllowedParentPageTypes(model, parents)


@pytest.mark.parametrize(
    ("model", "children"),
    [
        (HomePage, {BlogIndexPage, ContributorIndexPage, StoryFormPage}),
        (BlogIndexPage, {ArticlePage}),
        (ArticlePage, set()),
        (ContributorIndexPage, {ContributorPage}),
        (ContributorPage, set()),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_allowed_subpage_types(page_asserts, model, children):
    page_asserts.assertAllowedSubpageTypes(model, children)


def test_articles_live_only_under_the_blog_index(page_asserts):
    page_asserts.assertCanCreateAt(BlogIndexPage, ArticlePage)
    for parent in (Page, HomePage, ContributorIndexPage, ContributorPage, ArticlePage):
        page_asserts.assertCanNotCreateAt(parent, ArticlePage)


def test_contributors_live_only_under_the_contributor_index(page_asserts):
    page_asserts.assertCanCreateAt(ContributorIndexPage, ContributorPage)
    for parent in (Page, HomePage, BlogIndexPage, ArticlePage):
        page_asserts.assertCanNotCreateAt(parent, ContributorPage)


def test_indexes_live_only_under_the_home_page(page_asserts):
    for index in (BlogIndexPage, ContributorIndexPage):
        page_asserts.assertCanCreateAt(HomePage, index)
        page_asserts.assertCanNotCreateAt(Page, index)
        page_asserts.assertCanNotCreateAt(BlogIndexPage, index)
        page_asserts.assertCanNotCreateAt(ContributorIndexPage, index)


def test_home_page_lives_only_at_the_root(page_asserts):
    page_asserts.assertCanCreateAt(Page, HomePage)
    for parent in (HomePage, BlogIndexPage, ContributorIndexPage):
        page_asserts.assertCanNotCreateAt(parent, HomePage)


def test_only_one_home_page(home_page):
    assert HomePage.max_count == 1
    assert not HomePage.can_create_at(home_page.get_parent())


@pytest.mark.parametrize("index_fixture", ["blog_index", "contributor_index"])
def test_only_one_of_each_index(request, client, django_user_model, index_fixture):
    index = request.getfixturevalue(index_fixture)
    home_page = index.get_parent()
    index_model = type(index)
    assert index_model.max_count == 1
    assert not index_model.can_create_at(home_page)

    # The admin refuses a second one too, rather than offering the form.
    superuser = django_user_model.objects.create_superuser("redaksi", "r@e.id", "pw")
    client.force_login(superuser)
    meta = index_model._meta
    response = client.get(
        reverse(
            "wagtailadmin_pages:add",
            args=[meta.app_label, meta.model_name, home_page.pk],
        )
    )
    # Wagtail's permission-denied path: back to the dashboard with a message.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert index_model.objects.count() == 1


# --- Rendering ---------------------------------------------------------------------


def test_home_page_renders(page_asserts, client, home_page):
    page_asserts.assertPageIsRoutable(home_page)
    page_asserts.assertPageIsRenderable(home_page)

    response = client.get("/")
    assert response.status_code == 200
    page_asserts.assertTemplateUsed(response, "website/home_page.html")
    assert "Punya cerita untuk dibagikan?" in response.content.decode()


def test_blog_index_and_its_routes_render(page_asserts, blog_index, category):
    page_asserts.assertPageIsRoutable(blog_index)
    page_asserts.assertPageIsRenderable(blog_index)
    page_asserts.assertPageIsRoutable(blog_index, f"kategori/{category.slug}/")
    page_asserts.assertPageIsRenderable(blog_index, f"kategori/{category.slug}/")
    page_asserts.assertPageIsRenderable(
        blog_index, "kategori/tidak-ada/", accept_404=True
    )


def test_article_renders(page_asserts, client, article):
    page_asserts.assertPageIsRoutable(article)
    page_asserts.assertPageIsRenderable(article)

    response = client.get("/artikel/bertahan-di-bulan-pertama/")
    assert response.status_code == 200
    page_asserts.assertTemplateUsed(response, "blog/article_page.html")
    content = response.content.decode()
    assert "Bertahan di bulan pertama" in content
    assert "Rahayu Lestari" in content


def test_contributor_pages_render(page_asserts, client, contributor_index):
    contributor = ContributorPageFactory(
        parent=contributor_index, title="Dewi Anggraini", slug="dewi-anggraini"
    )
    for page in (contributor_index, contributor):
        page_asserts.assertPageIsRoutable(page)
        page_asserts.assertPageIsRenderable(page)

    index_response = client.get("/kontributor/")
    assert index_response.status_code == 200
    page_asserts.assertTemplateUsed(
        index_response, "contributors/contributor_index_page.html"
    )
    assert "Dewi Anggraini" in index_response.content.decode()

    response = client.get("/kontributor/dewi-anggraini/")
    assert response.status_code == 200
    page_asserts.assertTemplateUsed(response, "contributors/contributor_page.html")
    assert contributor.short_bio in response.content.decode()


def article_edit_data(client, django_user_model, article):
    """The article's edit form as the browser would post it.

    The StreamField editor is drawn by JavaScript, so its inputs are not in the HTML
    that Wagtail's helpers scrape; they are added here from the saved body.
    """
    admin = django_user_model.objects.create_superuser("penyunting", "p@e.id", "pw")
    client.force_login(admin)
    html = client.get(
        reverse("wagtailadmin_pages:edit", args=[article.pk])
    ).content.decode()
    client.logout()
    data = querydict_from_html(html, form_id="page-edit-form")
    data.update(
        nested_form_data(
            {
                "body": streamfield(
                    [
                        ("heading", {"text": "Awal cerita", "level": "h2"}),
                        ("paragraph", rich_text("<p>Hari pertama.</p>")),
                    ]
                )
            }
        )
    )
    return data


@pytest.mark.parametrize(
    "page_fixture", ["home_page", "blog_index", "contributor_index"]
)
def test_index_page_types_preview_in_the_admin(request, page_asserts, page_fixture):
    page = request.getfixturevalue(page_fixture)
    page_asserts.assertPageIsPreviewable(page)


def test_article_and_contributor_preview_in_the_admin(
    page_asserts, client, django_user_model, article
):
    page_asserts.assertPageIsPreviewable(article.writers[0])
    page_asserts.assertPageIsPreviewable(
        article, post_data=article_edit_data(client, django_user_model, article)
    )


def test_every_page_type_edit_view_works(
    page_asserts, client, django_user_model, article, contributor_index
):
    contributor = article.writers[0]
    for page in (article.get_parent(), contributor_index, contributor):
        page_asserts.assertPageIsEditable(page.specific)
    page_asserts.assertPageIsEditable(
        article, post_data=article_edit_data(client, django_user_model, article)
    )


def test_draft_article_is_not_public(client, blog_index):
    draft = ArticlePageFactory(parent=blog_index, title="Masih konsep", live=False)

    assert client.get(draft.url_path.removeprefix("/home")).status_code == 404
    assert "Masih konsep" not in client.get("/artikel/").content.decode()


# --- Error pages -----------------------------------------------------------------


def test_unknown_url_gets_the_indonesian_404_page(page_asserts, client, home_page):
    response = client.get("/tidak-ada-halaman-ini/")

    assert response.status_code == 404
    page_asserts.assertTemplateUsed(response, "404.html")
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_server_error_gets_the_indonesian_500_page(
    page_asserts, client, home_page, monkeypatch
):
    def broken_serve(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "serve", broken_serve)
    client.raise_request_exception = False

    with override_settings(DEBUG=False):
        response = client.get("/")

    assert response.status_code == 500
    page_asserts.assertTemplateUsed(response, "500.html")
    content = response.content.decode()
    assert 'lang="id"' in content
    assert "kesalahan" in content
    assert "boom" not in content
