"""The demo site's text, read from the data files under `demo/data/`.

- `site.toml`: the home page's and the section indexes' text, site settings, helplines,
  categories.
- `people.toml`: the demo accounts and the contributors' profiles.
- `editorial.toml`: the two drafts the editorial workflow demo puts in review.
- `articles/NN-<slug>.md`: one article per file, in the order the seed publishes them.
  The slug is the file name without its number. TOML front matter between `+++`
  lines, then the body:

      A paragraph (inline <i>, <b> and <a> allowed); lines of one paragraph are
      joined with spaces. A blank line starts the next paragraph.

      ## A heading

      > A pull quote.
      > — Its attribution (optional)

      ::: key_points The list's title
      - a point
        that goes on
      :::

      ::: callout The box's title
      One or more paragraphs.
      :::

      ::: image
      scene = "tea_porch"   # a scene of illustrations.py, drawn by the seed
      palette = "senja"
      seed = 14
      alt = "What the picture shows"
      caption = "Its caption"
      :::

Everything in the files is invented for the demo. Links use "contoh" addresses or the
.example domain so nobody mistakes them for real accounts. Slugs and usernames are the
stable keys seed_demo looks things up by.
"""

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

WRITER = "writer"
ILLUSTRATOR = "illustrator"
TRANSLATOR = "translator"
EDITOR = "editor"


@dataclass(frozen=True)
class Picture:
    """A Pillow-drawn picture: which scene, in which colours, and what it shows."""

    scene: str
    palette: str
    alt: str
    seed: int = 0


@dataclass(frozen=True)
class Avatar:
    skin: str
    outfit: str
    background: str
    alt: str
    hijab: str | None = None
    hair: str | None = None
    glasses: bool = False


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    first_name: str
    last_name: str
    email: str
    role: str
    group: str | None = None
    is_superuser: bool = False


@dataclass(frozen=True)
class Contributor:
    slug: str
    title: str  # the real name; public only when there is no pen-name-only wish
    short_bio: str
    bio: str
    links: list[tuple[str, str, str]] = field(default_factory=list)
    pen_name: str = ""
    use_pen_name_only: bool = False
    avatar: Avatar | None = None
    username: str | None = None
    joined_days_ago: int = 300


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    category: str
    standfirst: str
    excerpt: str
    tags: list[str]
    credits: list[tuple[str, str]]  # (contributor slug, role)
    # ("paragraph", html, ...), ("heading", text), ("pull_quote", quote, attribution),
    # ("key_points", title, [point, ...]), ("callout", title, html),
    # ("image", Picture, caption)
    body: list[tuple]
    days_ago: int
    hero: Picture | None = None
    featured: bool = False
    content_note: str = ""


class DemoDataError(ValueError):
    """A data file that does not say what the loader expects; names file and line."""


