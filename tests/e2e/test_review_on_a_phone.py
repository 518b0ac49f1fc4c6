"""The review on a 375 px phone: the editor comments on a field, and the writer reads
the editor's request beside the ≡ button, not under it."""

from django.urls import reverse

from wagtail.models import Comment

import pytest
from playwright.sync_api import expect

from demo.factories import ContributorPageFactory
from tests.e2e.test_admin_on_a_phone import log_in
from tests.editorial.conftest import draft_by, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Belajar meminta tolong"
COMMENT = "Judulnya bisa lebih hangat."


@pytest.fixture
def alya(contributor_index):
    user = make_user("alya", "Contributors")
    user.profile_page = ContributorPageFactory(
        parent=contributor_index, title="Alya Rahma", slug="alya", user=user
    )
    return user


def test_the_editor_comments_on_a_field_from_her_phone(
    live_server, page, alya, blog_index
):
    draft = draft_by(alya, blog_index, title=TITLE)
    draft.get_workflow().start(draft, alya)
    eka = make_user("eka", "Editors")

    log_in(page, live_server, eka)
    page.locator("[data-editorial-queue]").get_by_text(TITLE).click()
    page.wait_for_selector("#id_title")
    # Comments on: the side panel's toggle, then back to the form.
    page.click("[data-side-panel-toggle='comments']")
    page.click("[data-side-panel-toggle='comments']")
    add = page.locator("[data-contentpath='title'] [data-comment-add]")
    expect(add).to_be_visible()
    # A real tap: Playwright refuses when anything (the minimap strip) covers it.
    add.click()
    panel = page.locator("[data-side-panel='comments']")
    panel.locator("textarea").first.fill(COMMENT)
    panel.get_by_role("button", name="Komentar", exact=True).click()
    expect(panel.get_by_text(COMMENT)).to_be_visible()
    page.click("[data-side-panel-toggle='comments']")
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan konsep").click()
    assert Comment.objects.filter(text=COMMENT, contentpath="title").exists()


def test_the_request_for_changes_is_not_under_the_menu_button(
    live_server, page, alya, blog_index
):
    draft = draft_by(alya, blog_index, title=TITLE)
    draft.get_workflow().start(draft, alya)
    eka = make_user("eka", "Editors")
    draft.current_workflow_task_state.specific.reject(
        user=eka, comment="Tambahkan satu contoh nyata di paragraf pertama."
    )

    log_in(
        page,
        live_server,
        alya,
        then_open=live_server.url + reverse("wagtailadmin_pages:edit", args=[draft.pk]),
    )
    banner = page.locator(".messages li").filter(has_text="Redaksi meminta perbaikan")
    expect(banner).to_be_visible()
    menu = page.get_by_role("button", name="Tampilkan/sembunyikan bilah sisi")
    expect(menu).to_be_visible()
    overlaps = banner.evaluate(
        """(banner, box) => {
            const range = document.createRange();
            range.selectNodeContents(banner);
            return [...range.getClientRects()].filter((r) =>
                r.width > 0 && r.left < box.x + box.width && r.right > box.x &&
                r.top < box.y + box.height && r.bottom > box.y).length;
        }""",
        menu.bounding_box(),
    )
    assert overlaps == 0
