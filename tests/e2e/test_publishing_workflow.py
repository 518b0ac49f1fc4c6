"""The review cycle through the real admin UI, in Chromium.

A contributor writes an article (heading, paragraph, illustration, her credit) and
submits it; an editor requests changes with a comment; she revises and resubmits;
the editor approves; a reader finds it at /artikel/.
"""

from pathlib import Path

from django.urls import reverse

from wagtail.models import Collection

import pytest
from playwright.sync_api import expect

from blog.models import ArticlePage
from demo.factories import ContributorPageFactory, CustomImageFactory
from tests.e2e.conftest import keep_last_screen
from tests.e2e.conftest import log_in as switch_to
from tests.editorial.conftest import make_user

# The live server runs in another thread, so the data is committed; serialized
# rollback puts back the groups, workflow and pages the data migrations created.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TIMEOUT = 20_000
LAST_SCREEN = Path(".pytest_cache") / "publishing_workflow_last_screen.png"
TITLE = "Belajar meminta tolong"
COMMENT = "Tambahkan satu contoh nyata di paragraf pertama."


def log_in(page, live_server, user):
    """Through the log-in form, as she does: the journey's first log-in."""
    page.context.clear_cookies()
    page.goto(live_server.url + reverse("wagtailadmin_login"))
    page.fill("#id_username", user.username)
    page.fill("#id_password", "kata-sandi-uji")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + reverse("wagtailadmin_home"))


def open_action_menu(page):
    page.click("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']")


def add_block(page, label):
    editors = page.locator(".Draftail-Editor [contenteditable=true]")
    before = editors.count()
    page.locator("button.c-sf-add-button").last.click()
    page.locator(".w-combobox__option", has_text=label).first.click()
    if label == "Paragraf":
        # Its editor mounts a moment later; until then the newest editor on the
        # page is the empty paragraph a new article opens with.
        expect(editors).to_have_count(before + 1, timeout=TIMEOUT)


def type_into_rich_text(page, field_name, text):
    """Type into the newest Draftail editor once it takes keystrokes.

    Draftail mounts a moment after its block is added; keys sent before that are lost,
    so wait until the editor has the focus, then type, and type again if the text is
    still not there. It then copies its content to the form's hidden input a moment
    later: wait for that too, or a quick submit sends an empty paragraph.
    """
    editor = page.locator(".Draftail-Editor [contenteditable=true]").last
    for _ in range(5):
        editor.click()
        expect(editor).to_be_focused(timeout=TIMEOUT)
        editor.press_sequentially(text)
        try:
            expect(editor).to_contain_text(text, timeout=5_000)
            break
        except AssertionError:
            editor.fill("")
    else:
        raise AssertionError(f"the paragraph editor never took {text!r}")
    page.wait_for_function(
        "([name, text]) => document.querySelector(`input[name='${name}']`)"
        "?.value.includes(text)",
        arg=[field_name, text],
    )


def article(title_contains=TITLE):
    return ArticlePage.objects.get(title__startswith=title_contains)


@pytest.fixture(params=["phone"])
def page(request):
    """The cycle on a 375 px phone, as the community works. On a desktop it runs
    under the admin's Content-Security-Policy watch, once for both checks
    (test_content_security_policy.py)."""
    page = request.getfixturevalue(f"{request.param}_page")
    yield page
    # The last screen the test saw, to look at when it fails.
    keep_last_screen(request, page, LAST_SCREEN)


