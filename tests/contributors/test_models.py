"""Contributors' public identity: pen names hide the real name and photo everywhere."""

from django.core.exceptions import ValidationError

import pytest

from contributors.models import ContributorLink, ContributorPage
from demo.factories import ArticlePageFactory, ContributorPageFactory

REAL_NAME = "Siti Aminah"
PEN_NAME = "Bunga Senja"


@pytest.fixture
def pen_name_writer(contributor_index, photo):
    return ContributorPageFactory(
        parent=contributor_index,
        title=REAL_NAME,
        slug="bunga-senja",
        pen_name=PEN_NAME,
        use_pen_name_only=True,
        photo=photo,
        short_bio="Menulis tentang hari-hari pertama sebagai ibu tunggal.",
    )


# --- public_name and public_photo -----------------------------------------------


def test_public_name_is_the_title_without_a_pen_name(contributor_index):
    contributor = ContributorPageFactory(parent=contributor_index, title=REAL_NAME)

    assert contributor.public_name == REAL_NAME
    assert str(contributor) == REAL_NAME
    assert contributor.get_meta_title() == REAL_NAME


def test_public_name_is_the_pen_name_when_there_is_one(contributor_index, photo):
    contributor = ContributorPageFactory(
        parent=contributor_index, title=REAL_NAME, pen_name=PEN_NAME, photo=photo
    )

    assert contributor.public_name == PEN_NAME
    # She writes under a pen name but does not hide who she is: the photo stays.
    assert contributor.public_photo == photo


def test_hidden_identity_shows_only_the_pen_name(pen_name_writer, photo):
    assert pen_name_writer.public_name == PEN_NAME
    assert str(pen_name_writer) == PEN_NAME
    assert pen_name_writer.get_meta_title() == PEN_NAME
    assert pen_name_writer.public_photo is None
    # The photo is kept for the editors; only the public site loses it.
    assert pen_name_writer.photo == photo


def test_public_photo_is_the_photo_otherwise(contributor_index, photo):
    contributor = ContributorPageFactory(parent=contributor_index, photo=photo)

    assert contributor.public_photo == photo


# --- The pen-name rules ---------------------------------------------------------


def test_hiding_the_real_name_needs_a_pen_name(contributor_index):
    contributor = ContributorPageFactory(
        parent=contributor_index, title=REAL_NAME, slug="penulis-anonim"
    )
    contributor.use_pen_name_only = True

    with pytest.raises(ValidationError) as error:
        contributor.full_clean()

    assert "pen_name" in error.value.message_dict


@pytest.mark.parametrize("slug", ["siti-aminah", "tulisan-siti-aminah"])
def test_slug_may_not_spell_out_the_hidden_real_name(contributor_index, slug):
    contributor = ContributorPageFactory(
        parent=contributor_index, title=REAL_NAME, slug="sementara"
    )
    contributor.pen_name = PEN_NAME
    contributor.use_pen_name_only = True
    contributor.slug = slug

    with pytest.raises(ValidationError) as error:
        contributor.full_clean()

    assert "slug" in error.value.message_dict
    assert "bunga-senja" in error.value.message_dict["slug"][0]


def test_slug_with_the_real_name_is_fine_when_nothing_is_hidden(contributor_index):
    contributor = ContributorPageFactory(
        parent=contributor_index, title=REAL_NAME, slug="siti-aminah"
    )

    contributor.full_clean()


def test_contributor_without_a_user_account_is_fine(client, contributor_index):
    contributor = ContributorPageFactory(
        parent=contributor_index, title="Dewi Anggraini", slug="dewi-anggraini"
    )

    contributor.full_clean()
    assert contributor.user is None
    response = client.get("/kontributor/dewi-anggraini/")
    assert response.status_code == 200
    assert "Dewi Anggraini" in response.content.decode()


def test_a_user_account_belongs_to_one_profile(contributor_index, django_user_model):
    user = django_user_model.objects.create_user("sri", "sri@serambi.test", "pw")
    contributor = ContributorPageFactory(parent=contributor_index, user=user)

    assert user.contributor_profile == contributor
    with pytest.raises(ValidationError):
        ContributorPageFactory.build(user=user).validate_unique()


# --- What the public site shows ---------------------------------------------------


def test_pen_name_page_hides_the_real_name_and_photo(client, pen_name_writer, photo):
    response = client.get("/kontributor/bunga-senja/")

    assert response.status_code == 200
    content = response.content.decode()
    assert PEN_NAME in content
    assert pen_name_writer.short_bio in content
    assert REAL_NAME not in content
    assert "siti-aminah" not in content.lower()
    assert "foto-siti-aminah" not in content
    assert not photo.renditions.exists()


def test_open_profile_shows_the_photo(client, contributor_index, photo):
    ContributorPageFactory(
        parent=contributor_index, title=REAL_NAME, slug="siti-aminah", photo=photo
    )

    content = client.get("/kontributor/siti-aminah/").content.decode()

    assert REAL_NAME in content
    assert photo.renditions.exists()
    assert "<img" in content


def test_pen_name_writer_stays_hidden_on_her_articles(
    client, blog_index, pen_name_writer, photo
):
    article = ArticlePageFactory(
        parent=blog_index,
        title="Hari pertama",
        slug="hari-pertama",
        writer=pen_name_writer,
    )

    response = client.get(article.get_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert PEN_NAME in content
    assert pen_name_writer.short_bio in content
    assert REAL_NAME not in content
    assert not photo.renditions.exists()


def test_pen_name_writer_stays_hidden_on_the_index(client, pen_name_writer):
    response = client.get("/kontributor/")

    assert response.status_code == 200
    content = response.content.decode()
    assert PEN_NAME in content
    assert REAL_NAME not in content


def test_contributor_links_show_on_her_page(client, contributor_index):
    contributor = ContributorPageFactory(
        parent=contributor_index, title="Dewi Anggraini", slug="dewi-anggraini"
    )
    ContributorLink.objects.create(
        page=contributor,
        platform=ContributorLink.Platform.INSTAGRAM,
        url="https://instagram.com/dewi.menulis",
    )

    content = client.get("/kontributor/dewi-anggraini/").content.decode()

    assert "https://instagram.com/dewi.menulis" in content
    assert "Instagram" in content


def test_index_lists_only_live_contributors(client, contributor_index):
    ContributorPageFactory(parent=contributor_index, title="Dewi Anggraini")
    ContributorPageFactory(parent=contributor_index, title="Belum Terbit", live=False)

    content = client.get("/kontributor/").content.decode()

    assert "Dewi Anggraini" in content
    assert "Belum Terbit" not in content
    assert [c.title for c in contributor_index.get_contributors()] == ["Dewi Anggraini"]
    assert ContributorPage.objects.count() == 2


def test_searching_her_real_name_does_not_find_her_pen_name_page(
    client, pen_name_writer, contributor_index
):
    ContributorPageFactory(
        parent=contributor_index, title="Dewi Anggraini", slug="dewi-anggraini"
    )

    by_pen_name = client.get("/cari/", {"q": "Bunga"}).content.decode()
    by_real_name = client.get("/cari/", {"q": "Aminah"}).content.decode()
    open_profile = client.get("/cari/", {"q": "Anggraini"}).content.decode()

    assert "/kontributor/bunga-senja/" in by_pen_name
    assert "/kontributor/bunga-senja/" not in by_real_name
    assert "Siti" not in by_real_name
    # Someone who does not hide her name is found by it.
    assert "/kontributor/dewi-anggraini/" in open_profile
