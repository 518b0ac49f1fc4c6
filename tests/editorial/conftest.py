"""People and articles for the editorial tests: two contributors, two editors."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

import pytest

from blog.models import ArticlePage
from demo.factories import ArticlePageFactory, ContributorPageFactory


def make_user(username, group=None, **extra):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@contoh.id",
        password="kata-sandi-uji",
        first_name=username.capitalize(),
        **extra,
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def alya(contributor_index):
    """A contributor with her profile page, created (and owned) by nobody in particular."""
    user = make_user("alya", "Contributors")
    user.profile_page = ContributorPageFactory(
        parent=contributor_index, title="Alya Rahma", slug="alya", user=user
    )
    return user


@pytest.fixture
def bunga(contributor_index):
    user = make_user("bunga", "Contributors")
    user.profile_page = ContributorPageFactory(
        parent=contributor_index, title="Bunga Lestari", slug="bunga", user=user
    )
    return user


@pytest.fixture
def eka(db):
    return make_user("eka", "Editors")


@pytest.fixture
def edo(db):
    return make_user("edo", "Editors")


def client_for(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def as_alya(client, alya):
    return client_for(client, alya)


def add_url(blog_index):
    return reverse(
        "wagtailadmin_pages:add", args=["blog", "articlepage", blog_index.pk]
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def article_data(writer_page, action="action-submit", **fields):
    """The article form as the admin posts it."""
    data = {
        "title": "Belajar meminta tolong",
        "slug": "belajar-meminta-tolong",
        "standfirst": "Tentang berani berkata: saya butuh bantuan.",
        "body": streamfield(
            [
                ("heading", {"text": "Hari yang berat", "level": "h2"}),
                ("paragraph", rich_text("<p>Saya akhirnya menelepon kakak.</p>")),
            ]
        ),
        "credits": inline_formset(
            [{"contributor": writer_page.pk, "role": "writer"}], min=1
        ),
        "tags": "",
        "comments": inline_formset([]),
    }
    if action:
        data[action] = action
    data.update(fields)
    return nested_form_data(data)


def draft_by(user, blog_index, **kwargs):
    """A draft article owned by `user`, made the way the admin makes one."""
    kwargs.setdefault("live", False)
    page = ArticlePageFactory(
        parent=blog_index, owner=user, writer=user.profile_page, **kwargs
    )
    page.save_revision(user=user)
    return ArticlePage.objects.get(pk=page.pk)
