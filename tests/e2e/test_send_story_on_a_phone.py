"""Kirim ceritamu at 375 px: sent with JavaScript off and on, read by an editor in
Cerita masuk and turned into a draft; axe finds nothing serious on the way."""

import io

from django.urls import reverse

import pytest
from PIL import Image

from demo.factories import StoryFormPageFactory
from stories.models import StorySubmission
from tests.e2e.conftest import PHONE
from tests.e2e.test_admin_accessibility import serious_findings
from tests.e2e.test_admin_on_a_phone import log_in
from tests.editorial.conftest import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

STORY = "Pagi yang Panjang\n\nHari pertama aku mengantar anakku sekolah sendirian."


@pytest.fixture
def story_page(home_page, settings):
    # The time trap is tested without a browser (tests/stories); here nobody waits.
    settings.STORY_MIN_SECONDS = 0
    return StoryFormPageFactory(parent=home_page)


def fill_and_send(page, live_server, story_page):
    page.fill("#id_text", STORY)
    page.fill("#id_name", "Bunda Pagi")
    page.fill("#id_contact", "bunda@contoh.id")
    page.check("#id_agree")
    page.click("form.story-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}{story_page.url}terkirim/")
    assert page.locator("h1").inner_text().startswith("Terima kasih")


def test_a_story_sent_with_javascript_off(browser, live_server, story_page):
    context = browser.new_context(
        viewport=PHONE, locale="id-ID", java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(live_server.url + story_page.url)

    fill_and_send(page, live_server, story_page)

    assert context.cookies() == []
    context.close()
    story = StorySubmission.objects.get()
    assert (story.title, story.name) == ("Pagi yang Panjang", "Bunda Pagi")


def test_a_story_with_a_file_and_picture_then_an_editor_drafts_it(
    page, live_server, story_page, blog_index, contributor_index, tmp_path
):
    editor = make_user("eka", "Editors")
    text_file = tmp_path / "cerita.txt"
    text_file.write_text("Hujan di Jalan Pulang\n\nPayung kami cuma satu.\n")
    picture = tmp_path / "payung.png"
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), "#335577").save(buffer, "PNG")
    picture.write_bytes(buffer.getvalue())

    page.goto(live_server.url + story_page.url)
    found = serious_findings(page, "form")
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
    page.set_input_files("#id_upload", str(text_file))
    page.set_input_files("#id_picture", str(picture))
    page.fill("#id_name", "Anonim")
    page.check("#id_agree")
    page.click("form.story-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}{story_page.url}terkirim/")
    found += serious_findings(page, "sent")

    log_in(
        page, live_server, editor, then_open=live_server.url + reverse("stories:index")
    )
    found += serious_findings(page, "queue")
    page.get_by_role("link", name="Hujan di Jalan Pulang").click()
    page.wait_for_selector("[data-story-title]")
    found += serious_findings(page, "story")
    assert page.locator("[data-story-title]").inner_text() == "Hujan di Jalan Pulang"
    page.click("[data-story-draft]")
    page.wait_for_url("**/admin/pages/*/edit/")

    assert found == []
    story = StorySubmission.objects.get()
    assert story.status == StorySubmission.Status.DRAFTED
    assert story.article.get_latest_revision_as_object().hero_image is not None
