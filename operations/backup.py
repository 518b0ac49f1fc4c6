"""One archive holds the whole site: the database and every uploaded file.

`manage.py backup DIR` writes ``serambi-YYYYMMDD-HHMMSS.tar.gz.age`` (UTC): a gzipped
tar encrypted with the passphrase in ``BACKUP_PASSPHRASE``, in the standard age format
(operations.age_format), so that ``age -d`` opens it on any machine. Without a passphrase
it refuses, unless told ``--unencrypted`` (then ``….tar.gz``). The tar holds

- ``database.sqlite3`` or ``database.pgdump``: an engine-native copy of the database,
  taken from one consistent snapshot (SQLite's online backup API; ``pg_dump`` in custom
  format). Engine-native rather than ``dumpdata``: it keeps what ``dumpdata`` drops or
  mangles (the search index tables, SQLite's FTS5 table, sequences, content-type ids),
  so search answers as soon as the restore ends.
- ``media/<name>``: every file in the default storage (local ``MEDIA_ROOT`` or the S3
  bucket), read through Django's storage API, copied *after* the database snapshot so
  that every file a row of that snapshot names is already there to copy.
- ``manifest.json``: versions, engine, applied migrations, the row count of every table,
  each media file's size and SHA-256, and any file a row names that storage lacked.

Left out, as rows (their tables stay, empty): sessions (a copy of a live, verified
session is a way in), uploads waiting in "Kirim tulisan", and the task queue with the
e-mail it carries (reset and invitation links). `EXCLUDED_MODELS` names them.

`manage.py restore ARCHIVE` checks the archive whole before it writes anything, refuses a
database that has any table or a storage that has any file, writes the media, restores
the database (in one transaction on PostgreSQL), and compares every table's row count
with the manifest.

The archive holds real names, e-mail addresses and password hashes: besides the
encryption, it is created readable by its owner only, and never inside ``MEDIA_ROOT``,
which the web serves. docs/operations.md says how to keep the passphrase.
"""

import contextlib
import datetime
import errno
import hashlib
import importlib.metadata
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import DatabaseError, connection
from django.db.migrations.loader import MigrationLoader
from django.db.models import FileField
from django.utils.translation import gettext as _

from operations import age_format

ARCHIVE_FORMAT = "serambi-backup"
ARCHIVE_FORMAT_VERSION = 1
ARCHIVE_NAME = re.compile(r"^serambi-\d{8}-\d{6}\.tar\.gz(\.age)?$")
ENCRYPTED_SUFFIX = ".age"
PASSPHRASE_VARIABLE = "BACKUP_PASSPHRASE"  # noqa: S105  (a variable name)
# Shorter passphrases are refused for new archives: scrypt slows guessing, it cannot
# make a short one safe.
MIN_PASSPHRASE_LENGTH = 16
# Rows that never go into an archive (the tables do, empty): see the docstring.
EXCLUDED_MODELS = (
    "sessions.Session",
    "importer.PendingUpload",
    "django_tasks_database.DBTaskResult",
)
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
DUMP_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
ENGINES = {
    "django.db.backends.sqlite3": "sqlite",
    "django.db.backends.postgresql": "postgresql",
}
CHUNK = 1024 * 1024
# Files larger than this are staged on disk rather than in memory while being copied.
SPOOL_IN_MEMORY = 8 * 1024 * 1024

# Rows a person restoring a site looks for first; every table is counted in the manifest.
SUMMARY_MODELS = {
    "pages": "wagtailcore.Page",
    "revisions": "wagtailcore.Revision",
    "credits": "blog.ArticleCredit",
    "images": "images.CustomImage",
    "renditions": "images.CustomRendition",
    "documents": "wagtaildocs.Document",
    "users": "auth.User",
    "groups": "auth.Group",
    "group_permissions": "auth.Group_permissions",
    "site_settings": "website.SiteSettings",
    "search_index_entries": "wagtailsearch.IndexEntry",
}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


# --- Where archives live ----------------------------------------------------------


