from django.core.serializers import jsonl

from . import KeepDanglingReferencesMixin

Deserializer = jsonl.Deserializer


class Serializer(KeepDanglingReferencesMixin, jsonl.Serializer):
    pass
