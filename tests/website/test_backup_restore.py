"""`manage.py backup DIR` and `manage.py restore ARCHIVE`: one archive, a faithful restore.

The round trip restores into a brand-new database of the engine the suite runs on (a new
SQLite file, or a new PostgreSQL database when DATABASE_URL points at PostgreSQL) and an
empty MEDIA_ROOT, through `manage.py restore` in a separate process, as an operator would.
"""

import hashlib
import io
import json
import os
import re
import secrets
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from wagtail.models import Site

import pytest

from editorial.roles import CONTRIBUTORS
from operations import age_format
from operations import backup as backup_module
from tests.site_builder import build_public_site
from website.models import SiteSettings

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ARCHIVE_NAME = re.compile(r"^serambi-\d{8}-\d{6}\.tar\.gz\.age$")
PASSPHRASE = "kunci-cadangan-uji-yang-panjang"
SEARCHES = ("belanja", "Lestari")


# --- What a restore must bring back ------------------------------------------------


def site_state():
    """Everything the issue names, as plain JSON, read the same way on both sides."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from wagtail.models import Page, Revision

    from blog.models import ArticleCredit
    from images.models import CustomImage, CustomRendition
    from operations.backup import storage_files

    def digest(name):
        with default_storage.open(name, "rb") as stored:
            return hashlib.sha256(stored.read()).hexdigest()

    def search(query):
        response = Client().get("/cari/", {"q": query})
        return [
            response.status_code,
            sorted(p.title for p in response.context["results"]),
        ]

    state = {
        "pages": sorted(
            [p.url_path, p.title, p.live, p.has_unpublished_changes]
            for p in Page.objects.all()
        ),
        "revisions": sorted(
            [r.object_str, r.content["title"], r.created_at.isoformat()]
            for r in Revision.objects.all()
        ),
        "credits": sorted(
            [c.page.slug, c.contributor.slug, c.role, c.sort_order]
            for c in ArticleCredit.objects.select_related("page", "contributor")
        ),
        "images": sorted(
            [i.title, i.file.name, i.description, i.credit, i.width, i.height]
            for i in CustomImage.objects.all()
        ),
        "renditions": sorted(
            [r.image.title, r.filter_spec, r.file.name]
            for r in CustomRendition.objects.select_related("image")
        ),
        "users": sorted(
            [
                u.username,
                u.email,
                u.password,
                u.is_superuser,
                sorted(g.name for g in u.groups.all()),
            ]
            for u in get_user_model().objects.all()
        ),
        "group_permissions": sorted(
            [g.name, p.content_type.app_label, p.codename]
            for g in Group.objects.all()
            for p in g.permissions.select_related("content_type")
        ),
        "settings": sorted(
            [s.site.hostname, s.tagline, s.whatsapp_group_url]
            for s in SiteSettings.objects.select_related("site")
        ),
        "media": {name: digest(name) for name in storage_files(default_storage)},
        "search": {query: search(query) for query in SEARCHES},
    }
    return json.loads(json.dumps(state))


RESTORED_STATE_SCRIPT = """
import json, django
django.setup()
from django.test.utils import setup_test_environment
setup_test_environment()
from tests.website.test_backup_restore import site_state
print(json.dumps(site_state()))
"""


def run_django(args, *, database_url, media_root):
    """A separate process pointed at another database and MEDIA_ROOT by the environment."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "AWS_STORAGE_BUCKET_NAME", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.dev",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
        PAGE_CACHE_SECONDS="0",
    )
    return subprocess.run(  # noqa: S603
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def restore(archive, *, database_url, media_root):
    return run_django(
        ["manage.py", "restore", str(archive)],
        database_url=database_url,
        media_root=media_root,
    )


# --- Fixtures ----------------------------------------------------------------------


@pytest.fixture(autouse=True)
def passphrase(monkeypatch):
    """As an operator sets it: in the environment, which `restore` processes inherit."""
    monkeypatch.setenv("BACKUP_PASSPHRASE", PASSPHRASE)
    return PASSPHRASE


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def build_site(home_page, blog_index, contributor_index):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    public = build_public_site(home_page, blog_index, contributor_index)
    article = public.article
    # A draft on top of the live version: the restore must keep both revisions.
    article.title = "Mengatur uang belanja sendirian (revisi)"
    article.save_revision()
    public.rendition = public.article.hero_image.get_rendition("fill-300x200")

    contributor = User.objects.create_user("ayu", "ayu@serambi.test", "rahasia-ayu")
    contributor.groups.add(Group.objects.get(name=CONTRIBUTORS))
    translators = Group.objects.create(name="Penerjemah")
    translators.permissions.add(Permission.objects.get(codename="change_articlepage"))
    User.objects.create_superuser("redaksi", "r@serambi.test", "rahasia")

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.tagline = "Serambi untuk semua ibu"
    site_settings.whatsapp_group_url = "https://chat.whatsapp.com/serambi"
    site_settings.save()
    return public


@pytest.fixture
def site(media_root, home_page, blog_index, contributor_index):
    return build_site(home_page, blog_index, contributor_index)


@pytest.fixture(scope="module")
def an_archive(django_db_blocker, tmp_path_factory):
    """An archive of the site, made once for the refusal tests that need one but not
    its database rows (they restore it into other databases and media folders).

    Made between two tests as a transactional test runs: the migrations' rows put
    back (serialized_rollback), the site built and committed (pg_dump reads what is
    committed), backed up, and the database flushed again afterwards.
    """
    from django.test import override_settings

    from blog.models import BlogIndexPage
    from contributors.models import ContributorIndexPage
    from website.models import HomePage

    folder = tmp_path_factory.mktemp("an-archive")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=folder / "media"),
        pytest.MonkeyPatch.context() as patch,
    ):
        patch.setenv("BACKUP_PASSPHRASE", PASSPHRASE)
        connection.creation.deserialize_db_from_string(
            connection._test_serialized_contents
        )
        try:
            build_site(
                HomePage.objects.get(),
                BlogIndexPage.objects.get(),
                ContributorIndexPage.objects.get(),
            )
            archive = make_backup(folder / "backups")
        finally:
            # As TransactionTestCase flushes: the sequences go on where they were.
            call_command(
                "flush",
                verbosity=0,
                interactive=False,
                reset_sequences=False,
                inhibit_post_migrate=True,
            )
            for cache in caches.all():
                cache.clear()
    return archive


