from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse

from wagtail.models import WorkflowState

from blog.models import ArticlePage
from demo.editorial import seed_editorial_demo


@override_settings(DEBUG=True)
def test_demo_fills_both_dashboards_and_is_idempotent(
    client, blog_index, contributor_index
):
    seed_editorial_demo()
    seed_editorial_demo()

    in_review = ArticlePage.objects.get(slug="ketika-anak-bertanya-tentang-ayahnya")
    assert in_review.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    needs_changes = ArticlePage.objects.get(slug="membagi-waktu-kerja-dan-anak")
    assert (
        needs_changes.current_workflow_state.status
        == WorkflowState.STATUS_NEEDS_CHANGES
    )
    assert (
        ArticlePage.objects.filter(
            slug__in=[in_review.slug, needs_changes.slug]
        ).count()
        == 2
    )

    editor = Group.objects.get(name="Editors").user_set.get()
    client.force_login(editor)
    assert in_review.title in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(in_review.owner)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Tulisan saya" in home
    assert "Perlu perbaikan" in home and "Sedang ditinjau" in home
    assert "contoh jadwal harian" in home


def test_demo_does_nothing_in_production(blog_index):
    seed_editorial_demo()
    assert not ArticlePage.objects.filter(
        slug="ketika-anak-bertanya-tentang-ayahnya"
    ).exists()
