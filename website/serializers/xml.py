from django.core.serializers import xml_serializer

from . import KeepDanglingReferencesMixin

Deserializer = xml_serializer.Deserializer


class Serializer(KeepDanglingReferencesMixin, xml_serializer.Serializer):
    pass
