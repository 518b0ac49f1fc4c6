"""CDN purges run as background tasks after the publish commits: a slow, failing or
unreachable CDN never blocks or breaks a publish."""

import logging

from django.test import override_settings
from django.urls import reverse

from wagtail.contrib.frontend_cache.backends import BaseBackend

import pytest
from django_tasks import task_backends
from django_tasks.signals import task_finished

from blog.models import ArticlePage
from tests.services import closed_port
from tests.site_builder import article, contributor
from tests.website.test_caching import edit_form
from website.purge import purge_pages_showing

pytestmark = pytest.mark.django_db

NEW_TITLE = "Anggaran bulanan yang jujur"


class ExplodingBackend(BaseBackend):
    def purge(self, url):
        raise RuntimeError("the CDN's API answered with an error page")


@pytest.fixture
def writer(contributor_index):
    return contributor(contributor_index, "Ayu Lestari", slug="ayu-lestari")


@pytest.fixture
def live_article(home_page, blog_index, writer):
    return article(
        blog_index, title="Mengatur uang belanja", slug="uang-belanja", writers=[writer]
    )


@pytest.fixture
def finished_tasks():
    results = []

    def record(sender, task_result, **kwargs):
        results.append(task_result)

    task_finished.connect(record)
    yield results
    task_finished.disconnect(record)


def publish(admin_browser, page, writer, capture):
    with capture(execute=True):
        response = admin_browser.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            edit_form(page, writer, NEW_TITLE),
        )
    assert response.status_code == 302
    assert ArticlePage.objects.get(pk=page.pk).title == NEW_TITLE
    return response


def ours(results):
    return [r for r in results if r.task.func is purge_pages_showing.func]


def test_publish_succeeds_with_the_cdn_unreachable(
    admin_browser,
    live_article,
    writer,
    finished_tasks,
    caplog,
    django_capture_on_commit_callbacks,
):
    cdn = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{closed_port()}",
        }
    }
    with (
        override_settings(WAGTAILFRONTENDCACHE=cdn),
        caplog.at_level(logging.ERROR, "wagtail.frontendcache"),
    ):
        publish(admin_browser, live_article, writer, django_capture_on_commit_callbacks)

    [purge] = ours(finished_tasks)
    assert purge.status == "SUCCESSFUL"
    purged = purge.return_value
    assert "http://testserver/artikel/" in purged
    assert "http://testserver/kontributor/ayu-lestari/" in purged
    assert "Couldn't purge 'http://testserver/artikel/'" in caplog.text


def test_publish_succeeds_when_the_cdn_purge_raises(
    admin_browser,
    live_article,
    writer,
    finished_tasks,
    django_capture_on_commit_callbacks,
):
    cdn = {"broken": {"BACKEND": "tests.website.test_cdn_purge.ExplodingBackend"}}
    with override_settings(WAGTAILFRONTENDCACHE=cdn):
        publish(admin_browser, live_article, writer, django_capture_on_commit_callbacks)

    [purge] = ours(finished_tasks)
    assert purge.status == "FAILED"
    assert "the CDN's API answered" in purge.errors[0].traceback


def test_the_purge_is_enqueued_only_once_the_publish_commits(
    admin_browser, live_article, writer, django_capture_on_commit_callbacks
):
    cdn = {"broken": {"BACKEND": "tests.website.test_cdn_purge.ExplodingBackend"}}
    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(WAGTAILFRONTENDCACHE=cdn, TASKS=dummy):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            admin_browser.post(
                reverse("wagtailadmin_pages:edit", args=[live_article.pk]),
                edit_form(live_article, writer, NEW_TITLE),
            )
        assert ours(task_backends["default"].results) == []

        for callback in callbacks:
            callback()

        [queued] = ours(task_backends["default"].results)
        assert queued.kwargs == {"page_id": live_article.pk, "include_page": False}
        assert queued.status == "READY"


def test_without_a_cdn_nothing_is_enqueued(
    admin_browser,
    live_article,
    writer,
    finished_tasks,
    django_capture_on_commit_callbacks,
):
    publish(admin_browser, live_article, writer, django_capture_on_commit_callbacks)

    assert ours(finished_tasks) == []
