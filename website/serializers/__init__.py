"""Django's serializers, able to dump a database whose audit log names deleted rows.

Wagtail keeps the audit log of a deleted page or user: `PageLogEntry.page` and
`BaseLogEntry.user` are foreign keys without a database constraint (DO_NOTHING), so
they go on pointing at rows that are gone. `dumpdata --natural-foreign` turns each
foreign key into the target's natural key (a page's url_path, a user's username) and
fails with "Page matching query does not exist" on the first such entry (Wagtail issue
#7136). These serializers write the plain primary key for a reference whose target is
gone, as the log itself stores it; `loaddata` reads either form.

Registered for the built-in formats in settings.SERIALIZATION_MODULES.
"""

from django.core.exceptions import ObjectDoesNotExist


def _target_is_gone(obj, field):
    if getattr(obj, field.attname) is None:
        return False
    try:
        getattr(obj, field.name)
    except ObjectDoesNotExist:
        return True
    return False


class KeepDanglingReferencesMixin:
    def handle_fk_field(self, obj, field):
        if not (self.use_natural_foreign_keys and _target_is_gone(obj, field)):
            return super().handle_fk_field(obj, field)
        self.use_natural_foreign_keys = False
        try:
            return super().handle_fk_field(obj, field)
        finally:
            self.use_natural_foreign_keys = True
