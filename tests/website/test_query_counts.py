"""Public pages cost a fixed number of SQL queries, however much they show.

Each page is rendered once first (so image renditions exist and Django's cache is
warm, as on a live site), then again under django_assert_num_queries: the page cache
is off in tests, so the page is rendered again, but the site's root paths, the view
restrictions (contributors.visibility), a listing's page boundaries (blog.paging) and
the site settings with the section indexes (website.sections) come from what the
process kept for the current version, as they do for every request after the first. The counts are
for the rendered response, templates included, and the same for a small and a large
site: that is the point. If a template change moves a count, look for a query in a
loop before changing the number here.

Goals (issue 12): article ≤ 10, listings ≤ 12, search and feeds ≤ 10.
"""

from django.db import connection

from wagtail.models import Site

import pytest

from blog.models import ArticleCredit, BlogIndexPage
from contributors.models import ContributorIndexPage
from tests.site_builder import article, category, contributor, kept_for_the_module
from website.models import HomePage, HomePageFeaturedArticle, SiteSettings

pytestmark = pytest.mark.django_db

SMALL, LARGE = "small", "large"

# Expected queries per page, the same for both sizes. The home page fetches the
# credits of all its cards and the renditions of all its images (heroes and
# contributors' photos) in one query each (website.models.HomeCards). Every page finds
# its site and home page in one query (website.site_lookup).
EXPECTED = {
    "home": 7,
    "index": 6,
    "index_page_2": 6,
    "category": 7,
    "tag": 7,
    "article": 7,
    "contributor_index": 6,
    "contributor": 9,
    "contributor_page_2": 9,
    # PostgreSQL stops a search at its time limit by a statement timeout set for
    # the search's transaction (website.search_limits.time_limit): SET LOCAL, plus,
    # inside a test's transaction, the savepoint and its release.
    "search": 11 if connection.vendor == "postgresql" else 8,
    "feed": 5,
    "category_feed": 6,
}


def render(client, url, django_assert_num_queries, expected):
    # A live site has its settings: the first page it ever rendered made them.
    SiteSettings.for_site(Site.objects.get())
    assert client.get(url).status_code == 200
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response


def build_site(size):
    """A site whose every listing has 1 (small) or 13+ (large) entries."""
    large = size == LARGE
    home_page = HomePage.objects.get()
    blog_index = BlogIndexPage.objects.get()
    contributor_index = ContributorIndexPage.objects.get()
    keluarga = category("Keluarga")
    people = [
        contributor(contributor_index, f"Penulis {n}", photo=True)
        for n in range(10 if large else 2)
    ]
    hidden = contributor(
        contributor_index,
        "Siti Rahmawati",
        pen_name="Bunga Senja",
        use_pen_name_only=True,
        slug="bunga-senja",
        photo=True,
    )
    count = 14 if large else 1
    articles = [
        article(
            blog_index,
            writers=people[: 3 if large else 1],
            illustrators=[hidden],
            tags=[f"tag-{t}" for t in range(8 if large else 1)],
            category=keluarga,
            hero=True,
            days=day,
            title=f"Cerita keluarga {day}",
        )
        for day in range(count)
    ]
    HomePageFeaturedArticle.objects.create(page=home_page, article=articles[0])
    if large:
        for page in articles[1:3]:
            HomePageFeaturedArticle.objects.create(page=home_page, article=page)
    return {"size": size, "articles": articles, "writer": people[0]}


@pytest.fixture(scope="module", params=[SMALL, LARGE])
def built_site(request, django_db_setup, django_db_blocker):
    """Each size built once for the module, inside a transaction rolled back when the
    module is done with it (tests/site_builder.py); pytest runs the tests of one size
    together, and sets the next up only after this one is rolled back. None: nothing
    built, for the tests that build their own pages (`own_pages`)."""
    if request.param is None:
        yield None
        return
    with kept_for_the_module(django_db_blocker):
        yield build_site(request.param)


def own_pages(test):
    """For a test that builds its own pages: it runs with neither site there."""
    test = pytest.mark.parametrize("built_site", [None], indirect=True, ids=["own"])(
        test
    )
    return pytest.mark.usefixtures("built_site")(test)


