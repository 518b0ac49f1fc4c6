"""How people end a post: credit lines, the writer's name and her bio.

Pure, no database; importer.parsing calls `take_ending` on the lines of any source.
The forms come from the community's own posts and what people type in WhatsApp:

    Ilustrator: Ans                Ans.                    — Ratna Sari
    Ilustrator : Ans               *Ratna Sari*            Oleh: Ratna Sari
    Illustrator: Ans               **Ratna Sari**          Ditulis oleh Ratna Sari
    Ilustrasi oleh Ans             Ratna Sari.             ✍️ Ratna Sari 🌸
    Illustration by Ans            Penulis: Ratna Sari     Tentang penulis

in any order at the end: credit lines before or after the writer's block, her bio
before or after her name. A short line before a paragraph also ends many articles
(a last heading and its section), so a name line is only taken as hers when
something says so: a mark only a signature has (a dash, "Oleh", bold, the sender's
own name), credit lines beside it, or a bio that names her.
"""

import re
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from blog.models import ArticleCredit
from blog.text_structure import NUMBERED_LINE, plain
from contributors.identity import normalise_name

Role = ArticleCredit.Role

MAX_NAME_CHARS = 60
MAX_NAME_WORDS = 6
MIN_BIO_CHARS = 30
MAX_BIO_CHARS = 1500
# The most lines an ending spans: a few credits, a label, a name and a bio.
MAX_ENDING_LINES = 10

ROLE_WORDS = {
    "penulis": Role.WRITER,
    "penulisan": Role.WRITER,
    "tulisan": Role.WRITER,
    "ditulis": Role.WRITER,
    "writer": Role.WRITER,
    "written": Role.WRITER,
    "author": Role.WRITER,
    "words": Role.WRITER,
    "kontributor": Role.WRITER,
    "ilustrator": Role.ILLUSTRATOR,
    "illustrator": Role.ILLUSTRATOR,
    "ilustrasi": Role.ILLUSTRATOR,
    "illustration": Role.ILLUSTRATOR,
    "illustrations": Role.ILLUSTRATOR,
    "illustrated": Role.ILLUSTRATOR,
    "gambar": Role.ILLUSTRATOR,
    "foto": Role.PHOTOGRAPHER,
    "fotografer": Role.PHOTOGRAPHER,
    "photographer": Role.PHOTOGRAPHER,
    "photo": Role.PHOTOGRAPHER,
    "photos": Role.PHOTOGRAPHER,
    "penerjemah": Role.TRANSLATOR,
    "diterjemahkan": Role.TRANSLATOR,
    "alih bahasa": Role.TRANSLATOR,
    "translator": Role.TRANSLATOR,
    "translated": Role.TRANSLATOR,
    "penyunting": Role.EDITOR,
    "disunting": Role.EDITOR,
    "editor": Role.EDITOR,
    "edited": Role.EDITOR,
}
_ROLES = "|".join(sorted((re.escape(w) for w in ROLE_WORDS), key=len, reverse=True))
# "Ilustrator: Ans", "Ilustrator : Ans", "Ilustrasi oleh Ans", "Illustration by Ans",
# "Ditulis oleh: Ans", and with no role word, "Oleh Ans" / "By Ans" (the writer).
CREDIT_LINE = re.compile(
    rf"^(?:(?P<role>{_ROLES})\s*(?::|\s(?:oleh|by)\b\s*:?)"
    rf"|(?P<by>oleh|by)\b\s*:?)\s*(?P<names>\S.*)$",
    re.IGNORECASE,
)
NAME_SEPARATORS = re.compile(r"\s*(?:,|&|/|\+|\bdan\b|\band\b)\s*", re.IGNORECASE)
# A signature's own mark: "— Ratna", "– Ratna", "~Ratna", "-- Ratna".
SIGNATURE_DASH = re.compile(r"^(?:[—–~]|-{1,2})\s*(?P<name>\S.*)$")
# "Tentang penulis", "Profil penulis:", "About the author": a label, never text.
ABOUT_LABEL = re.compile(
    r"^(?:tentang|profil|biodata|bio|sekilas|mengenal)\s+(?:sang\s+)?"
    r"(?:penulis|kontributor)|^about\s+(?:the\s+)?(?:author|writer)$",
    re.IGNORECASE,
)
# Words a name may hold in lower case: "Siti binti Ahmad", "Ratna van Dijk".
NAME_PARTICLES = {"bin", "binti", "van", "von", "der", "den", "de", "da", "al", "el"}
# How posts end that is not a name: "Salam Hangat", "Terima Kasih.", "Sekian".
CLOSINGS = {
    "salam",
    "salam hangat",
    "salam sayang",
    "salam sehat",
    "salam hormat",
    "terima kasih",
    "sekian",
    "semoga bermanfaat",
    "tamat",
    "selesai",
    "bersambung",
    "wassalam",
    "penutup",
    "kesimpulan",
    "the end",
    "thank you",
    "catatan",
    "referensi",
    "sumber",
    "daftar pustaka",
}
# "Foto: dok. pribadi", "Ilustrasi: Canva": where a picture came from, not a person.
NOT_PEOPLE = {
    "ai",
    "canva",
    "chatgpt",
    "dok pribadi",
    "dok. pribadi",
    "dokumentasi",
    "dokumentasi pribadi",
    "freepik",
    "google",
    "internet",
    "istimewa",
    "istock",
    "midjourney",
    "pexels",
    "pixabay",
    "pribadi",
    "shutterstock",
    "unsplash",
}
# How a bio about her opens when it does not name her.
BIO_OPENING = re.compile(
    r"^(?:ia|dia|beliau|penulis|sang penulis|she|he)\b", re.IGNORECASE
)
# "#ibutunggal #serambi": stays in the text, never stops the ending.
HASHTAG_LINE = re.compile(r"^(?:#\w+[\s,.]*)+$")
# An Instagram handle or a note after a name: "Ans (IG: @ans.gambar)".
NAME_NOTE = re.compile(r"\s*[\(\[][^)\]]*[\)\]]\s*$")


