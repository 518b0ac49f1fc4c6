"""Shared fixtures: the site tree that migrations create (home, /artikel/, /kontributor/)."""

import pytest

from blog.factories import CategoryFactory
from blog.models import BlogIndexPage
from contributors.models import ContributorIndexPage
from website.models import HomePage


@pytest.fixture
def home_page(db):
    # The data migration puts the one HomePage at the root of the default site.
    return HomePage.objects.get()


@pytest.fixture
def blog_index(home_page):
    return BlogIndexPage.objects.get()


@pytest.fixture
def contributor_index(home_page):
    return ContributorIndexPage.objects.get()


@pytest.fixture
def category(db):
    return CategoryFactory(name="Dukungan emosional", slug="dukungan-emosional")
