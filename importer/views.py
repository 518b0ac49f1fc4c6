""" "Kirim tulisan": paste or upload a text, see how Serambi understood it, save a draft.

Nothing is saved until she confirms. Her text travels with the form (a hidden field);
an uploaded file waits server-side in the database (PendingUpload) under a random
token that only her account may use, and is dropped once the draft exists or after
an hour.
"""

import logging
import secrets
from datetime import timedelta

from django.core.exceptions import RequestDataTooBig
from django.db import transaction
from django.http import HttpResponseForbidden
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from wagtail.admin import messages
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from blog.blocks import PARAGRAPH_FEATURES, ArticleBodyBlock
from blog.models import ArticleCredit, ArticlePage, BlogIndexPage
from contributors.identity import normalise_name
from editorial.permissions import is_editor
from editorial.privacy import may_see_private

from .endings import sent_by
from .forms import MAX_CREDITS, TOO_BIG, ConfirmForm, CreditFormSet, SourceForm
from .models import PendingUpload
from .parsing import (
    ParsedCredit,
    UnreadableText,
    parse_text,
    parse_upload,
    proposed_title_warning,
)
from .saving import ImportRun, find_contributor, save_article

logger = logging.getLogger(__name__)

UPLOAD_SECONDS = 60 * 60
# A body larger than the biggest file we take, with room for the form around it.
MAX_REQUEST_BYTES = 6 * 1024 * 1024


# --- Who may ---------------------------------------------------------------------


def blog_index_for(user):
    """The blog index, when `user` may add an article under it as the admin checks."""
    index = BlogIndexPage.objects.first()
    if (
        index is None
        or not ArticlePage.can_create_at(index)
        or not index.permissions_for_user(user).can_add_subpage()
    ):
        return None
    return index


def may_submit_text(user):
    return user.is_authenticated and blog_index_for(user) is not None


# --- The uploaded file between steps -----------------------------------------------


def keep_upload(request, filename, data):
    now = timezone.now()
    # Uploads never saved (she left after the preview) go with the next one.
    PendingUpload.objects.filter(expires_at__lt=now).delete()
    token = secrets.token_urlsafe(24)
    PendingUpload.objects.create(
        token=token,
        user=request.user,
        filename=filename[:255],
        data=data,
        expires_at=now + timedelta(seconds=UPLOAD_SECONDS),
    )
    return token


def kept_upload(request, token):
    """(filename, bytes) of an upload she made, or None once expired or not hers."""
    if not token:
        return None
    kept = (
        PendingUpload.objects.filter(
            token=token, user=request.user, expires_at__gt=timezone.now()
        )
        .values_list("filename", "data")
        .first()
    )
    return (kept[0], bytes(kept[1])) if kept else None


def drop_upload(request, token):
    PendingUpload.objects.filter(token=token, user=request.user).delete()


# --- Whose text it is ------------------------------------------------------------

Role = ArticleCredit.Role


def profile_of(user):
    return getattr(user, "contributor_profile", None) if user else None


def sender_names(user):
    """The names she is known by: a line with one of them at the end signs her text."""
    profile = profile_of(user)
    if profile is None:
        return ()
    return tuple(name for name in (profile.title, profile.pen_name) if name)


def writer_name_for(user):
    """The name her writer credit goes under: her profile's public name."""
    profile = profile_of(user)
    return profile.public_name if profile is not None else ""


def initial_credits(request, parsed):
    """The credit rows the preview starts with.

    When she sent it, she is its writer unless the text names someone else; a
    signature with only her first name ("Ratna.") means her whole profile name.
    """
    rows = [{"role": c.role, "name": c.name} for c in parsed.credits]
    mine = writer_name_for(request.user)
    if not mine:
        return rows
    own = [normalise_name(name).lower() for name in sender_names(request.user)]
    for row in rows:
        typed = normalise_name(row["name"]).lower()
        if (
            row["role"] == Role.WRITER
            and typed
            and any(name == typed or name.startswith(typed + " ") for name in own)
        ):
            row["name"] = mine
    if not any(row["role"] == Role.WRITER for row in rows):
        rows.insert(0, {"role": Role.WRITER, "name": mine})
    return rows


# --- What Serambi understood ------------------------------------------------------


def _clean_html(html):
    # The parser sanitises; the preview cleans again, as the editor would on save.
    return mark_safe(  # noqa: S308  (whitelisted by Wagtail's rich text rules)
        EditorHTMLConverter(features=PARAGRAPH_FEATURES).to_database_format(html)
    )