def split_s3_url(url):
    """``s3://bucket/prefix`` -> (bucket, prefix), refusing the public uploads bucket."""
    bucket, _sep, prefix = url.removeprefix("s3://").partition("/")
    if not bucket:
        raise BackupError(_("Alamat S3 harus berbentuk s3://bucket/awalan."))
    if bucket == getattr(settings, "AWS_STORAGE_BUCKET_NAME", ""):
        raise BackupError(
            _(
                "Cadangan tidak boleh disimpan di bucket unggahan (%(bucket)s): isinya "
                "dapat dibaca publik. Pakai bucket privat tersendiri."
            )
            % {"bucket": bucket}
        )
    return bucket, prefix.strip("/")


def archive_bucket_storage(bucket, prefix):
    """A private S3 storage for archives, with the credentials the uploads use."""
    from storages.backends.s3 import S3Storage

    return S3Storage(
        bucket_name=bucket,
        location=prefix,
        default_acl="private",
        querystring_auth=True,
        file_overwrite=False,
        custom_domain=None,
    )


def media_root_if_local():
    if isinstance(default_storage, FileSystemStorage):
        return Path(default_storage.location).resolve()
    return None


# --- Reading the database ---------------------------------------------------------


@dataclass
class Snapshot:
    """What the database held at the moment of the dump."""

    engine: str
    dump_path: Path
    server_version: str = ""
    tables: dict = field(default_factory=dict)
    migrations: list = field(default_factory=list)
    referenced_files: set = field(default_factory=set)


def database_engine(conn=connection):
    engine = ENGINES.get(conn.settings_dict["ENGINE"])
    if engine is None:
        raise BackupError(
            _(
                "Mesin basis data %(engine)s tidak didukung; hanya SQLite dan PostgreSQL."
            )
            % {"engine": conn.settings_dict["ENGINE"]}
        )
    return engine


def excluded_tables():
    # A label that stops resolving (a renamed app) raises: rows must never slip in
    # unnoticed.
    return [apps.get_model(label)._meta.db_table for label in EXCLUDED_MODELS]


def read_snapshot(cursor, quote, table_names, snapshot):
    """Row counts, migrations and file names, read from one consistent snapshot."""
    snapshot.tables = {}
    left_out = set(excluded_tables())
    for table in sorted(table_names):
        if table in left_out:
            # Dumped without rows (pg_dump --exclude-table-data, or emptied copy).
            snapshot.tables[table] = 0
            continue
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608
        snapshot.tables[table] = cursor.fetchone()[0]
    if "django_migrations" in snapshot.tables:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        snapshot.migrations = [list(row) for row in cursor.fetchall()]
    for model in apps.get_models():
        table = model._meta.db_table
        if table not in snapshot.tables:
            continue
        for model_field in model._meta.local_concrete_fields:
            if isinstance(model_field, FileField):
                column = quote(model_field.column)
                cursor.execute(
                    f"SELECT {column} FROM {quote(table)} "  # noqa: S608
                    f"WHERE {column} IS NOT NULL AND {column} <> ''"
                )
                snapshot.referenced_files.update(row[0] for row in cursor.fetchall())


def dump_sqlite(conn, target):
    """Copy the live database page by page in one step: a consistent snapshot.

    The online backup API reads through Django's own connection, so it also works on
    the in-memory database of a test run.
    """
    conn.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        conn.connection.backup(destination)
        leave_out_rows(destination, conn.ops.quote_name)
    finally:
        destination.close()
    snapshot = Snapshot("sqlite", Path(target), server_version=sqlite3.sqlite_version)
    copy = sqlite3.connect(target)
    try:
        cursor = copy.cursor()
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%'"
        )
        tables = [row[0] for row in cursor.fetchall()]
        read_snapshot(cursor, conn.ops.quote_name, tables, snapshot)
    finally:
        copy.close()
    return snapshot


def leave_out_rows(copy, quote):
    """Empty the excluded tables of a SQLite copy, leaving no trace in the file.

    secure_delete overwrites the deleted rows, VACUUM rebuilds the file without the
    freed pages: the rows must not survive in the copy's free space either.
    """
    existing = {
        row[0]
        for row in copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    copy.execute("PRAGMA secure_delete = ON")
    for table in excluded_tables():
        if table in existing:
            copy.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
    copy.commit()
    copy.execute("VACUUM")


def postgres_command(program, settings_dict, parameters):
    """argv and environment for a PostgreSQL client program, the way dbshell builds them."""
    from django.db.backends.postgresql.client import DatabaseClient

    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            _(
                "Program %(program)s tidak ditemukan. Pasang klien PostgreSQL dengan "
                "versi yang sama dengan servernya (misalnya paket postgresql-client-15)."
            )
            % {"program": program}
        )
    args, env = DatabaseClient.settings_to_cmd_args_env(settings_dict, parameters)
    args[0] = executable
    return args, {**os.environ, **(env or {})}


