"""/kontributor/ and a contributor's own page."""

from wagtail.models import PageViewRestriction

import pytest

from contributors.models import ContributorLink
from demo.factories import ArticlePageFactory
from tests.site_builder import article, contributor, pen_name_writer

pytestmark = pytest.mark.django_db


def test_index_shows_roles_from_live_articles_only(
    client, blog_index, contributor_index
):
    ayu = contributor(contributor_index, "Ayu Lestari")
    dewi = contributor(contributor_index, "Dewi Anggraini")
    newcomer = contributor(contributor_index, "Rina")
    article(blog_index, writers=[ayu], illustrators=[dewi])
    article(blog_index, writers=[dewi])
    draft = ArticlePageFactory(parent=blog_index, live=False)
    draft.credits.create(contributor=newcomer, role="illustrator")

    contributors = client.get("/kontributor/").context["contributors"]

    roles = {c.pk: c.roles for c in contributors}
    assert roles == {
        ayu.pk: ["Penulis"],
        dewi.pk: ["Penulis", "Ilustrator"],
        newcomer.pk: [],
    }


def test_index_leaves_out_unpublished_profiles_and_real_names(
    client, contributor_index
):
    pen_name_writer(contributor_index)
    gone = contributor(contributor_index, "Profil Ditarik")
    gone.unpublish()

    html = client.get("/kontributor/").content.decode()

    assert "Bunga Senja" in html
    assert "Siti Rahmawati" not in html
    assert "Profil Ditarik" not in html


def test_contributor_page_lists_her_live_work_by_role(
    client, blog_index, contributor_index
):
    dewi = contributor(contributor_index, "Dewi Anggraini")
    other = contributor(contributor_index, "Ayu Lestari")
    ContributorLink.objects.create(
        page=dewi, platform="instagram", url="https://instagram.com/dewi.gambar"
    )
    wrote_old = article(blog_index, writers=[dewi], days=1)
    wrote_new = article(blog_index, writers=[dewi], days=5)
    drew = article(blog_index, writers=[other], illustrators=[dewi], days=3)
    article(blog_index, writers=[other])  # not hers
    unpublished = article(blog_index, writers=[dewi], title="Ditarik")
    unpublished.unpublish()
    private = article(blog_index, writers=[dewi], title="Khusus anggota")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get(dewi.url)

    context = response.context
    assert context["written_articles"] == [wrote_new, wrote_old]
    assert context["illustrated_articles"] == [drew]
    assert [link.url for link in context["links"]] == [
        "https://instagram.com/dewi.gambar"
    ]
    assert context["feed_url"] == f"{dewi.url}feed/"
    html = response.content.decode()
    assert "Ditarik" not in html
    assert "Khusus anggota" not in html


def test_unpublished_profile_is_404(client, contributor_index):
    page = contributor(contributor_index)
    url = page.url
    page.unpublish()

    assert client.get(url).status_code == 404
    assert client.get(f"{url}feed/").status_code == 404
