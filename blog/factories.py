import factory
import wagtail_factories

from blog.models import ArticleCredit, ArticlePage, BlogIndexPage, Category


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