# The names the person sending the text is known by (Kirim tulisan sets them).
_sender_names = ContextVar("sender_names", default=())


@contextmanager
def sent_by(*names):
    """While parsing her text, a line with one of her names is her signature."""
    token = _sender_names.set(tuple(name for name in names if name))
    try:
        yield
    finally:
        _sender_names.reset(token)


@dataclass
class Credit:
    role: str
    name: str


@dataclass
class Ending:
    """What the end of a post said about its people.

    `lines`: the indexes of the lines it was said in, which leave the body; lines
    among them that are not about people (hashtags, "Foto: dok. pribadi") stay.
    """

    lines: list
    credits: list
    writer_name: str = ""
    writer_bio: str = ""


def undecorated(text):
    """The text without emoji, symbols and WhatsApp marks around it."""
    text = plain(text)
    start, end = 0, len(text)
    while start < end and _decoration(text[start]):
        start += 1
    while end > start and _decoration(text[end - 1]):
        end -= 1
    return plain(text[start:end])


def _decoration(char):
    if char in "*_~`|•·▪►»«\"“”'‘’":
        return True
    category = unicodedata.category(char)
    # Symbols (emoji among them), spaces, joiners and variation selectors.
    return category[0] in "SZ" or category in ("Cf", "Mn", "Co")


def clean_name(name):
    """A name as she would want it on her profile: no marks, note or final stop."""
    name = NAME_NOTE.sub("", undecorated(name))
    return normalise_name(undecorated(name))