def _image_name(value, images):
    index = (value or {}).get("image_index")
    if isinstance(index, int) and 0 <= index < len(images):
        return images[index].filename
    return (value or {}).get("caption") or ""


def preview_blocks(parsed):
    """The body as (kind, content, number) for the preview: heading, html, image,
    other; `number` is a section heading's number when her sections are numbered."""
    blocks = []
    sections = 0
    for block in parsed.body:
        kind, value = block.get("type"), block.get("value")
        if kind == "heading":
            number = None
            if parsed.ordered_sections and value.get("level") != "h3":
                sections += 1
                number = sections
            blocks.append(("heading", value.get("text", ""), number))
        elif kind == "paragraph":
            blocks.append(("html", _clean_html(value), None))
        elif kind == "image":
            blocks.append(("image", _image_name(value, parsed.images), None))
        elif kind in ("table", "preformatted"):
            # Shown as the article will show them (the block's own template).
            block = ArticleBodyBlock.base_blocks[kind]
            blocks.append(("html", block.render(block.to_python(value)), None))
        else:
            blocks.append(("other", kind, None))
    return blocks


def structure_counts(body):
    counts = {"sections": 0, "paragraphs": 0, "lists": 0}
    for block in body:
        if block.get("type") == "heading":
            counts["sections"] += 1
        elif block.get("type") == "paragraph":
            html = block.get("value") or ""
            lists = html.count("<ul") + html.count("<ol")
            counts["lists"] += lists
            counts["paragraphs"] += max(html.count("<p"), 0 if lists else 1)
    return counts


# A name that reaches a pen-name-only profile by its real name, for someone who may
# not connect the two: neither "already here" (which would name the pen name) nor "new".
HIDDEN = "hidden"


def match_for(request, name):
    """The profile `name` matches, as far as the viewer may know it (or HIDDEN)."""
    profile = find_contributor(name or "")
    if profile is None or not (profile.use_pen_name_only and profile.pen_name):
        return profile
    if normalise_name(name).lower() == profile.pen_name.lower():
        return profile
    return profile if may_see_private(request, profile) else HIDDEN


def credit_rows(request, formset):
    """Each credit form with the profile its name matches, None ("baru") or HIDDEN."""
    rows = []
    for form in formset:
        name = form["name"].value() or ""
        rows.append((form, match_for(request, name) if name.strip() else None))
    return rows


def bio_plan(request, parsed):
    """What saving does with the writer's bio: fills an empty profile, or a suggestion."""
    if not parsed.writer_bio:
        return None
    profile = match_for(request, parsed.writer_name)
    if profile == HIDDEN:
        return {"state": "editors"}
    if profile is None:
        return {"state": "new", "name": parsed.writer_name}
    if profile.get_latest_revision_as_object().short_bio.strip():
        return {"state": "suggestion", "profile": profile}
    return {"state": "fills", "profile": profile}


# --- The view --------------------------------------------------------------------


def _check_csrf(request):
    return CsrfViewMiddleware(lambda r: None).process_view(
        request, submit_text_checked, (), {}
    )


@csrf_exempt
def submit_text(request):
    """Read the body before CSRF does, so a paste too large is a 413 in Indonesian.

    Django refuses a form body over DATA_UPLOAD_MAX_MEMORY_SIZE with a bare 400
    while the CSRF middleware reads the token; here the size is checked first, and
    the CSRF check runs right after, exactly as the middleware would have.
    """
    index = blog_index_for(request.user)
    if index is None:
        # Wagtail would turn PermissionDenied into a redirect home; say no plainly.
        return HttpResponseForbidden(
            _("Anda tidak punya izin untuk mengirim tulisan."),
            content_type="text/plain; charset=utf-8",
        )
    if request.method == "POST":
        too_big = int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REQUEST_BYTES
        if not too_big:
            try:
                request.POST  # noqa: B018  (parses the body, which may be too big)
            except RequestDataTooBig:
                too_big = True
        if too_big:
            return render_source(request, SourceForm(), errors=[TOO_BIG], status=413)
        if refused := _check_csrf(request):
            return refused
    return submit_text_checked(request, index)


