"""Where the story form may live: once, under the home page, with nothing under it."""

from wagtail.models import Page

from blog.models import BlogIndexPage
from stories.models import StoryFormPage
from website.models import HomePage


def test_the_form_lives_under_the_home_page_only(page_asserts):
    page_asserts.assertAllowedParentPageTypes(StoryFormPage, {HomePage})
    page_asserts.assertAllowedSubpageTypes(StoryFormPage, set())


def test_an_editor_places_it_once(page_asserts, home_page):
    page_asserts.assertCanCreateAt(HomePage, StoryFormPage)
    page_asserts.assertCanNotCreateAt(BlogIndexPage, StoryFormPage)
    page_asserts.assertCanNotCreateAt(Page, StoryFormPage)
    home_page.add_child(instance=StoryFormPage(title="Kirim ceritamu", slug="cerita"))

    assert not StoryFormPage.can_create_at(home_page)


def test_a_renamed_form_is_linked_where_it_now_is(client, home_page):
    page = StoryFormPage(title="Bagikan kisahmu", slug="bagikan-kisah")
    home_page.add_child(instance=page)

    footer = client.get("/").content.decode()
    helplines = client.get("/bantuan/").content.decode()

    assert 'href="/bagikan-kisah/"' in footer
    assert 'href="/bagikan-kisah/"' in helplines
