"""Embedded videos load nothing from the video site until the reader taps: the page
carries a local placeholder that links to the video, and the privacy-enhanced player
only in a data attribute for static/js/serambi.js."""

from pathlib import Path

from django.conf import settings
from django.urls import reverse

from wagtail.embeds.blocks import EmbedValue
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

import pytest

from demo.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
VIMEO = "https://vimeo.com/76979871"


def stored_embed(url, html, title, provider):
    """The embed as Wagtail keeps it after asking the provider once (no network)."""
    return Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html=html,
        title=title,
        provider_name=provider,
        thumbnail_url="https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg",
        width=640,
        height=360,
    )


@pytest.fixture
def youtube_embed():
    return stored_embed(
        YOUTUBE,
        '<iframe width="640" height="360" '
        'src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" '
        'frameborder="0" allowfullscreen title="Diskusi daring"></iframe>',
        "Diskusi daring: mengatur keuangan sendirian",
        "YouTube",
    )


def article_with(blog_index, writer, url):
    return ArticlePageFactory(
        parent=blog_index,
        slug="video-diskusi",
        body=[
            ("paragraph", "<p>Rekaman diskusi kami.</p>"),
            ("embed", {"embed": EmbedValue(url), "caption": "Rekaman diskusi"}),
        ],
        writer=writer,
    )


def test_no_request_to_the_video_site_before_the_tap(
    client, blog_index, writer, youtube_embed
):
    page = article_with(blog_index, writer, YOUTUBE)

    html = client.get(page.url).content.decode()

    assert "<iframe" not in html
    assert "youtube.com/embed" not in html
    assert "ytimg.com" not in html
    assert 'src="https://www.youtube' not in html


def test_placeholder_names_the_video_and_the_nocookie_player(
    client, blog_index, writer, youtube_embed
):
    page = article_with(blog_index, writer, YOUTUBE)

    html = client.get(page.url).content.decode()

    assert (
        '<a class="video-facade" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" '
        'rel="noopener" '
        'data-video-player="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'
        '?feature=oembed&amp;autoplay=1" '
        'data-video-title="Diskusi daring: mengatur keuangan sendirian">'
    ) in html
    assert (
        '<span class="video-facade__title">'
        "Diskusi daring: mengatur keuangan sendirian</span>"
    ) in html
    assert "Ketuk untuk memutar video dari YouTube" in html


def test_vimeo_plays_without_tracking(client, blog_index, writer):
    stored_embed(
        VIMEO,
        '<iframe src="https://player.vimeo.com/video/76979871?app_id=122963" '
        'width="640" height="360"></iframe>',
        "Cerita dari teras",
        "Vimeo",
    )
    page = article_with(blog_index, writer, VIMEO)

    html = client.get(page.url).content.decode()

    assert "<iframe" not in html
    assert (
        'data-video-player="https://player.vimeo.com/video/76979871'
        '?app_id=122963&amp;dnt=1&amp;autoplay=1"'
    ) in html
    assert f'href="{VIMEO}"' in html


def test_policy_frames_only_the_privacy_enhanced_players(client, blog_index):
    response = client.get(blog_index.url)

    frame_src = next(
        part.split()[1:]
        for part in response["Content-Security-Policy"].split(";")
        if part.split()[0] == "frame-src"
    )
    assert sorted(frame_src) == [
        "https://player.vimeo.com",
        "https://www.youtube-nocookie.com",
    ]


def test_script_swaps_in_the_player_from_our_own_file():
    script = (Path(settings.BASE_DIR) / "static/js/serambi.js").read_text()

    assert 'querySelectorAll("a[data-video-player]")' in script
    assert 'getAttribute("data-video-player")' in script
    assert "autoplay" in script


def test_article_admin_preview_still_renders(
    admin_browser, blog_index, writer, youtube_embed
):
    page = article_with(blog_index, writer, YOUTUBE)

    response = admin_browser.get(
        reverse("wagtailadmin_pages:view_draft", args=[page.pk])
    )

    assert response.status_code == 200
    assert "data-video-player=" in response.content.decode()
