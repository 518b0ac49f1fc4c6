"""The English admin says "categories" where the Indonesian one says "kategori" for one
and many: every model's plural is its own string (context "plural"), translated."""

from django.apps import apps
from django.urls import reverse
from django.utils import translation

import pytest

from blog.models import Category

OUR_APPS = ["accounts", "blog", "contributors", "editorial", "importer", "website"]
# English has no other plural for these.
SAME_IN_ENGLISH = {"website.sitesettings", "website.helplinesettings"}
# Bookkeeping no one sees, named in English only.
ENGLISH_ONLY = {"website.pagecachegeneration", "accounts.sealedtotpdevice"}


def our_models():
    return [
        model for app in OUR_APPS for model in apps.get_app_config(app).get_models()
    ]


@pytest.mark.parametrize("model", our_models(), ids=lambda m: m._meta.label_lower)
def test_every_model_has_an_english_plural(model):
    opts = model._meta
    with translation.override("en"):
        singular, plural = str(opts.verbose_name), str(opts.verbose_name_plural)
    if opts.label_lower not in SAME_IN_ENGLISH:
        assert plural != singular
    # Indonesian has no plural: the same word for one and many.
    with translation.override("id"):
        if opts.label_lower not in ENGLISH_ONLY:
            assert str(opts.verbose_name_plural) == str(opts.verbose_name)


@pytest.mark.django_db
def test_the_english_admin_lists_categories(admin_in):
    Category.objects.create(name="Hukum keluarga", slug="hukum-keluarga")
    client = admin_in("en")

    listing = client.get(reverse("wagtailsnippets_blog_category:list"))

    assert listing.status_code == 200
    assert "<title>Categories" in listing.content.decode()


@pytest.mark.django_db
def test_the_indonesian_admin_still_says_kategori(admin_in):
    client = admin_in("id")

    listing = client.get(reverse("wagtailsnippets_blog_category:list"))

    assert listing.status_code == 200
    assert "<title>Kategori" in listing.content.decode()
