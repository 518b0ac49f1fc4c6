"""A post's ending read into credits when it is written in the page editor.

Kirim tulisan reads the end of a pasted post ("Ilustrator: Ans", "Alya Rahma.", her
bio) into credit rows (importer.endings). A contributor who pastes the same post into
the page editor gets the same: when she saves, submits or publishes, an ending that
names people the article does not credit yet becomes their credits, its lines leave
the body, and a message says what was read so she can check it in the Kredit tab.

- Only a full save of the form (not an autosave, which asks for JSON): the page she
  then sees, or the one she comes back to, shows the body and credits as stored, and
  no later request sends the ending again. An autosave racing her submit stores the
  ending as typed; the submit, which Wagtail and editorial.autosave_race run after
  it, reads it once.
- Credits she has are never changed: a person the article already credits (in any
  role) is left as she set them, and an ending whose people are all credited changes
  nothing, body included.
- A name means the profile she could choose for it in "Pilih orang" (public name, pen
  name or slug, any case, a final full stop ignored); her own first name signed under
  her post means her. Anyone else gets a new draft profile, as "Orang baru" makes.
- The writer's bio goes where Kirim tulisan puts it: into a new writer's profile, or
  into her profile while it has none (a draft revision, published by the editors).
  A bio that would replace another stays in the body, and the message says so.
"""

from django.utils.html import escape
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

from bs4 import BeautifulSoup, NavigableString

from blog.models import ArticleCredit
from contributors.chooser import add_new_person, existing_person
from contributors.identity import normalise_name
from contributors.models import ContributorPage
from contributors.names import join_names
from editorial.privacy import current_request

from .endings import take_ending
from .parsing import Line, html_lines
from .views import sender_names

# The page editor's own views: a full POST of one of them saves what she sees.
EDITOR_VIEWS = {"add", "edit"}
# Enough of the body's end for any ending (endings.MAX_ENDING_LINES) and what
# precedes it.
TAIL_LINES = 40
SHORT_BIO_CHARS = ContributorPage._meta.get_field("short_bio").max_length


def read_ending_on_save(form, page):
    """The ARTICLE_SAVING_HOOK: read the body's ending into credits, if it names
    people the article does not credit yet."""
    request = current_request()
    user = form.for_user
    if user is None or not _is_full_editor_save(request):
        return
    tail = _tail(page.body)
    ending = take_ending([line for line, _ in tail], hints=sender_names(user))
    if ending is None or not ending.credits:
        return

    credited = [credit.contributor for credit in page.credits.all()]
    people = {}  # a name as typed (normalised) -> the person it means, or None: new
    planned = []  # (credit, person or None)
    for credit in ending.credits:
        key = _key(credit.name)
        if key in people:
            continue
        person = (
            _credited_as(credit.name, credited, user)
            or _own_profile(user, credit)
            or existing_person(credit.name, user)
        )
        people[key] = person
        if person is not None and any(p.pk == person.pk for p in credited):
            continue
        if person is not None and any(p and p.pk == person.pk for _, p in planned):
            continue
        planned.append((credit, person))
    if not planned:
        return  # everyone named is credited already: all stays as she left it

    removed = set(ending.lines)
    writer = people.get(_key(ending.writer_name)) if ending.writer_name else None
    bio = ending.writer_bio.strip()
    bio_line = _bio_line(tail, ending)
    fill_bio, new_bio, bio_note = False, "", ""
    if bio and bio_line is not None:
        fits = len(bio) <= SHORT_BIO_CHARS
        current = (
            writer.get_latest_revision_as_object().short_bio.strip()
            if writer is not None
            else ""
        )
        if writer is not None and current == bio:
            pass  # her profile says it already
        elif writer is None and ending.writer_name and fits:
            new_bio = bio
        elif writer is not None and not current and fits and _may_fill(user, writer):
            fill_bio = True
            bio_note = _(
                "Bio di akhir tulisan mengisi profil %(name)s yang masih kosong."
            ) % {"name": writer.public_name}
        else:
            removed.discard(bio_line)
            bio_note = _(
                "Bio di akhir tulisan tetap di isi tulisan, karena tidak bisa "
                "disimpan di profil penulisnya. Hapus atau pindahkan bila perlu."
            )
    body = _without(page.body, tail, removed)
    if not len(body):
        return  # nothing but the ending: it is the text, not its end

    if fill_bio:
        latest = writer.get_latest_revision_as_object()
        latest.short_bio = bio
        # A revision, not a published change: an editor publishes her profile.
        latest.save_revision(user=user)
    order = max(
        (c.sort_order for c in page.credits.all() if c.sort_order is not None),
        default=-1,
    )
    read = []
    for credit, person in planned:
        role = ArticleCredit.Role(credit.role).label.lower()
        if person is None:
            short_bio = new_bio if _key(credit.name) == _key(ending.writer_name) else ""
            person = add_new_person(credit.name, user, short_bio=short_bio)
            read.append(
                _("%(name)s (%(role)s, orang baru)") % {"name": person, "role": role}
            )
        else:
            read.append(_("%(name)s (%(role)s)") % {"name": person, "role": role})
        order += 1
        page.credits.add(
            ArticleCredit(contributor=person, role=credit.role, sort_order=order)
        )
    page.body = body
    text = _(
        "Kredit dibaca dari akhir tulisan: %(credits)s. Periksa di tab Kredit."
    ) % {"credits": join_names(read)}
    messages.info(request, f"{text} {bio_note}".strip())