@pytest.fixture
def empty_database(tmp_path):
    """The URL of a new, empty database of the engine the suite runs on."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"serambi_backup_restore_{secrets.token_hex(4)}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
    yield f"postgres://{credentials}@{host}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def make_backup(directory):
    out = io.StringIO()
    call_command("backup", str(directory), stdout=out)
    return Path(out.getvalue().strip())


def read_manifest(archive):
    return backup_module.read_manifest(archive, PASSPHRASE)


def decrypted(archive, target):
    """The archive's plain tar.gz, as `age -d` would write it."""
    with open(archive, "rb") as source, open(target, "wb") as plain:
        age_format.decrypt(source, plain, PASSPHRASE)
    return target


# --- The round trip ----------------------------------------------------------------


def test_round_trip_restores_every_row_file_and_search(site, tmp_path, empty_database):
    before = site_state()
    archive = make_backup(tmp_path / "backups")

    assert archive.parent == tmp_path / "backups"
    assert ARCHIVE_NAME.match(archive.name)
    # One archive and nothing else: no partial file, no staging folder.
    assert os.listdir(archive.parent) == [archive.name]
    assert archive.stat().st_mode & 0o077 == 0
    manifest = read_manifest(archive)
    assert manifest["database"]["engine"] == {"sqlite": "sqlite"}.get(
        connection.vendor, "postgresql"
    )
    assert manifest["media"]["missing"] == []
    assert {item["name"] for item in manifest["media"]["files"]} == set(before["media"])
    assert site.rendition.file.name in before["media"]
    assert manifest["counts"]["credits"] == len(before["credits"]) == 9
    assert manifest["counts"]["revisions"] == len(before["revisions"])

    restored_media = tmp_path / "restored-media"
    result = restore(archive, database_url=empty_database, media_root=restored_media)
    assert result.returncode == 0, result.stderr
    assert "Dipulihkan dari cadangan" in result.stdout

    after = run_django(
        ["-c", RESTORED_STATE_SCRIPT],
        database_url=empty_database,
        media_root=restored_media,
    )
    assert after.returncode == 0, after.stderr
    assert json.loads(after.stdout.splitlines()[-1]) == before
    # The checks above compare like with like; these say what "everything" was.
    assert before["search"] == {
        "belanja": [200, ["Mengatur uang belanja sendirian"]],
        # Her profile, and the article that credits her by her public name.
        "Lestari": [200, ["Ayu Lestari", "Mengatur uang belanja sendirian"]],
    }
    assert ["Penerjemah", "blog", "change_articlepage"] in before["group_permissions"]
    assert before["settings"][0][1:] == [
        "Serambi untuk semua ibu",
        "https://chat.whatsapp.com/serambi",
    ]
    assert len(before["media"]) == len(before["images"]) + len(before["renditions"])