def client_major_version(executable):
    output = subprocess.run(  # noqa: S603
        [executable, "--version"], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(r"(\d+)(?:\.\d+)?", output)
    return int(match.group(1)) if match else 0


def run_client(args, env, program):
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        if "No space left on device" in result.stderr:
            raise OSError(errno.ENOSPC, result.stderr.strip())
        raise BackupError(
            _("%(program)s gagal (kode %(code)s): %(error)s")
            % {
                "program": program,
                "code": result.returncode,
                "error": result.stderr.strip(),
            }
        )


def dump_postgresql(conn, target):
    """pg_dump from a snapshot exported by a transaction that also reads the counts.

    The counts, migrations and file names in the manifest are therefore exactly those
    of the dump, whatever editors do meanwhile.
    """
    reader = conn.copy()
    try:
        with reader.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            cursor.execute(
                "SELECT pg_export_snapshot(), current_setting('server_version')"
            )
            snapshot_id, server_version = cursor.fetchone()
            snapshot = Snapshot(
                "postgresql", Path(target), server_version=server_version
            )
            args, env = postgres_command(
                "pg_dump",
                conn.settings_dict,
                [
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot_id}",
                    f"--file={target}",
                    *(f"--exclude-table-data={table}" for table in excluded_tables()),
                ],
            )
            server_major = int(server_version.split(".")[0])
            client_major = client_major_version(args[0])
            if client_major < server_major:
                raise BackupError(
                    _(
                        "pg_dump %(client)s tidak bisa mencadangkan server PostgreSQL "
                        "%(server)s. Pasang postgresql-client-%(server)s."
                    )
                    % {"client": client_major, "server": server_major}
                )
            run_client(args, env, "pg_dump")
            cursor.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            )
            tables = [row[0] for row in cursor.fetchall()]
            read_snapshot(cursor, conn.ops.quote_name, tables, snapshot)
            cursor.execute("ROLLBACK")
    finally:
        reader.close()
    return snapshot


def dump_database(target_dir):
    engine = database_engine()
    target = Path(target_dir) / DUMP_FILES[engine]
    if engine == "sqlite":
        return dump_sqlite(connection, target)
    return dump_postgresql(connection, target)


# --- Media ------------------------------------------------------------------------


def storage_files(storage, path=""):
    """Every file name in a storage, through its own listing (local folder or bucket)."""
    try:
        directories, files = storage.listdir(path)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{path}/{name}" if path else name
    for directory in sorted(directories):
        yield from storage_files(storage, f"{path}/{directory}" if path else directory)


def add_file(archive, name, fileobj, size):
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o600
    info.mtime = int(datetime.datetime.now(datetime.UTC).timestamp())
    archive.addfile(info, fileobj)


def copy_media(archive, staging):
    """Add every stored file under media/; returns [{name, size, sha256}]."""
    copied = []
    for name in storage_files(default_storage):
        digest = hashlib.sha256()
        with tempfile.SpooledTemporaryFile(SPOOL_IN_MEMORY, dir=staging) as spool:
            try:
                with default_storage.open(name, "rb") as source:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        spool.write(chunk)
            except FileNotFoundError:
                # Deleted since the listing: no row of the snapshot can need it unless
                # it was deleted after the dump, which the manifest reports as missing.
                continue
            size = spool.tell()
            spool.seek(0)
            add_file(archive, MEDIA_PREFIX + name, spool, size)
        copied.append({"name": name, "size": size, "sha256": digest.hexdigest()})
    return copied


# --- Backup -----------------------------------------------------------------------


def versions():
    def version(package):
        try:
            return importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            return "unknown"

    return {
        "serambi": version("serambi"),
        "django": version("Django"),
        "wagtail": version("wagtail"),
        "python": sys.version.split()[0],
    }


