"""The migrated template the SQLite test database is copied from (tests/conftest.py)
is rebuilt whenever something that decides its rows changes."""

from pathlib import Path

from django.apps import apps
from django.conf import settings

from tests import database_template


def test_the_key_covers_every_migration_and_the_project_code_they_import():
    base = Path(settings.BASE_DIR).resolve()
    sources = {
        str(path.relative_to(base)) for path in database_template._project_sources()
    }
    for config in apps.get_app_configs():
        folder = Path(config.path).resolve() / "migrations"
        # Ours: under the project, not an installed package (a virtual environment
        # may live inside the project, as `make install` puts it in .venv/).
        ours = folder.is_relative_to(base) and "site-packages" not in folder.parts
        if ours and folder.is_dir():
            for path in folder.rglob("*.py"):
                assert str(path.relative_to(base)) in sources
    # Imported by website/migrations/0004 and the editorial migrations.
    assert "images/privacy.py" in sources
    assert "website/settings/test.py" in sources
    assert "website/settings/base.py" in sources


def test_the_key_changes_with_a_migration_and_with_a_package_version(monkeypatch):
    key = database_template.template_key()
    assert database_template.template_key() == key

    migration = Path(settings.BASE_DIR) / "website" / "migrations" / "0001_initial.py"
    read_bytes = Path.read_bytes

    def edited(path):
        text = read_bytes(path)
        return text + b"\n# edited\n" if path.resolve() == migration.resolve() else text

    with monkeypatch.context() as patch:
        patch.setattr(Path, "read_bytes", edited)
        assert database_template.template_key() != key

    distributions = database_template.importlib.metadata.distributions

    class Upgraded:
        metadata = {"Name": "wagtail"}
        version = "99.0"

    monkeypatch.setattr(
        database_template.importlib.metadata,
        "distributions",
        lambda: [*distributions(), Upgraded()],
    )
    assert database_template.template_key() != key
