"""Word files built in code, part by part, in the shapes Word and LibreOffice write.

The parts and their relationships follow what real files hold (see
../shared/corpora/docx, from mammoth's own test data): styles named as Word names them
(English inside the file whatever the language of Word), numbering definitions with a
bullet or decimal format per level, footnotes and endnotes with their separator
entries, text boxes inside mc:AlternateContent with a VML fallback, pictures as
wp:inline drawings, and strict OOXML (purl.oclc.org namespaces, w:conformance="strict").
Bombs are built here too, from the same parts.
"""

import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

TRANSITIONAL = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "rel": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
STRICT = {
    "w": "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "r": "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "wp": "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
    "a": "http://purl.oclc.org/ooxml/drawingml/main",
    "pic": "http://purl.oclc.org/ooxml/drawingml/picture",
    "rel": "http://purl.oclc.org/ooxml/officeDocument/relationships",
}
EXTRA_NS = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'mc:Ignorable="wps"'
)
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
STYLES = [
    ("Normal", "Normal", "paragraph"),
    ("Title", "Title", "paragraph"),
    ("Heading1", "heading 1", "paragraph"),
    ("Heading2", "heading 2", "paragraph"),
    ("Quote", "Quote", "paragraph"),
    ("ListParagraph", "List Paragraph", "paragraph"),
    ("FootnoteText", "footnote text", "paragraph"),
    ("EndnoteText", "endnote text", "paragraph"),
    ("HTMLPreformatted", "HTML Preformatted", "paragraph"),
    ("FootnoteReference", "footnote reference", "character"),
    ("EndnoteReference", "endnote reference", "character"),
    ("Hyperlink", "Hyperlink", "character"),
]
BULLETS = 1  # numId of a bulleted list (nested levels bulleted too)
DECIMAL = 2  # numId of a numbered list


def run(text="", *, bold=False, italic=False, strike=False, vert=None, breaks=()):
    """A w:r; `breaks`: line breaks (Shift+Enter) after these line indexes."""
    props = []
    if bold:
        props.append("<w:b/>")
    if italic:
        props.append("<w:i/>")
    if strike:
        props.append("<w:strike/>")
    if vert:
        props.append(f'<w:vertAlign w:val="{vert}"/>')
    rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
    pieces = []
    for index, line in enumerate(text.split("\n")):
        if index:
            pieces.append("<w:br/>")
        pieces.append(f'<w:t xml:space="preserve">{escape(line)}</w:t>')
    return f"<w:r>{rpr}{''.join(pieces)}</w:r>"