def test_review_cycle_in_the_browser(live_server, page, blog_index, contributor_index):
    page.set_default_timeout(TIMEOUT)
    alya = make_user("alya", "Contributors")
    profile = ContributorPageFactory(
        parent=contributor_index, title="Alya Rahma", slug="alya", user=alya
    )
    profile.save_revision().publish()
    CustomImageFactory(
        title="Ibu dan anak di serambi",
        uploaded_by_user=alya,
        collection=Collection.get_first_root_node(),
    )
    eka = make_user("eka", "Editors")

    # --- She writes and submits.
    log_in(page, live_server, alya)
    assert page.get_by_text("Tulisan saya").first.is_visible()
    page.get_by_text("Tulis artikel baru").click()
    page.wait_for_selector("#id_title")
    page.fill("#id_title", TITLE)
    page.fill("#id_standfirst", "Tentang berani berkata: saya butuh bantuan.")

    page.get_by_text("Pilih sebuah gambar").first.click()
    page.locator(".modal").get_by_text("Ibu dan anak di serambi").first.click()
    page.wait_for_selector(".modal", state="hidden")

    # After the empty paragraph a new article opens with (body-0), left unused: it
    # is dropped on save.
    add_block(page, "Judul bagian")
    page.locator("[name='body-1-value-text']").fill("Hari yang berat")
    add_block(page, "Paragraf")
    type_into_rich_text(page, "body-2-value", "Saya akhirnya menelepon kakak saya.")

    # Her credit as writer is already filled in for her.
    page.get_by_role("tab", name="Kredit").click()
    chooser = page.locator("#id_credits-0-contributor-chooser")
    assert "Alya Rahma" in chooser.inner_text()
    assert page.input_value("#id_credits-0-contributor") == str(profile.pk)
    assert page.input_value("#id_credits-0-role") == "writer"

    open_action_menu(page)
    page.get_by_role("button", name="Ajukan untuk ditinjau").click()
    # Submitted, she is back at "Tulisan saya".
    page.wait_for_url(live_server.url + reverse("wagtailadmin_home"))
    written = article()
    assert written.current_workflow_state.status == "in_progress"
    heading, paragraph = written.get_latest_revision_as_object().body
    assert heading.value["text"] == "Hari yang berat"
    assert "Saya akhirnya menelepon kakak saya." in paragraph.value.source
    assert written.get_latest_revision_as_object().hero_image is not None

    # --- The editor requests changes with a comment. The log-in form was walked
    # above: from here on, who uses the browser changes by the session cookie.
    switch_to(page, live_server, eka)
    page.locator("[data-editorial-queue]").get_by_text(TITLE).click()
    page.wait_for_selector("#id_title")
    open_action_menu(page)
    page.click("button[data-workflow-action-name='reject']")
    page.locator(".modal textarea[name='comment']").fill(COMMENT)
    page.locator(".modal button[type=submit]").click()
    # A workflow action ends in the section's page listing, as approval does below.
    page.wait_for_url(
        live_server.url + reverse("wagtailadmin_explore", args=[blog_index.pk])
    )
    assert article().current_workflow_state.status == "needs_changes"

    # --- She sees the comment, revises and resubmits.
    switch_to(page, live_server, alya)
    assert page.get_by_text(COMMENT).first.is_visible()
    page.locator("[data-editorial-my-articles]").get_by_text(TITLE).click()
    page.wait_for_selector("#id_title")
    # The editor's request is at the top of her article.
    assert page.get_by_text("Redaksi meminta perbaikan").is_visible()
    page.fill("#id_title", f"{TITLE} (revisi)")
    open_action_menu(page)
    page.get_by_role("button", name="Ajukan ulang untuk ditinjau").click()
    page.wait_for_url(live_server.url + reverse("wagtailadmin_home"))
    assert article().current_workflow_state.status == "in_progress"

    # --- The editor approves.
    switch_to(page, live_server, eka)
    page.locator("[data-editorial-queue]").get_by_text(f"{TITLE} (revisi)").click()
    page.wait_for_selector("#id_title")
    open_action_menu(page)
    page.click("button[data-workflow-action-name='approve']")
    page.wait_for_url(
        live_server.url + reverse("wagtailadmin_explore", args=[blog_index.pk])
    )
    assert article().live

    # --- A reader sees it.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/artikel/")
    page.get_by_text(f"{TITLE} (revisi)").first.click()
    page.wait_for_load_state()
    assert page.get_by_text("Saya akhirnya menelepon kakak saya.").is_visible()
    assert page.get_by_text("Alya Rahma").first.is_visible()
