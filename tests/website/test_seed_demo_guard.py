"""seed_demo refuses a database holding accounts or pages it did not create, even
with DEBUG on (the development settings pointed at production by DATABASE_URL)."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test.utils import override_settings

from wagtail.models import Page, PageLogEntry, Revision

import pytest

from blog.models import Category
from demo.factories import ArticlePageFactory
from images.models import CustomImage
from website.models import SiteSettings


def seed():
    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=io.StringIO())


def snapshot():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            Revision,
            PageLogEntry,
            CustomImage,
            get_user_model(),
            Category,
            SiteSettings,
        )
    } | {"users": list(get_user_model().objects.values_list("username", "password"))}


@pytest.mark.django_db
def test_refuses_a_database_with_a_real_account(home_page, django_user_model):
    # A production editor who happens to have the demo's username.
    django_user_model.objects.create_user(
        username="editor", email="fitri@komunitas.id", password="rahasia-asli"
    )
    before = snapshot()
    with pytest.raises(CommandError, match="tidak dibuatnya") as refusal:
        seed()
    assert "user 'editor'" in str(refusal.value)
    assert snapshot() == before
    editor = django_user_model.objects.get(username="editor")
    assert not editor.check_password("serambi-editor")
    assert not editor.groups.exists()


@pytest.mark.django_db
def test_refuses_a_database_with_a_real_page(blog_index):
    article = ArticlePageFactory(
        parent=blog_index, title="Tulisan anggota", slug="tulisan-anggota"
    )
    before = snapshot()
    with pytest.raises(CommandError, match="tidak dibuatnya") as refusal:
        seed()
    assert "page 'Tulisan anggota'" in str(refusal.value)
    assert snapshot() == before
    assert not get_user_model().objects.exists()
    assert Page.objects.get(pk=article.pk).title == "Tulisan anggota"


@pytest.mark.django_db
def test_the_refusal_names_a_few_and_counts_the_rest(home_page, django_user_model):
    for number in range(8):
        django_user_model.objects.create_user(
            username=f"anggota{number}", email=f"anggota{number}@komunitas.id"
        )
    with pytest.raises(CommandError) as refusal:
        seed()
    message = str(refusal.value)
    assert "user 'anggota4'" in message
    assert "anggota5" not in message
    assert "… 3 more" in message
