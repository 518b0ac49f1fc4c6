"""A canary that fails closed: every admin URL, visited as a contributor.

The privacy layer (editorial.privacy, contributors.admin_titles) narrows Wagtail's
admin view by view. A view that Wagtail adds in an upgrade, or one we register
tomorrow, would not be narrowed and no view-by-view test would notice. So this test
lists nothing by hand: it walks every URL pattern the admin registers (listings,
choosers and their searches, bulk-action confirmations, reports, side panels, JSON
endpoints), fills each argument with the real objects a leak would show (another
contributor's draft, the profile of a woman who hides her real name, her account,
her picture, their revisions), adds the query parameters those views read (`q`,
`id`), and reads every answer as Alya, a contributor. No answer may carry a hidden
real name or another contributor's unpublished title.
"""

import io
import itertools
import re

from django.conf import settings
from django.contrib.admindocs.views import extract_views_from_urlpatterns
from django.core.files.images import ImageFile
from django.test import Client
from django.urls import get_resolver

import pytest
from PIL import Image as PILImage

from images.models import CustomImage

from .test_privacy_leaks import (  # noqa: F401  (fixtures)
    DRAFT_TITLE,
    NEVER_PUBLISHED,
    REAL_NAME,
    bunga_draft,
    bunga_live,
    senja,
)

SECRETS = (REAL_NAME, NEVER_PUBLISHED, DRAFT_TITLE)
# A pattern with many arguments is tried with this many combinations at most.
MAX_VARIANTS = 8
PARAMETER = re.compile(
    r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>|\(\?P<(?P<group>\w+)>[^)]*\)"
)


def admin_patterns():
    """Every URL pattern under the admin's path, as its route text."""
    prefix = settings.ADMIN_URL
    routes = set()
    for _view, route, _namespace, _name in extract_views_from_urlpatterns(
        get_resolver().url_patterns
    ):
        route = route.replace("^", "").replace("$", "").replace("\\Z", "")
        route = route.replace("\\", "")
        if route.startswith(prefix):
            routes.add(route)
    return sorted(routes)


def parameters(route):
    return [
        (
            match["converter"] or ("regex" if match["group"] else "str"),
            match["name"] or match["group"],
        )
        for match in PARAMETER.finditer(route)
    ]


def values_for(converter, name, objects):
    """The values worth trying for one argument."""
    name = name.lower()
    if name in ("app_label", "app_name", "content_type_app_name"):
        return [
            "blog",
            "contributors",
            "wagtailcore",
            "website",
            "images",
            "auth",
            "editorial",
        ]
    if name in ("model_name", "content_type_model_name"):
        return ["articlepage", "contributorpage", "page", "customimage", "user"]
    if "action" in name:
        return ["delete", "publish", "unpublish", "move", "add_tags", "set_privacy"]
    if converter == "path":
        return ["", "x"]
    return [str(pk) for pk in objects]


def urls_for(route, objects):
    parts = parameters(route)
    if not parts:
        return [route]
    choices = [values_for(converter, name, objects) for converter, name in parts]
    urls = []
    for combination in itertools.islice(itertools.product(*choices), MAX_VARIANTS * 4):
        values = iter(combination)
        urls.append(PARAMETER.sub(lambda _m, values=values: next(values), route))
    # Spread the tries over the combinations rather than the first ones only.
    return urls[:: max(1, len(urls) // MAX_VARIANTS)][:MAX_VARIANTS]


def leaks(client, url, queries):
    """What secret each answer to `url` shows, as (url, secret) pairs."""
    found = []
    for query in queries:
        response = client.get("/" + url, query)
        text = response.content.decode(errors="replace")
        text += response.get("Location", "")
        for secret in SECRETS:
            if secret.lower() in text.lower():
                found.append((f"/{url}?{query}", response.status_code, secret))
    return found


@pytest.fixture
def her_picture(senja):  # noqa: F811
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "#5b7f3a").save(buffer, "PNG")
    return CustomImage.objects.create(
        title="Sketsa teras",
        file=ImageFile(buffer, name="teras.png"),
        credit=f"Ilustrasi: {REAL_NAME}",
        uploaded_by_user=senja,
    )


@pytest.fixture
def watched(senja, bunga, bunga_draft, bunga_live, her_picture):  # noqa: F811
    """The primary keys a leak would be reached by."""
    return sorted(
        {
            bunga_draft.pk,
            bunga_live.pk,
            senja.profile_page.pk,
            senja.pk,
            bunga.pk,
            her_picture.pk,
            bunga_draft.latest_revision_id,
            bunga_live.latest_revision_id,
        }
    )


def visit_all(client, watched, routes=None):
    queries = [
        {},
        {"q": REAL_NAME.split()[0]},
        {"q": "Bunga"},
        {"id": [str(pk) for pk in watched]},
    ]
    found, visited = [], 0
    for route in admin_patterns() if routes is None else routes:
        # Listings and searches are read with every query; a view of one object
        # (its arguments are the objects watched) as it is.
        urls = urls_for(route, watched)
        for url in urls:
            visited += 1
            found += leaks(client, url, queries if url == route else [{}])
    return found, visited


def test_no_admin_url_shows_a_contributor_what_is_not_hers(alya, watched):
    client = Client(raise_request_exception=False)
    client.force_login(alya)

    found, visited = visit_all(client, watched)

    # The walk reaches the admin as a whole, not a handful of views.
    assert len(admin_patterns()) > 200
    assert visited > 400
    assert found == [], "\n".join(
        f"{url} ({status}) shows {secret!r}" for url, status, secret in found
    )


def test_the_canary_sees_a_leak_when_the_privacy_layer_fails(
    alya, watched, blog_index, monkeypatch
):
    # As if the privacy layer were lost in an upgrade: every viewer may see drafts.
    monkeypatch.setattr(
        "contributors.admin_titles.viewer_may_see_private", lambda page: True
    )
    client = Client(raise_request_exception=False)
    client.force_login(alya)
    choosers = [route for route in admin_patterns() if "choose-page" in route]

    found, _visited = visit_all(client, [*watched, blog_index.pk], choosers)

    assert any(secret == NEVER_PUBLISHED for _url, _status, secret in found)
