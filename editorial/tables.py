"""The editorial admin tables, built from Wagtail's table components.

"Tulisan saya", the editor's desk (review queue, illustration requests, pending
invitations, scheduled and just published) and the trash are `wagtail.admin.ui.tables`
tables: Wagtail renders the markup (and collapses it on phones); the columns here only
say what each cell holds. A cell renders on its own context, so whatever a cell needs
beyond its row (the reads, the time now, the CSRF token) is given to its column.
"""

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import BaseColumn, Column, Table, TitleColumn
from wagtail.admin.utils import get_user_display_name


class TemplateColumn(BaseColumn):
    """A column whose cell is a template of ours, given the row as `instance` (and,
    unlike `Column`, no `value`: nothing is looked up or turned into a string)."""

    def __init__(self, name, cell_template_name, **kwargs):
        super().__init__(name, **kwargs)
        self.cell_template_name = cell_template_name


class ReadsColumn(Column):
    """An article's reads (totals and sparkline) from a reads_for() mapping."""

    cell_template_name = "editorial/tables/reads_cell.html"

    def __init__(self, name, reads, **kwargs):
        super().__init__(name, **kwargs)
        self.reads = reads

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["summary"] = (
            self.reads.get(context["raw_value"]) if self.reads else None
        )
        return context


class ActionsColumn(TemplateColumn):
    """Buttons, under a heading only screen readers hear."""

    header_template_name = "editorial/tables/sr_only_header.html"

    def __init__(self, name, cell_template_name, **extra):
        super().__init__(name, cell_template_name, label=_("Tindakan"))
        self.extra = extra

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context.update(self.extra)
        request = parent_context.get("request")
        # A cell does not see the page's context: its forms take the token from here.
        context["csrf_token"] = get_token(request) if request else None
        return context


class ArticleTitleColumn(TitleColumn):
    """The title, linked to what she may do with it: draw it, edit it, or neither."""

    cell_template_name = "editorial/tables/article_title_cell.html"

    def get_link_url(self, instance, parent_context):
        if instance.is_illustrator:
            return reverse(
                "editorial_illustrate", args=[instance.illustration_request.pk]
            )
        if instance.is_owner:
            return reverse("wagtailadmin_pages:edit", args=[instance.page.pk])
        return None


class MyArticlesTable(Table):
    """Each row carries its state (`data-state`) for styling and for tests."""

    def get_row_attrs(self, instance):
        attrs = super().get_row_attrs(instance)
        attrs["data-state"] = instance.state
        return attrs


def my_articles_table(rows, reads):
    return MyArticlesTable(
        [
            ArticleTitleColumn("title", label=_("Judul")),
            TemplateColumn(
                "state",
                "editorial/tables/article_status_cell.html",
                label=_("Status"),
            ),
            ReadsColumn("reads", reads, accessor="page.pk", label=_("Dibaca")),
            TemplateColumn(
                "note",
                "editorial/tables/editor_note_cell.html",
                label=_("Catatan terakhir dari redaksi"),
            ),
        ],
        rows,
        classname="listing listing--dashboard",
        attrs={"data-editorial-my-articles": True},
    )


class WaitingColumn(TemplateColumn):
    """How long a submission has waited, measured from one `now` for the whole page."""

    def __init__(self, name, now, **kwargs):
        super().__init__(name, "editorial/tables/waiting_cell.html", **kwargs)
        self.now = now

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["now"] = self.now
        return context


def review_queue_table(queue, now):
    return Table(
        [
            TitleColumn(
                "title",
                label=_("Judul"),
                accessor=lambda row: row.page.get_admin_display_title(),
                get_url=lambda row: reverse(
                    "wagtailadmin_pages:edit", args=[row.page.pk]
                ),
            ),
            Column(
                "requested_by",
                label=_("Diajukan oleh"),
                accessor=lambda row: get_user_display_name(row.requested_by),
            ),
            WaitingColumn("submitted_at", now, label=_("Menunggu")),
            ActionsColumn("actions", "editorial/tables/review_actions_cell.html"),
        ],
        queue,
        classname="listing listing--dashboard",
        attrs={"data-editorial-queue": True},
    )


def trash_table(entries, can_delete_for_good):
    return Table(
        [
            TrashedTitleColumn("title", label=_("Judul")),
            Column("original_url", label=_("Alamat semula")),
            Column(
                "trashed_by",
                label=_("Dihapus oleh"),
                accessor=lambda entry: (
                    get_user_display_name(entry.trashed_by) if entry.trashed_by else ""
                ),
            ),
            TemplateColumn(
                "trashed_at",
                "editorial/tables/trashed_at_cell.html",
                label=_("Dihapus pada"),
            ),
            ActionsColumn(
                "actions",
                "editorial/tables/trash_actions_cell.html",
                can_delete_for_good=can_delete_for_good,
            ),
        ],
        entries,
        # Wagtail's dashboard modifier: the rows stack into cards on a phone.
        classname="listing listing--dashboard",
        attrs={"data-editorial-trash": True},
    )


class TrashedTitleColumn(TitleColumn):
    """The title, unlinked (a page in the trash is not edited until it is restored),
    with its type and whether it was live."""

    cell_template_name = "editorial/tables/trashed_title_cell.html"

    def __init__(self, name, **kwargs):
        super().__init__(
            name, accessor=lambda entry: entry.page.get_admin_display_title(), **kwargs
        )


def _page_title_column(page_of):
    return TitleColumn(
        "title",
        label=_("Judul"),
        accessor=lambda row: page_of(row).get_admin_display_title(),
        get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[page_of(row).pk]),
    )


def _date_column(name, label, accessor):
    return Column(
        name,
        label=label,
        accessor=lambda row: date_format(localtime(accessor(row)), "j F Y, H:i"),
    )


def illustration_requests_table(requests):
    return Table(
        [
            _page_title_column(lambda item: item.article),
            TemplateColumn(
                "status",
                "editorial/tables/illustration_status_cell.html",
                label=_("Status"),
            ),
            Column(
                "deadline",
                label=_("Tenggat"),
                accessor=lambda item: (
                    date_format(item.deadline, "j F Y") if item.deadline else ""
                ),
            ),
            ActionsColumn("actions", "editorial/tables/illustration_actions_cell.html"),
        ],
        requests,
        classname="listing listing--dashboard",
        attrs={"data-editorial-illustration-requests": True},
    )


def pending_invitations_table(users):
    return Table(
        [
            Column(
                "name",
                label=_("Nama"),
                accessor=lambda user: getattr(
                    getattr(user, "contributor_profile", None), "title", ""
                ),
                classname="title",
            ),
            Column("email", label=_("Surel")),
            ActionsColumn("actions", "editorial/tables/resend_invitation_cell.html"),
        ],
        users,
        classname="listing listing--dashboard",
        attrs={"data-editorial-pending-invitations": True},
    )


def scheduled_table(scheduled):
    return Table(
        [
            _page_title_column(lambda pair: pair[0]),
            _date_column("go_live_at", _("Jadwal terbit"), lambda pair: pair[1]),
        ],
        scheduled,
        classname="listing listing--dashboard",
        attrs={"data-editorial-scheduled": True},
    )


def published_table(pages, reads):
    return Table(
        [
            _page_title_column(lambda page: page),
            _date_column(
                "last_published_at",
                _("Terbit pada"),
                lambda page: page.last_published_at,
            ),
            ReadsColumn("reads", reads, accessor="pk", label=_("Dibaca")),
            ActionsColumn("actions", "editorial/tables/view_live_cell.html"),
        ],
        pages,
        classname="listing listing--dashboard",
        attrs={"data-editorial-published": True},
    )
