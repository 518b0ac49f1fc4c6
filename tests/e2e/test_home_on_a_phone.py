"""A reader's first screen on a 375 px phone shows a story, not only the welcome."""

import pytest

from tests.site_builder import build_public_site

from .conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WELCOME = (
    "<p>Serambi adalah teras rumah tempat para ibu tunggal duduk bersama, bercerita, "
    "dan saling menguatkan. Di sini anggota komunitas menulis dan menggambar tentang "
    "hari-hari membesarkan anak seorang diri: yang berat, yang lucu, dan yang membuat "
    "kami tumbuh.</p><p>Silakan duduk, ambil teh, dan baca pelan-pelan. "
    "<b>Kamu tidak sendirian.</b></p>"
)


def test_the_first_screen_shows_a_featured_story(
    live_server, phone_page, home_page, blog_index, contributor_index
):
    home_page.intro = WELCOME
    home_page.save()
    build_public_site(home_page, blog_index, contributor_index)

    phone_page.goto(live_server.url + "/")
    title = phone_page.locator("#featured-heading ~ .card-grid .card__title").first
    title.wait_for(state="visible")

    box = title.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"]
