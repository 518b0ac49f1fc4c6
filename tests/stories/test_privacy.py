"""Her contact detail is for editors only: the admin walked as a contributor, the
public site, the logs."""

import logging

from django.test import Client
from django.urls import reverse

from stories.models import StorySubmission
from tests.editorial.conftest import make_user
from tests.editorial.test_privacy_canary import admin_patterns, urls_for

from .conftest import CONTACT


def test_no_admin_url_shows_a_contributor_a_story_or_its_contact(
    contributor_index, send, sent_form
):
    send(sent_form())
    story = StorySubmission.objects.get()
    client = Client(raise_request_exception=False)
    client.force_login(make_user("alya", "Contributors"))
    routes = [route for route in admin_patterns() if "cerita-masuk" in route]

    answers = {}
    for route in routes:
        for url in urls_for(route, [story.pk]):
            response = client.get("/" + url)
            answers[url] = response.status_code
            text = response.content.decode(errors="replace")
            assert CONTACT not in text, url
            assert "Pagi yang Panjang" not in text, url

    # Every view of the queue is reached and refused: to the dashboard, as Wagtail
    # refuses; the two decisions take no GET at all (their POST: test_queue.py).
    assert len(routes) >= 5
    assert answers == {
        url: 405 if "/draft/" in url or "/decline/" in url else 302 for url in answers
    }


def test_her_contact_is_never_logged(
    caplog, client, editor, blog_index, contributor_index, send, sent_form, decide
):
    with caplog.at_level(logging.DEBUG):
        send(sent_form())
        story = StorySubmission.objects.get()
        client.force_login(editor)
        client.get(reverse("stories:inspect", args=[story.pk]))
        decide("draft", story)

    assert caplog.records
    assert CONTACT not in caplog.text
