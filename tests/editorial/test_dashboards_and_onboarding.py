"""The admin home of each role, and adding a contributor."""

import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState

from pytest_django.asserts import assertRedirects

from contributors.models import ContributorPage

from .conftest import draft_by


def submit(page, user):
    return page.get_workflow().start(page, user)


def test_contributor_dashboard_lists_her_articles_with_their_state(
    client, alya, bunga, eka, blog_index
):
    draft_by(alya, blog_index, title="Masih draf", slug="masih-draf")
    submit(draft_by(alya, blog_index, title="Sedang dinilai", slug="dinilai"), alya)
    returned = draft_by(alya, blog_index, title="Dikembalikan", slug="kembali")
    state = submit(returned, alya)
    state.current_task_state.specific.reject(user=eka, comment="Tambahkan penutup.")
    live = draft_by(alya, blog_index, title="Sudah tayang", slug="tayang")
    live.get_latest_revision().publish()
    draft_by(bunga, blog_index, title="Milik Bunga", slug="milik-bunga")

    client.force_login(alya)
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Tulisan saya" in body
    rows = dict(
        re.findall(
            r'data-state="(\w+)">\s*<td class="title">\s*<div class="title-wrapper">'
            r"\s*<a[^>]*>\s*([^<]+?)\s*</a>",
            body,
        )
    )
    assert rows == {
        "draft": "Masih draf",
        "in_review": "Sedang dinilai",
        "changes_requested": "Dikembalikan",
        "published": "Sudah tayang",
    }
    assert "Tambahkan penutup." in body
    assert "Milik Bunga" not in body
    assert (
        reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog_index.pk])
        in body
    )
    assert "Tulis artikel baru" in body


def test_editor_dashboard_shows_queue_oldest_first_scheduled_and_published(
    client, alya, bunga, eka, blog_index
):
    older = draft_by(alya, blog_index, title="Diajukan kemarin", slug="kemarin")
    submit(older, alya)
    WorkflowState.objects.filter(object_id=str(older.pk)).update(
        created_at=timezone.now() - timedelta(days=1, hours=2)
    )
    submit(draft_by(bunga, blog_index, title="Diajukan barusan", slug="barusan"), bunga)

    scheduled = draft_by(alya, blog_index, title="Terbit lusa", slug="lusa")
    scheduled.go_live_at = timezone.now() + timedelta(days=2)
    scheduled.save_revision(user=eka).publish(user=eka)
    published = draft_by(bunga, blog_index, title="Terbit tadi", slug="tadi")
    published.get_latest_revision().publish(user=eka)

    client.force_login(eka)
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    queue = body[body.index("data-editorial-queue") :]
    assert queue.index("Diajukan kemarin") < queue.index("Diajukan barusan")
    assert "1\xa0hari" in queue or "1 hari" in queue  # how long it has waited
    scheduled_part = body[body.index("data-editorial-scheduled") :]
    assert "Terbit lusa" in scheduled_part
    assert timezone.localtime(scheduled.go_live_at).strftime("%H:%M") in scheduled_part
    assert "Terbit tadi" in body[body.index("data-editorial-published") :]
    assert "Tulisan saya" not in body


def test_editor_adds_a_contributor_who_gets_an_invitation(
    client, eka, contributor_index
):
    client.force_login(eka)
    assert client.get(reverse("editorial_add_contributor")).status_code == 200
    response = client.post(
        reverse("editorial_add_contributor"),
        {
            "name": "Sari Wulandari",
            "pen_name": "Ibu Senja",
            "use_pen_name_only": "on",
            "email": "sari@contoh.id",
            "username": "sari",
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="sari")
    assert list(user.groups.values_list("name", flat=True)) == ["Contributors"]
    assert not user.has_usable_password()
    assert not user.is_staff and not user.is_superuser
    profile = ContributorPage.objects.get(user=user)
    assert profile.owner == user
    assert not profile.live  # her real name stays off the site until she is ready
    assert profile.slug == "ibu-senja"
    assert profile.get_parent().specific == contributor_index

    [invitation] = mail.outbox
    assert invitation.to == ["sari@contoh.id"]
    assert "Undangan" in invitation.subject
    reset = re.escape(reverse("wagtailadmin_password_reset"))
    link = re.search(rf"http://testserver({reset}\S+)", invitation.body)
    assert link

    # The link lets her set a password, and then she can edit her profile.
    client.logout()
    response = client.get(link.group(1), follow=True)
    form_url = (
        response.redirect_chain[-1][0] if response.redirect_chain else link.group(1)
    )
    response = client.post(
        form_url,
        {
            "new_password1": "senja-di-serambi-42",
            "new_password2": "senja-di-serambi-42",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("senja-di-serambi-42")
    client.force_login(user)
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[profile.pk])).status_code
        == 200
    )


def test_onboarding_rejects_duplicates_with_clear_errors(
    client, eka, alya, contributor_index
):
    client.force_login(eka)
    response = client.post(
        reverse("editorial_add_contributor"),
        {"name": "Alya Lagi", "email": "ALYA@contoh.id", "username": "Alya"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Sudah ada akun dengan alamat e-mail ini." in body
    assert "Nama pengguna ini sudah dipakai." in body
    assert get_user_model().objects.filter(email__iexact="alya@contoh.id").count() == 1


def test_contributors_cannot_onboard(client, alya, contributor_index):
    client.force_login(alya)
    response = client.post(
        reverse("editorial_add_contributor"),
        {"name": "Teman", "email": "teman@contoh.id", "username": "teman"},
    )
    assertRedirects(
        response, reverse("wagtailadmin_home"), fetch_redirect_response=False
    )
    assert not get_user_model().objects.filter(username="teman").exists()
    assert (
        "Tambah kontributor"
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
