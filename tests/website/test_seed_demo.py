"""`manage.py seed_demo`: the demo site a developer clicks through after `make run`.

Seeding draws two dozen illustrations, so the read-only tests share one seeded
database: a class-scoped fixture seeds inside an outer transaction (and visits every
page once, which makes the renditions) and rolls it back when the class is done; each
test still runs in its own savepoint on top of it.
"""

import io
import re
from datetime import timedelta
from html.parser import HTMLParser

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count, Q
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone

from taggit.models import Tag
from wagtail.models import Page, PageLogEntry, Revision

import pytest

from blog.models import ArticleCredit, ArticlePage, Category
from contributors.models import ContributorLink, ContributorPage
from demo import content
from images.models import CustomImage
from tests.rendition_files import renditions_made_once
from website.models import HomePage, SiteSettings


def seed():
    out = io.StringIO()
    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="class")
def seed_output(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            output = seed()
            # A first visit to every page makes the pictures' renditions once for
            # the class, as on a live site, rather than again in each test (and their
            # files once for the run: the public crawl draws the same pictures).
            client = Client()
            with renditions_made_once():
                for url in seeded_urls():
                    assert client.get(url).status_code == 200, url
            yield output
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            # Renditions and site lookups cached for rows that no longer exist
            # must not leak into other modules' tests.
            for cache in caches.all():
                cache.clear()


class ImageCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def images_in(html):
    parser = ImageCollector()
    parser.feed(html)
    return parser.images


def live_articles():
    return ArticlePage.objects.live()


def pen_name_contributor():
    return ContributorPage.objects.get(use_pen_name_only=True)


@pytest.mark.django_db
@pytest.mark.usefixtures("seed_output")
@pytest.mark.seeded_demo
class TestSeededSite:
    def test_builds_a_believable_amount_of_content(self):
        assert live_articles().count() >= 12
        used = Category.objects.filter(articles__live=True).distinct()
        assert used.count() >= 4
        assert ContributorPage.objects.live().count() >= 6
        home = HomePage.objects.get()
        assert "ibu tunggal" in home.intro
        assert 3 <= home.featured_articles.count() <= 4
        settings = SiteSettings.objects.get()
        assert settings.whatsapp_group_url == "https://chat.whatsapp.com/contoh-serambi"
        assert settings.contact_email and settings.footer_text

    def test_every_article_credits_a_writer_and_most_an_illustrator(self):
        articles = live_articles().annotate(
            writer_count=Count("credits", filter=_role(ArticleCredit.Role.WRITER)),
            illustrator_count=Count(
                "credits", filter=_role(ArticleCredit.Role.ILLUSTRATOR)
            ),
        )
        assert all(article.writer_count >= 1 for article in articles)
        illustrated = [article for article in articles if article.illustrator_count]
        assert len(illustrated) > len(articles) * 0.75
        assert any(article.writer_count == 2 for article in articles)
        other_roles = ArticleCredit.objects.filter(
            page__live=True,
            role__in=[ArticleCredit.Role.TRANSLATOR, ArticleCredit.Role.EDITOR],
        )
        assert other_roles.values("page").distinct().count() >= 2

    def test_articles_are_substantial_and_use_varied_blocks(self):
        block_types = set()
        for article in live_articles():
            words = sum(
                len(re.sub(r"<[^>]+>", " ", str(text)).split())
                for child in article.body
                for text in child.block.get_searchable_content(child.value)
            )
            assert words >= 250, f"{article.slug} has only {words} words"
            assert article.standfirst and article.excerpt
            assert article.tags.exists()
            block_types |= {child.block_type for child in article.body}
        assert {
            "heading",
            "paragraph",
            "image",
            "pull_quote",
            "key_points",
            "callout",
        } <= (block_types)

    def test_articles_were_published_through_revisions_over_past_months(self):
        now = timezone.now()
        dates = []
        for article in live_articles():
            assert article.live_revision_id is not None
            assert Revision.objects.for_instance(article).exists()
            assert article.first_published_at < now - timedelta(days=1)
            assert article.go_live_at is None
            dates.append(article.first_published_at)
        assert max(dates) - min(dates) > timedelta(days=90)

    def test_every_image_has_alt_text_and_illustrations_are_credited(self):
        images = CustomImage.objects.all()
        assert images.count() >= 12
        assert not images.filter(description="").exists()
        for article in live_articles().exclude(hero_image=None):
            assert article.hero_image.credit.startswith("Ilustrasi: ")
            assert article.hero_image.width == 1600
            assert article.hero_image.height == 900

    def test_article_pictures_are_rendered_with_their_alt_text(self, client):
        article = live_articles().filter(body__icontains='"image"').first()
        body_images = [
            child.value["image"]
            for child in article.body
            if child.block_type == "image"
        ]
        html = client.get(article.url).content.decode()
        rendered_alts = {image.get("alt") for image in images_in(html)}
        for image in [article.hero_image, *body_images]:
            assert image.description in rendered_alts, image.title

    def test_pen_name_contributor_shows_neither_real_name_nor_photo(self, client):
        contributor = pen_name_contributor()
        real_name = contributor.title
        assert contributor.photo is not None  # there is a photo to hide
        assert contributor.pen_name not in ("", real_name)
        assert real_name.lower().split()[0] not in contributor.slug
        photo_stem = contributor.photo.file.name.rsplit("/", 1)[-1].split(".")[0]
        her_articles = live_articles().filter(credits__contributor=contributor)
        assert her_articles.exists()
        urls = ["/", "/kontributor/", contributor.url] + [a.url for a in her_articles]
        for url in urls:
            html = client.get(url).content.decode()
            assert real_name not in html, url
            assert photo_stem not in html, url
            assert contributor.photo.description not in html, url
        assert contributor.pen_name in client.get(contributor.url).content.decode()

    def test_a_contributor_without_an_account_has_a_public_page(self, client):
        contributor = ContributorPage.objects.live().filter(user=None).first()
        assert contributor is not None
        response = client.get(contributor.url)
        assert response.status_code == 200
        assert contributor.public_name in response.content.decode()

    def test_demo_users_can_sign_in_to_the_admin(self, client):
        for user in content.USERS:
            response = client.post(
                reverse("wagtailadmin_login"),
                {"username": user.username, "password": user.password},
            )
            assert response.status_code == 302, user.username
            assert response["Location"] == reverse("wagtailadmin_home")
            assert client.get(reverse("wagtailadmin_home")).status_code == 200
            client.logout()
        User = get_user_model()
        assert User.objects.get(username="admin").is_superuser
        assert User.objects.filter(username="editor", groups__name="Editors").exists()
        for username in ("ratna", "sekar"):
            user = User.objects.get(username=username, groups__name="Contributors")
            assert user.contributor_profile.live

    def test_output_summarises_and_lists_every_log_in(self, seed_output):
        assert "Konten demo dibuat" in seed_output
        assert f"http://testserver{reverse('wagtailadmin_home')}" in seed_output
        for user in content.USERS:
            assert user.username in seed_output
            assert user.password in seed_output

    def test_a_second_run_changes_nothing_and_says_so(self):
        before = snapshot()
        output = seed()
        assert snapshot() == before
        assert "Konten demo sudah ada; tidak ada yang diubah." in output
        for user in content.USERS:
            assert user.password in output

    def test_every_seeded_page_renders(self, client):
        for url in seeded_urls():
            response = client.get(url)
            assert response.status_code == 200, url
        article = live_articles().first()
        assert article.title in client.get(article.url).content.decode()


def seeded_urls():
    urls = ["/", "/artikel/", "/kontributor/"]
    urls += [article.url for article in live_articles()]
    urls += [page.url for page in ContributorPage.objects.live()]
    urls += [f"/artikel/kategori/{slug}/" for slug, _, _ in content.CATEGORIES]
    return urls


def _role(role):
    return Q(credits__role=role)


def snapshot():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            Revision,
            PageLogEntry,
            CustomImage,
            get_user_model(),
            Category,
            ArticleCredit,
            ContributorLink,
            Tag,
        )
    } | {"settings": list(SiteSettings.objects.values())}


@pytest.mark.django_db
def test_refuses_to_run_without_debug():
    pages_before = Page.objects.count()
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", stdout=io.StringIO())
    assert Page.objects.count() == pages_before
    assert not ArticlePage.objects.exists()
    assert not CustomImage.objects.exists()
    assert not get_user_model().objects.exists()
