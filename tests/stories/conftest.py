"""The story form in the page tree, and a way to send it as a person would."""

import io
import time

from django.urls import reverse

import pytest
from PIL import Image

from demo.factories import StoryFormPageFactory
from stories.forms import stamp
from tests.editorial.conftest import make_user

STORY = (
    "Pagi yang Panjang\n\n"
    "Hari pertama aku mengantar anakku sekolah sendirian, tanganku gemetar.\n\n"
    "Tapi ia menoleh dan tersenyum, dan aku tahu kami akan baik-baik saja.\n"
)
CONTACT = "rahasia.pengirim@contoh.id"


@pytest.fixture
def story_page(home_page):
    return StoryFormPageFactory(parent=home_page)


@pytest.fixture
def editor(db):
    return make_user("editor", "Editors")


@pytest.fixture
def sent_form():
    """The fields a person sends after reading the form for a minute."""

    def fields(**changes):
        data = {
            "text": STORY,
            "name": "Bunda Pagi",
            "contact": CONTACT,
            "agree": "on",
            "website": "",
            "started": stamp(time.time() - 60),
        }
        data.update(changes)
        return {key: value for key, value in data.items() if value is not None}

    return fields


@pytest.fixture
def send(client, story_page, django_capture_on_commit_callbacks):
    """POST the form the page renders to where the page says it goes (and let what
    waits for the commit, the editors' mail, happen)."""

    def post(data, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                reverse("story_submit", args=[story_page.pk]), data, **extra
            )

    return post


@pytest.fixture
def decide(client, editor, django_capture_on_commit_callbacks):
    """An editor's click on "Jadikan draf" or "Tolak", committed."""

    def post(action, story, data=None, user=None):
        client.force_login(user or editor)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse(f"stories:{action}", args=[story.pk]), data)

    return post


def photo_with_gps():
    """A JPEG that says where it was taken, as a phone's photo does."""
    image = Image.new("RGB", (40, 30), "#a0522d")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "S", 2: (6.0, 12.0, 0.0), 3: "E", 4: (106.0, 49.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    buffer.name = "foto.jpg"
    buffer.seek(0)
    return buffer
