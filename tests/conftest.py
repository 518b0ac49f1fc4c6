"""Shared fixtures: a site tree like the real one (home, /artikel/, /kontributor/)."""

import pytest

from blog.factories import BlogIndexPageFactory, CategoryFactory
from contributors.factories import ContributorIndexPageFactory
from website.models import HomePage


@pytest.fixture
def home_page(db):
    # The data migration puts the one HomePage at the root of the default site.
    return HomePage.objects.get()


@pytest.fixture
def blog_index(home_page):
    return BlogIndexPageFactory(parent=home_page)


@pytest.fixture
def contributor_index(home_page):
    return ContributorIndexPageFactory(parent=home_page)


@pytest.fixture
def category(db):
    return CategoryFactory(name="Dukungan emosional", slug="dukungan-emosional")