def credit_line(text):
    """[Credit] when the line is a credit line ("Ilustrator: Ans"), else None."""
    match = CREDIT_LINE.match(undecorated(text).lstrip("—–-~ "))
    if not match:
        return None
    role = ROLE_WORDS[match["role"].lower()] if match["role"] else Role.WRITER
    names = [clean_name(name) for name in NAME_SEPARATORS.split(match["names"])]
    names = [name for name in names if name]
    if match["by"] and not all(_name_shaped(name) for name in names):
        return None  # "Oleh karena itu, …" is a sentence
    if any(name.lower() in NOT_PEOPLE for name in names):
        return None  # a picture's source, which stays in the text
    if len(names) > 1 and not all(_name_shaped(name) for name in names[1:]):
        # "Ditulis oleh: Ratna Sari, ibu dua anak": a name, then words about her.
        names = names[:1]
    if not names or any(
        len(name) > MAX_NAME_CHARS or len(name.split()) > MAX_NAME_WORDS
        for name in names
    ):
        return None
    return [Credit(role=role, name=name) for name in names]


def _name_shaped(name, *, capitals=True):
    words = name.split()
    if not (0 < len(name) <= MAX_NAME_CHARS and 1 <= len(words) <= MAX_NAME_WORDS):
        return False
    if name.lower() in CLOSINGS or any(char.isdigit() for char in name):
        return False
    if any(char in name for char in ":;!?,"):
        return False
    for word in words:
        if word.lower() in NAME_PARTICLES:
            continue
        first = word.lstrip("'\"(")[:1]
        if not first or not (first.isupper() or first == "@" or not capitals):
            return False
    return True


@dataclass
class _Piece:
    """One line of a possible ending: "credit", "name", "bio" or "label"."""

    kind: str
    index: int
    credits: list = None
    name: str = ""
    bio: str = ""
    signed: bool = False  # a mark only a signature carries ("—", her own name)
    marked: bool = False  # bold, emoji, a dash of a list: a signature or a heading
    lowercase: bool = False  # "bunda senja": a name only with a bio that names her


def _classify(line, previous, hints, wanted):
    """The line as a piece of an ending, or None; `wanted` are the kinds still open."""
    if line.kind not in ("p", "h2", "h3", "ul"):
        return None
    text = line.text
    bare = undecorated(text)
    if not bare:
        return None
    found = credit_line(text)
    if found is not None and line.kind in ("p", "ul"):
        return _Piece("credit", 0, credits=found)
    if HASHTAG_LINE.match(bare) or _is_source_line(bare):
        return _Piece("keep", 0)
    if "label" in wanted and ABOUT_LABEL.match(bare.rstrip(":")):
        return _Piece("label", 0)
    if "name" in wanted:
        # A list's last item after items of another kind or depth is still the list's.
        lone_item = line.kind == "ul" and (
            previous is None or previous.kind not in ("ul", "ol")
        )
        dash = SIGNATURE_DASH.match(bare)
        name = clean_name(dash["name"] if dash else bare)
        if (
            (line.kind != "ul" or lone_item)
            and not NUMBERED_LINE.match(bare)
            and _name_shaped(name, capitals=False)
        ):
            signed = bool(
                dash
                or (previous is not None and _is_closing(previous.text))
                or _is_hinted(name, hints)
            )
            marked = bool(
                lone_item
                or line.bold_only
                or bare != plain(text)  # emoji or marks around it
            )
            return _Piece(
                "name",
                0,
                name=name,
                signed=signed,
                marked=marked,
                lowercase=not _name_shaped(name),
            )
    if (
        "bio" in wanted
        and line.kind == "p"
        and MIN_BIO_CHARS <= len(text) <= MAX_BIO_CHARS
        and not NUMBERED_LINE.match(text)
    ):
        return _Piece("bio", 0, bio=text)
    return None


def _is_source_line(text):
    """ "Foto: dok. pribadi", "Ilustrasi: Canva": a credit line that names no one."""
    match = CREDIT_LINE.match(text)
    return bool(
        match and match["role"] and clean_name(match["names"]).lower() in NOT_PEOPLE
    )


def _is_closing(text):
    """ "Salam hangat," "Peluk dari jauh," on the line before a signature."""
    bare = undecorated(text).lower()
    return bare.endswith(",") and (
        bare.rstrip(",").strip() in CLOSINGS or bare.startswith(("salam", "peluk"))
    )


def _is_hinted(name, hints):
    """Her name, or the first of her names ("Ratna." for Ratna Sari)."""
    key = normalise_name(name).lower()
    for hint in hints:
        known = normalise_name(hint).lower()
        if known and (known == key or known.startswith(key + " ")):
            return True
    return False


