"""The article body's blocks, as the admin form validates and the page renders them."""

from django.core.exceptions import ValidationError

from wagtail.rich_text import RichText

import pytest

from blog.blocks import ArticleBodyBlock, ParagraphBlock


@pytest.mark.parametrize("empty", ["<p></p>", '<p data-block-key="a1"> </p>'])
def test_an_empty_paragraph_is_refused_with_a_clear_message(empty):
    with pytest.raises(ValidationError, match="Paragraf ini masih kosong"):
        ParagraphBlock().clean(RichText(empty))


def test_a_missing_paragraph_is_refused_as_required():
    with pytest.raises(ValidationError):
        ParagraphBlock().clean(RichText(""))


def test_a_paragraph_with_text_is_kept():
    value = ParagraphBlock().clean(RichText("<p>Saya menelepon kakak.</p>"))
    assert "Saya menelepon kakak." in value.source


def test_every_block_previews_itself_in_the_block_picker():
    for name, block in ArticleBodyBlock().child_blocks.items():
        meta = block.meta
        assert meta.template.startswith("components/streamfield/"), name
        assert meta.icon, name
        assert meta.description, name
        assert block.get_preview_value() is not None, name