def submit_text_checked(request, index=None):
    if request.method != "POST":
        return render_source(request, SourceForm())
    if "action-edit" in request.POST:
        return render_source(
            request, SourceForm(initial={"text": request.POST.get("text", "")})
        )
    if request.POST.get("step") == "save":
        if "action-add-credit" in request.POST:
            return add_credit_row(request)
        return save(request, index)
    return preview(request)


def render_source(request, form, errors=(), status=None):
    if status is None:
        status = 200
        if form.errors:
            codes = {e.code for found in form.errors.as_data().values() for e in found}
            status = 413 if "too_big" in codes else 400
    return TemplateResponse(
        request,
        "importer/submit_text.html",
        {
            "form": form,
            # Every error at the top as well, where a phone's screen begins.
            "errors": [
                *errors,
                *(e for field_errors in form.errors.values() for e in field_errors),
            ],
            "page_title": _("Kirim tulisan"),
            "header_title": _("Kirim tulisan"),
            "header_icon": "doc-full",
        },
        status=status,
    )


def understand(parse, *args):
    """Run a parser: a fault of ours is a 400 that keeps her text, never a 500."""
    try:
        return parse(*args)
    except UnreadableText:
        raise
    except Exception as error:  # any parser bug: her text must not be lost
        logger.exception("Kirim tulisan: the parser failed on a %s", parse.__name__)
        raise UnreadableText(
            _(
                "Maaf, Serambi belum bisa membaca tulisan ini. Tulisan Anda tidak "
                "hilang: coba simpan sebagai .txt atau .docx lalu kirim lagi, atau "
                "kirimkan ke redaksi."
            )
        ) from error


def _parse_source(request, form):
    """(parsed, source) from step 1's form; raises UnreadableText."""
    upload = form.cleaned_data.get("upload")
    with sent_by(*sender_names(request.user)):
        if upload:
            data = upload.read()
            parsed = understand(parse_upload, upload.name, data)
            return parsed, {"upload_token": keep_upload(request, upload.name, data)}
        text = form.cleaned_data["text"]
        return understand(parse_text, text), {"text": text}


def _reparse(request, data):
    """The same text again at step 3: from the hidden field or the kept upload."""
    token = data.get("upload_token")
    with sent_by(*sender_names(request.user)):
        if token:
            kept = kept_upload(request, token)
            if kept is None:
                raise UnreadableText(
                    _(
                        "Berkas yang Anda unggah sudah tidak tersimpan (lebih dari "
                        "satu jam). Unggah sekali lagi."
                    )
                )
            return understand(parse_upload, *kept)
        return understand(parse_text, data.get("text", ""))


def _reparse_or_start_again(request):
    """(parsed, None) for the text posted again; (None, the answer) when it cannot be
    read any more: step 1 with her text and why, so that nothing she wrote is lost."""
    data = request.POST
    try:
        return _reparse(request, data), None
    except UnreadableText as error:
        form = SourceForm(initial={"text": data.get("text", "")})
        return None, render_source(request, form, errors=[str(error)], status=400)


def preview(request):
    form = SourceForm(request.POST, request.FILES)
    if not form.is_valid():
        return render_source(request, form)
    try:
        parsed, source = _parse_source(request, form)
    except UnreadableText as error:
        form.add_error(None, str(error))
        return render_source(request, form, status=400)
    confirm = ConfirmForm(
        initial={
            **source,
            "title": "" if parsed.title_proposed else parsed.title,
            "owner": _owner_for(parsed) if is_editor(request.user) else None,
        },
        images=parsed.images,
        on_behalf=is_editor(request.user),
    )
    if is_editor(request.user):
        # An editor sends others' texts: the writer is whom the text names, else
        # the draft's owner when she saves.
        rows = [{"role": c.role, "name": c.name} for c in parsed.credits]
    else:
        rows = initial_credits(request, parsed)
    credits = CreditFormSet(prefix="credits", initial=rows)
    return render_preview(request, parsed, confirm, credits)


def posted_credit_rows(data):
    """The credit rows as posted, without those she marked "Hapus"."""
    try:
        total = min(int(data.get("credits-TOTAL_FORMS", 0)), MAX_CREDITS)
    except ValueError:
        total = 0
    rows = []
    for index in range(max(total, 0)):
        if data.get(f"credits-{index}-DELETE"):
            continue
        rows.append(
            {
                "role": data.get(f"credits-{index}-role", Role.WRITER),
                "name": data.get(f"credits-{index}-name", ""),
            }
        )
    return rows


