"""wagtail-factories for every page type and snippet, for the tests and the benchmark."""

import factory
import wagtail_factories

from blog.models import ArticleCredit, ArticlePage, BlogIndexPage, Category
from contributors.models import ContributorIndexPage, ContributorPage
from editorial.models import TrashCanPage
from images.models import CustomImage
from stories.models import StoryFormPage
from website.models import HomePage


class CategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.Sequence(lambda n: f"kategori-{n}")
    description = "Tulisan tentang kehidupan sehari-hari."

    class Meta:
        model = Category
        django_get_or_create = ("slug",)


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    title = "Artikel"
    slug = factory.Sequence(lambda n: f"artikel-{n}")

    class Meta:
        model = BlogIndexPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    """An article. Pass `writer=<ContributorPage>` to credit a writer as it is created."""

    title = factory.Sequence(lambda n: f"Cerita ibu tunggal nomor {n}")
    slug = factory.Sequence(lambda n: f"cerita-{n}")
    standfirst = "Catatan kecil tentang hari-hari yang berat dan hangat."
    excerpt = "Sebuah cerita tentang bertahan dan tumbuh bersama anak."
    body = factory.LazyFunction(
        lambda: [
            ("heading", {"text": "Awal cerita", "level": "h2"}),
            (
                "paragraph",
                "<p>Hari pertama selalu paling sulit, tetapi kami bertahan.</p>",
            ),
        ]
    )

    class Meta:
        model = ArticlePage
        # The writer hook creates its own row; the page needs no second save.
        skip_postgeneration_save = True

    @factory.post_generation
    def writer(obj, create, extracted, **kwargs):
        if extracted is not None:
            ArticleCredit.objects.create(
                page=obj, contributor=extracted, role=ArticleCredit.Role.WRITER
            )


class ArticleCreditFactory(factory.django.DjangoModelFactory):
    role = ArticleCredit.Role.WRITER

    class Meta:
        model = ArticleCredit


class ContributorIndexPageFactory(wagtail_factories.PageFactory):
    title = "Kontributor"
    slug = factory.Sequence(lambda n: f"kontributor-index-{n}")

    class Meta:
        model = ContributorIndexPage


class ContributorPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kontributor {n}")
    slug = factory.Sequence(lambda n: f"kontributor-{n}")
    short_bio = "Ibu dari dua anak yang suka menulis di sela pekerjaan."

    class Meta:
        model = ContributorPage


class TrashCanPageFactory(wagtail_factories.PageFactory):
    title = "Tempat sampah"
    slug = "tempat-sampah"

    class Meta:
        model = TrashCanPage


class CustomImageFactory(wagtail_factories.ImageFactory):
    description = factory.Faker("sentence", nb_words=6)
    credit = ""

    class Meta:
        model = CustomImage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Serambi"
    slug = factory.Sequence(lambda n: f"home-{n}")
    intro = "<p>Ruang cerita para ibu tunggal.</p>"

    class Meta:
        model = HomePage


class StoryFormPageFactory(wagtail_factories.PageFactory):
    title = "Kirim ceritamu"
    slug = "kirim-cerita"

    class Meta:
        model = StoryFormPage
