"""The public article renders the structure an import keeps: tables in a box that
scrolls by itself, preformatted text as typed, nested lists, quotes, strike-through,
sup/sub and code, as valid, labelled HTML."""

from html.parser import HTMLParser

import pytest
from bs4 import BeautifulSoup

from blog.blocks import ArticleBodyBlock
from demo.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

TABLE = {
    "data": [
        ["Kebutuhan", "Biaya per bulan"],
        ["Beras", "Rp300.000"],
        ["Listrik\ndan air", "Rp150.000"],
    ],
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "table_header_choice": "row",
    "table_caption": "Biaya rumah tangga",
    "cell": [],
    "mergeCells": [],
}
RICH = (
    "<ul><li>Pokok<ul><li>Beras</li></ul></li></ul>"
    "<blockquote>Meminta tolong bukan tanda lemah.</blockquote>"
    "<p><s>Rp20.000</s> 1 m<sup>2</sup> H<sub>2</sub>O <code>kode</code><br/>baris</p>"
)


@pytest.fixture
def article(blog_index):
    return ArticlePageFactory(
        parent=blog_index,
        title="Biaya Sebulan",
        body=[
            ("paragraph", RICH),
            ("table", TABLE),
            ("preformatted", "Beras     300.000\n  Listrik 150.000"),
        ],
    )


class Nesting(HTMLParser):
    """Every element closed in the order opened (void elements excepted)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "source", "track", "wbr"}  # fmt: skip

    def __init__(self):
        super().__init__()
        self.stack, self.errors = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1:]}>")
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
        else:
            self.stack.pop()


def test_a_table_scrolls_inside_its_own_labelled_box(client, article):
    html = client.get(article.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")

    box = soup.select_one(".table-scroll")
    assert box["role"] == "region"
    assert box["tabindex"] == "0"
    assert box["aria-label"] == "Tabel: Biaya rumah tangga"
    table = box.find("table")
    assert table.caption.get_text(strip=True) == "Biaya rumah tangga"
    assert [th["scope"] for th in table.thead.find_all("th")] == ["col", "col"]
    assert [th.get_text(strip=True) for th in table.thead.find_all("th")] == [
        "Kebutuhan",
        "Biaya per bulan",
    ]
    cells = [td.decode_contents().strip() for td in table.tbody.find_all("td")]
    assert cells == ["Beras", "Rp300.000", "Listrik<br/>dan air", "Rp150.000"]


def test_preformatted_text_and_rich_text_render_as_kept(client, article):
    html = client.get(article.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")

    assert soup.select_one("pre.preformatted").string == (
        "Beras     300.000\n  Listrik 150.000"
    )
    prose = str(soup.select_one(".prose"))
    assert "<ul><li>Pokok<ul><li>Beras</li></ul></li></ul>" in prose
    assert "<blockquote>Meminta tolong bukan tanda lemah.</blockquote>" in prose
    assert "<s>Rp20.000</s> 1 m<sup>2</sup> H<sub>2</sub>O <code>kode</code>" in prose


def test_the_article_page_nests_its_elements_properly(client, article):
    checker = Nesting()
    checker.feed(client.get(article.url).content.decode())
    assert checker.errors == []


def test_the_table_block_unpacks_what_the_importer_stores():
    block = ArticleBodyBlock.base_blocks["table"]
    html = block.render(block.to_python(TABLE))
    assert html.startswith('<div class="table-scroll" role="region" tabindex="0"')
