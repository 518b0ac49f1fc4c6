"""The blocks an article body is made of. Each one previews itself in the block picker."""

import copy

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Headings are kept when pasted so that the article form can make them heading
# blocks (blog.text_structure); without them the editor flattens them to paragraphs.
# Strike-through, superscript, subscript and code come in from Word files and old blogs.
PARAGRAPH_FEATURES = [
    "h2",
    "h3",
    "bold",
    "italic",
    "strikethrough",
    "superscript",
    "subscript",
    "code",
    "link",
    "ol",
    "ul",
    "blockquote",
]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("judul"), max_length=160)
    level = blocks.ChoiceBlock(
        label=_("tingkat"),
        choices=[("h2", _("Judul bagian (H2)")), ("h3", _("Subjudul (H3)"))],
        default="h2",
    )

    class Meta:
        template = "components/streamfield/heading_block.html"
        icon = "title"
        label = _("Judul bagian")
        description = _("Judul untuk memecah tulisan menjadi bagian-bagian.")
        preview_value = {"text": "Mengatur keuangan sendirian", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        super().__init__(**kwargs)

    def clean(self, value):
        # The editor posts an empty paragraph as "<p></p>", which RichTextBlock
        # accepts once and refuses the next time the form is saved.
        value = super().clean(value)
        if self.required and not strip_tags(value.source).strip():
            raise ValidationError(_("Paragraf ini masih kosong. Isi atau hapus."))
        return value

    class Meta:
        template = "components/streamfield/paragraph_block.html"
        icon = "pilcrow"
        label = _("Paragraf")
        description = _("Teks biasa dengan cetak tebal, miring, tautan dan daftar.")
        preview_value = (
            "<p>Pagi itu saya menyiapkan bekal anak sambil menghitung sisa uang "
            "belanja. Ternyata, menulis anggaran di kertas membuat hati lebih tenang.</p>"
        )


class RenditionsImageChooserBlock(ImageChooserBlock):
    """An image chooser whose images arrive with their renditions: the <picture>
    of a body image names a dozen renditions, and an article's images are all
    fetched in one query with all their renditions in one more, however many."""

    def bulk_to_python(self, values):
        images = self.model_class.objects.prefetch_renditions().in_bulk(values)
        result, seen = [], set()
        for pk in values:
            image = images.get(pk)
            # The same image twice in a body: a copy each, as Wagtail's own does.
            result.append(copy.copy(image) if image and pk in seen else image)
            seen.add(pk)
        return result


class ImageBlock(blocks.StructBlock):
    image = RenditionsImageChooserBlock(label=_("gambar"))
    caption = blocks.CharBlock(label=_("keterangan"), required=False, max_length=255)

    class Meta:
        template = "components/streamfield/image_block.html"
        icon = "image"
        label = _("Gambar")
        description = _("Ilustrasi atau foto dengan keterangan di bawahnya.")
        preview_value = {"caption": "Ilustrasi: seorang ibu dan anaknya di teras rumah"}


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("kutipan"))
    attribution = blocks.CharBlock(label=_("sumber"), required=False, max_length=120)

    class Meta:
        template = "components/streamfield/pull_quote_block.html"
        icon = "openquote"
        label = _("Kutipan")
        description = _("Kalimat penting yang ditonjolkan dari tulisan.")
        preview_value = {
            "quote": "Meminta tolong bukan tanda lemah. Itu tanda kita sayang pada diri sendiri.",
            "attribution": "Seorang anggota komunitas",
        }


class KeyPointsBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("judul"), required=False, max_length=120, default="Poin penting"
    )
    points = blocks.ListBlock(blocks.CharBlock(max_length=280), label=_("poin"))

    class Meta:
        template = "components/streamfield/key_points_block.html"
        icon = "list-ul"
        label = _("Poin penting")
        description = _("Ringkasan beberapa poin utama dalam bentuk daftar.")
        preview_value = {
            "title": "Poin penting",
            "points": [
                "Catat pemasukan dan pengeluaran setiap hari.",
                "Sisihkan dana darurat walau sedikit.",
                "Bicarakan kebutuhan dengan anak secara jujur.",
            ],
        }


class ArticleEmbedBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("tautan media"), help_text=_("Misalnya tautan YouTube."))
    caption = blocks.CharBlock(label=_("keterangan"), required=False, max_length=255)

    class Meta:
        template = "components/streamfield/embed_block.html"
        icon = "media"
        label = _("Media sematan")
        description = _("Video atau media lain dari tautan.")
        preview_value = {"caption": "Rekaman diskusi daring komunitas"}


class CalloutBlock(blocks.StructBlock):
    """A "catatan": a boxed aside such as a helpline, a tip or a content note."""

    title = blocks.CharBlock(
        label=_("judul"), required=False, max_length=120, default="Catatan"
    )
    text = blocks.RichTextBlock(label=_("isi"), features=["bold", "italic", "link"])

    class Meta:
        template = "components/streamfield/callout_block.html"
        icon = "warning"
        label = _("Catatan")
        description = _(
            "Kotak catatan, misalnya nomor layanan bantuan atau tips singkat."
        )
        preview_value = {
            "title": "Catatan",
            "text": "<p>Jika kamu merasa kewalahan, hubungi teman yang kamu percaya "
            "atau layanan konseling terdekat.</p>",
        }


class ArticleTableBlock(TableBlock):
    """A table of plain-text cells, from a Word file, an old blog or the editor.

    On a phone it scrolls sideways inside its own box (a labelled, focusable region,
    so a keyboard can scroll it too), never the page."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "table_options",
            {
                "contextMenu": [
                    "row_above",
                    "row_below",
                    "---------",
                    "col_left",
                    "col_right",
                    "---------",
                    "remove_row",
                    "remove_col",
                    "---------",
                    "undo",
                    "redo",
                ],
                "startRows": 3,
                "startCols": 3,
            },
        )
        super().__init__(**kwargs)

    class Meta:
        template = "components/streamfield/table_block.html"
        icon = "table"
        label = _("Tabel")
        description = _("Tabel berisi teks, misalnya jadwal atau perbandingan biaya.")
        preview_value = {
            "data": [
                ["Kebutuhan", "Biaya per bulan"],
                ["Beras", "Rp300.000"],
                ["Listrik", "Rp150.000"],
            ],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_header_choice": "row",
            "table_caption": "",
        }


class PreformattedBlock(blocks.TextBlock):
    """Text shown exactly as typed, every space and line: code, a poem set with
    spaces, a text table."""

    class Meta:
        template = "components/streamfield/preformatted_block.html"
        icon = "code"
        label = _("Teks apa adanya")
        description = _(
            "Teks yang ditampilkan persis seperti diketik, misalnya kode atau puisi "
            "dengan spasi."
        )
        preview_value = "Ibu, engkau pagi\n    yang tak pernah lelah"


def is_empty_paragraph(child):
    return (
        child.block_type == "paragraph" and not strip_tags(child.value.source).strip()
    )


class ArticleBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    pull_quote = PullQuoteBlock()
    key_points = KeyPointsBlock()
    embed = ArticleEmbedBlock()
    callout = CalloutBlock()
    table = ArticleTableBlock()
    preformatted = PreformattedBlock()

    def clean(self, value):
        """An empty paragraph is left out rather than refused: a new article opens
        with one (blog.models.ArticlePageForm), and she may not need it."""
        kept = [i for i, child in enumerate(value) if not is_empty_paragraph(child)]
        if len(kept) == len(value):
            return super().clean(value)
        children = [(value[i].block_type, value[i].value, value[i].id) for i in kept]
        try:
            return super().clean(blocks.StreamValue(self, children))
        except blocks.StreamBlockValidationError as error:
            # Each error stays on the block she sees it on.
            raise blocks.StreamBlockValidationError(
                block_errors={kept[i]: e for i, e in error.block_errors.items()},
                non_block_errors=error.non_block_errors,
            ) from error
