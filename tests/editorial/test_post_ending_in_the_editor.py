"""A post pasted into the page editor with its ending gets its credits, as in Kirim
tulisan: "Illustrator: Ans", her name with a full stop and her bio leave the body and
become credits, through the admin's own create and edit views."""

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

import pytest
from pytest_django.asserts import assertRedirects

from blog.models import ArticlePage
from contributors.models import ContributorPage
from demo.factories import ContributorPageFactory
from tests.real_post import ALYA_BIO, REAL_POST_BODY, REAL_POST_WITH_ENDING

from .conftest import add_url, article_data, draft_by, edit_url

pytestmark = pytest.mark.django_db

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}
# Her credits once the ending is read: she writes, Ans illustrates.
READ_CREDITS = [("Alya Rahma", "writer"), ("Ans", "illustrator")]
READ_ANS_NEW = (
    "Kredit dibaca dari akhir tulisan: Ans (ilustrator, orang baru). "
    "Periksa di tab Kredit."
)


def pasted(text):
    """The body as the page editor posts a paste: each line a paragraph of one block."""
    html = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    return streamfield([("paragraph", rich_text(html))])


def post(
    client, url, writer_page, text, *, credits=None, action="action-submit", **kwargs
):
    """Her form with `text` pasted as its body; `kwargs` are more fields, or the
    autosave's Accept header."""
    headers = {key: value for key, value in kwargs.items() if key.startswith("HTTP_")}
    fields = {key: value for key, value in kwargs.items() if key not in headers}
    fields["body"] = pasted(text)
    if credits is not None:
        fields["credits"] = inline_formset(credits, min=1)
    return client.post(url, article_data(writer_page, action, **fields), **headers)


def latest(page):
    return ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def body_text(page):
    return " ".join(
        child.render_as_block() if child.block_type == "paragraph" else str(child.value)
        for child in latest(page).body
    )


def credits_of(page):
    return sorted((c.contributor.title, c.role) for c in latest(page).credits.all())


def said(response):
    """Every message the response left for her, in one string."""
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def published_profile(contributor_index, **fields):
    profile = ContributorPageFactory(parent=contributor_index, **fields)
    profile.save_revision().publish()
    return profile


@pytest.fixture
def send(as_alya, alya, blog_index):
    """Alya's "add article" form posted with `text` as its body; see post()."""

    def send(text, **kwargs):
        return post(as_alya, add_url(blog_index), alya.profile_page, text, **kwargs)

    return send


@pytest.fixture
def empty_bio(alya):
    alya.profile_page.short_bio = ""
    alya.profile_page.save()
    return alya


def test_the_ending_becomes_credits_and_leaves_the_body(send, empty_bio):
    response = send(REAL_POST_WITH_ENDING)

    assertRedirects(response, reverse("wagtailadmin_home"))
    article = ArticlePage.objects.get()
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert credits_of(article) == READ_CREDITS
    text = body_text(article)
    assert "Itu cukup." in text
    assert "Illustrator" not in text
    assert "Alya Rahma." not in text
    assert ALYA_BIO not in text
    # Ans is a new draft profile, as "Orang baru" makes one: hers, unpublished.
    ans = ContributorPage.objects.get(title="Ans")
    assert (ans.live, ans.owner, ans.slug) == (False, empty_bio, "ans")
    # Her empty profile gets the bio, as a revision for the editors to publish.
    profile = ContributorPage.objects.get(pk=empty_bio.profile_page.pk)
    assert profile.short_bio == ""
    assert profile.get_latest_revision_as_object().short_bio == ALYA_BIO
    assert (
        READ_ANS_NEW
        + " Bio di akhir tulisan mengisi profil Alya Rahma yang masih kosong."
    ) in said(response)


def test_a_saved_draft_shows_the_credits_in_the_form(send, as_alya, empty_bio):
    response = send(
        REAL_POST_WITH_ENDING,
        action=None,
    )

    article = ArticlePage.objects.get()
    assertRedirects(response, edit_url(article))
    form = as_alya.get(edit_url(article)).context["form"]
    rows = [
        (f.instance.contributor.title, f.instance.role)
        for f in form.formsets["credits"].forms
    ]
    assert rows == READ_CREDITS
    assert "Illustrator: Ans" not in str(form["body"].value())