def add_credit_row(request):
    """ "Tambah kredit" without JavaScript: the same preview, one more empty row."""
    data = request.POST
    parsed, refused = _reparse_or_start_again(request)
    if refused is not None:
        return refused
    fields = ("text", "upload_token", "title", "owner")
    initial = {name: data[name] for name in fields if name in data}
    initial.update(
        {
            f"alt_{index}": data[f"alt_{index}"]
            for index in range(len(parsed.images))
            if f"alt_{index}" in data
        }
    )
    confirm = ConfirmForm(
        initial=initial, images=parsed.images, on_behalf=is_editor(request.user)
    )
    rows = posted_credit_rows(data)[: MAX_CREDITS - 1]
    credits = CreditFormSet(prefix="credits", initial=rows)
    return render_preview(request, parsed, confirm, credits)


def _owner_for(parsed):
    for credit in parsed.credits:
        if credit.role == ArticleCredit.Role.WRITER:
            profile = find_contributor(credit.name)
            if profile is not None and profile.user_id:
                return profile.user_id
    return None


def render_preview(request, parsed, confirm, credits, status=200):
    # The title field says it once: no "taken from the first sentence" above an
    # empty title that asks her to write one.
    warnings = [w for w in parsed.warnings if w != proposed_title_warning()]
    return TemplateResponse(
        request,
        "importer/preview.html",
        {
            "parsed": parsed,
            "warnings": warnings,
            "form": confirm,
            "credits": credits,
            "credit_rows": credit_rows(request, credits),
            "blocks": preview_blocks(parsed),
            "counts": structure_counts(parsed.body),
            "bio": bio_plan(request, parsed),
            "hidden": HIDDEN,
            "page_title": _("Periksa tulisan Anda"),
            "header_title": _("Periksa tulisan Anda"),
            "header_icon": "doc-full",
        },
        status=status,
    )


def save(request, index):
    data = request.POST
    parsed, refused = _reparse_or_start_again(request)
    if refused is not None:
        return refused
    on_behalf = is_editor(request.user)
    confirm = ConfirmForm(data, images=parsed.images, on_behalf=on_behalf)
    credits = CreditFormSet(data, prefix="credits")
    if not (confirm.is_valid() and credits.is_valid()):
        return render_preview(request, parsed, confirm, credits, status=400)
    owner = (confirm.cleaned_data.get("owner") if on_behalf else None) or request.user
    chosen_credits = [
        ParsedCredit(role=form.cleaned_data["role"], name=form.cleaned_data["name"])
        for form in credits
        if form.cleaned_data.get("name", "").strip()
        and not form.cleaned_data.get("DELETE")
    ]
    if not any(c.role == Role.WRITER for c in chosen_credits):
        # She sent it: she is its writer unless the rows name someone else.
        mine = writer_name_for(owner)
        if not mine:
            confirm.add_error(
                None,
                _(
                    "Tulisan ini belum punya penulis. Tambahkan baris kredit "
                    "“Penulis” dengan namanya."
                ),
            )
            return render_preview(request, parsed, confirm, credits, status=400)
        chosen_credits.insert(0, ParsedCredit(role=Role.WRITER, name=mine))
    submit = "action-submit" in data
    try:
        with transaction.atomic():
            page = save_article(
                parsed,
                owner=owner,
                parent=index,
                title=confirm.cleaned_data["title"],
                credits=chosen_credits,
                image_alt_texts=confirm.alt_texts(),
                run=ImportRun(through_real_names=is_editor(request.user)),
            ).page
            if submit:
                # As the page editor's "submit" does (wagtail.admin.views.pages.edit).
                page.get_workflow().start(page, request.user)
    except UnreadableText as error:
        confirm.add_error(None, str(error))
        return render_preview(request, parsed, confirm, credits, status=400)
    if data.get("upload_token"):
        drop_upload(request, data["upload_token"])
    title = page.get_admin_display_title()
    if submit:
        messages.success(
            request,
            _("“%(title)s” disimpan dan dikirim ke redaksi untuk ditinjau.")
            % {"title": title},
        )
        if not on_behalf:
            return redirect("wagtailadmin_home")
    else:
        messages.success(
            request,
            _("“%(title)s” disimpan sebagai draf. Anda bisa melanjutkannya di sini.")
            % {"title": title},
        )
    return redirect("wagtailadmin_pages:edit", page.pk)
