"""The admin on a 375 px phone: scheduling through the date picker, pasting a long bio."""

from datetime import timedelta
from pathlib import Path

from django.urls import reverse
from django.utils import timezone

import pytest

from blog.models import ArticlePage
from tests.editorial.conftest import draft_by, make_user

from .conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TIMEOUT = 20_000
LAST_SCREEN = Path(".pytest_cache") / "admin_on_a_phone_last_screen.png"


def log_in(page, live_server, user):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}{reverse('wagtailadmin_login')}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "kata-sandi-uji")
    page.click("button[type=submit]")
    page.wait_for_url(
        f"{live_server.url}{reverse('wagtailadmin_home')}", timeout=TIMEOUT
    )


@pytest.fixture
def screenshot_on_failure(phone_page):
    yield phone_page
    LAST_SCREEN.parent.mkdir(exist_ok=True)
    phone_page.screenshot(path=str(LAST_SCREEN), full_page=True)


def test_editor_schedules_an_article_through_the_picker(
    live_server, phone_page, screenshot_on_failure, blog_index, contributor_index
):
    page = phone_page
    from contributors.factories import ContributorPageFactory

    writer = make_user("alya", "Contributors")
    writer.profile_page = ContributorPageFactory(
        parent=contributor_index, title="Alya Rahma", slug="alya", user=writer
    )
    editor = make_user("eka", "Editors")
    article = draft_by(writer, blog_index, title="Menabung sedikit demi sedikit")

    log_in(page, live_server, editor)
    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[article.pk]))
    page.click("[data-side-panel-toggle='status']")
    page.click("[data-a11y-dialog-show='schedule-publishing-dialog']")
    go_live = page.locator("#schedule-publishing-dialog input[name='go_live_at']")
    go_live.click()

    picker = page.locator(".xdsoft_datetimepicker:visible").first
    picker.wait_for(state="visible", timeout=TIMEOUT)
    box = picker.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= PHONE["width"]

    # Next month, the 3rd: a day that reads differently month first.
    picker.locator(".xdsoft_next").first.click()
    picker.locator(
        "td.xdsoft_date:not(.xdsoft_other_month)[data-date='3']"
    ).first.click()
    picker.locator(".xdsoft_time", has_text="10:00").first.click()
    picked = go_live.input_value()
    page.click("#schedule-publishing-dialog button.action-save")
    page.wait_for_url("**/edit/", timeout=TIMEOUT)

    # The schedule is saved in the draft; the menu now offers to publish on that day.
    # The status panel comes back open and covers the footer on a phone: close it.
    status_toggle = page.locator("[data-side-panel-toggle='status']")
    if status_toggle.get_attribute("aria-expanded") == "true":
        status_toggle.click()
    page.click("footer [data-w-dropdown-target='toggle']")
    page.get_by_role("button", name="Jadwalkan publikasi").click()
    page.wait_for_load_state("networkidle")

    article = ArticlePage.objects.get(pk=article.pk)
    go_live_at = timezone.localtime(article.scheduled_revision.approved_go_live_at)
    expected_month = (timezone.localdate().replace(day=1) + timedelta(days=32)).month
    assert (go_live_at.day, go_live_at.month, go_live_at.hour) == (
        3,
        expected_month,
        10,
    )
    assert picked == go_live_at.strftime("%d/%m/%Y %H:%M")
    assert not article.live


def test_a_long_bio_pasted_on_a_phone_is_kept_whole_and_counted(
    live_server, phone_page, screenshot_on_failure, contributor_index
):
    page = phone_page
    from contributors.factories import ContributorPageFactory

    writer = make_user("alya", "Contributors")
    profile = ContributorPageFactory(
        parent=contributor_index, title="Alya Rahma", slug="alya", user=writer
    )
    bio = "Ibu dua anak yang belajar menabung dan menulis di sela pekerjaan. " * 10
    bio = bio.strip()
    assert len(bio) > 600

    log_in(page, live_server, writer)
    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[profile.pk]))
    field = page.locator("textarea[name='short_bio']")
    field.fill(bio)

    assert field.input_value() == bio
    counter = page.locator("#id_short_bio-counter")
    assert counter.inner_text() == f"{len(bio)} / 600"
    assert "serambi-counter--over" in counter.get_attribute("class")