# --- Refusals: safe by default ----------------------------------------------------


def target_sql(database_url, *statements):
    """Run SQL in the target database; return its tables and the rows of `notes`.

    Through a connection of its own, configured from the URL as the `restore` process
    configures its own (website.settings.base), and closed before anything else runs.
    """
    from django.db.utils import ConnectionHandler

    import dj_database_url

    from website.settings.base import SQLITE_OPTIONS

    config = dj_database_url.parse(database_url)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config.setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
    target = ConnectionHandler({"default": config})["default"]
    try:
        with target.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
            tables = target.introspection.table_names(cursor)
            rows = []
            if "notes" in tables:
                cursor.execute("SELECT body FROM notes")
                rows = [row[0] for row in cursor.fetchall()]
    finally:
        target.close()
    return [tables, rows]


def test_restore_refuses_a_database_that_has_tables(
    an_archive, tmp_path, empty_database
):
    archive = an_archive
    target_sql(
        empty_database,
        "CREATE TABLE notes (body TEXT)",
        "INSERT INTO notes VALUES ('penting')",
    )
    media = tmp_path / "restored-media"

    result = restore(archive, database_url=empty_database, media_root=media)

    assert result.returncode == 1
    assert "tidak kosong (1 tabel)" in result.stderr
    assert target_sql(empty_database) == [["notes"], ["penting"]]
    assert not media.exists() or not any(media.rglob("*"))


def test_restore_refuses_a_media_root_that_has_files(
    an_archive, tmp_path, empty_database
):
    archive = an_archive
    media = tmp_path / "restored-media"
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "lama.jpg").write_bytes(b"lama")

    result = restore(archive, database_url=empty_database, media_root=media)

    assert result.returncode == 1
    assert "original_images/lama.jpg" in result.stderr
    assert sorted(p.name for p in media.rglob("*")) == ["lama.jpg", "original_images"]
    assert target_sql(empty_database) == [[], []]