class WordFile:
    """Build a .docx: add paragraphs, tables and notes, then `data()`."""

    def __init__(self, *, strict=False):
        self.strict = strict
        self.ns = STRICT if strict else TRANSITIONAL
        self.body = []
        self.footnotes = []
        self.endnotes = []
        self.relationships = []  # (id, type, target, external)
        self.media = {}

    # --- relationships
    def _rel(self, kind, target, external=False):
        rel_id = f"rId{len(self.relationships) + 10}"
        self.relationships.append((rel_id, kind, target, external))
        return rel_id

    def _rel_type(self, name):
        return f"{self.ns['rel']}/{name}"

    # --- body
    def paragraph(self, *runs, style=None, numbered=None):
        """`runs`: strings (plain runs) or XML from run()/link()/…; `numbered`:
        (numId, level) for a list item."""
        props = []
        if style:
            props.append(f'<w:pStyle w:val="{style}"/>')
        if numbered:
            num_id, level = numbered
            props.append(
                f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
            )
        ppr = f"<w:pPr>{''.join(props)}</w:pPr>" if props else ""
        content = "".join(r if r.startswith("<") else run(r) for r in runs)
        self.body.append(f"<w:p>{ppr}{content}</w:p>")
        return self

    def heading(self, text, level=1):
        return self.paragraph(text, style=f"Heading{level}")

    def title(self, text):
        return self.paragraph(text, style="Title")

    def link(self, text, url):
        rel_id = self._rel(self._rel_type("hyperlink"), url, external=True)
        return (
            f'<w:hyperlink r:id="{rel_id}" w:history="1"><w:r><w:rPr>'
            f'<w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">'
            f"{escape(text)}</w:t></w:r></w:hyperlink>"
        )

    def footnote(self, text):
        self.footnotes.append(text)
        return (
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            f'<w:footnoteReference w:id="{len(self.footnotes)}"/></w:r>'
        )

    def endnote(self, text):
        self.endnotes.append(text)
        return (
            '<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr>'
            f'<w:endnoteReference w:id="{len(self.endnotes)}"/></w:r>'
        )

    def text_box(self, *texts):
        """A run holding a text box, as Word 2010+ writes it: a DrawingML shape in
        mc:Choice and the same text in a VML fallback."""
        paragraphs = "".join(f"<w:p>{run(text)}</w:p>" for text in texts)
        return (
            '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" '
            'simplePos="0" relativeHeight="1" behindDoc="0" locked="0" '
            'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:align>center</wp:align>'
            '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
            '</wp:posOffset></wp:positionV><wp:extent cx="2374265" cy="1403985"/>'
            '<wp:wrapNone/><wp:docPr id="307" name="Text Box 2"/><a:graphic>'
            '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
            'wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:txbx>'
            f"<w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx><wps:bodyPr/>"
            "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
            '</mc:Choice><mc:Fallback><w:pict><v:shape id="Text Box 2" '
            'type="#_x0000_t202"><v:textbox><w:txbxContent>'
            f"{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict>"
            "</mc:Fallback></mc:AlternateContent></w:r>"
        )

    def picture(self, data, alt, name="image1.png", *, linked_to=None):
        """An embedded picture, or with `linked_to` one that Word links to outside
        the file (a:blip r:link, a relationship with TargetMode="External")."""
        if linked_to:
            rel_id = self._rel(self._rel_type("image"), linked_to, external=True)
        else:
            rel_id = self._rel(self._rel_type("image"), f"media/{name}")
            self.media[name] = data
        blip = "r:link" if linked_to else "r:embed"
        return (
            '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            '<wp:extent cx="952500" cy="952500"/>'
            f'<wp:docPr id="1" name="Picture 1" descr={quoteattr(alt)}/>'
            "<a:graphic><a:graphicData "
            f'uri="{self.ns["pic"]}"><pic:pic><pic:nvPicPr>'
            f'<pic:cNvPr id="0" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip {blip}="{rel_id}"/></pic:blipFill>'
            '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/>'
            '</a:xfrm><a:prstGeom prst="rect"/></pic:spPr></pic:pic>'
            "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        )

    def table(self, rows, *, header=True):
        xml = [
            '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" '
            'w:type="auto"/></w:tblPr><w:tblGrid>'
        ]
        xml.extend('<w:gridCol w:w="3000"/>' for _ in rows[0])
        xml.append("</w:tblGrid>")
        for index, row in enumerate(rows):
            trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header and index == 0 else ""
            cells = "".join(
                '<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>'
                + "".join(f"<w:p>{run(part)}</w:p>" for part in cell.split("\n\n"))
                + "</w:tc>"
                for cell in row
            )
            xml.append(f"<w:tr>{trpr}{cells}</w:tr>")
        xml.append("</w:tbl>")
        self.body.append("".join(xml))
        return self

    # --- the package
    def _namespaces(self):
        return (
            f'xmlns:w="{self.ns["w"]}" xmlns:r="{self.ns["r"]}" '
            f'xmlns:wp="{self.ns["wp"]}" xmlns:a="{self.ns["a"]}" '
            f'xmlns:pic="{self.ns["pic"]}" {EXTRA_NS}'
        )

    def document_xml(self, body=None):
        conformance = ' w:conformance="strict"' if self.strict else ""
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f"<w:document {self._namespaces()}{conformance}><w:body>"
            + (body if body is not None else "".join(self.body))
            + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
            "</w:body></w:document>"
        )

    def _notes_xml(self, kind, notes):
        style = "FootnoteText" if kind == "footnote" else "EndnoteText"
        ref = "FootnoteReference" if kind == "footnote" else "EndnoteReference"
        entries = [
            f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
            f"</w:p></w:{kind}>",
            f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
            f"<w:continuationSeparator/></w:r></w:p></w:{kind}>",
        ]
        for index, text in enumerate(notes, start=1):
            entries.append(
                f'<w:{kind} w:id="{index}"><w:p><w:pPr><w:pStyle w:val="{style}"/>'
                f'</w:pPr><w:r><w:rPr><w:rStyle w:val="{ref}"/></w:rPr><w:{kind}Ref/>'
                f"</w:r>{run(' ' + text)}</w:p></w:{kind}>"
            )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f"<w:{kind}s {self._namespaces()}>{''.join(entries)}</w:{kind}s>"
        )

    def _styles_xml(self):
        styles = "".join(
            f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            "</w:style>"
            for style_id, name, kind in STYLES
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:styles xmlns:w="{self.ns["w"]}">{styles}</w:styles>'
        )

    def _numbering_xml(self):
        def levels(fmt):
            return "".join(
                f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{"•" if fmt == "bullet" else f"%{level + 1}."}"/>'
                f'<w:pPr><w:ind w:left="{720 * (level + 1)}" w:hanging="360"/></w:pPr>'
                "</w:lvl>"
                for level in range(3)
            )

        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:numbering xmlns:w="{self.ns["w"]}">'
            f'<w:abstractNum w:abstractNumId="0">{levels("bullet")}</w:abstractNum>'
            f'<w:abstractNum w:abstractNumId="1">{levels("decimal")}</w:abstractNum>'
            f'<w:num w:numId="{BULLETS}"><w:abstractNumId w:val="0"/></w:num>'
            f'<w:num w:numId="{DECIMAL}"><w:abstractNumId w:val="1"/></w:num>'
            "</w:numbering>"
        )

    def parts(self, document=None):
        """{name: bytes} of the package."""
        rels = list(self.relationships)
        rels.append(("rId1", self._rel_type("styles"), "styles.xml", False))
        rels.append(("rId2", self._rel_type("numbering"), "numbering.xml", False))
        parts = {
            "word/document.xml": document or self.document_xml(),
            "word/styles.xml": self._styles_xml(),
            "word/numbering.xml": self._numbering_xml(),
        }
        if self.footnotes:
            rels.append(("rId3", self._rel_type("footnotes"), "footnotes.xml", False))
            parts["word/footnotes.xml"] = self._notes_xml("footnote", self.footnotes)
        if self.endnotes:
            rels.append(("rId4", self._rel_type("endnotes"), "endnotes.xml", False))
            parts["word/endnotes.xml"] = self._notes_xml("endnote", self.endnotes)
        parts["word/_rels/document.xml.rels"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PACKAGE_RELS}">'
            + "".join(
                f'<Relationship Id="{rel_id}" Type="{kind}" Target={quoteattr(target)}'
                + (' TargetMode="External"' if external else "")
                + "/>"
                for rel_id, kind, target, external in rels
            )
            + "</Relationships>"
        )
        parts["_rels/.rels"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PACKAGE_RELS}"><Relationship Id="rId1" '
            f'Type="{self._rel_type("officeDocument")}" Target="word/document.xml"/>'
            "</Relationships>"
        )
        main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        overrides = [
            ("/word/document.xml", f"{main}.document.main+xml"),
            ("/word/styles.xml", f"{main}.styles+xml"),
            ("/word/numbering.xml", f"{main}.numbering+xml"),
        ]
        if self.footnotes:
            overrides.append(("/word/footnotes.xml", f"{main}.footnotes+xml"))
        if self.endnotes:
            overrides.append(("/word/endnotes.xml", f"{main}.endnotes+xml"))
        parts["[Content_Types].xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-'
            'package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Default Extension="png" '
            'ContentType="image/png"/>'
            + "".join(
                f'<Override PartName="{name}" ContentType="{kind}"/>'
                for name, kind in overrides
            )
            + "</Types>"
        )
        for name, data in self.media.items():
            parts[f"word/media/{name}"] = data
        return parts

    def data(self, document=None):
        return zipped(self.parts(document))


