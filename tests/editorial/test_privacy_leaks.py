"""A contributor sees no other contributor's real name or draft, wherever she looks.

Each test goes through the admin view as the contributor (Alya) and asserts both that
the private text is absent and that what she may see is there.
"""

import io
from urllib.parse import urlencode

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import URLPattern, reverse

from wagtail.admin.urls import reports as report_urls
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.documents import get_document_model
from wagtail.models import Page

import pytest
from PIL import Image as PILImage

from blog.models import ArticleCredit, ArticlePage
from demo.factories import ContributorPageFactory
from editorial.privacy import PrivateBulkActionMixin
from images.models import CustomImage

from .conftest import draft_by, make_user

REAL_NAME = "Siti Aminah"
PEN_NAME = "Bunda Senja"
LIVE_TITLE = "Tulisan Bunga yang sudah terbit"
DRAFT_TITLE = "Judul baru Bunga yang belum terbit"
NEVER_PUBLISHED = "Draf rahasia Bunga"
REFUSED = "Item yang tidak dapat Anda proses: %d."
REFUSED_COUNT = REFUSED % 1


@pytest.fixture
def senja(contributor_index):
    """A published contributor who writes under her pen name only, with an account."""
    user = make_user("senja", "Contributors")
    user.profile_page = ContributorPageFactory(
        parent=contributor_index,
        title=REAL_NAME,
        pen_name=PEN_NAME,
        use_pen_name_only=True,
        slug="bunda-senja",
        user=user,
    )
    return user


@pytest.fixture
def bunga_live(bunga, blog_index):
    """Published as LIVE_TITLE, then renamed to DRAFT_TITLE in an unpublished revision."""
    page = draft_by(bunga, blog_index, title=LIVE_TITLE, slug="tulisan-bunga")
    page.save_revision(user=bunga).publish()
    page = ArticlePage.objects.get(pk=page.pk)
    page.title = DRAFT_TITLE
    page.save_revision(user=bunga)
    return ArticlePage.objects.get(pk=page.pk)


@pytest.fixture
def bunga_draft(bunga, blog_index):
    return draft_by(bunga, blog_index, title=NEVER_PUBLISHED, slug="draf-bunga")


@pytest.fixture
def alya_draft(alya, blog_index):
    return draft_by(alya, blog_index, title="Draf milik Alya", slug="draf-alya")


