"""How long does importing a 1,000-post WordPress export take? Goal: under 60 s.

    .venv/bin/python docs/benchmarks/import_wxr.py              # 1,000 posts
    .venv/bin/python docs/benchmarks/import_wxr.py --posts 200

Writes a WXR export into a temporary folder: each post with paragraphs, numbered
headings, a list, a credit line, a writer block (one of 25 writers), two of 12
categories, three of 40 tags, and its own PNG beside the export under
wp-content/uploads. Migrates a throw-away SQLite database, then times
`manage.py import_articles` on it (drafts, as by default) and prints the seconds and
posts per second.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.importer.exports import png_bytes, wxr, wxr_item  # noqa: E402

CATEGORIES = [f"Kategori {n}" for n in range(12)]
TAGS = [f"tag-{n}" for n in range(40)]
FIRST = ["Rina", "Sari", "Dewi", "Maya", "Ayu"]
LAST = ["Lestari", "Marlina", "Anggraini", "Wulandari", "Puspita"]
WRITERS = [f"{first} {last}" for first in FIRST for last in LAST]


def post_body(n):
    return (
        f"Pagi ke-{n}: saya menyiapkan bekal anak sambil menghitung sisa uang belanja.\n\n"
        "1. Dukungan yang Kita Butuhkan\n"
        "Teman di grup komunitas mendengarkan tanpa menghakimi. <b>Itu</b> cukup.\n"
        f'<img src="https://blog-lama.example/wp-content/uploads/2023/05/gambar-{n}.png"'
        ' alt="Ilustrasi ibu dan anak">\n\n'
        "2. Mengatur Keuangan\nCatatan kecil setiap hari membantu.\n"
        "<ul><li>Catat pemasukan</li><li>Sisihkan dana darurat</li></ul>\n\n"
        "Ilustrator: Sekar Ayu\n\n"
        f"{WRITERS[n % 25]}\n"
        f"{WRITERS[n % 25]} adalah ibu tunggal yang menulis tentang keseharian."
    )


def write_export(folder, posts):
    uploads = folder / "wp-content" / "uploads" / "2023" / "05"
    uploads.mkdir(parents=True)
    items = []
    for n in range(posts):
        (uploads / f"gambar-{n}.png").write_bytes(png_bytes((n % 255, 120, 80)))
        items.append(
            wxr_item(
                1000 + n,
                f"Catatan Ibu Tunggal Nomor {n}",
                post_body(n),
                slug=f"catatan-{n}",
                categories=[CATEGORIES[n % 12], CATEGORIES[(n + 5) % 12]],
                tags=[TAGS[n % 40], TAGS[(n * 7) % 40], TAGS[(n * 13) % 40]],
            )
        )
    path = folder / "export.xml"
    path.write_text(wxr(*items), encoding="utf-8")
    return path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        export = write_export(tmp, args.posts)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "website.settings.dev",
            "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
            "MEDIA_ROOT": str(tmp / "media"),
            "DJANGO_SUPERUSER_PASSWORD": "bench-only-password",
        }
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)  # noqa: S603
        subprocess.run(  # noqa: S603
            [
                *manage,
                "createsuperuser",
                "--noinput",
                "--username",
                "bench",
                "--email",
                "bench@serambi.test",
            ],
            env=env,
            check=True,
        )
        started = time.perf_counter()
        result = subprocess.run(  # noqa: S603
            [*manage, "import_articles", str(export)],
            env=env,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - started
        last = result.stdout.strip().splitlines()[-1:] or [result.stderr[-2000:]]
        sys.stdout.write(
            f"{last[0]}\n{args.posts} posts imported in {seconds:.1f} s "
            f"({args.posts / seconds:.1f} posts/s); goal < 60 s\n"
        )
        sys.exit(result.returncode)


if __name__ == "__main__":
    main()
