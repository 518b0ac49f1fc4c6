"""In a real browser at 375 px: a hard article's content note and helplines, its hero
served as AVIF, and an embedded video that asks nothing of YouTube until tapped."""

import re

from wagtail.embeds.blocks import EmbedValue
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

import pytest

from demo.factories import ArticlePageFactory, ContributorPageFactory
from tests.e2e.conftest import PHONE
from tests.site_builder import image
from tests.website.helplines import SAPA, set_helplines

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
VIDEO_HOSTS = re.compile(r"youtube|ytimg|googlevideo|vimeo")


@pytest.fixture
def hard_article(home_page, blog_index, contributor_index):
    set_helplines(home_page.get_site(), SAPA)
    Embed.objects.create(
        url=VIDEO,
        hash=get_embed_hash(VIDEO),
        type="video",
        html=(
            '<iframe width="640" height="360" '
            'src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed"></iframe>'
        ),
        title="Diskusi daring: keluar dari rumah yang tidak aman",
        provider_name="YouTube",
        thumbnail_url="https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg",
        width=640,
        height=360,
    )
    writer = ContributorPageFactory(
        parent=contributor_index, title="Sri Wahyuni", slug="sri-wahyuni"
    )
    return ArticlePageFactory(
        parent=blog_index,
        slug="keluar-dari-rumah",
        title="Keluar dari rumah yang tidak aman",
        content_note="kekerasan dalam rumah tangga",
        hero_image=image("teras", alt="Seorang ibu dan anaknya di teras"),
        body=[
            ("paragraph", "<p>Malam itu saya memutuskan pergi bersama anak-anak.</p>"),
            ("embed", {"embed": EmbedValue(VIDEO), "caption": "Rekaman diskusi"}),
        ],
        writer=writer,
    )


def test_note_helplines_avif_and_video_after_a_tap(browser, live_server, hard_article):
    context = browser.new_context(viewport=PHONE, locale="id-ID")
    page = context.new_page()
    asked = []
    # Record, and answer locally, anything meant for the video site.
    context.route(
        VIDEO_HOSTS,
        lambda route: (
            asked.append(route.request.url),
            route.fulfill(status=200, body="<p>pemutar</p>", content_type="text/html"),
        ),
    )
    page.goto(live_server.url + hard_article.url)
    page.wait_for_load_state("networkidle")

    note = page.locator(".content-note")
    assert note.locator("h2").inner_text() == "Catatan konten"
    assert "kekerasan dalam rumah tangga" in note.inner_text()
    assert page.locator("#bantuan .helpline__number").inner_text() == "129"
    hero = page.locator(".hero img")
    hero.evaluate("img => img.decode()")
    assert hero.evaluate("img => img.currentSrc").endswith(".avif")

    facade = page.locator("a.video-facade")
    assert "keluar dari rumah yang tidak aman" in facade.inner_text()
    assert asked == []
    assert page.locator("iframe").count() == 0

    facade.click()
    frame = page.locator(".embed iframe")
    frame.wait_for(state="attached")
    src = frame.get_attribute("src")
    assert src.startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?")
    assert "autoplay=1" in src
    context.close()


def test_without_javascript_the_video_is_a_link(browser, live_server, hard_article):
    context = browser.new_context(
        viewport=PHONE, locale="id-ID", java_script_enabled=False
    )
    page = context.new_page()
    page.goto(live_server.url + hard_article.url)

    facade = page.locator("a.video-facade")
    assert facade.get_attribute("href") == VIDEO
    assert page.locator("iframe").count() == 0
    context.close()
