"""What the editor is told after setting a publishing date: that it is scheduled.

Saving the schedule dialog ("Simpan jadwal") saves a draft, and Wagtail answers
"telah diperbarui"; an approval of an article with a date answers "approved". Neither
says the article will go live on that day, which is what the editor wants to know.
"""

from django.contrib import messages
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from wagtail import hooks


def _when(moment):
    return formats.date_format(timezone.localtime(moment), "j F Y, H:i")


@hooks.register("after_edit_page")
def say_it_is_scheduled(request, page):
    if request.method != "POST" or not request.POST.get("go_live_at"):
        return None
    latest = page.get_latest_revision_as_object()
    go_live_at = latest.go_live_at
    if go_live_at is None or go_live_at <= timezone.now():
        return None
    scheduled = page.scheduled_revision
    if scheduled is not None and scheduled.approved_go_live_at:
        text = _("'%(title)s' dijadwalkan terbit pada %(when)s.") % {
            "title": latest.title,
            "when": _when(scheduled.approved_go_live_at),
        }
    else:
        text = _(
            "Jadwal disimpan: '%(title)s' dijadwalkan terbit pada %(when)s, setelah "
            "disetujui redaksi."
        ) % {"title": latest.title, "when": _when(go_live_at)}
    # Keep any warning or error; the plain "updated" or "approved" gives way.
    kept = [m for m in messages.get_messages(request) if m.level != messages.SUCCESS]
    for message in kept:
        messages.add_message(
            request, message.level, message.message, message.extra_tags
        )
    messages.success(request, text)
    return None
