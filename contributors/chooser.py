"""Choosing the people an article credits, by the names they show in public.

Wagtail's page chooser speaks of pages ("Pilih halaman (Kontributor)"), lists and
searches by page title (a real name, for someone who writes under a pen name only),
and cannot add anyone. This chooser lists people by their public name, searches
only what is public, and lets a writer add someone who has no account yet (an
illustrator, say) by name, without leaving the article: a draft profile that editors
complete and publish.
"""

from django import forms
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import (
    ChooseResultsView,
    ChooseView,
    ChosenView,
    CreateView,
)
from wagtail.admin.viewsets.chooser import ChooserViewSet

from .identity import find_same_person, normalise_name
from .models import ContributorIndexPage, ContributorPage


def existing_person(name, user):
    """The profile `name` means that `user` may choose, or None.

    By public name, pen name or slug, any case, a final full stop ignored
    (`find_same_person`). Editors find anyone, a real name behind a pen name too;
    others find published people and the drafts they added themselves.
    """
    editor = user is not None and (
        user.is_superuser or user.has_perm("wagtailcore.publish_page")
    )
    person = find_same_person(name, through_real_names=editor)
    if person is None or not (
        editor or person.live or person.owner_id == getattr(user, "pk", None)
    ):
        return None
    return person


def add_new_person(name, owner, short_bio=""):
    """A draft profile for someone named in a credit ("Orang baru"): her name only,
    and her short bio if given; editors complete and publish it."""
    index = ContributorIndexPage.objects.first()
    name = normalise_name(name)
    base = slugify(name) or "kontributor"
    slug, n = base, 1
    while ContributorPage.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    person = ContributorPage(
        title=name,
        slug=slug,
        owner=owner,
        live=False,
        short_bio=short_bio.strip(),
    )
    index.add_child(instance=person)
    person.save_revision(user=owner, log_action=True)
    return person


class PublicNameSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Cari nama"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Cari nama")}),
    )

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if not query:
            return objects
        self.is_searching = True
        self.search_query = query
        # A real name is searchable only where it is shown in public.
        return objects.filter(
            Q(pen_name__icontains=query)
            | Q(use_pen_name_only=False, title__icontains=query)
        )


class NewPersonForm(forms.Form):
    """A new person by name (and, for a guest writer, her bio), unless she is
    already here: a name that matches a profile she may choose offers that one."""

    SAME = "same"
    NEW = "new"

    name = forms.CharField(
        label=_("Nama"),
        max_length=255,
        help_text=_(
            "Nama yang dipakai di kredit, misalnya nama ilustrator. Redaksi akan "
            "melengkapi profilnya."
        ),
    )
    short_bio = forms.CharField(
        label=_("Bio singkat (untuk penulis tamu)"),
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Dua atau tiga kalimat tentang dia, tampil di akhir tulisan. Boleh "
            "dikosongkan."
        ),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.same_person = None
        if self.is_bound:
            self.same_person = self.existing_person(self.data.get("name", ""))
        if self.same_person is not None:
            self.fields["same_person"] = forms.ChoiceField(
                label=_("Orang yang sama?"),
                widget=forms.RadioSelect,
                choices=[
                    (
                        self.SAME,
                        _("Ya, pakai profil “%(name)s” yang sudah ada")
                        % {"name": self.same_person},
                    ),
                    (self.NEW, _("Bukan, ini orang lain: buat profil baru")),
                ],
                required=False,
            )

    def existing_person(self, name):
        return existing_person(name, self.user)

    def clean(self):
        cleaned_data = super().clean()
        if self.same_person is not None and not cleaned_data.get("same_person"):
            self.add_error(
                "same_person",
                _(
                    "Sudah ada “%(name)s” di Serambi. Pilih apakah ini orang yang "
                    "sama, supaya satu orang tidak punya dua profil."
                )
                % {"name": self.same_person},
            )
        return cleaned_data


class PeopleListMixin:
    filter_form_class = PublicNameSearchForm

    def get_creation_form_kwargs(self):
        return {**super().get_creation_form_kwargs(), "user": self.request.user}

    def get_object_list(self):
        # Published people, and the drafts this user added herself; editors see the
        # drafts of everyone (they complete them).
        people = ContributorPage.objects.all()
        user = self.request.user
        if not user.has_perm("wagtailcore.publish_page") and not user.is_superuser:
            people = people.filter(Q(live=True) | Q(owner=user))
        return people.order_by("title")


class ChooseContributorView(PeopleListMixin, ChooseView):
    pass


class ChooseContributorResultsView(PeopleListMixin, ChooseResultsView):
    pass


class ChosenContributorView(ChosenView):
    """Its title is str(person): the public name (ContributorPage.__str__)."""


class CreateContributorView(PeopleListMixin, CreateView):
    def can_create(self):
        # Anyone who writes in the admin may name a new person; the profile stays a
        # draft, unseen in public, until an editor completes and publishes it.
        return self.request.user.has_perm("wagtailadmin.access_admin")

    def save_form(self, form):
        if form.cleaned_data.get("same_person") == NewPersonForm.SAME:
            return form.same_person
        return add_new_person(
            form.cleaned_data["name"],
            self.request.user,
            short_bio=form.cleaned_data.get("short_bio", ""),
        )


class ContributorChooserViewSet(ChooserViewSet):
    model = ContributorPage
    icon = "user"
    choose_one_text = _("Pilih orang")
    choose_another_text = _("Pilih orang lain")
    page_title = _("Pilih orang")
    edit_item_text = _("Ubah")
    create_action_label = _("Tambah orang baru")
    creation_tab_label = _("Orang baru")
    search_tab_label = _("Cari")
    creation_form_class = NewPersonForm
    choose_view_class = ChooseContributorView
    choose_results_view_class = ChooseContributorResultsView
    chosen_view_class = ChosenContributorView
    create_view_class = CreateContributorView


contributor_chooser_viewset = ContributorChooserViewSet("contributor_chooser")
