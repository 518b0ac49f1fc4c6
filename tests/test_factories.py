"""Every page type and snippet has a factory that builds a valid, saved instance.

The walk over `get_page_models()` is what keeps this honest: a new page type in one
of the project apps fails here until it gets a factory (torchbox.com's TestPageFactory).
"""

from wagtail.models import get_page_models

import pytest

from blog.models import ArticleCredit, ArticlePage, BlogIndexPage, Category
from contributors.models import ContributorIndexPage, ContributorPage
from demo.factories import (
    ArticleCreditFactory,
    ArticlePageFactory,
    BlogIndexPageFactory,
    CategoryFactory,
    ContributorIndexPageFactory,
    ContributorPageFactory,
    CustomImageFactory,
    HomePageFactory,
    StoryFormPageFactory,
    TrashCanPageFactory,
)
from editorial.models import TrashCanPage
from images.models import CustomImage
from stories.models import StoryFormPage
from website.models import HomePage

PROJECT_APPS = {"website", "blog", "contributors", "editorial", "stories"}

PAGE_FACTORIES = {
    HomePage: HomePageFactory,
    BlogIndexPage: BlogIndexPageFactory,
    ArticlePage: ArticlePageFactory,
    ContributorIndexPage: ContributorIndexPageFactory,
    ContributorPage: ContributorPageFactory,
    TrashCanPage: TrashCanPageFactory,
    StoryFormPage: StoryFormPageFactory,
}


def project_page_models():
    return [
        model for model in get_page_models() if model._meta.app_label in PROJECT_APPS
    ]


def test_every_project_page_model_has_a_factory():
    missing = [
        model.__name__ for model in project_page_models() if model not in PAGE_FACTORIES
    ]
    assert not missing, f"Page models without a factory: {missing}"
    # And the map names nothing that is not a page model any more.
    assert set(PAGE_FACTORIES) == set(project_page_models())


def build_under_allowed_parent(model, home_page):
    """Build `model` where the tree rules let it live, building its parents first."""
    if model is HomePage:
        # max_count is 1 and the migration made one; the factory must still build
        # a valid page (the tree rule is the admin's, not the model's).
        return HomePageFactory(parent=home_page.get_parent())
    parent_model = model.allowed_parent_page_models()[0]
    if parent_model is HomePage:
        parent = home_page
    else:
        existing = parent_model.objects.first()
        parent = existing or build_under_allowed_parent(parent_model, home_page)
    return PAGE_FACTORIES[model](parent=parent)


@pytest.mark.parametrize(
    "model", sorted(PAGE_FACTORIES, key=lambda model: model.__name__)
)
def test_factory_builds_a_valid_live_page(model, home_page):
    page = build_under_allowed_parent(model, home_page)

    page.refresh_from_db()
    assert isinstance(page.specific, model)
    assert page.live
    # full_clean runs the model's own rules (slug, pen name, reserved slugs).
    page.specific.full_clean()
    assert page.get_parent().specific_class in model.allowed_parent_page_models()


def test_article_factory_credits_a_writer(blog_index, contributor_index):
    writer = ContributorPageFactory(parent=contributor_index, title="Sri Wahyuni")
    article = ArticlePageFactory(parent=blog_index, writer=writer)

    assert article.writers == [writer]
    assert article.credits.get().role == ArticleCredit.Role.WRITER


def test_credit_factory_builds_a_credit(blog_index, contributor_index):
    article = ArticlePageFactory(parent=blog_index)
    illustrator = ContributorPageFactory(parent=contributor_index)

    credit = ArticleCreditFactory(
        page=article, contributor=illustrator, role=ArticleCredit.Role.ILLUSTRATOR
    )

    assert list(article.credits.all()) == [credit]
    assert str(credit) == f"Ilustrator: {illustrator.public_name}"


def test_category_factory_is_get_or_create_by_slug(db):
    first = CategoryFactory(slug="keuangan", name="Keuangan")
    again = CategoryFactory(slug="keuangan", name="Keuangan")

    assert first.pk == again.pk
    assert Category.objects.count() == 1


def test_image_factory_builds_an_image_with_alt_text(db):
    image = CustomImageFactory(description="Seorang ibu menggandeng anaknya")

    assert CustomImage.objects.filter(pk=image.pk).exists()
    assert image.width > 0
    assert image.height > 0
    assert image.default_alt_text == "Seorang ibu menggandeng anaknya"