def test_restore_refuses_an_archive_from_another_engine(site, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the suite runs on SQLite (set DATABASE_URL)")
    archive = make_backup(tmp_path / "backups")
    target = tmp_path / "restored.sqlite3"

    result = restore(
        archive, database_url=f"sqlite:///{target}", media_root=tmp_path / "m"
    )

    assert result.returncode == 1
    assert "Arsip ini dari postgresql, sedangkan DATABASE_URL menunjuk ke sqlite" in (
        result.stderr
    )
    assert not target.exists()


def test_restore_refuses_a_damaged_archive_and_writes_nothing(
    an_archive, tmp_path, empty_database
):
    archive = an_archive
    damaged = tmp_path / "damaged.tar.gz"
    plain = decrypted(archive, tmp_path / "plain.tar.gz")
    # Same manifest, one image with different bytes: its checksum no longer matches.
    with tarfile.open(plain) as source, tarfile.open(damaged, "w:gz") as copy:
        for member in source:
            data = source.extractfile(member).read()
            if member.name.startswith("media/original_images/"):
                data = b"rusak" + data[5:]
            copy.addfile(member, io.BytesIO(data))
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    media = tmp_path / "restored-media"

    for bad in (damaged, truncated):
        result = restore(bad, database_url=empty_database, media_root=media)
        assert result.returncode == 1
        assert "bukan arsip cadangan Serambi yang utuh" in result.stderr
        assert not media.exists() or not any(media.rglob("*"))
    assert target_sql(empty_database) == [[], []]


# Nothing to commit: no flush needed after it.
@pytest.mark.django_db
def test_restore_of_a_missing_archive_says_so(tmp_path):
    result = restore(
        tmp_path / "serambi-20260101-000000.tar.gz",
        database_url=f"sqlite:///{tmp_path / 'x.sqlite3'}",
        media_root=tmp_path / "media",
    )
    assert result.returncode == 1
    assert "serambi-20260101-000000.tar.gz tidak ada" in result.stderr


# --- Backup: consistency, privacy and failures -------------------------------------


def test_a_file_that_storage_lost_is_reported_not_fatal(site, tmp_path):
    lost = site.others[0].hero_image.file.name
    default_storage.delete(lost)
    err = io.StringIO()

    call_command("backup", str(tmp_path / "backups"), stdout=io.StringIO(), stderr=err)

    assert lost in err.getvalue()
    (archive,) = (tmp_path / "backups").iterdir()
    assert read_manifest(archive)["media"]["missing"] == [lost]


def test_a_file_uploaded_after_the_dump_is_a_harmless_extra(
    site, tmp_path, monkeypatch
):
    dump = backup_module.dump_database

    def dump_then_upload(target_dir):
        snapshot = dump(target_dir)
        default_storage.save("documents/baru.txt", ContentFile(b"diunggah kemudian"))
        return snapshot

    monkeypatch.setattr(backup_module, "dump_database", dump_then_upload)
    archive = make_backup(tmp_path / "backups")

    manifest = read_manifest(archive)
    assert "documents/baru.txt" in {item["name"] for item in manifest["media"]["files"]}
    assert manifest["media"]["missing"] == []


# Nothing to commit: no flush needed after it.
@pytest.mark.django_db
def test_backup_refuses_a_folder_inside_media_root(media_root):
    with pytest.raises(CommandError, match="di dalam MEDIA_ROOT"):
        call_command("backup", str(media_root / "backups"), stdout=io.StringIO())
    assert not (media_root / "backups").exists()


# Nothing to commit: no flush needed after it.
@pytest.mark.django_db
def test_backup_to_a_bucket_refuses_the_public_uploads_bucket(settings, media_root):
    settings.AWS_STORAGE_BUCKET_NAME = "serambi-uploads"
    with pytest.raises(CommandError, match="bucket unggahan"):
        call_command("backup", "s3://serambi-uploads/backups", stdout=io.StringIO())


def test_backup_to_a_bucket_stores_the_archive_there(site, tmp_path, monkeypatch):
    bucket = tmp_path / "bucket"
    monkeypatch.setattr(
        backup_module,
        "archive_bucket_storage",
        lambda name, prefix: FileSystemStorage(location=bucket / name / prefix),
    )
    out = io.StringIO()

    call_command("backup", "s3://serambi-backups/nightly", stdout=out)

    location = out.getvalue().strip()
    assert location.startswith("s3://serambi-backups/nightly/serambi-")
    (stored,) = (bucket / "serambi-backups" / "nightly").iterdir()
    assert location.endswith("/" + stored.name)
    assert read_manifest(stored)["counts"]["credits"] == 9


@pytest.fixture
def small_disk(tmp_path):
    """A real tmpfs of a chosen size, mounted for the test (root only)."""
    mounted = []

    def mount(size):
        path = tmp_path / f"disk-{len(mounted)}"
        path.mkdir()
        result = subprocess.run(  # noqa: S603
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            pytest.skip(f"cannot mount a small tmpfs here: {result.stderr.strip()}")
        mounted.append(path)
        return path

    yield mount
    for path in mounted:
        subprocess.run(["umount", str(path)], check=False)  # noqa: S603, S607


def test_a_full_disk_gives_a_clear_error_and_leaves_nothing(site, small_disk, tmp_path):
    database_size = read_manifest(make_backup(tmp_path / "ok"))["database"]["size"]
    # Room for the database dump and its compressed copy, not for this upload.
    noise = os.urandom(2 * database_size + 1024 * 1024)
    default_storage.save("documents/besar.bin", ContentFile(noise))
    for size in (64 * 1024, 2 * database_size + 256 * 1024):
        disk = small_disk(size)
        with pytest.raises(CommandError, match="Ruang disk di .* habis"):
            call_command("backup", str(disk), stdout=io.StringIO())
        assert os.listdir(disk) == []


def test_backup_on_postgresql_without_pg_dump_says_what_to_install(
    site, tmp_path, monkeypatch
):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: the suite runs on SQLite (set DATABASE_URL)")
    monkeypatch.setenv("PATH", str(tmp_path / "empty-path"))
    with pytest.raises(CommandError, match="pg_dump tidak ditemukan"):
        call_command("backup", str(tmp_path / "backups"), stdout=io.StringIO())
    assert os.listdir(tmp_path / "backups") == []


# --- Encryption and what stays out --------------------------------------------------


def test_without_a_passphrase_backup_refuses_and_writes_nothing(
    site, tmp_path, monkeypatch
):
    monkeypatch.delenv("BACKUP_PASSPHRASE")

    with pytest.raises(CommandError, match="BACKUP_PASSPHRASE belum disetel"):
        call_command("backup", str(tmp_path / "backups"), stdout=io.StringIO())

    assert not (tmp_path / "backups").exists()


def test_a_short_passphrase_is_refused(site, tmp_path, monkeypatch):
    monkeypatch.setenv("BACKUP_PASSPHRASE", "rahasia")

    with pytest.raises(CommandError, match="terlalu pendek"):
        call_command("backup", str(tmp_path / "backups"), stdout=io.StringIO())


def test_an_unencrypted_archive_only_when_asked_explicitly(site, tmp_path, monkeypatch):
    monkeypatch.delenv("BACKUP_PASSPHRASE")
    out = io.StringIO()

    call_command("backup", str(tmp_path / "backups"), "--unencrypted", stdout=out)

    archive = Path(out.getvalue().strip())
    assert re.match(r"^serambi-\d{8}-\d{6}\.tar\.gz$", archive.name)
    with tarfile.open(archive) as tar:
        assert json.load(tar.extractfile("manifest.json"))["counts"]["credits"] == 9


def test_the_archive_is_a_standard_age_file(site, tmp_path):
    """age, rage or pyrage open it with the passphrase, without Serambi."""
    pyrage = pytest.importorskip("pyrage", reason="pyrage is a dev dependency")
    archive = make_backup(tmp_path / "backups")
    raw = archive.read_bytes()
    assert raw.startswith(b"age-encryption.org/v1\n-> scrypt ")

    plain = pyrage.passphrase.decrypt(raw, PASSPHRASE)

    with tarfile.open(fileobj=io.BytesIO(plain)) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["counts"]["credits"] == 9
    with pytest.raises(pyrage.DecryptError):
        pyrage.passphrase.decrypt(raw, "frasa-sandi-yang-lain-sama-sekali")


def test_restore_without_or_with_a_wrong_passphrase_writes_nothing(
    an_archive, tmp_path, empty_database, monkeypatch
):
    archive = an_archive
    media = tmp_path / "restored-media"

    monkeypatch.delenv("BACKUP_PASSPHRASE")
    missing = restore(archive, database_url=empty_database, media_root=media)
    monkeypatch.setenv("BACKUP_PASSPHRASE", "frasa-sandi-yang-keliru-sekali")
    wrong = restore(archive, database_url=empty_database, media_root=media)

    assert missing.returncode == 1
    assert "terenkripsi. Setel BACKUP_PASSPHRASE" in missing.stderr
    assert wrong.returncode == 1
    assert "Frasa sandi di BACKUP_PASSPHRASE tidak membuka arsip" in wrong.stderr
    assert not media.exists() or not any(media.rglob("*"))
    assert target_sql(empty_database) == [[], []]


SECRET_MARK = "tanda-rahasia-8d1f"


def dump_text(archive, tmp_path):
    """The archive's database dump as text a person could search."""
    with tarfile.open(decrypted(archive, tmp_path / "plain.tar.gz")) as tar:
        (member,) = [m for m in tar if m.name.startswith("database.")]
        tar.extract(member, tmp_path, filter="data")
    dump = tmp_path / member.name
    if member.name.endswith(".sqlite3"):
        return dump.read_bytes().decode("latin-1")
    return subprocess.run(  # noqa: S603
        ["pg_restore", "--file=-", str(dump)],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_sessions_pending_uploads_and_queued_mail_stay_out(
    site, tmp_path, django_user_model, settings
):
    from django.contrib.sessions.models import Session
    from django.core.mail import send_mail
    from django.test import Client
    from django.utils import timezone

    from django_tasks_db.models import DBTaskResult

    from importer.models import PendingUpload

    user = django_user_model.objects.get(username="ayu")
    Client().force_login(user)
    PendingUpload.objects.create(
        token=SECRET_MARK,
        user=user,
        filename=f"{SECRET_MARK}.docx",
        data=SECRET_MARK.encode(),
        expires_at=timezone.now(),
    )
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    send_mail(
        "Atur ulang kata sandi",
        f"https://serambi.test/reset/{SECRET_MARK}/",
        None,
        ["ayu@serambi.test"],
    )
    assert Session.objects.count() == 1
    assert DBTaskResult.objects.count() == 1
    session_key = Session.objects.get().session_key

    archive = make_backup(tmp_path / "backups")

    text = dump_text(archive, tmp_path)
    assert "ayu@serambi.test" in text  # the users are there...
    assert SECRET_MARK not in text  # ...the upload and the reset link are not,
    assert session_key not in text  # nor her session.
    tables = read_manifest(archive)["tables"]
    assert tables["django_session"] == 0
    assert tables[PendingUpload._meta.db_table] == 0
    assert tables[DBTaskResult._meta.db_table] == 0


# --- The nightly backup, a scheduled job ------------------------------------------


def test_the_nightly_job_backs_up_and_keeps_only_recent_archives(site, tmp_path):
    from operations.scheduler import run_scheduled_job

    backups = tmp_path / "backups"
    backups.mkdir()
    old = backups / "serambi-20200101-023000.tar.gz.age"
    recent = backups / "serambi-29991231-023000.tar.gz.age"
    unrelated = backups / "serambi-catatan.txt"
    for path in (old, recent, unrelated):
        path.write_bytes(b"x")

    # As the worker runs it (tests run tasks at once, in this process).
    result = run_scheduled_job.enqueue(f"backup --keep-days 14 {backups}")

    assert result.status == "SUCCESSFUL"
    new = [p for p in backups.iterdir() if p not in (old, recent, unrelated)]
    assert len(new) == 1
    assert ARCHIVE_NAME.match(new[0].name)
    assert read_manifest(new[0])["counts"]["credits"] == 9
    assert not old.exists()
    assert recent.exists() and unrelated.exists()


# Nothing to commit: no flush needed after it.
@pytest.mark.django_db
def test_keep_days_below_one_is_refused(tmp_path):
    with pytest.raises(CommandError, match="--keep-days harus 1 atau lebih"):
        call_command("backup", str(tmp_path), "--keep-days", "0")
    assert list(tmp_path.iterdir()) == []