def summary_counts(tables):
    counts = {}
    for label, model_label in SUMMARY_MODELS.items():
        app_label, model_name = model_label.split(".")
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        counts[label] = tables.get(model._meta.db_table, 0)
    return counts


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def fsync_directory(path):
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@dataclass
class BackupResult:
    path: str
    manifest: dict


def scrypt_work_factor():
    return getattr(
        settings, "BACKUP_SCRYPT_WORK_FACTOR", age_format.DEFAULT_WORK_FACTOR
    )


@contextlib.contextmanager
def archive_stream(raw, passphrase):
    """Where the tar goes: `raw` itself, or an age stream encrypting into it."""
    if passphrase is None:
        yield raw
        return
    encrypted = age_format.Encryptor(raw, passphrase, scrypt_work_factor())
    yield encrypted
    encrypted.close()


def write_archive(directory, now, passphrase=None):
    """Build the archive in ``directory`` under a temporary name, then rename it.

    Nothing is left behind on failure: not the partial archive, not the staging folder.
    """
    directory = Path(directory)
    suffix = ".tar.gz" + (ENCRYPTED_SUFFIX if passphrase is not None else "")
    final = directory / f"serambi-{now:%Y%m%d-%H%M%S}{suffix}"
    if final.exists():
        raise BackupError(
            _("%(path)s sudah ada; coba lagi sedetik lagi.") % {"path": final}
        )
    staging = tempfile.mkdtemp(prefix=".serambi-backup-", dir=directory)
    descriptor, partial = tempfile.mkstemp(
        prefix=".serambi-", suffix=".tar.gz.partial", dir=directory
    )
    try:
        with (
            os.fdopen(descriptor, "wb") as raw,
            archive_stream(raw, passphrase) as stream,
        ):
            snapshot = dump_database(staging)
            with tarfile.open(
                fileobj=stream, mode="w:gz", compresslevel=6, format=tarfile.PAX_FORMAT
            ) as archive:
                dump_name = DUMP_FILES[snapshot.engine]
                with open(snapshot.dump_path, "rb") as dump:
                    add_file(
                        archive, dump_name, dump, snapshot.dump_path.stat().st_size
                    )
                dump_sha = sha256_of(snapshot.dump_path)
                dump_size = snapshot.dump_path.stat().st_size
                snapshot.dump_path.unlink()
                media = copy_media(archive, staging)
                present = {item["name"] for item in media}
                manifest = {
                    "format": ARCHIVE_FORMAT,
                    "format_version": ARCHIVE_FORMAT_VERSION,
                    "created_at": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "versions": {
                        **versions(),
                        "database_server": snapshot.server_version,
                    },
                    "database": {
                        "engine": snapshot.engine,
                        "file": dump_name,
                        "size": dump_size,
                        "sha256": dump_sha,
                    },
                    "migrations": snapshot.migrations,
                    "counts": summary_counts(snapshot.tables),
                    "tables": snapshot.tables,
                    "media": {
                        "storage": type(default_storage).__name__,
                        "files": media,
                        "missing": sorted(snapshot.referenced_files - present),
                    },
                }
                body = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
                add_file(archive, MANIFEST, io.BytesIO(body), len(body))
        with open(partial, "rb") as written:
            os.fsync(written.fileno())
        os.replace(partial, final)
        fsync_directory(directory)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(partial)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BackupResult(str(final), manifest)


def disk_full(where, detail):
    return BackupError(
        _(
            "Ruang disk di %(where)s habis (%(error)s). Tidak ada arsip yang "
            "tertinggal; kosongkan ruang lalu ulangi."
        )
        % {"where": where, "error": detail}
    )


@contextlib.contextmanager
def full_disk_reported(where):
    """A full disk (or quota, or file-size limit) becomes one clear message."""
    try:
        yield
    except OSError as error:
        if error.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise
        raise disk_full(where, error.strerror or error) from error
    except sqlite3.OperationalError as error:
        # SQLite reports a full disk in its own words, without an errno.
        if "full" not in str(error):
            raise
        raise disk_full(where, error) from error


