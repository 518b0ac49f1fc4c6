"""Every Wagtail file we override, copy or depend on is fingerprinted: an upgrade that
changes one fails here, naming our override (docs/upgrading.md says what to check)."""

import hashlib
from pathlib import Path

import wagtail

import pytest

ROOT = Path(__file__).resolve().parents[1]
WAGTAIL = Path(wagtail.__file__).parent

# SHA-256 (first 16 hex digits) of each file as Wagtail 8.0.1 ships it.
GUARDED = {
    "admin/viewsets/pages.py": "fcd53f32d7395ef7",
    "admin/views/pages/listing.py": "d52f30d1e054075e",
    "admin/views/pages/bulk_actions/delete.py": "9b316ad7aff5803f",
    "admin/views/pages/bulk_actions/move.py": "ffe5552c0a75584e",
    "admin/views/pages/bulk_actions/publish.py": "1082ab34c161aba5",
    "admin/views/pages/bulk_actions/unpublish.py": "68bb4c89a268d981",
    "images/views/bulk_actions/delete.py": "932784feb4181286",
    "images/views/bulk_actions/add_tags.py": "dd53d072d6ec025b",
    "images/views/bulk_actions/add_to_collection.py": "2fa43a2f9cdba132",
    "documents/views/bulk_actions/delete.py": "bc3ba91dacec7f0b",
    "documents/views/bulk_actions/add_tags.py": "e6d153bd243e206f",
    "documents/views/bulk_actions/add_to_collection.py": "1b5489592169f0be",
    "snippets/bulk_actions/delete.py": "d9f03d37c0ae13c4",
    "users/views/bulk_actions/delete.py": "008f84985d39df2b",
    "users/views/bulk_actions/set_active_state.py": "de9796a1f3de10d0",
    "users/views/bulk_actions/assign_role.py": "1bd412b07125c76a",
    "admin/views/chooser.py": "eabeeb7e9b026a74",
    "admin/templates/wagtailadmin/chooser/tables/page_title_cell.html": (
        "22766fc2d64664a6"
    ),
    "admin/templates/wagtailadmin/tables/title_cell.html": "f98d7437d007d875",
    "admin/templates/wagtailadmin/home/account_summary.html": "ff5c7d30e46778c3",
    "embeds/templates/wagtailembeds/embed_frontend.html": "7ee343de2b8066cc",
    "admin/templates/wagtailadmin/notifications/task_state_submitted.html": (
        "47de32ee86a7227d"
    ),
    "admin/templates/wagtailadmin/notifications/workflow_state_approved.html": (
        "5600b081d9233b74"
    ),
    "admin/templates/wagtailadmin/notifications/workflow_state_rejected.html": (
        "2df71d2564a9f1c7"
    ),
    "admin/views/pages/create.py": "f12aecbd413dc525",
    "admin/forms/pages.py": "a39e6995e1d6729f",
    "admin/templates/wagtailadmin/shared/headers/_actions.html": "facea723b6b91762",
    "contrib/redirects/signal_handlers.py": "9f6579a080f79225",
    "signal_handlers.py": "f644c452b3329e9f",
    "permission_policies/pages.py": "86edf54260dbc8e8",
    "models/pages.py": "72d73ffdf04dec01",
    "locale/id_ID/LC_MESSAGES/django.po": "c586cad85668cb03",
}


def fingerprint(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_the_upstream_file_is_the_one_our_override_was_written_against(name):
    path = WAGTAIL / name
    assert path.exists(), f"wagtail/{name} is gone: see docs/upgrading.md"
    assert fingerprint(path) == GUARDED[name], (
        f"wagtail/{name} changed in Wagtail {wagtail.__version__}: check our override "
        f"(docs/upgrading.md), then set its fingerprint to {fingerprint(path)!r}"
    )


def test_every_guarded_file_is_explained_in_the_upgrade_notes():
    notes = (ROOT / "docs" / "upgrading.md").read_text(encoding="utf-8")
    for name in GUARDED:
        # Named whole, or its folder is ("bulk_actions/*", "{delete,move}.py").
        directory = name.rpartition("/")[0]
        assert name in notes or f"`{directory}/" in notes, name


def test_the_copied_template_names_its_source_version():
    copy = ROOT / "editorial/templates/wagtailadmin/chooser/tables/page_title_cell.html"
    assert "Wagtail 8.0 page_title_cell.html" in copy.read_text(encoding="utf-8")
