"""The embedded SQLite takes parallel writers: no "database is locked" for the admin.

An autosave and a publish posted at the same moment each run a transaction that
reads, then writes. Under SQLite's default (deferred) transactions the second one
to write fails at once with "database is locked", whatever the timeout. The writers
run in a separate process with the development settings and a file database, each
thread on its own Django connection, as the threads of `runserver` are.
"""

import json
import os
import subprocess
import sys

import pytest

from website.settings.base import BASE_DIR

WRITERS = 8
WRITES_EACH = 25

SCRIPT = """
import json, os, sys, threading
import django
from django.conf import settings

django.setup()


def scenario(mode, database, writers, writes_each):
    settings.DATABASES["default"]["NAME"] = database
    if mode == "sqlite-defaults":
        settings.DATABASES["default"]["OPTIONS"] = {}
    from django.db import connection, connections, transaction

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER)")
        cursor.execute("INSERT INTO counter VALUES (1, 0)")
    connection.close()

    errors = []
    start = threading.Barrier(writers)
    # In lock step, every writer has read before any writes: the autosave-and-publish
    # race, made certain rather than left to the scheduler. A writer that cannot see
    # the others' reads (they wait on its lock) goes on after a moment.
    have_read = threading.Barrier(writers) if writes_each == 1 else None

    def writer():
        start.wait()
        try:
            for _ in range(writes_each):
                # Read, then write in one transaction, as a page save does.
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute("SELECT value FROM counter WHERE id = 1")
                    (value,) = cursor.fetchone()
                    if have_read is not None:
                        try:
                            have_read.wait(timeout=2)
                        except threading.BrokenBarrierError:
                            pass
                    cursor.execute(
                        "UPDATE counter SET value = %s WHERE id = 1", [value + 1]
                    )
        except Exception as error:
            errors.append(str(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer) for _ in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM counter WHERE id = 1")
        (total,) = cursor.fetchone()
        cursor.execute("PRAGMA journal_mode")
        (journal_mode,) = cursor.fetchone()
    return {"errors": errors, "total": total, "journal_mode": journal_mode}


# Each scenario in a process of its own, forked before any connection is opened (so
# each starts with the settings as loaded and no connection), its own database file.
outcomes = {}
for name, mode, database, writers, writes_each in json.loads(sys.argv[1]):
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            result = scenario(mode, database, writers, writes_each)
        except BaseException as error:
            result = {"crashed": repr(error)}
        os.write(write, json.dumps(result).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        outcomes[name] = json.loads(pipe.read())
    os.waitpid(pid, 0)
print(json.dumps(outcomes))
"""

SCENARIOS = {
    # name: (mode, writers, writes each)
    "many": ("serambi-settings", WRITERS, WRITES_EACH),
    "two": ("serambi-settings", 2, 1),
    "defaults": ("sqlite-defaults", 2, 1),
}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    """Every scenario's outcome, from one interpreter that loads Django once."""
    folder = tmp_path_factory.mktemp("sqlite-concurrency")
    scenarios = [
        (name, mode, str(folder / f"{name}.sqlite3"), writers, writes_each)
        for name, (mode, writers, writes_each) in SCENARIOS.items()
    ]
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "website.settings.dev"
    env["DATABASE_URL"] = f"sqlite:///{folder / 'unused.sqlite3'}"
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", SCRIPT, json.dumps(scenarios)],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_parallel_writers_all_succeed_with_the_default_database(outcomes):
    outcome = outcomes["many"]

    assert outcome["errors"] == []
    assert outcome["total"] == WRITERS * WRITES_EACH
    assert outcome["journal_mode"] == "wal"


def test_two_saves_that_read_before_they_write_both_succeed(outcomes):
    outcome = outcomes["two"]

    assert outcome["errors"] == []
    assert outcome["total"] == 2


def test_sqlites_own_defaults_lock_out_the_second_save(outcomes):
    """The failure the settings prevent, reproduced without them."""
    outcome = outcomes["defaults"]

    assert outcome["errors"] == ["database is locked"]
    assert outcome["total"] == 1
