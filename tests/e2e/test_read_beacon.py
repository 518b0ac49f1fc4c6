"""The read beacon in a real browser: one POST after the page has been visible 10 s."""

import pytest

from blog.models import ArticleReadDay
from demo.factories import ArticlePageFactory
from tests.e2e.conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Headless Chromium names itself in its user agent, which the beacon ignores as a bot.
PHONE_UA = (
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"
)


@pytest.fixture
def reader_page(browser):
    context = browser.new_context(viewport=PHONE, locale="id-ID", user_agent=PHONE_UA)
    page = context.new_page()
    yield page
    context.close()


def test_the_beacon_fires_once_after_ten_visible_seconds(
    reader_page, live_server, blog_index
):
    article = ArticlePageFactory(parent=blog_index, title="Hari pertama di kota baru")
    page = reader_page
    # A fake clock: the test moves time on instead of waiting for it.
    page.clock.install()
    page.goto(live_server.url + article.url)
    page.wait_for_selector("[data-read-beacon]")
    assert page.evaluate("document.visibilityState") == "visible"

    page.clock.run_for(9000)
    assert ArticleReadDay.objects.count() == 0

    with page.expect_response(
        lambda response: "/baca/" in response.url and response.request.method == "POST"
    ) as beacon:
        page.clock.run_for(1500)
    assert beacon.value.status == 204
    assert ArticleReadDay.objects.get(article=article).count == 1
    flag = f"serambi-read:/baca/{article.pk}/"
    assert page.evaluate(f"sessionStorage.getItem({flag!r})") == "1"
    assert page.context.cookies() == []
