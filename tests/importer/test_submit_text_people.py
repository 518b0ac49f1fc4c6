""" "Kirim tulisan" and the people of a post: her writer credit, names that mean one
person, credit rows she adds, changes and removes, one title warning, the action bar."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from blog.models import ArticleCredit, ArticlePage
from contributors.models import ContributorPage
from demo.factories import ContributorPageFactory
from tests.editorial.conftest import make_user
from tests.real_post import BODY, FAILING_POST

pytestmark = pytest.mark.django_db

Role = ArticleCredit.Role

POST = FAILING_POST
TITLE = "Dua Hal yang Membantu Kami Bertahan"


def url():
    return reverse("importer_submit_text")


@pytest.fixture
def as_ratna(client, ratna, blog_index):
    client.force_login(ratna)
    return client


def preview(client, text=POST):
    return client.post(url(), {"step": "preview", "text": text})


def credit_values(response):
    """[(role, name)] of the credit rows the preview offers, in order."""
    formset = response.context["credits"]
    return [
        (form["role"].value() or None, form["name"].value() or "") for form in formset
    ]


def save_data(credits, text=POST, title=TITLE, action="action-draft", deleted=()):
    data = {
        "step": "save",
        "text": text,
        "title": title,
        "credits-TOTAL_FORMS": str(len(credits)),
        "credits-INITIAL_FORMS": str(len(credits)),
        "credits-MIN_NUM_FORMS": "0",
        "credits-MAX_NUM_FORMS": "20",
        action: "",
    }
    for index, (role, name) in enumerate(credits):
        data[f"credits-{index}-role"] = role
        data[f"credits-{index}-name"] = name
        if index in deleted:
            data[f"credits-{index}-DELETE"] = "on"
    return data


def saved_credits(page):
    return sorted(
        (c.role, c.contributor.title)
        for c in ArticleCredit.objects.filter(page=page).select_related("contributor")
    )


# --- The post that failed -------------------------------------------------------


def test_the_post_that_failed_is_understood_and_sent_for_review(as_ratna, ratna):
    profiles_before = ContributorPage.objects.count()
    response = preview(as_ratna)
    assert response.status_code == 200
    assert credit_values(response) == [
        (Role.WRITER, "Ratna Sari"),
        (Role.ILLUSTRATOR, "Nadia Putri"),
        (None, ""),  # the empty row, to add one more
    ]
    content = response.content.decode()
    body = content.split("data-import-body>")[1].split("</div>")[0]
    for left_out in ("Illustrator", "Nadia", "Ratna Sari.", "ibu tunggal dari dua"):
        assert left_out not in body
    # Her profile (name without the full stop) is matched, the illustrator is new.
    rows = content.split("data-import-credits>")[1].split("</ol>")[0]
    assert rows.count('data-match="existing"') == 1
    assert rows.count('data-match="new"') == 1
    assert 'data-bio-plan="fills"' in content
    assert "data-import-numbered" in content
    assert ContributorPage.objects.count() == profiles_before

    response = as_ratna.post(
        url(),
        save_data(
            [(Role.WRITER, "Ratna Sari"), (Role.ILLUSTRATOR, "Nadia Putri")],
            action="action-submit",
        ),
    )
    assert response.status_code == 302
    page = ArticlePage.objects.get()
    assert page.current_workflow_state is not None
    assert saved_credits(page) == [
        (Role.ILLUSTRATOR, "Nadia Putri"),
        (Role.WRITER, "Ratna Sari"),
    ]
    assert page.ordered_sections is True
    assert [b.value["text"] for b in page.body if b.block_type == "heading"] == [
        "Jangan ragu meminta bantuan",
        "Atur keuangan dengan sederhana",
    ]
    # One new person (the illustrator), none for Ratna herself.
    assert ContributorPage.objects.count() == profiles_before + 1
    assert ContributorPage.objects.filter(title__istartswith="ratna").count() == 1


def test_the_post_that_failed_as_an_uploaded_text_file(as_ratna):
    response = as_ratna.post(
        url(),
        {
            "step": "preview",
            "text": "",
            "upload": SimpleUploadedFile(
                "tulisan.txt", POST.replace("\n", "\r\n").encode("utf-8")
            ),
        },
    )
    assert response.status_code == 200
    assert credit_values(response)[:2] == [
        (Role.WRITER, "Ratna Sari"),
        (Role.ILLUSTRATOR, "Nadia Putri"),
    ]
    assert 'data-bio-plan="fills"' in response.content.decode()


# --- She is the writer unless the text names someone else --------------------------


def test_a_text_with_no_writer_named_is_hers(as_ratna, ratna):
    text = f"{TITLE}\n\n{BODY}\n\nIlustrator: Nadia Putri\n"
    response = preview(as_ratna, text)
    assert credit_values(response)[:2] == [
        (Role.WRITER, "Ratna Sari"),
        (Role.ILLUSTRATOR, "Nadia Putri"),
    ]

    # Even when the rows she sends name no writer, the draft gets her credit.
    as_ratna.post(url(), save_data([(Role.ILLUSTRATOR, "Nadia Putri")], text=text))
    page = ArticlePage.objects.get()
    assert saved_credits(page) == [
        (Role.ILLUSTRATOR, "Nadia Putri"),
        (Role.WRITER, "Ratna Sari"),
    ]
    assert page.credits.get(role=Role.WRITER).contributor.user == ratna


def test_a_text_that_names_another_writer_is_credited_to_her(as_ratna):
    text = f"{TITLE}\n\n{BODY}\n\nPenulis: Maya Lestari\n"
    assert credit_values(preview(as_ratna, text))[:1] == [(Role.WRITER, "Maya Lestari")]


def test_her_first_name_alone_signs_her_text_as_her_profile(as_ratna):
    profiles_before = ContributorPage.objects.count()
    text = f"{TITLE}\n\n{BODY}\n\nRatna.\n"
    response = preview(as_ratna, text)
    assert credit_values(response)[:1] == [(Role.WRITER, "Ratna Sari")]
    body = response.content.decode().split("data-import-body>")[1].split("</div>")[0]
    assert "Ratna." not in body

    as_ratna.post(url(), save_data([(Role.WRITER, "Ratna Sari")], text=text))
    assert ContributorPage.objects.count() == profiles_before


@pytest.mark.parametrize(
    "typed",
    ["Nadia Putri.", "nadia putri", "*Nadia Putri*", "  NADIA   PUTRI  "],
)
def test_a_name_means_one_person_however_it_is_typed(
    as_ratna, contributor_index, typed
):
    nadia = ContributorPageFactory(
        parent=contributor_index, title="Nadia Putri", slug="nadia-putri"
    )
    profiles_before = ContributorPage.objects.count()
    as_ratna.post(
        url(),
        save_data([(Role.WRITER, "Ratna Sari."), (Role.ILLUSTRATOR, typed)]),
    )
    page = ArticlePage.objects.get()
    assert page.credits.get(role=Role.ILLUSTRATOR).contributor == nadia
    assert ContributorPage.objects.count() == profiles_before


def test_a_new_name_keeps_no_full_stop(as_ratna):
    as_ratna.post(
        url(), save_data([(Role.WRITER, "Ratna"), (Role.ILLUSTRATOR, "Nadia Putri.")])
    )
    assert ContributorPage.objects.filter(title="Nadia Putri").exists()
    assert not ContributorPage.objects.filter(title="Nadia Putri.").exists()


def test_an_editor_without_a_profile_must_name_the_writer(client, blog_index):
    editor = make_user("eka", "Editors")
    client.force_login(editor)
    text = f"{TITLE}\n\n{BODY}\n"
    response = client.post(url(), save_data([(Role.ILLUSTRATOR, "Nadia Putri")], text))
    assert response.status_code == 400
    assert "belum punya penulis" in response.content.decode()
    assert ArticlePage.objects.count() == 0


# --- Credit rows: add, change, remove ----------------------------------------------


def test_she_adds_a_credit_row_without_javascript(as_ratna):
    data = save_data(
        [(Role.WRITER, "Ratna Sari"), (Role.ILLUSTRATOR, "Nadia Putri")],
        title="Judul yang ia ketik",
        action="action-add-credit",
    )
    response = as_ratna.post(url(), data)
    assert response.status_code == 200
    assert response.templates[0].name == "importer/preview.html"
    assert credit_values(response) == [
        (Role.WRITER, "Ratna Sari"),
        (Role.ILLUSTRATOR, "Nadia Putri"),
        (None, ""),
    ]
    content = response.content.decode()
    assert 'name="credits-TOTAL_FORMS" value="3"' in content
    # What she typed is kept, nothing is saved, and the form says nothing is wrong.
    assert response.context["form"]["title"].value() == "Judul yang ia ketik"
    assert "data-import-error" not in content
    assert ArticlePage.objects.count() == 0

    # Twice: two empty rows to fill.
    data = save_data(
        [(Role.WRITER, "Ratna Sari"), (Role.ILLUSTRATOR, "Nadia Putri"), ("", "")],
        action="action-add-credit",
    )
    response = as_ratna.post(url(), data)
    assert len(credit_values(response)) == 4


def test_she_fills_a_second_illustrator_and_changes_a_role(as_ratna):
    as_ratna.post(
        url(),
        save_data(
            [
                (Role.WRITER, "Ratna Sari"),
                (Role.PHOTOGRAPHER, "Nadia Putri"),
                (Role.ILLUSTRATOR, "Sekar Ayu"),
            ]
        ),
    )
    assert saved_credits(ArticlePage.objects.get()) == [
        (Role.ILLUSTRATOR, "Sekar Ayu"),
        (Role.PHOTOGRAPHER, "Nadia Putri"),
        (Role.WRITER, "Ratna Sari"),
    ]


def test_she_removes_a_credit_row(as_ratna):
    data = save_data(
        [(Role.WRITER, "Ratna Sari"), (Role.ILLUSTRATOR, "Nadia Putri")], deleted={1}
    )
    as_ratna.post(url(), data)
    assert saved_credits(ArticlePage.objects.get()) == [(Role.WRITER, "Ratna Sari")]
    assert not ContributorPage.objects.filter(title="Nadia Putri").exists()

    # A removed row is gone from the preview when she adds another.
    data["action-add-credit"] = ""
    del data["action-draft"]
    response = as_ratna.post(url(), data)
    assert credit_values(response) == [(Role.WRITER, "Ratna Sari"), (None, "")]


def test_every_row_can_be_removed_and_one_can_be_added(as_ratna):
    content = preview(as_ratna).content.decode()
    rows = content.split("data-import-credits>")[1].split("</ol>")[0]
    assert rows.count('name="credits-0-DELETE"') == 1
    assert len(re.findall(r'name="credits-\d-DELETE"', rows)) == 3
    assert 'name="action-add-credit"' in content
    # The row JavaScript adds is the formset's own empty form.
    template = content.split('id="credit-row-template">')[1].split("</template>")[0]
    assert 'name="credits-__prefix__-name"' in template
    assert "js/kirim_tulisan.js" in content


# --- One title warning; the action bar ---------------------------------------------


def test_a_text_without_a_title_gets_one_title_warning(as_ratna):
    response = preview(as_ratna)
    content = response.content.decode()
    assert response.context["form"]["title"].value() in ("", None)
    assert content.count("tidak punya baris judul") == 1
    assert "Judul diambil dari kalimat pertama" not in content
    assert "data-import-warnings" not in content

    # Once she typed a title (and added a row), no warning at all.
    data = save_data([(Role.WRITER, "Ratna Sari")], action="action-add-credit")
    content = as_ratna.post(url(), data).content.decode()
    assert "tidak punya baris judul" not in content


def test_saving_and_sending_sit_in_the_action_bar(as_ratna):
    content = preview(as_ratna).content.decode()
    bar = content.split("data-import-actions>")[1].split("</div>")[0]
    assert re.findall(r'name="(action-[a-z]+)"', bar) == [
        "action-submit",
        "action-draft",
    ]
    assert "css/kirim_tulisan.css" in content

    step_one = as_ratna.get(url()).content.decode()
    assert "Lihat hasilnya" in step_one.split("data-import-actions>")[1]
