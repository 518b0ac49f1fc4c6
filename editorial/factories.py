import wagtail_factories

from editorial.models import TrashCanPage


class TrashCanPageFactory(wagtail_factories.PageFactory):
    title = "Tempat sampah"
    slug = "tempat-sampah"

    class Meta:
        model = TrashCanPage
