"""On a slow phone, "Ajukan untuk ditinjau" pressed while the autosave that creates
the page is still on its way is not lost (editorial/autosave_race.py).

The autosave's request reaches the server (the page is created), but its answer is
held back, as a slow connection would: the form still points to the create view when
she submits.
"""

import time

from django.urls import reverse

from wagtail.models import WorkflowState

import pytest

from blog.models import ArticlePage
from demo.factories import ContributorPageFactory
from tests.editorial.conftest import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TIMEOUT = 20_000
TITLE = "Menabung receh untuk sekolah anak"


def is_autosave(request):
    return request.method == "POST" and "application/json" in (
        request.headers.get("accept") or ""
    )


def pump_until(page, condition, what):
    """Let Playwright run its route handlers until `condition` holds."""
    deadline = time.monotonic() + TIMEOUT / 1000
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}"
        page.evaluate("() => new Promise(requestAnimationFrame)")


# What Wagtail's unsaved-changes check announces when it sees her edits, and the
# autosave listens for. Its first look at the form comes a while after load (and
# later still on a busy phone): announce it now rather than wait for it.
EDITS_SEEN = """() => document.getElementById("page-edit-form").dispatchEvent(
    new CustomEvent("w-unsaved:add", {bubbles: true, detail: {type: "edits"}})
)"""


def test_submit_pressed_while_the_autosave_creates_the_page(
    live_server, phone_page, blog_index, contributor_index
):
    page = phone_page
    page.set_default_timeout(TIMEOUT)
    sari = make_user("sari", "Contributors")
    ContributorPageFactory(
        parent=contributor_index, title="Sari Wulandari", slug="sari", user=sari
    ).save_revision().publish()
    page.goto(live_server.url + reverse("wagtailadmin_login"))
    page.fill("#id_username", "sari")
    page.fill("#id_password", "kata-sandi-uji")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + reverse("wagtailadmin_home"))

    add_url = reverse(
        "wagtailadmin_pages:add", args=["blog", "articlepage", blog_index.pk]
    )
    held = []

    def slow_connection(route, request):
        if is_autosave(request):
            held.append(route)  # sent, but no answer yet
        else:
            route.continue_()

    page.route(f"{live_server.url}{add_url}", slow_connection)
    page.goto(live_server.url + add_url)
    page.wait_for_selector("#id_title")
    page.fill("#id_title", TITLE)
    # The slug her title gives, as Wagtail's title-to-slug sync fills it in once she
    # moves on (the field itself is on the Promote tab).
    page.evaluate(
        "slug => { document.getElementById('id_slug').value = slug; }",
        "menabung-receh-untuk-sekolah-anak",
    )
    page.fill("#id_standfirst", "Sedikit demi sedikit, setiap hari.")
    page.evaluate(EDITS_SEEN)
    pump_until(page, lambda: held, "an autosave")
    # The autosave reaches the server and creates the page; its answer stays away.
    answer = held[0].fetch()
    assert answer.status == 200, answer.text()
    autosaved = ArticlePage.objects.get(title=TITLE)

    page.click("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']")
    page.get_by_role("button", name="Ajukan untuk ditinjau").click()

    page.wait_for_url(live_server.url + reverse("wagtailadmin_home"))
    assert list(ArticlePage.objects.values_list("pk", flat=True)) == [autosaved.pk]
    submitted = ArticlePage.objects.get(pk=autosaved.pk)
    assert submitted.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert (
        submitted.get_latest_revision_as_object().standfirst
        == "Sedikit demi sedikit, setiap hari."
    )
