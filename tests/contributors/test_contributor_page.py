"""Her public page: her work in pages of cards, and her contribution history."""

import pytest

from tests.site_builder import article, contributor

pytestmark = pytest.mark.django_db


@pytest.fixture
def dewi(blog_index, contributor_index):
    dewi = contributor(contributor_index, "Dewi Anggraini")
    other = contributor(contributor_index, "Ayu Lestari")
    for day in range(13):
        article(blog_index, writers=[dewi], days=day, title=f"Tulisan Dewi {day}")
    article(blog_index, writers=[other], illustrators=[dewi], days=20, title="Gambar")
    article(blog_index, writers=[dewi], illustrators=[dewi], days=21, title="Berdua")
    article(blog_index, writers=[other], title="Bukan karyanya")
    draft = article(blog_index, writers=[dewi], illustrators=[dewi], title="Draf")
    draft.unpublish()
    return dewi


def test_her_work_comes_in_pages_newest_first(client, dewi):
    first = client.get(dewi.url)
    second = client.get(f"{dewi.url}?page=2")

    works = first.context["works"]
    assert works.paginator.count == 15
    assert works.paginator.num_pages == 2
    assert [a.title for a in works.object_list][:3] == [
        "Berdua",
        "Gambar",
        "Tulisan Dewi 12",
    ]
    assert [a.title for a in first.context["illustrated_articles"]] == [
        "Berdua",
        "Gambar",
    ]
    assert [a.title for a in second.context["written_articles"]] == [
        "Tulisan Dewi 2",
        "Tulisan Dewi 1",
        "Tulisan Dewi 0",
    ]
    assert second.context["illustrated_articles"] == []
    assert 'rel="next" href="?page=2"' in first.content.decode()
    # Cards never load the body.
    assert all("body" in a.get_deferred_fields() for a in works.object_list)


def test_a_page_past_the_end_shows_the_last(client, dewi):
    response = client.get(f"{dewi.url}?page=99")
    assert response.status_code == 200
    assert response.context["works"].number == 2


def test_history_counts_published_articles_by_role(client, dewi):
    response = client.get(dewi.url)

    assert response.context["history"] == [("Penulis", 14), ("Ilustrator", 2)]
    html = response.content.decode()
    assert "Penulis: 14 artikel" in html
    assert "Ilustrator: 2 artikel" in html


def test_someone_without_published_work_says_so(client, contributor_index):
    baru = contributor(contributor_index, "Sri Wahyuni")
    response = client.get(baru.url)
    assert response.context["history"] == []
    assert "Sri Wahyuni belum menerbitkan karya di Serambi." in (
        response.content.decode()
    )