def check_passphrase(passphrase, unencrypted):
    """The passphrase to encrypt with, or None when told explicitly not to encrypt."""
    if unencrypted:
        return None
    if not passphrase:
        raise BackupError(
            _(
                "%(variable)s belum disetel: cadangan berisi nama asli, alamat e-mail "
                "dan kata sandi ter-hash, jadi selalu dienkripsi. Setel frasa sandi di "
                "%(variable)s (lihat docs/operations.md), atau tulis arsip tanpa "
                "enkripsi dengan --unencrypted bila Anda sungguh memaksudkannya."
            )
            % {"variable": PASSPHRASE_VARIABLE}
        )
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise BackupError(
            _(
                "Frasa sandi di %(variable)s terlalu pendek (kurang dari %(length)s "
                "karakter). Buat yang panjang dan acak, lihat docs/operations.md."
            )
            % {"variable": PASSPHRASE_VARIABLE, "length": MIN_PASSPHRASE_LENGTH}
        )
    return passphrase


def backup(destination, *, now=None, passphrase=None, unencrypted=False):
    """Write one archive to a folder or to ``s3://bucket/prefix``; return where it is.

    Encrypted with `passphrase`; refused without one unless `unencrypted` is True.
    """
    passphrase = check_passphrase(passphrase, unencrypted)
    now = now or datetime.datetime.now(datetime.UTC)
    destination = str(destination)
    if destination.startswith("s3://"):
        bucket, prefix = split_s3_url(destination)
        with tempfile.TemporaryDirectory(prefix="serambi-backup-") as local:
            with full_disk_reported(local):
                result = write_archive(local, now, passphrase)
            name = Path(result.path).name
            with open(result.path, "rb") as archive:
                stored = archive_bucket_storage(bucket, prefix).save(
                    name, File(archive)
                )
        location = f"s3://{bucket}/{prefix + '/' if prefix else ''}{stored}"
        return BackupResult(location, result.manifest)

    directory = Path(destination).resolve()
    media_root = media_root_if_local()
    if media_root and directory.is_relative_to(media_root):
        raise BackupError(
            _(
                "Folder cadangan %(directory)s ada di dalam MEDIA_ROOT, yang dilayani "
                "ke publik; pilih folder lain."
            )
            % {"directory": directory}
        )
    with full_disk_reported(directory):
        directory.mkdir(parents=True, exist_ok=True)
        return write_archive(directory, now, passphrase)


def archive_time(name):
    """When the archive called `name` was written (UTC, from its name), or None."""
    if not ARCHIVE_NAME.match(name):
        return None
    stamp = name.removeprefix("serambi-")[:15]
    return datetime.datetime.strptime(stamp, "%Y%m%d-%H%M%S").replace(
        tzinfo=datetime.UTC
    )


def prune_archives(destination, keep_days, *, now=None):
    """Delete the archives in `destination` (a folder or s3://bucket/prefix) written
    more than `keep_days` days before `now`, judged by their names; return their names.

    Only files named as `backup` names its archives are touched, so a folder shared
    with anything else keeps the rest. Run after a backup has succeeded, so a failing
    backup never leaves fewer archives behind.
    """
    now = now or datetime.datetime.now(datetime.UTC)
    destination = str(destination)
    if destination.startswith("s3://"):
        storage = archive_bucket_storage(*split_s3_url(destination))
    else:
        from django.core.files.storage import FileSystemStorage

        storage = FileSystemStorage(location=destination)
    oldest_kept = now - datetime.timedelta(days=keep_days)
    removed = []
    for name in sorted(storage.listdir("")[1]):
        written = archive_time(name)
        if written is not None and written < oldest_kept:
            storage.delete(name)
            removed.append(name)
    return removed


# --- Restore ----------------------------------------------------------------------


def open_archive_source(source, workdir):
    """A local path for the archive, fetching it from a bucket when given s3://."""
    source = str(source)
    if not source.startswith("s3://"):
        path = Path(source)
        if not path.is_file():
            raise BackupError(_("Arsip %(path)s tidak ada.") % {"path": source})
        return path
    bucket, key = split_s3_url(source)
    prefix, _sep, name = key.rpartition("/")
    storage = archive_bucket_storage(bucket, prefix)
    local = Path(workdir) / name
    with storage.open(name, "rb") as remote, open(local, "wb") as copy:
        shutil.copyfileobj(remote, copy, CHUNK)
    return local


