import factory
import wagtail_factories

from contributors.models import ContributorIndexPage, ContributorPage


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
