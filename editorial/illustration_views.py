"""Admin views of the hand-off: ask ("Butuh ilustrasi"), take ("Ambil"), reassign,
draw ("Ilustrasi untuk …") and preview the draft taken."""

from functools import wraps

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.images import get_image_model
from wagtail.images.widgets import AdminImageChooser
from wagtail.locks import WorkflowLock
from wagtail.permissions import policy_registry

from blog.models import ArticlePage

from . import illustration
from .models import IllustrationRequest
from .permissions import is_editor


def refuse_with_403(view):
    """Wagtail's admin turns PermissionDenied into a redirect home; these views
    answer 403, as the page editor does, with a plain Indonesian reason."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return HttpResponseForbidden(
                _("Anda tidak berhak membuka halaman ini."),
                content_type="text/plain; charset=utf-8",
            )

    return wrapped


class RequestForm(forms.ModelForm):
    class Meta:
        model = IllustrationRequest
        fields = ["brief", "mood", "deadline"]
        widgets = {
            "brief": forms.Textarea(attrs={"rows": 4}),
            "deadline": forms.DateInput(attrs={"type": "date"}),
        }
        error_messages = {
            "brief": {
                "required": gettext_lazy("Tuliskan apa yang perlu digambar."),
            },
        }
        labels = {
            "brief": gettext_lazy("Apa yang perlu digambar"),
            "mood": gettext_lazy("Suasana"),
            "deadline": gettext_lazy("Tenggat"),
        }
        help_texts = {
            "brief": gettext_lazy(
                "Ilustrator melihat judul, pembuka dan catatan ini, bukan isi draf."
            ),
            "mood": gettext_lazy("Misalnya: hangat, tenang, penuh harapan."),
        }


class ReassignForm(forms.Form):
    illustrator = forms.ModelChoiceField(
        label=gettext_lazy("Ilustrator"),
        queryset=illustration.illustrators(),
        required=False,
        empty_label=gettext_lazy("— Buka lagi untuk semua ilustrator —"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["illustrator"].label_from_instance = lambda user: (
            user.contributor_profile.title
        )


def _image_field(label, initial, queryset, required=False):
    return forms.ModelChoiceField(
        label=label,
        queryset=queryset,
        widget=AdminImageChooser(),
        initial=initial,
        required=required,
    )


class IllustrateForm(forms.Form):
    """The hero image, one chooser per image block, and a new image block."""

    def __init__(self, *args, page, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Images she may choose in the admin, and those the draft already shows.
        in_draft = [page.hero_image_id] + [
            child.value["image"].pk
            for child in illustration.image_blocks(page.body)
            if child.value["image"]
        ]
        image_model = get_image_model()
        choosable = policy_registry.get_by_type(
            image_model
        ).instances_user_has_any_permission_for(user, ["choose"])
        images = image_model.objects.filter(
            Q(pk__in=choosable.values("pk")) | Q(pk__in=[pk for pk in in_draft if pk])
        )
        self.fields["hero_image"] = _image_field(
            gettext_lazy("Ilustrasi utama"), page.hero_image_id, images
        )
        self.block_fields = {}
        for number, child in enumerate(illustration.image_blocks(page.body), 1):
            name = f"block_{child.id}"
            self.fields[name] = _image_field(
                _("Gambar %(number)s di isi artikel") % {"number": number},
                child.value["image"].pk if child.value["image"] else None,
                images,
                required=True,
            )
            self.block_fields[name] = child.id
        paragraphs = illustration.paragraph_choices(page.body)
        if paragraphs:
            self.fields["new_image"] = _image_field(
                gettext_lazy("Gambar baru di isi artikel"), None, images
            )
            self.fields["after"] = forms.ChoiceField(
                label=gettext_lazy("Letakkan setelah paragraf"),
                choices=[("", "—"), *paragraphs],
                required=False,
            )
            self.fields["caption"] = forms.CharField(
                label=gettext_lazy("Keterangan gambar baru"),
                max_length=255,
                required=False,
            )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("new_image") and not cleaned_data.get("after"):
            self.add_error("after", _("Pilih paragraf tempat gambar baru diletakkan."))
        return cleaned_data

    def block_images(self):
        return {
            block_id: self.cleaned_data[name]
            for name, block_id in self.block_fields.items()
        }


def _article(page_id):
    return get_object_or_404(
        ArticlePage.objects.filter(trash_entry__isnull=True), pk=page_id
    )


@refuse_with_403
def request_illustration(request, page_id):
    """ "Butuh ilustrasi": the writer or an editor asks, or changes the brief."""
    page = _article(page_id)
    if not illustration.may_request(request.user, page):
        raise PermissionDenied
    existing = IllustrationRequest.objects.filter(article=page).first()
    form = RequestForm(request.POST or None, instance=existing)
    reassign_form = (
        ReassignForm(initial={"illustrator": existing.illustrator_id})
        if existing and is_editor(request.user)
        else None
    )
    if request.method == "POST" and form.is_valid():
        illustration_request = form.save(commit=False)
        if existing is None:
            illustration_request.article = page
            illustration_request.requested_by = request.user
        illustration_request.save()
        if existing is None:
            illustration.notify_illustrators(illustration_request, request.user)
        messages.success(
            request,
            _("Permintaan ilustrasi untuk '%(title)s' disimpan.")
            % {"title": page.draft_title},
        )
        return redirect("wagtailadmin_home")
    title = _("Butuh ilustrasi: %(title)s") % {"title": page.draft_title}
    return TemplateResponse(
        request,
        "editorial/illustration/request.html",
        {
            "form": form,
            "reassign_form": reassign_form,
            "illustration_request": existing,
            "illustrator_name": existing
            and existing.illustrator
            and illustration.public_name(existing.illustrator),
            "page": page,
            "page_title": title,
            "header_title": title,
            "header_icon": "image",
            "action_url": request.path,
            "submit_button_label": _("Simpan permintaan"),
            "submit_button_active_label": _("Menyimpan…"),
        },
        status=400 if form.errors else 200,
    )


@refuse_with_403
@require_POST
def take_illustration(request, pk):
    """ "Ambil": the first illustrator to click gets it."""
    illustration_request = get_object_or_404(
        IllustrationRequest.objects.select_related("article"), pk=pk
    )
    if not illustration.may_take(request.user):
        raise PermissionDenied
    if not illustration.take(illustration_request, request.user):
        return TemplateResponse(
            request,
            "editorial/illustration/already_taken.html",
            {
                "page_title": _("Sudah diambil"),
                "header_title": _("Sudah diambil"),
                "title": illustration_request.article.draft_title,
            },
            status=409,
        )
    illustration.notify_writers_and_editors("taken", illustration_request, request.user)
    messages.success(
        request,
        _("Anda mengambil '%(title)s'. Selamat menggambar!")
        % {"title": illustration_request.article.draft_title},
    )
    return redirect("editorial_illustrate", illustration_request.pk)


@refuse_with_403
@require_POST
def reassign_illustration(request, pk):
    illustration_request = get_object_or_404(
        IllustrationRequest.objects.select_related("article"), pk=pk
    )
    if not is_editor(request.user):
        raise PermissionDenied
    form = ReassignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih ilustrator dari daftar."))
        return redirect(
            "editorial_request_illustration", illustration_request.article_id
        )
    illustrator = form.cleaned_data["illustrator"]
    illustration.reassign(illustration_request, illustrator)
    if illustrator is not None:
        illustration.notify_assigned(illustration_request, request.user)
        messages.success(
            request,
            _("'%(title)s' sekarang digambar oleh %(name)s.")
            % {
                "title": illustration_request.article.draft_title,
                "name": illustrator.contributor_profile.title,
            },
        )
    else:
        messages.success(
            request,
            _("'%(title)s' kembali menunggu ilustrator.")
            % {"title": illustration_request.article.draft_title},
        )
    return redirect("wagtailadmin_home")


def _taken_by_her(request, pk):
    illustration_request = get_object_or_404(
        IllustrationRequest.objects.select_related("article"), pk=pk
    )
    if not illustration.may_illustrate(request.user, illustration_request):
        raise PermissionDenied
    return illustration_request


@refuse_with_403
def illustrate(request, pk):
    """ "Ilustrasi untuk …": hero image and image blocks of the latest draft, only."""
    illustration_request = _taken_by_her(request, pk)
    article = illustration_request.article
    page = article.get_latest_revision_as_object()
    form = IllustrateForm(request.POST or None, page=page, user=request.user)
    locked = request.method == "POST" and locked_for_illustrator(article, request.user)
    if locked:
        # Her choices stay in the form she sees again: nothing is dropped.
        messages.error(
            request,
            _(
                "Artikel ini sedang dikunci oleh redaksi, jadi gambar Anda belum "
                "disimpan. Pilihan Anda masih ada di bawah: simpan lagi setelah "
                "kuncinya dibuka, atau hubungi redaksi."
            ),
        )
    if request.method == "POST" and not locked and form.is_valid():
        illustration.illustrate(
            page,
            request.user,
            hero_image=form.cleaned_data["hero_image"],
            block_images=form.block_images(),
            new_image=form.cleaned_data.get("new_image"),
            after=form.cleaned_data.get("after"),
            caption=form.cleaned_data.get("caption", ""),
        )
        if "done" in request.POST:
            illustration_request.status = IllustrationRequest.Status.DONE
            illustration_request.save(update_fields=["status"])
        illustration.notify_writers_and_editors(
            "illustrated", illustration_request, request.user
        )
        messages.success(
            request,
            _("Ilustrasi untuk '%(title)s' disimpan di draf.")
            % {"title": page.draft_title},
        )
        return redirect("editorial_illustrate", pk)
    title = _("Ilustrasi untuk %(title)s") % {"title": page.draft_title}
    return TemplateResponse(
        request,
        "editorial/illustration/illustrate.html",
        {
            "form": form,
            "media": form.media,
            "illustration_request": illustration_request,
            "page": page,
            "page_title": title,
            "header_title": title,
            "header_icon": "image",
            "action_url": request.path,
            "submit_button_label": _("Simpan ilustrasi"),
            "submit_button_active_label": _("Menyimpan…"),
        },
        status=409 if locked else 400 if form.errors else 200,
    )


def locked_for_illustrator(article, user):
    """A lock an editor set (or a scheduled publication) stops her; the review does not.

    Wagtail's workflow lock keeps everyone but the reviewers out of the page editor
    while an article is in review, which is exactly when writers ask for a picture.
    Her view changes only images, in a new revision that sends the article back to
    the reviewers (editorial.workflows.send_edits_back_for_review), so the review
    sees what she added before anything is approved.
    """
    lock = article.get_lock()
    return (
        lock is not None and not isinstance(lock, WorkflowLock) and lock.for_user(user)
    )


@refuse_with_403
def preview_illustration(request, pk):
    """The draft she took, read-only, as Wagtail's preview renders it."""
    illustration_request = _taken_by_her(request, pk)
    page = illustration_request.article.get_latest_revision_as_object()
    return page.make_preview_request(request, page.default_preview_mode)


# --- Registration -------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_illustration_urls():
    return [
        path(
            "redaksi/ilustrasi/artikel/<int:page_id>/",
            request_illustration,
            name="editorial_request_illustration",
        ),
        path(
            "redaksi/ilustrasi/<int:pk>/ambil/",
            take_illustration,
            name="editorial_take_illustration",
        ),
        path(
            "redaksi/ilustrasi/<int:pk>/serahkan/",
            reassign_illustration,
            name="editorial_reassign_illustration",
        ),
        path("redaksi/ilustrasi/<int:pk>/", illustrate, name="editorial_illustrate"),
        path(
            "redaksi/ilustrasi/<int:pk>/pratinjau/",
            preview_illustration,
            name="editorial_preview_illustration",
        ),
    ]


class RequestIllustrationButton(PageMenuItem):
    label = gettext_lazy("Butuh ilustrasi")
    icon_name = "image"
    url_name = "editorial_request_illustration"

    def is_shown(self, user):
        return self.page.specific_class is ArticlePage and illustration.may_request(
            user, self.page
        )


@hooks.register("register_page_header_buttons")
def request_illustration_header_button(page, user, view_name, next_url=None):
    yield RequestIllustrationButton(page=page, priority=40)
