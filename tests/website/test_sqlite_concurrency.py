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

from website.settings.base import BASE_DIR

WRITERS = 8
WRITES_EACH = 25

SCRIPT = """
import json, sys, threading
import django
from django.conf import settings

django.setup()
if sys.argv[1] == "sqlite-defaults":
    settings.DATABASES["default"]["OPTIONS"] = {}
from django.db import connection, connections, transaction

writers, writes_each = int(sys.argv[2]), int(sys.argv[3])
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
                cursor.execute("UPDATE counter SET value = %s WHERE id = 1", [value + 1])
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
print(json.dumps({"errors": errors, "total": total, "journal_mode": journal_mode}))
"""


def run_writers(tmp_path, mode, writers=WRITERS, writes_each=WRITES_EACH):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "website.settings.dev"
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'serambi.sqlite3'}"
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", SCRIPT, mode, str(writers), str(writes_each)],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_parallel_writers_all_succeed_with_the_default_database(tmp_path):
    outcome = run_writers(tmp_path, "serambi-settings")

    assert outcome["errors"] == []
    assert outcome["total"] == WRITERS * WRITES_EACH
    assert outcome["journal_mode"] == "wal"


def test_two_saves_that_read_before_they_write_both_succeed(tmp_path):
    outcome = run_writers(tmp_path, "serambi-settings", writers=2, writes_each=1)

    assert outcome["errors"] == []
    assert outcome["total"] == 2


def test_sqlites_own_defaults_lock_out_the_second_save(tmp_path):
    """The failure the settings prevent, reproduced without them."""
    outcome = run_writers(tmp_path, "sqlite-defaults", writers=2, writes_each=1)

    assert outcome["errors"] == ["database is locked"]
    assert outcome["total"] == 1
