"""How a page is named in the admin, depending on who is looking.

Wagtail names a page in every admin listing, chooser, search result and bulk-action
page by `get_admin_display_title()`, which is the title of the newest *draft*, and for
a profile that is the contributor's real name. Those calls carry no request, so the
models cannot tell who is looking; the editorial app knows (it sets the viewer for
each request) and answers through the `serambi_may_see_private` hook, so this lower
layer never imports it.

A hook function takes the page and returns True (the viewer may see its drafts and
its real name), False (she may not), or None (it does not know, e.g. outside a
request). The first answer that is not None counts.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

MAY_SEE_PRIVATE_HOOK = "serambi_may_see_private"

# What another contributor sees for a page that was never published.
UNPUBLISHED_PLACEHOLDER = _("(draf)")


def viewer_may_see_private(page):
    for fn in hooks.get_hooks(MAY_SEE_PRIVATE_HOOK):
        answer = fn(page)
        if answer is not None:
            return answer
    return None


class PrivateAdminTitleMixin:
    """A draft's title is its owner's, its credited people's and the editors'.

    Anyone else sees the live title (a live page is public anyway) and never the
    title of a newer, unpublished revision.
    """

    def get_admin_display_title(self):
        # Only then can the draft's title differ from what is public.
        unpublished = self.has_unpublished_changes or not self.live
        if unpublished and viewer_may_see_private(self) is False:
            # The row holds the live version's title; a never-published page has
            # no title anyone else may see.
            return self.title if self.live else str(UNPUBLISHED_PLACEHOLDER)
        return super().get_admin_display_title()
