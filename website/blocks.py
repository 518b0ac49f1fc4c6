"""Blocks of the site settings: the helplines shown under hard articles and on /bantuan/."""

import re

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

EXTENSION = re.compile(r"\s*(?:ext\.?|ekst\.?|ekstensi)\s*", re.IGNORECASE)


class HelplineValue(blocks.StructValue):
    def tel_href(self):
        """The number for a tel: link: digits and a leading +; "119 ekstensi 8"
        dials 119, then 8 after a pause (the comma), as phones understand it."""
        main, extension = _split_extension(self.get("number") or "")
        digits = re.sub(r"[^\d+]", "", main)
        if not digits:
            return ""
        return f"tel:{digits},{extension}" if extension else f"tel:{digits}"


def _split_extension(number):
    parts = EXTENSION.split(number, maxsplit=1)
    extension = re.sub(r"\D", "", parts[1]) if len(parts) > 1 else ""
    return parts[0], extension


class HelplineBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("nama layanan"), max_length=120)
    description = blocks.CharBlock(
        label=_("untuk siapa"),
        required=False,
        max_length=200,
        help_text=_("Misalnya 'Pengaduan kekerasan terhadap perempuan dan anak'."),
    )
    number = blocks.CharBlock(
        label=_("nomor telepon"),
        required=False,
        max_length=40,
        help_text=_("Misalnya '129' atau '119 ekstensi 8'."),
    )
    hours = blocks.CharBlock(
        label=_("jam layanan"),
        required=False,
        max_length=80,
        help_text=_("Misalnya '24 jam' atau 'Senin–Jumat, 08.00–16.00 WIB'."),
    )
    whatsapp_url = blocks.URLBlock(
        label=_("tautan WhatsApp"),
        required=False,
        help_text=_("Misalnya https://wa.me/628111129129"),
    )

    class Meta:
        icon = "mobile-alt"
        label = _("Layanan bantuan")
        value_class = HelplineValue
