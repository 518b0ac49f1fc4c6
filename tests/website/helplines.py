"""Helplines as an editor would set them, for the tests of pages that show them."""

from website.models import HelplineSettings

SAPA = {
    "name": "SAPA 129",
    "description": "Pengaduan kekerasan terhadap perempuan dan anak",
    "number": "129",
    "hours": "24 jam",
    "whatsapp_url": "https://wa.me/628111129129",
}
SEJIWA = {
    "name": "SEJIWA",
    "description": "Layanan dukungan psikologis",
    "number": "119 ekstensi 8",
    "hours": "",
    "whatsapp_url": "",
}


def set_helplines(site, *helplines):
    helpline_settings = HelplineSettings.for_site(site)
    helpline_settings.helplines = [("helpline", line) for line in helplines]
    helpline_settings.save()
    return helpline_settings
