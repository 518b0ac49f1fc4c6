"""The formats Wagtail's date picker writes (settings WAGTAIL_*_FORMAT), day first."""

from types import SimpleNamespace

day_first = SimpleNamespace(
    DATE=["%d/%m/%Y"],
    TIME=["%H:%M", "%H:%M:%S"],
    DATETIME=["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S"],
)
