"""What a served request costs at 50, 5,000 and 50,000 articles, beside bakerydemo.

    make benchmark-archive
    .venv/bin/python docs/benchmarks/archive.py --bakerydemo /work/bakerydemo-src \\
        --sizes 50,5000,50000 --rounds 7 --batch 5 --redis-url redis://127.0.0.1:6379/10

For each size, a child process builds a site in a SQLite file under ``--workdir``
(default: the temporary folder's ``serambi-archive-bench``) with the search
benchmark's bulk builder (``search_scale.build_site``: live articles with generated
Indonesian text and a writer each, twenty contributors, then ``update_index``), one
size after another. ``--reuse`` keeps a size built before (50,000 articles take tens
of minutes, most of it ``update_index``); ``--build-only`` stops after building.

Then each size is served as ``served_render.py`` serves Serambi: production settings,
gunicorn with one sync worker on 127.0.0.1, page cache and fragment cache off (every
request renders in full), Redis as the cache (one database per size, from
``--redis-url`` up, flushed first), the search rate limit off; bakerydemo
(``--bakerydemo``, set up as docs/performance.md says) beside them under its own
production settings, on a copy of its database in the work folder (its own file is
left as it is) to which a second blog index (``/admin-rows/``, not in its menus) is
added with ``--bakerydemo-rows`` live blog posts (50: as many rows as Serambi's
explorer shows a page; its chooser shows 25 of them, as Serambi's does), made through
its models in a child process under its settings. Its admin pages are read in that
section, so both projects list as many rows; its /blog/, search and home are those
``load_initial_data`` made (the posts' titles and introductions match no search). A second child per site, under the server's own settings, makes
the accounts the admin pages are read as and their sessions: on Serambi an editor (in
the Editors group, with a confirmed second factor recorded in the session, as after
signing in) and a contributor (in the Contributors group, her profile linked); on
bakerydemo its superuser ``admin``. The requests carry the session cookie; before
measuring, each admin URL is fetched once and must answer 200 at its own address (a
redirect to the sign-in page would fail the run).

Pages: search (``/cari/?q=cerita`` / ``/search/?q=bread``), an article (the middle
one / ``/blog/bread-circuses/``), the index (``/artikel/`` / ``/blog/``), home, a
contributor's page and the feed (no bakerydemo equivalent), the admin's page chooser
at its root and inside the articles section (``/admin/choose-page/``,
``/admin/choose-page/<section>/``) and the explorer of that section
(``/admin/pages/<section>/``), as the editor and as the contributor (bakerydemo: as
its superuser, in its rows section). ``--pages chooser,explorer`` measures only the
pages whose label has one of those words. The CPU is the gunicorn worker's (``/proc/<pid>/schedstat``) around a
batch of ``--batch`` sequential requests, in interleaved rounds (every page of every
server a round, the servers' order rotating each round, two warm-up rounds). It
prints, per page, the median CPU ms per request for each size, the ratio of each size
to the 50-article site, bakerydemo's figure and each size's ratio to it.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from served_render import (  # noqa: E402
    Server,
    bakerydemo_ready,
    cpu_ns,
    get,
    serambi_env,
)

# (label, Serambi path key, bakerydemo path key or None, account)
PAGES = [
    ("search", "search", "search", None),
    ("article", "article", "article", None),
    ("index", "index", "index", None),
    ("home", "home", "home", None),
    ("a contributor's page", "contributor", None, None),
    ("feed", "feed", None, None),
    ("page chooser, root (editor)", "chooser", "chooser", "editor"),
    ("page chooser, articles (editor)", "chooser_section", "chooser_section", "editor"),
    ("explorer, articles (editor)", "explorer", "explorer", "editor"),
    ("page chooser, root (contributor)", "chooser", "chooser", "contributor"),
    (
        "page chooser, articles (contributor)",
        "chooser_section",
        "chooser_section",
        "contributor",
    ),
    ("explorer, articles (contributor)", "explorer", "explorer", "contributor"),
]
EDITOR, CONTRIBUTOR = "arsip-redaksi", "arsip-penulis"


# --- Children: building a site, and signing in to it ---------------------------------


def database_path(workdir, size):
    return workdir / f"archive-{size}.sqlite3"


def build_one(workdir, size):
    """Runs in the child process: a fresh SQLite site of `size` articles, indexed."""
    database = database_path(workdir, size)
    database.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "website.settings.test"
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    import logging

    logging.disable(logging.INFO)  # no "Page created" line per contributor
    from django.conf import settings
    from django.core.management import call_command

    from search_scale import build_site

    settings.MEDIA_ROOT = workdir / "media"
    settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "website.search_backend"
    call_command("migrate", verbosity=0)
    began = time.perf_counter()
    index_seconds = build_site(size)
    rows_seconds = time.perf_counter() - began - index_seconds
    return {
        "rows_seconds": round(rows_seconds, 1),
        "index_seconds": round(index_seconds, 1),
    }


def session_for(user, device=None):
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils.module_loading import import_string

    store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if device is not None:
        from django_otp import DEVICE_ID_SESSION_KEY

        store[DEVICE_ID_SESSION_KEY] = device.persistent_id
    store.save()
    return store.session_key


def login_one():
    """Runs in the child process, under the server's settings: accounts and sessions.

    Prints the session cookie's name, a session key per account and the paths."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.urls import reverse

    from django_otp.plugins.otp_static.models import StaticDevice

    from blog.models import ArticlePage, BlogIndexPage
    from contributors.models import ContributorPage
    from editorial.roles import CONTRIBUTORS, EDITORS

    users = get_user_model().objects
    editor, _ = users.get_or_create(
        username=EDITOR,
        defaults={"email": "redaksi@arsip.test", "first_name": "Redaksi"},
    )
    editor.groups.add(Group.objects.get(name=EDITORS))
    device, _ = StaticDevice.objects.get_or_create(
        user=editor, name="Serambi", defaults={"confirmed": True}
    )
    contributor, _ = users.get_or_create(
        username=CONTRIBUTOR,
        defaults={"email": "penulis@arsip.test", "first_name": "Penulis"},
    )
    contributor.groups.add(Group.objects.get(name=CONTRIBUTORS))
    profile = ContributorPage.objects.order_by("path").first()
    # An update, not a save: no revision, purge or signal for the benchmark's account.
    ContributorPage.objects.filter(pk=profile.pk).update(user=contributor)

    section = BlogIndexPage.objects.get()
    articles = ArticlePage.objects.live().order_by("path")
    article = articles[articles.count() // 2]
    say(
        {
            "cookie": settings.SESSION_COOKIE_NAME,
            "sessions": {
                "editor": session_for(editor, device),
                "contributor": session_for(contributor),
            },
            "paths": {
                "search": "/cari/?q=cerita",
                "article": article.url,
                "index": section.url,
                "home": "/",
                "contributor": profile.url,
                "feed": f"{section.url}feed/",
                "chooser": reverse("wagtailadmin_choose_page"),
                "chooser_section": reverse(
                    "wagtailadmin_choose_page_child", args=[section.pk]
                ),
                "explorer": reverse("wagtailadmin_explore", args=[section.pk]),
            },
        }
    )


BAKERY_LOGIN = """
import json
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.module_loading import import_string
from bakerydemo.blog.models import BlogIndexPage

user = get_user_model().objects.get(username="admin")
store = import_string(settings.SESSION_ENGINE + ".SessionStore")()
store[SESSION_KEY] = str(user.pk)
store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
store[HASH_SESSION_KEY] = user.get_session_auth_hash()
store.save()
rows = BlogIndexPage.objects.get(slug=ROWS_SLUG)
print(json.dumps({
    "cookie": settings.SESSION_COOKIE_NAME,
    "sessions": {"admin": store.session_key},
    "paths": {
        "search": "/search/?q=bread",
        "article": "/blog/bread-circuses/",
        "index": "/blog/",
        "home": "/",
        "chooser": reverse("wagtailadmin_choose_page"),
        "chooser_section": reverse("wagtailadmin_choose_page_child", args=[rows.pk]),
        "explorer": reverse("wagtailadmin_explore", args=[rows.pk]),
    },
}))
"""

# A second blog index on bakerydemo, not in its menus, holding `count` live blog posts
# made through its models (titles and introductions that no search here matches): its
# explorer and chooser list as many rows as Serambi's section does, while /blog/, its
# search and its home stay as load_initial_data made them.
BAKERY_ROWS = """
import datetime
from django.db import transaction
from bakerydemo.base.models import HomePage
from bakerydemo.blog.models import BlogIndexPage, BlogPage

count = int(COUNT)
with transaction.atomic():
    rows = BlogIndexPage.objects.filter(slug=ROWS_SLUG).first()
    if rows is None:
        home = HomePage.objects.get()
        rows = home.add_child(instance=BlogIndexPage(
            title="Rows", slug=ROWS_SLUG, introduction="Rows for the admin benchmark.",
            show_in_menus=False,
        ))
    image_id = BlogPage.objects.exclude(image=None).values_list("image", flat=True)[0]
    made = rows.get_children().count()
    for number in range(made, count):
        post = rows.add_child(instance=BlogPage(
            title=f"Row {number + 1}",
            slug=f"row-{number + 1}",
            introduction=f"Row number {number + 1} of the admin benchmark.",
            image_id=image_id,
            date_published=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
            live=False,
        ))
        post.save_revision().publish()
print(rows.get_children().live().count())
"""


def say(answer):
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()


# --- The parent: servers, rounds, the table ------------------------------------------


class SignedInServer(Server):
    """served_render's server, whose requests may carry a session cookie."""

    def __init__(self, name, command, cwd, env, login, pages, log):
        paths = {label: login["paths"][key] for label, key, account in pages}
        super().__init__(name, command, cwd, env, paths, log)
        self.cookies = {
            label: (
                f"{login['cookie']}={login['sessions'][account]}" if account else None
            )
            for label, _, account in pages
        }

    def request(self, label):
        request = urllib.request.Request(self.base + self.paths[label])  # noqa: S310
        if self.cookies[label]:
            request.add_header("Cookie", self.cookies[label])
        return request

    def check(self):
        """Each page answers 200 at its own address (not a sign-in redirect)."""
        for label in self.paths:
            request = self.request(label)
            with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
                if response.status != 200 or response.url != request.full_url:
                    raise RuntimeError(
                        f"{self.name}: {label} answered {response.status} "
                        f"at {response.url}, not {request.full_url}"
                    )

    def measure(self, label, batch):
        before = cpu_ns(self.pid)
        for _ in range(batch):
            get(self.request(label))
        return (cpu_ns(self.pid) - before) / batch / 1e6


def run_child(command, env, cwd=ROOT):
    output = subprocess.run(  # noqa: S603 - fixed arguments
        command, check=True, capture_output=True, text=True, cwd=cwd, env=env
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def built(workdir, size):
    marker = workdir / f"archive-{size}.json"
    return json.loads(marker.read_text()) if marker.exists() else None


def build(workdir, sizes, reuse):
    builds = {}
    for size in sizes:
        if reuse and (done := built(workdir, size)):
            builds[size] = done
            continue
        (workdir / f"archive-{size}.json").unlink(missing_ok=True)
        answer = run_child(
            [PYTHON, __file__, "--build-child", str(size), "--workdir", str(workdir)],
            env=os.environ,
        )
        (workdir / f"archive-{size}.json").write_text(json.dumps(answer))
        builds[size] = answer
        sys.stderr.write(f"built {size:,} articles: {answer}\n")
    return builds


def redis_url_for(base, offset):
    root, _, number = base.rpartition("/")
    return f"{root}/{int(number) + offset}"


def flush(redis_url):
    import redis

    redis.Redis.from_url(redis_url).flushdb()


ROWS_SLUG = "admin-rows"


def bakery_setup(bakerydemo, workdir, rows):
    """bakerydemo on a copy of its database (its own file is left as it is), with a
    section of `rows` blog posts for the admin pages, and its superuser's session."""
    python, env = bakerydemo_ready(bakerydemo)
    database = workdir / "bakerydemo.sqlite3"
    shutil.copyfile(bakerydemo / "bakerydemodb", database)
    # Its settings join DATABASE_NAME to its folder: an absolute path replaces it, and
    # the connection stays as its own is configured (DATABASE_URL would keep it open).
    env["DATABASE_NAME"] = str(database)
    manage = [str(python), "manage.py"]
    prelude = f"ROWS_SLUG = {ROWS_SLUG!r}\nCOUNT = {rows}\n"
    made = subprocess.run(  # noqa: S603 - fixed arguments
        [*manage, "shell", "-c", prelude + BAKERY_ROWS],
        check=True,
        capture_output=True,
        text=True,
        cwd=bakerydemo,
        env=env,
    ).stdout.split()[-1]
    if int(made) != rows:
        raise RuntimeError(f"bakerydemo: {made} rows made, not {rows}")
    login = run_child(
        [*manage, "shell", "-c", prelude + BAKERY_LOGIN], env=env, cwd=bakerydemo
    )
    return python, env, login


def table(servers, bakery, sizes, rounds, batch):
    load = os.getloadavg()
    small = sizes[0]
    head = ["page", *(f"{s:,} articles" for s in sizes)]
    head += [f"{s:,}/{small:,}" for s in sizes[1:]]
    head += ["bakerydemo", *(f"{s:,}/bakerydemo" for s in sizes)]
    lines = [
        f"Server CPU per request, median of {rounds} rounds of {batch} sequential "
        f"requests (load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f})",
        "",
        "| " + " | ".join(head) + " |",
        "|---" * len(head) + "|",
    ]
    for label, _, bakery_key, _ in PAGES:
        ours = {
            size: statistics.median(server.samples[label])
            for size, server in zip(sizes, servers, strict=True)
        }
        cells = [label, *(f"{ours[s]:.1f} ms" for s in sizes)]
        cells += [f"{ours[s] / ours[small]:.2f}x" for s in sizes[1:]]
        if bakery is not None and bakery_key is not None:
            theirs = statistics.median(bakery.samples[label])
            cells += [f"{theirs:.1f} ms", *(f"{ours[s] / theirs:.2f}x" for s in sizes)]
        else:
            cells += ["-"] * (1 + len(sizes))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="50,5000,50000")
    parser.add_argument("--bakerydemo", type=Path)
    parser.add_argument(
        "--bakerydemo-rows",
        type=int,
        default=50,
        help="blog posts in bakerydemo's section for the admin pages: as many rows "
        "as Serambi's explorer shows a page (50; its chooser shows 25 of them)",
    )
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--batch", type=int, default=5)
    parser.add_argument(
        "--redis-url",
        default="redis://127.0.0.1:6379/10",
        help="the first size's Redis database; the next sizes take the next numbers",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "serambi-archive-bench",
    )
    parser.add_argument(
        "--pages",
        help="only the pages whose label contains one of these comma-separated words "
        "(e.g. 'chooser,explorer')",
    )
    parser.add_argument("--reuse", action="store_true", help="keep sites built before")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--build-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--login-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)

    if args.build_child is not None:
        say(build_one(args.workdir, args.build_child))
        return
    if args.login_child:
        login_one()
        return

    if args.pages:
        words = args.pages.split(",")
        PAGES[:] = [page for page in PAGES if any(word in page[0] for word in words)]
    sizes = [int(s) for s in args.sizes.split(",")]
    builds = build(args.workdir, sizes, args.reuse)
    if args.build_only:
        sys.stdout.write(json.dumps({f"{s}": builds[s] for s in sizes}) + "\n")
        return

    gunicorn = [str(Path(PYTHON).with_name("gunicorn")), "website.wsgi"]
    servers = []
    for offset, size in enumerate(sizes):
        redis_url = redis_url_for(args.redis_url, offset)
        flush(redis_url)
        env = serambi_env(
            f"sqlite:///{database_path(args.workdir, size)}",
            args.workdir / "media",
            redis_url,
            fragments=False,
        )
        env["SEARCH_RATE_LIMIT_PER_MINUTE"] = "0"
        if offset == 0:
            collect = [PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"]
            subprocess.run(collect, check=True, cwd=ROOT, env=env)  # noqa: S603
        login = run_child([PYTHON, __file__, "--login-child"], env=env)
        pages = [(label, key, account) for label, key, _, account in PAGES]
        servers.append(
            SignedInServer(
                f"Serambi, {size:,} articles",
                gunicorn,
                ROOT,
                env,
                login,
                pages,
                args.workdir / f"serambi-{size}.log",
            )
        )
    bakery = None
    if args.bakerydemo:
        python, env, login = bakery_setup(
            args.bakerydemo, args.workdir, args.bakerydemo_rows
        )
        pages = [
            (label, key, account and "admin")
            for label, _, key, account in PAGES
            if key is not None
        ]
        bakery = SignedInServer(
            "bakerydemo",
            [str(python.with_name("gunicorn")), "bakerydemo.wsgi"],
            args.bakerydemo,
            env,
            login,
            pages,
            args.workdir / "bakerydemo.log",
        )
    everyone = [*servers, *([bakery] if bakery else [])]
    try:
        for server in everyone:
            server.start()
            server.check()
        for number in range(args.rounds + 2):
            turn = number % len(everyone)
            order = everyone[turn:] + everyone[:turn]
            for label, *_ in PAGES:
                for server in order:
                    if label not in server.paths:
                        continue
                    cpu = server.measure(label, args.batch)
                    if number >= 2:
                        server.samples[label].append(cpu)
    finally:
        for server in everyone:
            server.stop()

    built_in = ", ".join(
        f"{s:,}: {builds[s]['rows_seconds']} s + index {builds[s]['index_seconds']} s"
        for s in sizes
    )
    sys.stdout.write(
        table(servers, bakery, sizes, args.rounds, args.batch)
        + f"\n\nSites built (rows + update_index): {built_in}.\n"
    )


if __name__ == "__main__":
    main()