@pytest.mark.parametrize(
    ("signed", "profile"),
    [
        ("Ans", {"title": "Ans"}),
        ("Ans.", {"title": "Ans"}),
        ("ANS", {"title": "Ans"}),
        (
            "Ans",
            {"title": "Annisa Putri", "pen_name": "Ans", "use_pen_name_only": True},
        ),
        ("ans.", {"title": "Ans Wibowo", "slug": "ans"}),
    ],
)
def test_a_name_that_matches_a_profile_credits_that_profile(
    send, alya, contributor_index, signed, profile
):
    ans = published_profile(contributor_index, **profile)
    people = ContributorPage.objects.count()
    text = REAL_POST_WITH_ENDING.replace("Illustrator: Ans", f"Illustrator: {signed}")

    response = send(text)

    assert response.status_code == 302
    article = ArticlePage.objects.get()
    latest = article.get_latest_revision_as_object()
    assert [(c.contributor_id, c.role) for c in latest.credits.all()] == [
        (alya.profile_page.pk, "writer"),
        (ans.pk, "illustrator"),
    ]
    assert ContributorPage.objects.count() == people
    assert f"Kredit dibaca dari akhir tulisan: {ans.public_name} (ilustrator)." in (
        said(response)
    )


def test_her_own_first_name_signed_is_her(send):
    text = REAL_POST_WITH_ENDING.replace("Alya Rahma.", "Alya.")

    send(text)

    article = ArticlePage.objects.get()
    assert credits_of(article) == READ_CREDITS
    assert not ContributorPage.objects.filter(title="Alya").exists()


def test_saving_again_adds_nothing_twice(send, as_alya, empty_bio):
    send(
        REAL_POST_WITH_ENDING,
        action=None,
    )
    article = ArticlePage.objects.get()
    form = as_alya.get(edit_url(article)).context["form"]
    credit_ids = [f.instance.pk for f in form.formsets["credits"].forms]
    ans = ContributorPage.objects.get(title="Ans")

    # A second tab still holding the pasted ending sends it again, with the credits
    # as stored.
    response = post(
        as_alya,
        edit_url(article),
        empty_bio.profile_page,
        REAL_POST_WITH_ENDING,
        credits=[
            {
                "id": credit_ids[0],
                "contributor": empty_bio.profile_page.pk,
                "role": "writer",
            },
            {"id": credit_ids[1], "contributor": ans.pk, "role": "illustrator"},
        ],
        action=None,
    )

    assertRedirects(response, edit_url(article))
    assert credits_of(article) == READ_CREDITS
    assert ContributorPage.objects.filter(title="Ans").count() == 1
    assert "Kredit dibaca" not in said(response)


def test_credits_she_set_are_never_changed(send, alya, contributor_index):
    nadia = published_profile(contributor_index, title="Ans")
    text = REAL_POST_WITH_ENDING

    # She credited Ans as the photographer herself: the ending's "Illustrator: Ans"
    # changes nothing, her body included.
    response = send(
        text,
        credits=[
            {"contributor": alya.profile_page.pk, "role": "writer"},
            {"contributor": nadia.pk, "role": "photographer"},
        ],
    )

    assert response.status_code == 302
    article = ArticlePage.objects.get()
    assert credits_of(article) == [("Alya Rahma", "writer"), ("Ans", "photographer")]
    assert "Illustrator: Ans" in body_text(article)
    assert "Kredit dibaca" not in said(response)


def test_an_autosave_reads_nothing_and_the_submit_reads_it_once(send, empty_bio):
    response = send(
        REAL_POST_WITH_ENDING,
        action=None,
        **AUTOSAVE,
    )
    assert response.json()["success"] is True
    autosaved = ArticlePage.objects.get()
    assert "Illustrator: Ans" in body_text(autosaved)
    assert credits_of(autosaved) == [("Alya Rahma", "writer")]

    # Her submit overtakes the autosave's answer: it goes to the create view again
    # (editorial.autosave_race hands it to the autosaved page).
    response = send(REAL_POST_WITH_ENDING)

    assertRedirects(response, reverse("wagtailadmin_home"))
    assert list(ArticlePage.objects.values_list("pk", flat=True)) == [autosaved.pk]
    assert credits_of(autosaved) == READ_CREDITS
    assert ContributorPage.objects.filter(title="Ans").count() == 1
    assert "Illustrator: Ans" not in body_text(autosaved)