def body(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


# --- Real names: the page chooser behind the Credits tab --------------------------


def test_credits_chooser_shows_the_pen_name_not_the_real_name(as_alya, senja):
    url = reverse("wagtailadmin_choose_page")
    html = body(as_alya.get(url, {"page_type": "contributors.contributorpage"}))
    assert PEN_NAME in html
    assert REAL_NAME not in html


def test_chooser_search_by_real_name_finds_nothing(as_alya, senja):
    url = reverse("wagtailadmin_choose_page_search")
    params = {"page_type": "contributors.contributorpage"}
    html = body(as_alya.get(url, {**params, "q": "Siti"}))
    assert REAL_NAME not in html
    assert PEN_NAME not in html  # the real name must not lead to her

    html = body(as_alya.get(url, {**params, "q": "Senja"}))
    assert PEN_NAME in html
    assert REAL_NAME not in html


def test_chosen_page_is_named_by_pen_name(as_alya, senja):
    url = reverse("wagtailadmin_choose_page_chosen_multiple")
    response = as_alya.get(url, {"id": senja.profile_page.pk})
    data = response.json()
    assert [item["adminTitle"] for item in data["result"]] == [PEN_NAME]
    assert REAL_NAME not in response.content.decode()


def test_credits_tab_of_her_article_names_the_illustrator_by_pen_name(
    as_alya, alya_draft, senja
):
    ArticleCredit.objects.create(
        page=alya_draft,
        contributor=senja.profile_page,
        role=ArticleCredit.Role.ILLUSTRATOR,
    )
    alya_draft.save_revision()
    html = body(as_alya.get(reverse("wagtailadmin_pages:edit", args=[alya_draft.pk])))
    assert PEN_NAME in html
    assert REAL_NAME not in html


@pytest.mark.parametrize("who", ["eka", "senja"])
def test_editor_and_the_contributor_herself_see_the_real_name(
    request, client, senja, who
):
    client.force_login(request.getfixturevalue(who))
    url = reverse("wagtailadmin_choose_page")
    html = body(client.get(url, {"page_type": "contributors.contributorpage"}))
    assert REAL_NAME in html


# --- Real names: whose pages these are, in the page explorer --------------------------


@pytest.fixture
def senja_live(senja, blog_index, eka):
    """Senja's published article; her account carries her real name, as onboarding
    gives it (editorial.onboarding.create_contributor)."""
    senja.first_name, senja.last_name = REAL_NAME.split()
    senja.save()
    page = draft_by(
        senja, blog_index, title="Tulisan Bunda Senja", slug="tulisan-senja"
    )
    page.save_revision(user=senja, log_action=True).publish(user=eka)
    return page


def explore(browser, page, **params):
    """The explorer's page for `page` (its children and its status), as HTML."""
    return body(browser.get(reverse("wagtailadmin_explore", args=[page.pk]), params))


def explorer_urls(blog_index):
    return [
        reverse("wagtailadmin_explore", args=[blog_index.pk]),
        reverse("wagtailadmin_explore_results", args=[blog_index.pk]),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_pages:type_use", args=["blog", "articlepage"]),
    ]


def test_the_explorer_filters_do_not_list_owners_by_real_name(
    as_alya, blog_index, senja_live
):
    for url in explorer_urls(blog_index):
        # The explorer's root sends her on to the section she may explore.
        html = body(as_alya.get(url, follow=True))
        assert REAL_NAME not in html, url
        assert "Aminah" not in html, url
    # The article itself is listed: only whose it is stays hidden.
    assert "Tulisan Bunda Senja" in explore(as_alya, blog_index)


def test_an_owner_or_editor_in_the_address_filters_nothing(
    as_alya, alya, alya_draft, blog_index, senja_live
):
    # Otherwise trying account ids one by one would tell whose article is whose.
    alya_draft.save_revision(user=alya, log_action=True)
    for name in ("owner", "edited_by"):
        html = explore(as_alya, blog_index, **{name: alya.pk})
        assert "Tulisan Bunda Senja" in html, name


def test_exploring_her_article_tells_neither_who_published_it_nor_of_drafts(
    as_alya, senja, blog_index, senja_live
):
    senja_live.title = "Judul baru yang belum terbit"
    senja_live.save_revision(user=senja)

    html = explore(as_alya, senja_live)

    assert "Tulisan Bunda Senja" in html
    assert REAL_NAME not in html
    assert "Judul baru yang belum terbit" not in html
    # Wagtail's status panel ("Terpublikasi … oleh …", "Draf disimpan …") is not shown.
    assert 'data-side-panel="status"' not in html


def test_credited_on_her_article_she_still_sees_no_account_name(
    as_alya, alya, senja_live
):
    # Credited, Alya sees the draft title; the owner's real name stays hidden.
    ArticleCredit.objects.create(
        page=senja_live,
        contributor=alya.profile_page,
        role=ArticleCredit.Role.ILLUSTRATOR,
    )

    html = explore(as_alya, senja_live)

    assert "Tulisan Bunda Senja" in html
    assert REAL_NAME not in html


def test_she_sees_the_status_of_her_own_article(client, senja, senja_live):
    client.force_login(senja)
    html = explore(client, senja_live)
    assert 'data-side-panel="status"' in html


def test_editors_still_see_the_status_of_an_article_they_explore(
    client, eka, senja_live
):
    client.force_login(eka)
    html = explore(client, senja_live)
    assert 'data-side-panel="status"' in html
    assert REAL_NAME in html


def test_editors_still_filter_the_explorer_by_owner(
    client, eka, blog_index, senja_live
):
    client.force_login(eka)
    assert REAL_NAME in explore(client, blog_index)
    filtered = explore(client, blog_index, owner=senja_live.owner_id)
    assert "Tulisan Bunda Senja" in filtered


# --- Drafts: a newer unpublished title of a live page ------------------------------


def _listing_urls(blog_index):
    return [
        reverse("wagtailadmin_explore", args=[blog_index.pk]),
        reverse("wagtailadmin_pages:search") + "?q=Tulisan",
        reverse("wagtailadmin_pages:search_results") + "?q=Tulisan",
        reverse("wagtailadmin_choose_page_child", args=[blog_index.pk]),
        reverse("wagtailadmin_choose_page_search") + "?q=Tulisan",
        reverse("wagtailadmin_api:pages:listing")
        + "?"
        + urlencode({"child_of": blog_index.pk, "fields": "admin_display_title"}),
    ]


@pytest.mark.parametrize("index", range(6))
def test_others_see_only_the_live_title(as_alya, blog_index, bunga_live, index):
    html = body(as_alya.get(_listing_urls(blog_index)[index]))
    assert LIVE_TITLE in html
    assert DRAFT_TITLE not in html


@pytest.mark.parametrize("who", ["eka", "bunga", "credited"])
def test_owner_credited_and_editors_see_the_draft_title(
    request, client, alya, blog_index, bunga_live, who
):
    if who == "credited":
        ArticleCredit.objects.create(
            page=bunga_live,
            contributor=alya.profile_page,
            role=ArticleCredit.Role.ILLUSTRATOR,
        )
        user = alya
    else:
        user = request.getfixturevalue(who)
    client.force_login(user)
    html = body(client.get(reverse("wagtailadmin_explore", args=[blog_index.pk])))
    assert DRAFT_TITLE in html


def test_chooser_opened_on_another_contributors_draft_hides_its_title(
    as_alya, bunga_draft
):
    url = reverse("wagtailadmin_choose_page_child", args=[bunga_draft.pk])
    html = body(as_alya.get(url))
    assert NEVER_PUBLISHED not in html


# --- Bulk-action confirmation pages ------------------------------------------------


def _bulk_url(app_label, model_name, action, ids, **extra):
    url = reverse("wagtail_bulk_action", args=[app_label, model_name, action])
    return url + "?" + urlencode([("id", pk) for pk in ids] + list(extra.items()))


@pytest.mark.parametrize("action", ["delete", "move", "publish", "unpublish"])
def test_page_bulk_actions_count_what_she_may_not_touch(
    as_alya, bunga_draft, alya_draft, action
):
    url = _bulk_url("wagtailcore", "page", action, [bunga_draft.pk, alya_draft.pk])
    html = body(as_alya.get(url))
    assert NEVER_PUBLISHED not in html
    if action in ("delete", "move"):
        # She may delete and move her own draft: it is listed by name.
        assert REFUSED % 1 in html
        assert "Draf milik Alya" in html
    else:
        # Only editors publish and unpublish.
        assert REFUSED % 2 in html


def test_bulk_move_refuses_a_destination_she_may_not_see(
    as_alya, bunga_draft, alya_draft
):
    url = _bulk_url("wagtailcore", "page", "move", [alya_draft.pk])
    response = as_alya.post(url, {"chooser": bunga_draft.pk})
    html = body(response)
    assert NEVER_PUBLISHED not in html
    assert Page.objects.get(pk=alya_draft.pk).get_parent().pk != bunga_draft.pk


def test_bulk_action_on_a_missing_parent_is_a_404(as_alya):
    url = _bulk_url("wagtailcore", "page", "delete", ["all"], childOf=999999)
    assert as_alya.get(url).status_code == 404


def _image(title, **fields):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "#c0562b").save(buffer, "PNG")
    return CustomImage.objects.create(
        title=title, file=ImageFile(buffer, name="gambar.png"), **fields
    )