def member_media_name(member):
    """The storage name of a media member, refusing anything that could escape."""
    name = member.name.removeprefix(MEDIA_PREFIX)
    parts = PurePosixPath(name).parts
    if (
        not member.isfile()
        or not name
        or name.startswith("/")
        or any(part in ("", ".", "..") for part in parts)
    ):
        raise BackupError(
            _("Arsip memuat entri yang tidak sah: %(name)s") % {"name": member.name}
        )
    return name


def not_a_backup(path, detail):
    return BackupError(
        _("%(path)s bukan arsip cadangan Serambi yang utuh: %(detail)s")
        % {"path": path, "detail": detail}
    )


def check_manifest(path, manifest, dump, media_hashes):
    if not manifest or manifest.get("format") != ARCHIVE_FORMAT:
        raise not_a_backup(path, MANIFEST)
    if manifest.get("format_version") != ARCHIVE_FORMAT_VERSION:
        raise not_a_backup(path, f"format_version {manifest.get('format_version')}")
    database = manifest["database"]
    if dump is None or dump.name != database["file"]:
        raise not_a_backup(path, database["file"])
    if sha256_of(dump) != database["sha256"]:
        raise not_a_backup(path, _("checksum %(name)s") % {"name": database["file"]})
    expected = {item["name"]: item["sha256"] for item in manifest["media"]["files"]}
    if expected != media_hashes:
        wrong = sorted(set(expected.items()) ^ set(media_hashes.items()))
        raise not_a_backup(
            path, _("checksum %(name)s") % {"name": wrong[0][0] if wrong else "media"}
        )


def check_archive(path, workdir):
    """Read the archive once: extract the dump, hash every file, check the manifest."""
    dump_files = set(DUMP_FILES.values())
    media_hashes, manifest, dump = {}, None, None
    try:
        with tarfile.open(path, mode="r:gz") as archive:
            for member in archive:
                if member.name == MANIFEST and member.isfile():
                    manifest = json.load(archive.extractfile(member))
                elif member.name in dump_files and member.isfile():
                    dump = Path(workdir) / member.name
                    with (
                        archive.extractfile(member) as source,
                        open(dump, "wb") as copy,
                    ):
                        shutil.copyfileobj(source, copy, CHUNK)
                elif member.name.startswith(MEDIA_PREFIX):
                    name = member_media_name(member)
                    digest = hashlib.sha256()
                    with archive.extractfile(member) as source:
                        while chunk := source.read(CHUNK):
                            digest.update(chunk)
                    media_hashes[name] = digest.hexdigest()
                else:
                    raise not_a_backup(path, member.name)
    except (tarfile.TarError, EOFError, ValueError, UnicodeDecodeError) as error:
        raise not_a_backup(path, error) from error
    try:
        check_manifest(path, manifest, dump, media_hashes)
    except (KeyError, TypeError, AttributeError) as error:
        raise not_a_backup(path, MANIFEST) from error
    return manifest, dump


def check_targets_empty(engine):
    """Refuse a database with any table or a storage with any file."""
    settings_dict = connection.settings_dict
    if database_engine() != engine:
        raise BackupError(
            _(
                "Arsip ini dari %(archive)s, sedangkan DATABASE_URL menunjuk ke "
                "%(target)s. Pulihkan ke mesin basis data yang sama."
            )
            % {"archive": engine, "target": database_engine()}
        )
    try:
        tables = connection.introspection.table_names()
    except DatabaseError as error:
        raise BackupError(
            _(
                "Tidak bisa membuka basis data tujuan %(name)s: %(error)s. Buat dulu "
                "basis data baru yang kosong (misalnya createdb)."
            )
            % {"name": settings_dict["NAME"], "error": error}
        ) from error
    finally:
        connection.close()
    if tables:
        raise BackupError(
            _(
                "Basis data tujuan %(name)s tidak kosong (%(count)s tabel). Pemulihan "
                "hanya dilakukan ke basis data baru yang kosong, bahkan belum "
                "di-migrate; buat basis data baru dan arahkan DATABASE_URL ke sana."
            )
            % {"name": settings_dict["NAME"], "count": len(tables)}
        )
    first_file = next(storage_files(default_storage), None)
    if first_file is not None:
        raise BackupError(
            _(
                "Penyimpanan media tujuan tidak kosong (misalnya %(name)s). Arahkan "
                "MEDIA_ROOT (atau bucket) ke tempat yang kosong."
            )
            % {"name": first_file}
        )


