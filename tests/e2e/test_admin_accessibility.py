"""axe at 375 px on every admin page a contributor or an editor uses: no serious or
critical finding. The public side has its own check (test_public_pages.py)."""

from pathlib import Path

from django.urls import reverse

from wagtail.models import Collection

import pytest

from demo.factories import ContributorPageFactory, CustomImageFactory
from editorial import trash
from editorial.models import IllustrationRequest
from tests.e2e.conftest import axe_violations_found
from tests.e2e.test_admin_on_a_phone import log_in
from tests.editorial.conftest import draft_by, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BODY = [
    ("heading", {"text": "Hari yang berat", "level": "h2"}),
    ("paragraph", "<p>Saya akhirnya menelepon kakak saya.</p>"),
]


def serious_findings(page, where):
    return [
        f"{where}: {v['id']} ({v['impact']}) {[n['target'] for n in v['nodes']][:3]}"
        for v in axe_violations_found(page)
        if v["impact"] in {"serious", "critical"}
    ]


@pytest.fixture
def people(contributor_index, blog_index):
    alya = make_user("alya", "Contributors")
    alya.profile_page = ContributorPageFactory(
        parent=contributor_index, title="Alya Rahma", slug="alya", user=alya
    )
    sekar = make_user("sekar", "Contributors")
    ContributorPageFactory(
        parent=contributor_index, title="Sekar Wangi", slug="sekar", user=sekar
    )
    eka = make_user("eka", "Editors")
    CustomImageFactory(
        title="Ibu dan anak di serambi",
        uploaded_by_user=alya,
        collection=Collection.get_first_root_node(),
    )
    draft = draft_by(alya, blog_index, title="Belajar meminta tolong", body=BODY)
    in_review = draft_by(alya, blog_index, title="Hujan di jalan pulang", body=BODY)
    in_review.get_workflow().start(in_review, alya)
    job = IllustrationRequest.objects.create(
        article=in_review,
        brief="Seorang ibu dan anaknya berbagi satu payung.",
        requested_by=alya,
        status=IllustrationRequest.Status.TAKEN,
        illustrator=sekar,
    )
    return alya, sekar, eka, draft, in_review, job


def small_tap_targets(page, table):
    """Links and buttons in a dashboard table smaller than 24 px (WCAG 2.5.8)."""
    return page.eval_on_selector_all(
        f"{table} a, {table} button",
        """(elements) => elements
            .map((e) => [e.textContent.trim(), e.getBoundingClientRect()])
            .filter(([, box]) => box.width > 0 && (box.height < 24 || box.width < 24))
            .map(([text, box]) => `${text}: ${box.width}x${box.height}`)""",
    )


def visit(page, live_server, url, ready):
    page.goto(live_server.url + url)
    page.wait_for_selector(ready, state="visible")


def open_chooser(page, opener, ready):
    page.locator(f"{opener}:visible").first.click()
    page.wait_for_selector(f".modal {ready}", state="visible")
    # The dialog fades in: axe measures the contrast of text still half transparent
    # unless the fade has ended (on a loaded machine it lasts long enough to be seen).
    page.wait_for_function(
        "() => document.getAnimations().every((a) => a.playState !== 'running')"
    )


def test_admin_pages_have_no_serious_accessibility_findings_on_a_phone(
    live_server, page, people
):
    alya, sekar, eka, draft, in_review, job = people
    found = []
    edit = reverse("wagtailadmin_pages:edit", args=[draft.pk])

    # --- The writer.
    log_in(page, live_server, alya)
    page.wait_for_selector("[data-editorial-my-articles]")
    found += serious_findings(page, "dasbor / Tulisan saya")
    found += small_tap_targets(page, "[data-editorial-my-articles]")
    visit(page, live_server, reverse("importer_submit_text"), "textarea")
    found += serious_findings(page, "Kirim tulisan")
    visit(page, live_server, edit, ".Draftail-Editor [contenteditable=true]")
    found += serious_findings(page, "editor halaman")
    page.get_by_role("tab", name="Kredit").click()
    page.locator("#id_credits-ADD").click()
    open_chooser(
        page,
        "#id_credits-1-contributor-chooser [data-chooser-action-choose]",
        "#search-results, .listing",
    )
    found += serious_findings(page, "pemilih orang")
    page.keyboard.press("Escape")
    page.wait_for_selector(".modal", state="hidden")
    page.get_by_role("tab", name="Isi").click()
    open_chooser(
        page, "#id_hero_image-chooser [data-chooser-action-choose]", ".listing"
    )
    found += serious_findings(page, "pemilih gambar")
    page.keyboard.press("Escape")
    page.wait_for_selector(".modal", state="hidden")
    visit(page, live_server, reverse("wagtailimages:add_multiple"), "main h1, main h2")
    found += serious_findings(page, "unggah gambar")
    visit(page, live_server, reverse("wagtailimages:add"), "#id_title")
    found += serious_findings(page, "unggah satu gambar")
    visit(page, live_server, reverse("editorial_calendar"), "main")
    found += serious_findings(page, "kalender")

    # --- The illustrator.
    log_in(
        page,
        live_server,
        sekar,
        then_open=live_server.url + reverse("editorial_illustrate", args=[job.pk]),
    )
    page.wait_for_selector("#w-editor-form", state="visible")
    found += serious_findings(page, "halaman ilustrasi")

    # --- The editor.
    log_in(page, live_server, eka)
    page.wait_for_selector("[data-editorial-queue]")
    found += serious_findings(page, "dasbor redaksi / antrean tinjauan")
    found += small_tap_targets(page, "[data-editorial-queue]")
    found += small_tap_targets(page, "[data-editorial-illustration-requests]")
    visit(
        page,
        live_server,
        reverse("wagtailadmin_pages:edit", args=[in_review.pk]),
        ".Draftail-Editor [contenteditable=true]",
    )
    found += serious_findings(page, "editor halaman (meninjau)")
    visit(page, live_server, reverse("editorial_calendar"), "main")
    found += serious_findings(page, "kalender (redaksi)")
    trash.move_to_trash(draft, eka)
    visit(page, live_server, reverse("editorial_trash"), "[data-editorial-trash]")
    found += serious_findings(page, "tempat sampah")
    found += small_tap_targets(page, "[data-editorial-trash]")

    Path(".pytest_cache/admin_axe_findings.txt").write_text("\n".join(found))
    assert found == [], "\n".join(found)
