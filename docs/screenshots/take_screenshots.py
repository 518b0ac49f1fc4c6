"""Regenerate the screenshots in this folder from a running demo site.

    DATABASE_URL=sqlite:////tmp/shots.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/shots.sqlite3 .venv/bin/python manage.py seed_demo
    DATABASE_URL=sqlite:////tmp/shots.sqlite3 .venv/bin/python manage.py runserver 8013 &
    .venv/bin/python docs/screenshots/take_screenshots.py http://127.0.0.1:8013

Uses Debian's Chromium through Playwright, like the browser tests. Phone shots are full
page but cut at MAX_PHONE_HEIGHT so that very long articles stay a reasonable size.
"""

import argparse
import re
from pathlib import Path
from urllib.request import urlopen

from PIL import Image
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
VIEWPORTS = {
    "phone": {"width": 375, "height": 812},
    "desktop": {"width": 1280, "height": 900},
}
MAX_PHONE_HEIGHT = 3200
MAX_DESKTOP_HEIGHT = 2400


def first_link(base, listing, css_class):
    """The first card's link on a listing page, so the script needs no slugs."""
    html = urlopen(base + listing).read().decode()  # noqa: S310 - a local server
    match = re.search(rf'class="{css_class}"><a href="([^"]+)"', html)
    if match is None:
        raise SystemExit(f"No {css_class} link on {listing}")
    return match.group(1)


def shrink(path):
    """A 256-colour palette keeps the flat illustrations sharp at a fraction of the size."""
    with Image.open(path) as image:
        image.convert("RGB").quantize(256, dither=Image.Dither.NONE).save(
            path, optimize=True
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base_url", nargs="?", default="http://127.0.0.1:8013")
    parser.add_argument("--scheme", default="light", choices=["light", "dark"])
    args = parser.parse_args()
    base = args.base_url.rstrip("/")
    pages = {
        "home": "/",
        "article": first_link(base, "/artikel/", "card__title"),
        "contributor": first_link(base, "/kontributor/", "person__name"),
    }
    suffix = "" if args.scheme == "light" else "-dark"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for device, viewport in VIEWPORTS.items():
            context = browser.new_context(
                viewport=viewport, locale="id-ID", color_scheme=args.scheme
            )
            page = context.new_page()
            for name, path in pages.items():
                page.goto(base + path, wait_until="networkidle")
                # Lazy images below the fold would otherwise show as empty boxes.
                page.evaluate(
                    "document.querySelectorAll('img[loading=lazy]')"
                    ".forEach(img => { img.loading = 'eager'; })"
                )
                page.wait_for_load_state("networkidle")
                page.wait_for_function(
                    "[...document.images].every(img => img.complete)"
                )
                height = page.evaluate("document.documentElement.scrollHeight")
                limit = MAX_PHONE_HEIGHT if device == "phone" else MAX_DESKTOP_HEIGHT
                target = HERE / f"{name}-{device}{suffix}.png"
                page.screenshot(
                    path=target,
                    clip={
                        "x": 0,
                        "y": 0,
                        "width": viewport["width"],
                        "height": min(height, limit),
                    },
                    full_page=True,
                )
                print(f"{target.name}: {path}")  # noqa: T201
                if name == "article":
                    # The end of the article: tags, credits, bio cards, sharing.
                    top = page.evaluate(
                        "document.querySelector('.article__footer')"
                        ".getBoundingClientRect().top + window.scrollY - 16"
                    )
                    target = HERE / f"article-end-{device}{suffix}.png"
                    page.screenshot(
                        path=target,
                        clip={
                            "x": 0,
                            "y": top,
                            "width": viewport["width"],
                            "height": min(height - top, limit),
                        },
                        full_page=True,
                    )
                    print(f"{target.name}: {path}")  # noqa: T201
            context.close()
        browser.close()
    for path in HERE.glob(f"*{suffix}.png"):
        shrink(path)


if __name__ == "__main__":
    main()