def test_without_an_ending_nothing_changes(send):
    response = send(REAL_POST_BODY)

    assert response.status_code == 302
    article = ArticlePage.objects.get()
    assert credits_of(article) == [("Alya Rahma", "writer")]
    assert body_text(article).rstrip().endswith("Itu cukup.</p>")
    assert "Kredit dibaca" not in said(response)


@pytest.mark.parametrize(
    "ending",
    [
        # A last section's heading and its paragraph: no ending at all.
        "Penutup\nSemoga kita semua diberi kekuatan untuk terus berjalan bersama.",
        # A picture's source, which stays in the text.
        "Foto: dok. pribadi",
        # Closing words are never a name.
        "Terima Kasih.",
    ],
)
def test_what_only_looks_like_an_ending_stays_in_the_text(send, ending):
    people = ContributorPage.objects.count()

    send(f"{REAL_POST_BODY}\n{ending}")

    article = ArticlePage.objects.get()
    assert credits_of(article) == [("Alya Rahma", "writer")]
    text = body_text(article)
    for line in ending.splitlines():
        assert line in text
    assert ContributorPage.objects.count() == people


def test_a_post_that_is_only_an_ending_is_kept_as_text(send):
    send("Illustrator: Ans")

    article = ArticlePage.objects.get()
    assert "Illustrator: Ans" in body_text(article)
    assert credits_of(article) == [("Alya Rahma", "writer")]


def test_a_bio_her_profile_does_not_hold_stays_in_the_text(send, alya):
    # Her profile has another bio already: the ending's is not lost.
    assert alya.profile_page.short_bio

    response = send(REAL_POST_WITH_ENDING)

    article = ArticlePage.objects.get()
    assert credits_of(article) == READ_CREDITS
    text = body_text(article)
    assert ALYA_BIO in text
    assert "Illustrator: Ans" not in text
    profile = ContributorPage.objects.get(pk=alya.profile_page.pk)
    assert (
        profile.get_latest_revision_as_object().short_bio == alya.profile_page.short_bio
    )
    assert "Bio di akhir tulisan tetap di isi tulisan" in said(response)


def test_an_editor_editing_an_existing_draft_gets_the_same(
    client, alya, eka, blog_index
):
    draft = draft_by(alya, blog_index)
    client.force_login(eka)
    form = client.get(edit_url(draft)).context["form"]
    writer_id = form.formsets["credits"].forms[0].instance.pk

    response = post(
        client,
        edit_url(draft),
        alya.profile_page,
        REAL_POST_WITH_ENDING,
        credits=[
            {"id": writer_id, "contributor": alya.profile_page.pk, "role": "writer"}
        ],
        action=None,
        slug=draft.slug,
    )

    assertRedirects(response, edit_url(draft))
    assert credits_of(draft) == READ_CREDITS
    assert READ_ANS_NEW in said(response)


def test_a_real_name_behind_a_pen_name_is_never_matched_for_a_contributor(
    send, alya, contributor_index
):
    senja = published_profile(
        contributor_index,
        title="Siti Aminah",
        pen_name="Bunda Senja",
        use_pen_name_only=True,
    )
    text = REAL_POST_WITH_ENDING.replace("Illustrator: Ans", "Ilustrator: Siti Aminah")

    # Bunda Senja is credited already; the real name typed at the end is not taken
    # for her, and nothing said back connects the two names.
    response = send(
        text,
        credits=[
            {"contributor": alya.profile_page.pk, "role": "writer"},
            {"contributor": senja.pk, "role": "translator"},
        ],
    )

    assert response.status_code == 302
    latest_credits = latest(ArticlePage.objects.get()).credits.all()
    new = ContributorPage.objects.exclude(pk=senja.pk).get(title="Siti Aminah")
    assert sorted((c.contributor_id, c.role) for c in latest_credits) == sorted(
        [
            (alya.profile_page.pk, "writer"),
            (senja.pk, "translator"),
            (new.pk, "illustrator"),
        ]
    )
    told = said(response)
    assert "Siti Aminah (ilustrator, orang baru)" in told
    assert "Bunda Senja" not in told