def _mentions(bio, name):
    words = re.findall(r"\w+", bio.lower())
    first = re.findall(r"\w+", name.lower())
    return bool(first) and (
        first[0] in words[:15] or " ".join(first) in " ".join(words)
    )


def take_ending(lines, hints=None):
    """The ending of `lines` (a list of parsing.Line), or None; nothing is removed.

    `hints`: names the sender is known by (her profile), which mark a name line as
    a signature even with no other sign; by default those given to `sent_by`.
    """
    if hints is None:
        hints = _sender_names.get()
    pieces = []
    wanted = {"name", "bio", "label"}
    index = len(lines) - 1
    while index >= 0 and len(pieces) < MAX_ENDING_LINES:
        previous = lines[index - 1] if index else None
        piece = _classify(lines[index], previous, hints, wanted)
        if piece is None:
            break
        piece.index = index
        pieces.append(piece)
        wanted.discard(piece.kind)
        index -= 1
    pieces.reverse()
    # Lines kept in the text are no part of what vouches for what.
    pieces = [piece for piece in pieces if piece.kind != "keep"]
    # Drop from the front whatever the rest does not vouch for, until all is vouched.
    while pieces:
        weak = _first_unvouched(pieces)
        if weak is None:
            break
        pieces = pieces[weak + 1 :]
    if not pieces:
        return None
    credits = [c for piece in pieces if piece.kind == "credit" for c in piece.credits]
    ending = Ending(lines=[piece.index for piece in pieces], credits=credits)
    name = next((p for p in pieces if p.kind == "name"), None)
    bio = next((p for p in pieces if p.kind == "bio"), None)
    writers = [c.name for c in credits if c.role == Role.WRITER]
    if name is not None:
        ending.writer_name = name.name
        if not any(_same(name.name, writer) for writer in writers):
            credits.insert(0, Credit(role=Role.WRITER, name=name.name))
    elif writers:
        ending.writer_name = writers[0]
    if bio is not None:
        ending.writer_bio = bio.bio
    return ending


def _same(one, other):
    return normalise_name(one).lower() == normalise_name(other).lower()


def _first_unvouched(pieces):
    """The index of the last piece nothing vouches for, or None when all are."""
    has_label = any(p.kind == "label" for p in pieces)
    name = next((p for p in pieces if p.kind == "name"), None)
    writers = [
        c.name
        for p in pieces
        if p.kind == "credit"
        for c in p.credits
        if c.role == Role.WRITER
    ]
    bad = None
    for position, piece in enumerate(pieces):
        neighbours = [
            pieces[i] for i in (position - 1, position + 1) if 0 <= i < len(pieces)
        ]
        about_her = any(
            n.kind == "bio"
            and (_mentions(n.bio, piece.name) or BIO_OPENING.match(n.bio))
            for n in neighbours
        )
        if piece.kind == "name" and piece.lowercase:
            # Typed in lower case, a short line is a name only when said to be.
            vouched = piece.signed or (
                about_her and any(n.kind == "credit" for n in neighbours)
            )
        elif piece.kind == "name":
            # A bold or decorated short line followed by a paragraph is as often a
            # last heading: such a mark signs only the very last line.
            vouched = (
                piece.signed
                or (piece.marked and position == len(pieces) - 1)
                or any(n.kind == "credit" for n in neighbours)
                or any(_same(piece.name, writer) for writer in writers)
                or has_label
                or about_her
            )
        elif piece.kind == "bio":
            # Her name, then a paragraph: the community's own layout. Anywhere else
            # a paragraph is hers only when it is about her.
            after_name = position > 0 and pieces[position - 1].kind == "name"
            writer = name.name if name is not None else (writers or [""])[0]
            vouched = bool(writer) and (
                after_name
                or has_label
                or _mentions(piece.bio, writer)
                or BIO_OPENING.match(piece.bio) is not None
            )
        else:
            vouched = True
        if not vouched:
            bad = position
    return bad
