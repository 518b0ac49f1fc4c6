"""Rows loaded from the database become instances without running `__init__`.

A listing page builds some 180 model instances (articles, the people they credit,
categories, images, six renditions a card). For each, Django's `Model.__init__`
walks every field through `setattr`, and sends `pre_init` and `post_init`; a
Wagtail page adds Wagtail's and modelcluster's constructors, which only act on a
page being created or on child objects passed in. For a row read from the database
none of that does anything but assign the values, and it was a sixth of a full
render's CPU.

`LoadedWithoutInitMixin.from_db` assigns the values straight into the instance's
`__dict__`, as `Model.__init__` leaves them, going through the class's descriptor
only where one does more than store the value (a StreamField's, which wraps the raw
JSON), plus what the skipped constructors set on every instance (an image's
`decorative`); a constructor not known to be skippable keeps Django's path. It still
sends `post_init` where a receiver listens, but for an ImageField's dimension
updater on a row that holds its width and height (where it would do nothing), and
falls back to Django's path if anything listens to `pre_init`.
`tests/test_model_loading.py` compares every loaded attribute and the state with
Django's own path for each model that uses it.
"""

from django.db.models import DEFERRED
from django.db.models.base import ModelState
from django.db.models.fields.files import FileDescriptor, ImageField
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.signals import post_init, pre_init

# Descriptors whose __set__ on a new instance only stores the value in __dict__.
_PLAIN_SETTERS = (ForeignKeyDeferredAttribute, FileDescriptor)

# The constructors a loaded row may skip, and what each leaves on every instance
# besides the field values. Any other `__init__` on a model's classes sends its rows
# down Django's own path.
SKIPPABLE_CONSTRUCTORS = {
    "django.db.models.base.Model.__init__": {},
    # Act only on a page being created (no id yet): its content type, its
    # show_in_menus default.
    "wagtail.models.pages.AbstractPage.__init__": {},
    "wagtail.models.pages.ShowInMenusMixin.__init__": {},
    # Acts only on child objects passed as keyword arguments.
    "modelcluster.models.ClusterableModel.__init__": {},
    # What an ImageBlock sets per use; every image starts with these.
    "wagtail.images.models.AbstractImage.__init__": {
        "decorative": False,
        "contextual_alt_text": None,
    },
}


def constructor_attributes(model):
    """{attribute: value} the constructors of `model` set besides its fields, or
    None if one of them is not known to be skippable."""
    attributes = {}
    for klass in model.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None or klass is object:
            continue
        name = f"{init.__module__}.{init.__qualname__}"
        if name not in SKIPPABLE_CONSTRUCTORS:
            return None
        attributes.update(SKIPPABLE_CONSTRUCTORS[name])
    return attributes


def _stored_plainly(model, attname):
    descriptor = None
    for klass in model.__mro__:
        if attname in klass.__dict__:
            descriptor = klass.__dict__[attname]
            break
    return not hasattr(type(descriptor), "__set__") or isinstance(
        descriptor, _PLAIN_SETTERS
    )


class _LoadingPlan:
    """What loading a row of `model` takes, worked out once per class: what the
    skipped constructors set, and how each query's values map to attributes."""

    def __init__(self, model):
        self.model = model
        self.attributes = constructor_attributes(model)
        self.field_count = len(model._meta.concrete_fields)
        self.by_names = {}
        # (field_names, layout) of the last query: the ORM passes the same list of
        # names for every row of a query. One tuple, read and written whole.
        self.last = (None, None)

    def layout(self, field_names, count):
        """The _Layout of the values `from_db` receives, as Model.from_db pairs
        them: all concrete fields in order, or the loaded ones (in `field_names`)
        in that order."""
        last_names, last_layout = self.last
        if field_names is last_names:
            return last_layout
        key = None if count == self.field_count else tuple(field_names)
        layout = self.by_names.get(key)
        if layout is None:
            fields = self.model._meta.concrete_fields
            if key is not None:
                fields = [f for f in fields if f.attname in field_names]
            layout = self.by_names[key] = _Layout(self.model, fields)
        self.last = (field_names, layout)
        return layout


class _Layout:
    """The attribute names of a row's values, in order, and those (index, name)
    whose class descriptor must see the value (a StreamField's wraps its JSON)."""

    def __init__(self, model, fields):
        self.names = tuple(field.attname for field in fields)
        self.through_descriptor = tuple(
            (index, name)
            for index, name in enumerate(self.names)
            if not _stored_plainly(model, name)
        )


class LoadedWithoutInitMixin:
    """Put before the model's base classes (`class P(LoadedWithoutInitMixin, Page)`)."""

    @classmethod
    def _loading_plan(cls):
        # On this class, not inherited: a subclass has fields of its own.
        plan = cls.__dict__.get("_loading_plan_memo")
        if plan is None:
            plan = _LoadingPlan(cls)
            type.__setattr__(cls, "_loading_plan_memo", plan)
        return plan

    @classmethod
    def from_db(cls, db, field_names, values):
        plan = cls._loading_plan()
        if plan.attributes is None or (
            pre_init.receivers and pre_init.has_listeners(cls)
        ):
            return super().from_db(db, field_names, values)
        new = cls.__new__(cls)
        state = new._state = ModelState()
        state.adding = False
        state.db = db
        stored = new.__dict__
        layout = plan.layout(field_names, len(values))
        if DEFERRED in values:
            for name, value in zip(layout.names, values, strict=True):
                if value is not DEFERRED:
                    setattr(new, name, value)
        else:
            stored.update(zip(layout.names, values, strict=True))
            for index, name in layout.through_descriptor:
                del stored[name]
                setattr(new, name, values[index])
        stored.update(plan.attributes)
        if post_init.receivers:
            receivers, async_receivers = post_init._live_receivers(cls)
            if async_receivers or not only_filled_dimensions(new, receivers):
                post_init.send(sender=cls, instance=new)
        return new


def only_filled_dimensions(instance, receivers):
    """Whether post_init's `receivers` would leave the loaded `instance` as it is:
    each is an ImageField's dimension updater (an image's or a rendition's file
    keeps its width and height) and the row holds the dimensions it would fill.

    Django connects one to every model with such a field; for a row with stored
    dimensions it only turns the file name into a file object, which the field
    does anyway on first use. Sixty renditions and a dozen images a listing."""
    stored = instance.__dict__
    for receiver in receivers:
        if (
            getattr(receiver, "__func__", None)
            is not ImageField.update_dimension_fields
        ):
            return False
        field = receiver.__self__
        if not stored.get(field.attname):
            continue  # deferred or without a file: the updater does nothing
        if (field.width_field and not stored.get(field.width_field)) or (
            field.height_field and not stored.get(field.height_field)
        ):
            return False
    return True
