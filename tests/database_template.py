"""The SQLite test database: migrated once into a template, then copied.

Migrating an empty database (some 270 migrations, Wagtail's included) costs each
pytest-xdist worker about 11 CPU seconds, nearly all of it Django re-rendering model
states between operations. The migrated file is kept in .pytest_cache under a key
that covers everything that decides its contents (see `template_key`): the first
worker to need it builds it under a lock, the others wait and copy it, and a later
run with the same key only copies it. Django then opens the copy as a kept database
(`keepdb`), so its `migrate` still runs over it: a migration missing from the copy is
applied, and post_migrate (content types, permissions, the default site) runs as
on a new database.

PostgreSQL (and in-memory SQLite) keep Django's own creation: `applies` says no.
"""

import ast
import contextlib
import fcntl
import hashlib
import importlib.metadata
import importlib.util
import os
import shutil
import sqlite3
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction

TEMPLATE_PREFIX = "test-db-template-"


def applies(alias=DEFAULT_DB_ALIAS):
    connection = connections[alias]
    return connection.vendor == "sqlite" and not connection.creation.is_in_memory_db(
        connection.creation._get_test_db_name()
    )


def install(alias=DEFAULT_DB_ALIAS):
    """Put a copy of the migrated template where the test database goes."""
    connection = connections[alias]
    target = Path(connection.creation._get_test_db_name())
    template = target.parent / f"{TEMPLATE_PREFIX}{template_key(alias)[:20]}.sqlite3"
    with locked(target.parent / f"{TEMPLATE_PREFIX}lock"):
        if not template.exists():
            _build(alias, template)
        _remove(target)
        shutil.copyfile(template, target)


def _build(alias, template):
    for old in template.parent.glob(f"{TEMPLATE_PREFIX}*.sqlite3"):
        _remove(old)
    building = template.with_suffix(".building")
    _remove(building)
    connection = connections[alias]
    name = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = settings.DATABASES[alias]["NAME"] = str(building)
    try:
        call_command(
            "migrate",
            verbosity=0,
            interactive=False,
            database=alias,
            run_syncdb=True,
        )
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
        connection.settings_dict["NAME"] = settings.DATABASES[alias]["NAME"] = name
    os.replace(building, template)


def _remove(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")


@contextlib.contextmanager
def locked(path):
    """An exclusive lock on `path` between the test processes of a run."""
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def template_key(alias=DEFAULT_DB_ALIAS):
    """A hash of what a migrated database is made of: every installed package's
    version, Python's and SQLite's, the installed apps, the database's engine and
    options (not its name: each xdist worker's differs), every file in our apps'
    migrations folders, the project modules those import (and theirs), the
    settings modules, and the models of any app without migrations."""
    digest = hashlib.sha256()
    connection = connections[alias]
    digest.update(
        repr(
            (
                sys.version,
                sqlite3.sqlite_version,
                list(settings.INSTALLED_APPS),
                connection.settings_dict["ENGINE"],
                connection.settings_dict["OPTIONS"],
            )
        ).encode()
    )
    for name, version in sorted(
        (dist.metadata["Name"] or "", dist.version)
        for dist in importlib.metadata.distributions()
    ):
        digest.update(f"{name}=={version}\n".encode())
    for path in sorted(_project_sources()):
        digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _in_project(path):
    base = Path(settings.BASE_DIR).resolve()
    path = Path(path).resolve()
    return path.is_relative_to(base) and ".venv" not in path.relative_to(base).parts


def _project_sources():
    roots = set()
    for config in apps.get_app_configs():
        if not _in_project(config.path):
            continue
        folder = Path(config.path) / "migrations"
        if folder.is_dir():
            roots.update(folder.rglob("*.py"))
        else:
            roots.update(Path(config.path).glob("models*.py"))
            roots.update(Path(config.path).glob("models/**/*.py"))
    # Not settings.SETTINGS_MODULE: inside override_settings that is None.
    settings_module = importlib.util.find_spec(os.environ["DJANGO_SETTINGS_MODULE"])
    roots.update(Path(settings_module.origin).parent.glob("*.py"))
    return _with_imports(roots)


def _with_imports(roots):
    seen = set()
    todo = [Path(p).resolve() for p in roots]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for module in _imported_modules(path):
            found = _project_file(module)
            if found and found not in seen:
                todo.append(found)
    return seen


def _imported_modules(path):
    package = _module_name(path)
    tree = ast.parse(path.read_bytes())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                if path.name != "__init__.py":
                    parts = parts[:-1]
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            yield base
            for alias in node.names:
                yield f"{base}.{alias.name}"


def _module_name(path):
    relative = path.relative_to(Path(settings.BASE_DIR).resolve()).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _project_file(module):
    if not module or module.startswith("."):
        return None
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError, AttributeError):
        return None
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return None
    return Path(spec.origin).resolve() if _in_project(spec.origin) else None


class Snapshot:
    """Every table's rows as the test database was set up, restored by plain
    INSERTs on SQLite.

    Django restores a `serialized_rollback` test's database by deserializing its
    JSON snapshot and saving each of its ~470 objects through the ORM (0.12 s a
    test); the same rows copied back in one transaction cost a few milliseconds.
    The tables are emptied first, so the test starts from exactly the rows the
    database had after set-up, whether or not the test before it flushed.
    """

    def __init__(self, alias=DEFAULT_DB_ALIAS):
        self.alias = alias
        connection = connections[alias]
        self.serialized = connection._test_serialized_contents
        self.tables = []
        with connection.cursor() as cursor:
            for table in sorted(
                connection.introspection.django_table_names(
                    only_existing=True, include_views=False
                )
            ):
                quoted = connection.ops.quote_name(table)
                cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608
                columns = ", ".join(
                    connection.ops.quote_name(c[0]) for c in cursor.description
                )
                marks = ", ".join(["%s"] * len(cursor.description))
                self.tables.append(
                    (
                        f"DELETE FROM {quoted}",  # noqa: S608
                        f"INSERT INTO {quoted} ({columns}) VALUES ({marks})",  # noqa: S608
                        cursor.fetchall(),
                    )
                )

    def restore(self, connection):
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            for delete, _insert, _rows in self.tables:
                cursor.execute(delete)
            for _delete, insert, rows in self.tables:
                if rows:
                    cursor.executemany(insert, rows)

    def instead_of(self, deserialize):
        """Django's reload of the set-up snapshot (TransactionTestCase's
        _fixture_setup) answered by `restore`; any other data still goes through
        `deserialize`, the ORM's. A method of the creation class, not of one
        connection's: the browser tests run in a context with connections of its own
        (tests/e2e/conftest.py), which reload the same snapshot."""

        def deserialize_db_from_string(creation, data):
            if data is self.serialized:
                self.restore(creation.connection)
            else:
                deserialize(creation, data)

        return deserialize_db_from_string