@pytest.fixture
def site(db, built_site):
    """The built site, its pages read afresh for each test."""
    return {
        "size": built_site["size"],
        "articles": [reload(page) for page in built_site["articles"]],
        "writer": reload(built_site["writer"]),
    }


def reload(page):
    return type(page).objects.get(pk=page.pk)


LISTINGS = {
    "home": "/",
    "index": "/artikel/",
    "category": "/artikel/kategori/keluarga/",
    "tag": "/artikel/tag/tag-0/",
    "contributor_index": "/kontributor/",
    "search": "/cari/?q=cerita",
    "feed": "/artikel/feed/",
    "category_feed": "/artikel/kategori/keluarga/feed/",
}


@pytest.mark.parametrize(("name", "url"), LISTINGS.items())
def test_listing_pages(client, site, django_assert_num_queries, name, url):
    render(client, url, django_assert_num_queries, EXPECTED[name])


# Only the large site has a second page.
@pytest.mark.parametrize("built_site", [LARGE], indirect=True)
def test_second_page_of_the_index(client, site, django_assert_num_queries):
    response = render(
        client, "/artikel/?page=2", django_assert_num_queries, EXPECTED["index_page_2"]
    )
    assert response.context["articles"].number == 2


def test_contributor_page(client, site, django_assert_num_queries):
    render(
        client, site["writer"].url, django_assert_num_queries, EXPECTED["contributor"]
    )


@pytest.mark.parametrize(("credits", "tags"), [(1, 0), (10, 8), (1, 8), (10, 0)])
@own_pages
def test_article_page(
    client, blog_index, contributor_index, django_assert_num_queries, credits, tags
):
    people = [
        contributor(contributor_index, f"Kontributor {n}", photo=True)
        for n in range(credits)
    ]
    # Three others, so that "Baca juga" always has its three cards.
    for day in range(3):
        article(blog_index, writers=people[:1], hero=True, days=-day - 1)
    page = article(
        blog_index,
        writers=people[: (credits + 1) // 2],
        illustrators=people[(credits + 1) // 2 :],
        tags=[f"tag-{t}" for t in range(tags)],
        hero=True,
    )
    assert page.credits.count() == credits

    response = render(client, page.url, django_assert_num_queries, EXPECTED["article"])

    assert len(response.context["credits"]) == credits
    assert len(response.context["tags"]) == tags
    assert len(response.context["related_articles"]) == 3
    assert {c.role for c in response.context["credits"]} <= set(ArticleCredit.Role)


@own_pages
def test_second_page_of_her_work(
    client, blog_index, contributor_index, django_assert_num_queries
):
    writer = contributor(contributor_index, "Rina Marlina", photo=True)
    for day in range(14):
        article(blog_index, writers=[writer], tags=["kerja"], hero=True, days=day)
    response = render(
        client,
        f"{writer.url}?page=2",
        django_assert_num_queries,
        EXPECTED["contributor_page_2"],
    )
    assert response.context["works"].number == 2
    assert len(response.context["written_articles"]) == 2


# With cached fragments (caching.fragments): a render the page cache does not answer
# (a logged-in reader, a page once after a publish) finds the site and the page
# (the site with its home page in one query, website.site_lookup, then one query
# per level of the tree below; a category or tag listing also its category or tag,
# for a 404 if there is none) and reads nothing else. Measured warm, as above: the first render stored the fragments.
FROM_FRAGMENTS = {"home": 1, "index": 2, "category": 3, "tag": 3, "article": 3}


@pytest.mark.parametrize(
    ("name", "url"),
    [(name, LISTINGS[name]) for name in ("home", "index", "category", "tag")],
)
def test_listing_pages_from_cached_fragments(
    client, site, fragments, django_assert_num_queries, name, url
):
    render(client, url, django_assert_num_queries, FROM_FRAGMENTS[name])


def test_an_article_from_cached_fragments(
    client, site, fragments, django_assert_num_queries
):
    page = site["articles"][-1]
    response = render(
        client, page.url, django_assert_num_queries, FROM_FRAGMENTS["article"]
    )
    assert page.title in response.content.decode()