def paragraphs_html(paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _read_toml(name):
    with (DATA_DIR / name).open("rb") as file:
        return tomllib.load(file)


# --- Articles -----------------------------------------------------------------------

FRONT_MATTER = re.compile(r"\A\+\+\+\n(.*?)\n\+\+\+\n", re.DOTALL)
FILE_NAME = re.compile(r"\A\d+-(?P<slug>[a-z0-9-]+)\.md\Z")


def _paragraphs(lines):
    """Blank-line separated runs of lines, each joined with spaces."""
    text, current = [], []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            text.append(" ".join(current))
            current = []
    return text


def _list_items(lines, where):
    items = []
    for line in lines:
        if line.startswith("- "):
            items.append(line[2:].strip())
        elif line.startswith("  ") and items:
            items[-1] += " " + line.strip()
        elif line.strip():
            raise DemoDataError(f"{where}: expected '- a point', got {line!r}")
    return items


def _directive(kind, title, lines, where):
    if kind == "key_points":
        return ("key_points", title, _list_items(lines, where))
    if kind == "callout":
        return ("callout", title, paragraphs_html(_paragraphs(lines)))
    if kind == "image":
        data = tomllib.loads("\n".join(lines))
        caption = data.pop("caption")
        return ("image", Picture(**data), caption)
    raise DemoDataError(f"{where}: unknown block '::: {kind}'")


def parse_body(text, where="body", first_line=1):
    """The body's Markdown-like text as the builder's block tuples (see the docstring)."""
    blocks, lines = [], text.splitlines()
    paragraph_run, position = [], 0

    def flush():
        text = _paragraphs(paragraph_run)
        if text:
            blocks.append(("paragraph", *text))
        paragraph_run.clear()

    while position < len(lines):
        line = lines[position]
        line_where = f"{where}:{position + first_line}"
        if line.startswith("## "):
            flush()
            blocks.append(("heading", line[3:].strip()))
        elif line.startswith(">"):
            flush()
            quote = []
            while position < len(lines) and lines[position].startswith(">"):
                quote.append(lines[position][1:].strip())
                position += 1
            attribution = ""
            if quote[-1].startswith("— "):
                attribution = quote.pop()[2:]
            blocks.append(("pull_quote", " ".join(quote), attribution))
            continue
        elif line.startswith("::: "):
            flush()
            kind, _, title = line[4:].partition(" ")
            end = position + 1
            while end < len(lines) and lines[end].rstrip() != ":::":
                end += 1
            if end == len(lines):
                raise DemoDataError(f"{line_where}: '::: {kind}' is never closed")
            blocks.append(
                _directive(kind, title.strip(), lines[position + 1 : end], line_where)
            )
            position = end
        else:
            paragraph_run.append(line)
        position += 1
    flush()
    return blocks


def load_article(path, where=None):
    where = where or path.name
    name = FILE_NAME.match(path.name)
    if name is None:
        raise DemoDataError(f"{where}: name article files NN-<slug>.md")
    text = path.read_text(encoding="utf-8")
    front = FRONT_MATTER.match(text)
    if front is None:
        raise DemoDataError(f"{where}: the file must open with +++ front matter +++")
    try:
        meta = tomllib.loads(front.group(1))
        hero = meta.pop("hero", None)
        credits = [
            (credit["contributor"], credit["role"]) for credit in meta.pop("credits")
        ]
        return Article(
            slug=name["slug"],
            hero=Picture(**hero) if hero else None,
            credits=credits,
            body=parse_body(
                text[front.end() :],
                where,
                first_line=text[: front.end()].count("\n") + 1,
            ),
            **meta,
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as error:
        raise DemoDataError(f"{where}: {error}") from error


def load_articles(directory=None):
    directory = directory or DATA_DIR / "articles"
    return [load_article(path) for path in sorted(directory.glob("*.md"))]


# --- Site and people ----------------------------------------------------------------

_site = _read_toml("site.toml")
_people = _read_toml("people.toml")

HOME_INTRO = paragraphs_html(_site["home"]["intro"])
HOME_INVITATION_HEADING = _site["home"]["invitation_heading"]
HOME_INVITATION_TEXT = _site["home"]["invitation_text"]
BLOG_INDEX_INTRO = paragraphs_html(_site["blog_index"]["intro"])
CONTRIBUTOR_INDEX_INTRO = paragraphs_html(_site["contributor_index"]["intro"])
SITE_SETTINGS = _site["settings"]
# Public services whose numbers are published by the government; hours are left to
# the editor where we could not confirm them.
HELPLINES = _site["helpline"]
CATEGORIES = [
    (category["slug"], category["name"], category["description"])
    for category in _site["category"]
]

# Fixed passwords are acceptable only because seed_demo refuses to run without DEBUG.
USERS = [DemoUser(**user) for user in _people["user"]]


def _contributor(data):
    data = dict(data)
    avatar = data.pop("avatar", None)
    return Contributor(
        bio=paragraphs_html(data.pop("bio")),
        links=[
            (link["platform"], link["url"], link.get("label", ""))
            for link in data.pop("links", [])
        ],
        avatar=Avatar(**avatar) if avatar else None,
        **data,
    )


CONTRIBUTORS = [_contributor(data) for data in _people["contributor"]]
ARTICLES = load_articles()
EDITORIAL = _read_toml("editorial.toml")