def restore_media(path, written):
    with tarfile.open(path, mode="r:gz") as archive:
        for member in archive:
            if not member.name.startswith(MEDIA_PREFIX):
                continue
            name = member_media_name(member)
            with archive.extractfile(member) as source:
                stored = default_storage.save(name, File(source, name=name))
            written.append(stored)
            if stored != name:
                raise BackupError(
                    _("Penyimpanan menamai ulang %(name)s menjadi %(stored)s.")
                    % {"name": name, "stored": stored}
                )


def restore_sqlite(dump):
    target = connection.settings_dict["NAME"]
    connection.close()
    source = sqlite3.connect(dump)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()


def restore_postgresql(dump):
    connection.close()
    args, env = postgres_command(
        "pg_restore",
        connection.settings_dict,
        [
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
        ],
    )
    # pg_restore takes the target as --dbname and the archive as its argument.
    settings_dict = connection.settings_dict
    if settings_dict.get("NAME"):
        args[-1] = f"--dbname={args[-1]}"
    else:
        args.append(f"--dbname=service={settings_dict['OPTIONS']['service']}")
    args.append(str(dump))
    run_client(args, env, "pg_restore")


def restored_counts(tables):
    quote = connection.ops.quote_name
    counts = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def unapplied_migrations():
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    return sorted(set(loader.graph.leaf_nodes()) - set(loader.applied_migrations))


def decrypted_archive(path, workdir, passphrase):
    """A plain tar.gz to read: `path` itself, or its decryption inside `workdir`."""
    if not age_format.is_age_file(path):
        return path
    if not passphrase:
        raise BackupError(
            _(
                "Arsip %(path)s terenkripsi. Setel %(variable)s ke frasa sandi yang "
                "dipakai saat mencadangkan, lalu ulangi."
            )
            % {"path": path, "variable": PASSPHRASE_VARIABLE}
        )
    plain = Path(workdir) / "archive.tar.gz"
    try:
        with open(path, "rb") as source, open(plain, "wb") as target:
            age_format.decrypt(source, target, passphrase)
    except age_format.WrongPassphrase as error:
        raise BackupError(
            _(
                "Frasa sandi di %(variable)s tidak membuka arsip %(path)s. Periksa "
                "frasa sandinya (huruf besar-kecil, spasi); tidak ada yang ditulis."
            )
            % {"path": path, "variable": PASSPHRASE_VARIABLE}
        ) from error
    except age_format.AgeError as error:
        raise not_a_backup(path, error) from error
    return plain


def read_manifest(path, passphrase=None):
    """The manifest of an archive, encrypted or not (for checks and tests)."""
    with tempfile.TemporaryDirectory(prefix="serambi-manifest-") as workdir:
        plain = decrypted_archive(path, workdir, passphrase)
        with tarfile.open(plain, mode="r:gz") as archive:
            return json.load(archive.extractfile(MANIFEST))


def restore(source, *, passphrase=None):
    """Restore an archive into the configured (empty) database and media storage.

    An encrypted archive needs its `passphrase`; it is decrypted (and checked whole)
    into a temporary folder before anything is written to the targets.
    """
    with tempfile.TemporaryDirectory(prefix="serambi-restore-") as workdir:
        path = decrypted_archive(
            open_archive_source(source, workdir), workdir, passphrase
        )
        manifest, dump = check_archive(path, workdir)
        engine = manifest["database"]["engine"]
        check_targets_empty(engine)
        if engine == "postgresql":
            # Before any file is written: a missing client is the operator's to fix.
            postgres_command("pg_restore", connection.settings_dict, [])
        written = []
        try:
            restore_media(path, written)
            if engine == "sqlite":
                restore_sqlite(dump)
            else:
                restore_postgresql(dump)
        except BaseException:
            # The target was empty: take back what this run wrote, so it can run again.
            for name in written:
                with contextlib.suppress(Exception):
                    default_storage.delete(name)
            raise
        counts = restored_counts(manifest["tables"])
    differing = sorted(
        table for table, count in manifest["tables"].items() if counts[table] != count
    )
    if differing:
        raise BackupError(
            _("Jumlah baris berbeda dari arsip di tabel: %(tables)s")
            % {"tables": ", ".join(differing)}
        )
    return manifest, unapplied_migrations()