# --- Which saves -------------------------------------------------------------------


def _is_full_editor_save(request):
    if request is None or request.method != "POST":
        return False
    # Wagtail's own test for its autosave: it asks for JSON, a form submit for HTML.
    if not request.accepts("text/html"):
        return False
    match = request.resolver_match
    return (
        match is not None
        and match.url_name in EDITOR_VIEWS
        and "wagtailadmin_pages" in match.namespaces
    )


# --- Who is meant ------------------------------------------------------------------


def _key(name):
    return normalise_name(name).lower()


def _credited_as(name, people, user):
    """The credited person this name means (public name, pen name or slug; the real
    name behind a pen name only for an editor, as `find_same_person` finds), or None."""
    key = _key(name)
    if not key:
        return None
    for person in people:
        if person.use_pen_name_only and person.pen_name and not _is_editor(user):
            names = {person.pen_name}
        else:
            names = {person.title, person.pen_name, person.slug}
        if any(known and _key(known) == key for known in names):
            return person
    return None


def _is_editor(user):
    return user.is_superuser or user.has_perm("wagtailcore.publish_page")


def _own_profile(user, credit):
    """Her profile, when the writer she signed as is her (her first name will do)."""
    profile = getattr(user, "contributor_profile", None)
    if profile is None or credit.role != ArticleCredit.Role.WRITER:
        return None
    typed = _key(credit.name)
    own = [_key(name) for name in sender_names(user)]
    if typed and any(name == typed or name.startswith(typed + " ") for name in own):
        return profile
    return None


def _may_fill(user, person):
    """Her own profile, one she added, or anyone's for an editor."""
    return person.user_id == user.pk or person.owner_id == user.pk or _is_editor(user)


# --- The body's end as lines, and the body without some of them -----------------------


def _tail(body):
    """[(Line, (block index, node index))] for the text blocks that end the body."""
    found = []
    for index in range(len(body) - 1, -1, -1):
        child = body[index]
        if child.block_type == "heading":
            text = child.value.get("text") or ""
            level = "h3" if child.value.get("level") == "h3" else "h2"
            found[:0] = [(Line(level, escape(text), text), (index, None))]
        elif child.block_type == "paragraph":
            soup = BeautifulSoup(child.value.source, "html.parser")
            lines = []
            for position, node in enumerate(soup.contents):
                html = f"<p>{node}</p>" if isinstance(node, NavigableString) else node
                lines += [(line, (index, position)) for line in html_lines(str(html))]
            found[:0] = lines
        else:
            break
        if len(found) >= TAIL_LINES:
            break
    return found[-TAIL_LINES:]


def _without(body, tail, removed):
    """`body` without the tail's lines at the indexes in `removed`."""
    gone = {}  # (block, node) -> for each of its lines, whether it goes
    for position, (_line, where) in enumerate(tail):
        gone.setdefault(where, []).append(position in removed)
    touched = {block for (block, _node), flags in gone.items() if any(flags)}
    children = []
    for index, child in enumerate(body):
        if index not in touched:
            children.append((child.block_type, child.value, child.id))
            continue
        if child.block_type == "heading":
            continue  # its one line is part of the ending
        soup = BeautifulSoup(child.value.source, "html.parser")
        kept = []
        for position, node in enumerate(soup.contents):
            flags = gone.get((index, position))
            if not flags or not any(flags):
                kept.append(str(node))
            elif not all(flags):
                kept.append(_partly(node, tail, index, position, removed))
        html = "".join(kept)
        if BeautifulSoup(html, "html.parser").get_text().strip():
            children.append(("paragraph", RichText(html), child.id))
    return StreamValue(body.stream_block, children)


def _partly(node, tail, block, position, removed):
    """A paragraph or list some of whose lines go: the others, as lines of it."""
    lines = [
        line
        for number, (line, where) in enumerate(tail)
        if where == (block, position) and number not in removed
    ]
    if getattr(node, "name", None) in ("ul", "ol"):
        items = "".join(f"<li>{line.html}</li>" for line in lines)
        return f"<{node.name}>{items}</{node.name}>"
    return "<p>" + "<br/>".join(line.html for line in lines) + "</p>"


def _bio_line(tail, ending):
    """The index (in `tail`) of the line that holds the writer's bio, or None."""
    if not ending.writer_bio:
        return None
    for index in ending.lines:
        if tail[index][0].text == ending.writer_bio:
            return index
    return None
