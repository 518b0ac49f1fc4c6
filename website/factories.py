import factory
import wagtail_factories

from website.models import CustomImage, HomePage


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
