"""Rows become instances without Django's constructor (modelrows.loading): each model
that skips it gives exactly what Django's own `Model.from_db` gives, loaded whole,
with fields deferred, and through select_related."""

from unittest import mock

from django.db import models
from django.db.models.signals import post_init, pre_init

from wagtail.blocks import StreamValue

import pytest

from blog.models import ArticleCredit, ArticlePage, BlogIndexPage, Category
from contributors.models import ContributorIndexPage, ContributorPage
from images.models import CustomImage, CustomRendition
from modelrows.loading import LoadedWithoutInitMixin, constructor_attributes
from tests.site_builder import article, category, contributor

pytestmark = pytest.mark.django_db

LOADED_WITHOUT_INIT = [
    ArticlePage,
    ArticleCredit,
    Category,
    ContributorPage,
    CustomImage,
    CustomRendition,
]


def through_django(model, db, field_names, values):
    """Django's Model.from_db, the path the mixin replaces."""
    return models.Model.from_db.__func__(model, db, field_names, values)


def loaded_state(instance):
    """What loading left on an instance: every value it holds (a StreamField's
    compared by its raw data), and the state Django keeps."""
    values = {}
    for name, value in vars(instance).items():
        if name == "_state":
            continue
        if isinstance(value, StreamValue):
            value = ("stream", list(value.raw_data))
        values[name] = value
    return values, instance._state.adding, instance._state.db


@pytest.fixture
def site():
    writer = contributor(ContributorIndexPage.objects.get(), "Sari Dewi", photo=True)
    page = article(
        BlogIndexPage.objects.get(),
        title="Pagi tanpa teriakan",
        writers=[writer],
        category=category("Pengasuhan"),
        tags=["pagi"],
        hero=True,
    )
    page.hero_image.get_rendition("fill-400x225")
    return page


def test_every_model_of_a_public_page_uses_it():
    for model in LOADED_WITHOUT_INIT:
        assert issubclass(model, LoadedWithoutInitMixin), model


@pytest.mark.parametrize("model", LOADED_WITHOUT_INIT, ids=lambda m: m.__name__)
def test_a_row_loads_as_django_loads_it(site, model):
    names = [f.attname for f in model._meta.concrete_fields]
    rows = list(model.objects.values_list(*names))  # as the database gives them
    assert rows
    for values in rows:
        fast = model.from_db("default", names, values)
        slow = through_django(model, "default", names, values)
        assert type(fast) is model
        fast_values, slow_values = loaded_state(fast), loaded_state(slow)
        assert set(fast_values[0]) == set(slow_values[0])
        for name, value in fast_values[0].items():
            assert value == slow_values[0][name], name
        assert fast_values[1:] == slow_values[1:]
        # And it reads back as it was stored.
        assert str(fast) == str(model.objects.get(pk=fast.pk))


def test_deferred_fields_load_on_first_use_as_with_django(site):
    fast = ArticlePage.objects.defer("standfirst", "body").get(pk=site.pk)
    assert fast.get_deferred_fields() >= {"standfirst", "body"}
    assert loaded_state(fast) == loaded_state(
        through_django(
            ArticlePage,
            "default",
            [f.attname for f in ArticlePage._meta.concrete_fields],
            [
                getattr(fast, f.attname)
                if f.attname not in fast.get_deferred_fields()
                else models.DEFERRED
                for f in ArticlePage._meta.concrete_fields
            ],
        )
    )
    assert fast.standfirst == site.standfirst
    assert [block.block_type for block in fast.body] == [
        block.block_type for block in site.body
    ]


def test_the_body_is_a_stream_and_related_rows_come_along(site):
    loaded = ArticlePage.objects.select_related("category", "hero_image").get(
        pk=site.pk
    )
    assert isinstance(loaded.body, StreamValue)
    assert loaded.category.name == "Pengasuhan"
    assert loaded.hero_image.width == site.hero_image.width
    credit = ArticleCredit.objects.select_related("contributor").get(page=site)
    assert credit.contributor.title == "Sari Dewi"
    assert credit.contributor.get_url() == credit.contributor.url
    # Saving a loaded row changes only what was changed.
    loaded.standfirst = "Satu kalimat baru."
    loaded.save(update_fields=["standfirst"])
    assert ArticlePage.objects.get(pk=site.pk).standfirst == "Satu kalimat baru."


def test_an_image_still_learns_its_size_when_a_row_lacks_it(site):
    """post_init's receiver (ImageField.update_dimension_fields) still runs."""
    image = site.hero_image
    CustomImage.objects.filter(pk=image.pk).update(width=0, height=0)
    reloaded = CustomImage.objects.get(pk=image.pk)
    assert (reloaded.width, reloaded.height) == (image.width, image.height)


def test_a_pre_init_receiver_gets_django_s_own_path(site):
    seen = []

    def receiver(sender, **kwargs):
        seen.append(sender)

    pre_init.connect(receiver, sender=Category)
    try:
        loaded = Category.objects.get(slug="pengasuhan")
    finally:
        pre_init.disconnect(receiver, sender=Category)
    assert seen == [Category]
    assert loaded.name == "Pengasuhan"


def test_a_post_init_receiver_sees_the_loaded_values(site):
    seen = []

    def receiver(sender, instance, **kwargs):
        seen.append((sender, instance.name, instance._state.adding))

    post_init.connect(receiver, sender=Category)
    try:
        Category.objects.get(slug="pengasuhan")
    finally:
        post_init.disconnect(receiver, sender=Category)
    assert seen == [(Category, "Pengasuhan", False)]


def test_a_new_instance_is_still_built_by_its_constructor():
    page = ArticlePage(title="Baru")
    assert page._state.adding is True
    assert page.content_type.model == "articlepage"
    assert ContributorPage(title="Baru").content_type.model == "contributorpage"


def test_every_model_of_a_public_page_skips_only_known_constructors():
    for model in LOADED_WITHOUT_INIT:
        assert constructor_attributes(model) is not None, model


def test_an_unknown_constructor_keeps_django_s_path(site):
    class Counted(Category):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.built_by_constructor = True

        class Meta:
            proxy = True
            app_label = "blog"

    assert constructor_attributes(Counted) is None
    assert Counted.objects.get(slug="pengasuhan").built_by_constructor


def test_an_image_row_with_its_size_sends_no_post_init_for_it(site):
    """Django's dimension updater would do nothing for it: it is not asked. Any
    other receiver, or a row without a size, still is."""
    image = site.hero_image
    with mock.patch.object(post_init, "send", wraps=post_init.send) as send:
        loaded = CustomImage.objects.get(pk=image.pk)
        renditions = list(CustomRendition.objects.filter(image=image))
    assert renditions and send.call_count == 0
    assert loaded.file.name == image.file.name
    assert (loaded.file.width, renditions[0].file.name) == (
        image.width,
        renditions[0].file.name,
    )

    seen = []

    def receiver(sender, instance, **kwargs):
        seen.append(instance.pk)

    post_init.connect(receiver, sender=CustomImage)
    try:
        CustomImage.objects.get(pk=image.pk)
    finally:
        post_init.disconnect(receiver, sender=CustomImage)
    assert seen == [image.pk]
