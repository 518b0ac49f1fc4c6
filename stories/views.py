"""Receiving a story: the one public POST of the site, refused cheaply when abusive.

The form works without a cookie. Django's CSRF protection needs one (the csrftoken
cookie), and a page that sets a cookie can no longer come from the page cache, nor
keep the promise that readers get no cookie. CSRF protects a logged-in person from
a forged request that acts with her session; this form acts for no session (the
view never reads one, and a story sent through it is the same whoever sends it), so
a forged POST can do nothing a direct POST could not. What it must resist is volume,
and that is checked here, in order of cost: the size of the body, a limit per
address per hour (caching.limits, the address hashed, in the cache for the
window only), the honeypot, the signed time trap; only then are the text, file and
picture read, with Kirim tulisan's own rules, and the story saved whole or not at all.
"""

import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from caching.limits import over_address_limit, over_site_limit
from importer.parsing import UnreadableText, parse_text, parse_upload
from importer.views import understand

from .forms import StoryForm, seconds_since
from .models import StoryFormPage, StorySubmission
from .notifications import notify_editors_of

logger = logging.getLogger(__name__)

RATE_KEY_PREFIX = "serambi:story-rate"
SITE_RATE_KEY_PREFIX = "serambi:stories-site-wide"
RATE_WINDOW_SECONDS = 60 * 60
# The largest file (5 MB) and the largest picture (5 MB), with room for the rest.
MAX_REQUEST_BYTES = 11 * 1024 * 1024


def limit_per_hour():
    return getattr(settings, "STORY_SUBMISSIONS_PER_HOUR", 5)


def site_limit_per_hour():
    return getattr(settings, "STORY_SUBMISSIONS_SITE_PER_HOUR", 30)


def min_seconds():
    return getattr(settings, "STORY_MIN_SECONDS", 5)


def max_seconds():
    # A form may sit in the page cache (PAGE_CACHE_SECONDS) before she opens it,
    # then take her an evening to fill.
    return getattr(settings, "STORY_MAX_SECONDS", 24 * 60 * 60)


def refuse(page, request, form, message, status):
    form = form or StoryForm(
        initial={
            name: request.POST.get(name, "")
            for name in ("text", "name", "contact", "real_name")
        },
        page=page,
    )
    form.refusal = message
    return page.serve_form(request, form, status=status)


def refused_lightly(request, message, status):
    """A refusal that reads nothing from the database: what a flood meets. Her text
    is shown back to copy (not when the body was too big to read)."""
    text = "" if status == 413 else request.POST.get("text", "")
    response = render(
        request,
        "stories/story_refused.html",
        {"message": message, "text": text},
        status=status,
    )
    if status == 429:
        response["Retry-After"] = str(RATE_WINDOW_SECONDS)
    return response


@csrf_exempt  # see the module docstring
@never_cache
def submit_story(request, page_id):
    if request.method != "POST":
        page = get_object_or_404(StoryFormPage.objects.live().public(), pk=page_id)
        return HttpResponseRedirect(page.get_url(request))
    too_big = int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REQUEST_BYTES
    if not too_big:
        try:
            request.POST  # noqa: B018  (parses the body, which may still be too big)
        except RequestDataTooBig:
            too_big = True
    if too_big:
        return refused_lightly(request, too_big_message(), 413)
    if over_address_limit(
        request, RATE_KEY_PREFIX, limit_per_hour(), RATE_WINDOW_SECONDS
    ):
        return refused_lightly(
            request,
            _(
                "Sudah terlalu banyak cerita terkirim dari sambungan ini dalam satu "
                "jam terakhir. Simpan ceritamu dan coba lagi satu jam lagi."
            ),
            429,
        )
    if request.POST.get("website"):
        return refused_lightly(
            request,
            _(
                "Cerita ini tidak bisa diterima karena kolom “Jangan isi kolom ini” "
                "terisi. Kosongkan kolom itu, lalu kirim lagi."
            ),
            400,
        )
    page = get_object_or_404(StoryFormPage.objects.live().public(), pk=page_id)
    waited = seconds_since(request.POST.get("started"))
    if waited is None or waited > max_seconds():
        return refuse(
            page,
            request,
            None,
            _(
                "Formulir ini sudah terlalu lama terbuka. Ceritamu masih di bawah: "
                "periksa lalu kirim sekali lagi (berkas dan gambar perlu dipilih lagi)."
            ),
            400,
        )
    if waited < min_seconds():
        return refuse(
            page,
            request,
            None,
            _(
                "Formulir ini terkirim terlalu cepat, sebelum sempat dibaca. Periksa "
                "ceritamu sebentar, lalu kirim lagi (berkas dan gambar perlu "
                "dipilih lagi)."
            ),
            400,
        )
    # Everyone together, for a flood from many addresses: reading a story costs
    # about 20 ms of a core, which readers need more. Counted only for forms that
    # passed the honeypot and the time trap, so bots do not shut members out.
    if over_site_limit(
        SITE_RATE_KEY_PREFIX, site_limit_per_hour(), RATE_WINDOW_SECONDS
    ):
        return refused_lightly(
            request,
            _(
                "Serambi sedang menerima banyak sekali cerita. Simpan ceritamu dan "
                "coba kirim lagi satu jam lagi."
            ),
            429,
        )
    return receive(request, page)


def too_big_message():
    return _(
        "Kiriman ini terlalu besar: berkas dan gambar masing-masing paling besar 5 MB. "
        "Kecilkan gambarnya atau kirim teksnya saja."
    )


def receive(request, page):
    form = StoryForm(request.POST, request.FILES, page=page)
    if not form.is_valid():
        codes = {e.code for found in form.errors.as_data().values() for e in found}
        return page.serve_form(request, form, status=413 if "too_big" in codes else 400)
    data = form.cleaned_data
    upload = data.get("upload")
    try:
        if upload:
            file_data = upload.read()
            parsed = understand(parse_upload, upload.name, file_data)
        else:
            file_data = None
            parsed = understand(parse_text, data["text"])
    except UnreadableText as error:
        form.refusal = str(error)
        return page.serve_form(request, form, status=400)
    picture = data.get("picture")
    with transaction.atomic():
        story = StorySubmission.objects.create(
            page=page,
            text="" if upload else data["text"],
            file_name=upload.name[:255] if upload else "",
            file_data=file_data,
            picture_name=picture.name[:255] if picture else "",
            picture_data=picture.read() if picture else None,
            title=(parsed.title or "")[:255],
            name=data["name"],
            real_name=data["real_name"],
            contact=data["contact"],
        )
        transaction.on_commit(lambda: notify_editors_of(story))
    logger.info("Story %s received through the story form", story.pk)
    return HttpResponseRedirect(page.get_url(request) + page.reverse_subpage("sent"))