def zipped(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(
                name, content.encode("utf-8") if isinstance(content, str) else content
            )
    return buffer.getvalue()


# --- Bombs


def xml_bomb(xml_bytes=82_000_000):
    """The attack of issue 19: a .docx of a few MB whose document.xml unpacks to
    `xml_bytes` of real paragraphs (runs of varied words, so it packs about 30 to 1,
    under any ratio check a real file would pass)."""
    word_file = WordFile()
    words = [
        "ibu", "anak", "pagi", "sekolah", "bekal", "uang", "belanja", "teman",
        "komunitas", "cerita", "rumah", "kerja", "hati", "tenang", "tabungan",
    ]  # fmt: skip
    paragraphs = []
    size = 0
    n = 0
    while size < xml_bytes:
        text = " ".join(words[(n * 7 + i * 3) % len(words)] for i in range(12))
        # A run per few words, as Word splits runs at every edit (rsid).
        piece = (
            f'<w:p w:rsidR="00{n % 31:06X}"><w:r><w:t xml:space="preserve">{text} '
            f"{n}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{words[n % 15]}</w:t></w:r></w:p>"
        )
        paragraphs.append(piece)
        size += len(piece)
        n += 1
    return word_file.data(document=word_file.document_xml("".join(paragraphs)))


def entity_bomb():
    """A billion-laughs document.xml: entities that expand to gigabytes."""
    word_file = WordFile()
    entities = ['<!ENTITY lol0 "hahahahahahahahahaha">']
    entities.extend(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<!DOCTYPE w:document [{''.join(entities)}]>\n"
        f'<w:document xmlns:w="{TRANSITIONAL["w"]}"><w:body><w:p><w:r><w:t>&lol9;'
        "</w:t></w:r></w:p></w:body></w:document>"
    )
    return word_file.data(document=document)
