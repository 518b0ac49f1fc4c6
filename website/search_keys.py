"""What the ranking joins on: a model's integer primary key column."""

from django.db import models

INTEGER_KEYS = (models.AutoField, models.BigAutoField, models.IntegerField)


def integer_key_column(model):
    """The concrete primary key column, when it holds integers; else None."""
    pk = model._meta.pk
    while isinstance(pk, models.OneToOneField) and pk.remote_field.parent_link:
        target = pk.target_field
        if isinstance(target, INTEGER_KEYS):
            return pk.column
        pk = target
    return pk.column if isinstance(pk, INTEGER_KEYS) else None