@pytest.mark.parametrize("action", ["delete", "add_tags", "add_to_collection"])
def test_image_bulk_actions_do_not_name_other_peoples_images(
    as_alya, alya, bunga, action
):
    hidden = _image(f"Foto {REAL_NAME}", uploaded_by_user=bunga)
    own = _image("Ilustrasi milik Alya", uploaded_by_user=alya)
    url = _bulk_url("images", "customimage", action, [hidden.pk, own.pk])
    html = body(as_alya.get(url))
    assert REAL_NAME not in html
    assert REFUSED_COUNT in html
    assert own.title in html


@pytest.mark.parametrize("action", ["delete", "add_tags", "add_to_collection"])
def test_document_bulk_actions_do_not_name_documents(as_alya, eka, action):
    document = get_document_model().objects.create(
        title=f"Surat {REAL_NAME}",
        file=ContentFile(b"isi", name="surat.txt"),
        uploaded_by_user=eka,
    )
    url = _bulk_url("wagtaildocs", "document", action, [document.pk])
    html = body(as_alya.get(url))
    assert REAL_NAME not in html
    assert REFUSED_COUNT in html


def test_snippet_bulk_delete_does_not_name_snippets(as_alya, category):
    url = _bulk_url("blog", "category", "delete", [category.pk])
    html = body(as_alya.get(url))
    assert category.name not in html
    assert REFUSED_COUNT in html


