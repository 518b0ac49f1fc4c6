"""The admin dashboard runs a fixed number of queries, however many articles there are.

Before the hand-off, "Tulisan saya" asked three more queries per article (35 for one
article, 94 for 21). Each role's dashboard is measured with 1 and with 21 articles in
every state it lists: the counts must be equal, and exactly these.
"""

from django.urls import reverse

from wagtail.models import Comment

import pytest

from blog.models import ArticleCredit
from editorial.models import IllustrationRequest

from .conftest import draft_by

# Each includes the one query of the articles' reads (blog.reads.reads_for).
QUERIES = {"contributor": 33, "illustrator": 33, "editor": 30}


def submit(page, user):
    return page.get_workflow().start(page, user)


def fill(role, count, alya, bunga, eka, blog_index):
    """`count` articles of each kind the role's dashboard shows."""
    for number in range(count):
        page = draft_by(
            alya, blog_index, title=f"Tulisan {number}", slug=f"tulisan-{number}"
        )
        Comment.objects.create(
            page=page,
            user=eka,
            text="Bagian kedua bisa dipersingkat.",
            contentpath="title",
            revision_created=page.latest_revision,
        )
        state = submit(page, alya)
        if number % 2:
            state.current_task_state.specific.reject(
                user=eka, comment="Tambahkan penutup."
            )
        if role == "illustrator":
            if number % 2:
                ArticleCredit.objects.create(
                    page=page,
                    contributor=bunga.profile_page,
                    role=ArticleCredit.Role.ILLUSTRATOR,
                )
            else:
                IllustrationRequest.objects.create(
                    article=page,
                    brief="Ibu dan anak di teras.",
                    requested_by=alya,
                    illustrator=bunga,
                    status=IllustrationRequest.Status.TAKEN,
                )
            waiting = draft_by(
                alya, blog_index, title=f"Menunggu {number}", slug=f"menunggu-{number}"
            )
            IllustrationRequest.objects.create(
                article=waiting, brief="Pasar pagi.", requested_by=alya
            )
        elif role == "editor":
            IllustrationRequest.objects.create(
                article=page, brief="Dapur kecil.", requested_by=alya
            )
            live = draft_by(
                alya, blog_index, title=f"Terbit {number}", slug=f"terbit-{number}"
            )
            live.get_latest_revision().publish()


@pytest.mark.parametrize("count", [1, 21])
@pytest.mark.parametrize("role", ["contributor", "illustrator", "editor"])
def test_dashboard_queries_do_not_grow_with_articles(
    client, django_assert_num_queries, alya, bunga, eka, blog_index, role, count
):
    fill(role, count, alya, bunga, eka, blog_index)
    user = {"contributor": alya, "illustrator": bunga, "editor": eka}[role]
    client.force_login(user)
    home = reverse("wagtailadmin_home")
    # Once first: process-wide caches (content types, site roots) are then warm.
    client.get(home)

    with django_assert_num_queries(QUERIES[role]):
        response = client.get(home)

    html = response.content.decode()
    if role == "editor":
        assert html.count("data-editorial-illustration-requests") == 1
        assert f"Terbit {count - 1}" in html
    else:
        assert "Tulisan 0" in html
        assert f"Tulisan {count - 1}" in html
    if role == "illustrator":
        assert f"Menunggu {count - 1}" in html
