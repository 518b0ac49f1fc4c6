from django.core.serializers import python

from . import KeepDanglingReferencesMixin

Deserializer = python.Deserializer


class Serializer(KeepDanglingReferencesMixin, python.Serializer):
    pass