def test_every_registered_bulk_action_keeps_titles_private():
    # A bulk action added by a later Wagtail would list titles again: it must be
    # wrapped in editorial.privacy.private_bulk_actions() too.
    bulk_action_registry._scan_for_bulk_actions()
    actions = [
        action
        for models in bulk_action_registry.actions.values()
        for by_name in models.values()
        for action in by_name.values()
    ]
    assert actions
    assert [a for a in actions if not issubclass(a, PrivateBulkActionMixin)] == []


# --- Reports -----------------------------------------------------------------------

REPORT_NAMES = [
    f"wagtailadmin_reports:{pattern.name}"
    for pattern in report_urls.urlpatterns
    if isinstance(pattern, URLPattern)
]


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_reports_answer_403_to_a_contributor(as_alya, bunga_draft, name):
    response = as_alya.get(reverse(name))
    assert response.status_code == 403
    assert NEVER_PUBLISHED not in response.content.decode()


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_reports_still_open_to_those_who_see_them(admin_browser, name):
    # A superuser: editors hold no "unlock", which the locked-pages report needs.
    assert admin_browser.get(reverse(name)).status_code == 200


def test_an_editor_reaches_the_reports(client, eka, bunga_draft):
    client.force_login(eka)
    response = client.get(reverse("wagtailadmin_reports:page_types_usage"))
    assert NEVER_PUBLISHED in body(response)


# --- A pasted URL converted to a page link --------------------------------------------


@pytest.mark.parametrize(
    "path", ["/kontributor/bunda-senja/", "/kontributor/bunda-senja/feed/"]
)
def test_pasted_profile_url_is_named_by_pen_name(as_alya, senja, path):
    # The first is converted at once, the second (a sub-page) after a confirmation.
    response = as_alya.post(
        reverse("wagtailadmin_choose_page_external_link"),
        {"external-link-chooser-url": path, "external-link-chooser-link_text": ""},
    )
    html = body(response)
    assert PEN_NAME in html
    assert REAL_NAME not in html


def test_pasted_article_url_is_named_by_its_live_title(as_alya, bunga_live):
    response = as_alya.post(
        reverse("wagtailadmin_choose_page_external_link"),
        {"external-link-chooser-url": bunga_live.url},
    )
    data = response.json()
    assert data["result"]["adminTitle"] == LIVE_TITLE
    assert DRAFT_TITLE not in response.content.decode()
