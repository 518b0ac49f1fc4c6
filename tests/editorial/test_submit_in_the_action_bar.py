"""On her article, a contributor's action bar shows "Ajukan untuk ditinjau" as its own
button (one tap on a phone), with "Simpan konsep" in the menu beside it; everywhere
else, and for editors, Wagtail's order stays."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from .conftest import add_url, client_for, draft_by, edit_url

pytestmark = pytest.mark.django_db


def action_bar(response):
    """The names of the action bar's buttons, its own button first."""
    assert response.status_code == 200
    footer = BeautifulSoup(response.content.decode(), "html.parser").find("footer")
    buttons = footer.find_all("button")
    return [
        button.get("name") or " ".join(button.get("class", []))
        for button in buttons
        if "w-dropdown__toggle" not in button.get("class", [])
    ]


def test_a_new_article_offers_her_the_submit_first(as_alya, blog_index):
    buttons = action_bar(as_alya.get(add_url(blog_index)))

    assert buttons[0] == "action-submit"
    assert any("action-save" in name for name in buttons[1:])


def test_her_draft_offers_her_the_submit_first(as_alya, alya, blog_index):
    draft = draft_by(alya, blog_index)

    assert action_bar(as_alya.get(edit_url(draft)))[0] == "action-submit"


def test_an_editor_keeps_wagtails_order(client, eka, blog_index):
    buttons = action_bar(client_for(client, eka).get(add_url(blog_index)))

    assert "action-save" in buttons[0]


def test_her_profile_keeps_wagtails_order(as_alya, alya):
    page = reverse("wagtailadmin_pages:edit", args=[alya.profile_page.pk])

    assert "action-save" in action_bar(as_alya.get(page))[0]
