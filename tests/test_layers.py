"""The apps are layers that run one way: a lower app never imports a higher one.

modelrows ← images ← caching ← contributors ← blog ← editorial ← importer ← operations ← accounts ←
website ← stories. The check reads every Python file of each app (migrations included)
with `ast`, so an import tucked inside a function or a method counts as much as one at
the top of the module: an import moved into a function to dodge a cycle is still a
cycle.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# `modelrows` (model instances built from rows) is plain Django, no app and no models.
# `images` (the image model, its privacy and forms) knows nothing of people: contributors
# cleans hidden real names from its text on pre_save. `caching` (the page cache, its
# generation token, fragments, limits counted in the cache) knows no page type: the
# site connects what clears it (website.signals). `operations` (backups, the mail
# queue, the scheduler, health, error reports) names other apps' models by label only.
# `accounts` (sign-in, lockouts, two-factor) asks editorial who is an editor and
# caching for the client address; the site names it by string only (settings).
# `stories` (the story form) reads pictures, limits and mail through the apps below
# it; the project names it only by string (INSTALLED_APPS, urls.py's include, a
# section).
LAYERS = [
    "modelrows",
    "images",
    "caching",
    "contributors",
    "blog",
    "editorial",
    "importer",
    "operations",
    "accounts",
    "website",
    "stories",
]


def imported_modules(source, module_name):
    """Every module an import statement in `source` names, absolute."""
    package = module_name.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                yield ".".join([*base, node.module or ""]).rstrip("."), node.lineno
            else:
                yield node.module, node.lineno


def upward_imports(app):
    above = set(LAYERS[LAYERS.index(app) + 1 :])
    found = []
    for path in sorted((ROOT / app).rglob("*.py")):
        relative = path.relative_to(ROOT)
        module = ".".join(relative.with_suffix("").parts)
        for name, line in imported_modules(path.read_text(encoding="utf-8"), module):
            if name.split(".")[0] in above:
                found.append(f"{relative}:{line} imports {name}")
    return found


@pytest.mark.parametrize("app", [app for app in LAYERS if (ROOT / app).is_dir()])
def test_no_app_imports_one_above_it(app):
    assert upward_imports(app) == []


def test_the_check_sees_imports_inside_functions():
    source = (
        "def f():\n    from editorial.permissions import X\n    import website.models\n"
    )
    assert list(imported_modules(source, "contributors.models")) == [
        ("editorial.permissions", 2),
        ("website.models", 3),
    ]


def test_the_check_resolves_relative_imports():
    source = "from ..feeds import A\nfrom . import hooks\n"
    assert list(imported_modules(source, "blog.models.index")) == [
        ("blog.feeds", 1),
        ("blog.models", 2),
    ]


def test_migrations_use_no_live_app_code():
    """A migration imports Django, Wagtail and frozen copies beside it (modules of its
    own migrations package), never today's app code, which may change under it."""
    ours = set(LAYERS) | {"demo"}
    # Field defaults that Django's own migration writer refers to by their path
    # (`default=editorial.models.new_feed_key`): a schema operation, not a data one.
    defaults = {"editorial.models", "caching.models"}
    # Data migrations that must run today's code on purpose: 0004 cleans stored files
    # with the image privacy code (the same as `manage.py strip_image_metadata`), 0009
    # seals secrets in the format the running code opens (accounts.two_factor.secrets,
    # docs/upgrading.md).
    known = {
        "website/migrations/0004_strip_image_metadata.py",
        "website/migrations/0009_sealed_totp_device.py",
    }
    found = []
    for app in LAYERS:
        for path in sorted((ROOT / app / "migrations").glob("*.py")):
            relative = path.relative_to(ROOT)
            if str(relative) in known:
                continue
            module = ".".join(relative.with_suffix("").parts)
            for name, line in imported_modules(
                path.read_text(encoding="utf-8"), module
            ):
                top, _, rest = name.partition(".")
                if name in defaults:
                    continue
                if top in ours and not rest.startswith("migrations"):
                    found.append(f"{relative}:{line} imports {name}")
    assert found == []


# Migrations written before `images`, `caching`, `accounts` and `operations` were split
# out of `website`, whose dependencies point up. They are applied on every database
# made since: Django refuses a history where an applied migration gains or loses a
# dependency (InconsistentMigrationHistory), so they stay as they were.
FROZEN_MIGRATIONS = {
    # The image model was in `website` then: foreign keys to it depended on website.
    ("blog", "0003_initial"),
    ("blog", "0008_listing_indexes"),
    ("contributors", "0002_initial"),
    ("importer", "0001_initial"),
    # Group permissions on website's models (home page, helplines) were granted here.
    ("editorial", "0001_groups_and_workflow"),
    ("editorial", "0006_care_permissions"),
}


def migration_dependencies():
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    for key, migration in loader.disk_migrations.items():
        for app, name in migration.dependencies:
            yield key, (app, name)
        for app, name in getattr(migration, "run_before", []):
            # `run_before` makes the other migration depend on this one.
            yield (app, name), key


def test_migrations_depend_downward_only():
    upward = []
    for (app, name), (other_app, other_name) in migration_dependencies():
        if app not in LAYERS or other_app not in LAYERS:
            continue
        if LAYERS.index(other_app) <= LAYERS.index(app):
            continue
        if (app, name) not in FROZEN_MIGRATIONS:
            upward.append(f"{app}.{name} depends on {other_app}.{other_name}")
    assert upward == []


def test_frozen_migrations_are_only_old_ones():
    """The frozen list names real migrations that do point up (none sneaks in)."""
    pointing_up = {
        key
        for key, (other_app, _) in migration_dependencies()
        if key[0] in LAYERS
        and other_app in LAYERS
        and LAYERS.index(other_app) > LAYERS.index(key[0])
    }
    assert pointing_up == FROZEN_MIGRATIONS
