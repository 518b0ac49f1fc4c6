from django.core.serializers import json

from . import KeepDanglingReferencesMixin

Deserializer = json.Deserializer


class Serializer(KeepDanglingReferencesMixin, json.Serializer):
    pass
