"""CI: prove that the worker and the scheduler do their work on a production set-up.

    python .ci/worker_check.py seed   # a scheduled article and a queued e-mail
    python .ci/worker_check.py wait   # until the article is live and the mail arrived

`seed` runs before the worker and the scheduler start, so neither piece of work can
have been done by anything but them. Settings come from the environment (.ci/run).
"""

import os
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")

import django

django.setup()

from django.core.mail import send_mail  # noqa: E402
from django.utils import timezone  # noqa: E402

from blog.models import ArticlePage, BlogIndexPage  # noqa: E402
from demo.factories import ArticlePageFactory  # noqa: E402

SLUG = "ci-terbit-terjadwal"
SUBJECT = "CI: surat dari antrean"
TIMEOUT_SECONDS = int(os.environ.get("WORKER_CHECK_TIMEOUT", "120"))


def seed():
    go_live_at = timezone.now() + timedelta(seconds=3)
    article = ArticlePageFactory(
        parent=BlogIndexPage.objects.get(),
        title="Terbit terjadwal (CI)",
        slug=SLUG,
        live=False,
    )
    article.go_live_at = go_live_at
    article.save_revision().publish()
    article.refresh_from_db()
    if article.live:
        sys.exit("The article went live at once instead of being scheduled.")
    queued = send_mail(
        SUBJECT, "Dikirim oleh worker.", None, ["redaksi@serambi.example"]
    )
    if queued != 1:
        sys.exit("The e-mail was not queued.")
    # Let the publishing time pass, so the scheduler's first run is the one that counts.
    time.sleep(max(0.0, (go_live_at - timezone.now()).total_seconds()) + 1)
    sys.stdout.write(
        f"Scheduled {SLUG} for {go_live_at:%H:%M:%S}; queued {SUBJECT!r}\n"
    )


def mail_arrived(outbox):
    return any(
        SUBJECT.encode() in path.read_bytes() for path in Path(outbox).glob("*.eml")
    )


def wait(outbox):
    started = time.monotonic()
    deadline = started + TIMEOUT_SECONDS
    live = arrived = False
    while time.monotonic() < deadline:
        live = ArticlePage.objects.filter(slug=SLUG, live=True).exists()
        arrived = mail_arrived(outbox)
        if live and arrived:
            sys.stdout.write(
                "The scheduled article is live and the queued e-mail arrived "
                f"{time.monotonic() - started:.0f} s after the worker started.\n"
            )
            return 0
        time.sleep(2)
    sys.stderr.write(
        f"After {TIMEOUT_SECONDS} s: article live={live}, e-mail arrived={arrived}\n"
    )
    return 1


if __name__ == "__main__":
    if sys.argv[1] == "seed":
        seed()
    else:
        sys.exit(wait(sys.argv[2]))
