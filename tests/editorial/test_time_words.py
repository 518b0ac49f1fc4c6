"""Times in the admin read in Indonesian: "31 detik yang lalu", not "31 seconds ago".

Wagtail writes recent times with django.contrib.humanize's naturaltime, whose
Indonesian words come only with that app installed.
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone, translation

from wagtail.admin.templatetags.wagtailadmin_tags import naturaltime
from wagtail.models import TaskState

from .conftest import draft_by
from .test_contributor_journey import request_changes, submit


def test_recent_times_are_indonesian():
    with translation.override("id"):
        text = str(naturaltime(timezone.now() - timedelta(seconds=31)))

    assert text.replace("\xa0", " ") == "31 detik yang lalu"


def test_the_status_panel_says_when_changes_were_asked_in_indonesian(
    client, alya, eka, blog_index
):
    article = request_changes(client, submit(draft_by(alya, blog_index), alya), eka)
    # Asked half a minute ago (naturaltime says "now" for the same second).
    TaskState.objects.filter(workflow_state__object_id=str(article.pk)).update(
        finished_at=timezone.now() - timedelta(seconds=31)
    )
    client.force_login(alya)

    html = client.get(
        reverse("wagtailadmin_pages:edit", args=[article.pk])
    ).content.decode()

    assert "yang lalu" in html
    assert " ago" not in html
