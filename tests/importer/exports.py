"""Small exports written by the tests themselves: WordPress WXR and Blogger Atom."""

import io
from xml.sax.saxutils import escape

from PIL import Image

WXR_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
    xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
    xmlns:content="http://purl.org/rss/1.0/modules/content/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Blog Lama Komunitas</title>
<link>https://blog-lama.example</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>rina</wp:author_login>
<wp:author_display_name><![CDATA[Rina Marlina]]></wp:author_display_name></wp:author>
"""
WXR_TAIL = "</channel>\n</rss>\n"


def wxr_item(
    post_id,
    title,
    content,
    *,
    slug=None,
    status="publish",
    creator="rina",
    date="2023-05-14 02:30:00",
    categories=(),
    tags=(),
    post_type="post",
):
    slug = slug or f"tulisan-{post_id}"
    terms = "".join(
        f'<category domain="category" nicename="{escape(c.lower())}"><![CDATA[{c}]]></category>'
        for c in categories
    ) + "".join(
        f'<category domain="post_tag" nicename="{escape(t.lower())}"><![CDATA[{t}]]></category>'
        for t in tags
    )
    return f"""<item>
<title>{escape(title)}</title>
<link>https://blog-lama.example/2023/05/{slug}/</link>
<pubDate>Sun, 14 May 2023 02:30:00 +0000</pubDate>
<dc:creator><![CDATA[{creator}]]></dc:creator>
<guid isPermaLink="false">https://blog-lama.example/?p={post_id}</guid>
<content:encoded><![CDATA[{content}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id>
<wp:post_date><![CDATA[{date}]]></wp:post_date>
<wp:post_date_gmt><![CDATA[{date}]]></wp:post_date_gmt>
<wp:post_name><![CDATA[{slug}]]></wp:post_name>
<wp:status><![CDATA[{status}]]></wp:status>
<wp:post_type><![CDATA[{post_type}]]></wp:post_type>
{terms}
</item>
"""


def wxr(*items):
    return WXR_HEAD + "".join(items) + WXR_TAIL


BLOGGER_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:app="http://purl.org/atom/app#">
<id>tag:blogger.com,1999:blog-777</id>
<title type="text">Catatan Bunda</title>
"""


def blogger_entry(
    post_id, title, html, *, labels=(), draft=False, author="Sari Lestari"
):
    labels_xml = "".join(
        f'<category scheme="http://www.blogger.com/atom/ns#" term="{escape(label)}"/>'
        for label in labels
    )
    control = "<app:control><app:draft>yes</app:draft></app:control>" if draft else ""
    return f"""<entry>
<id>tag:blogger.com,1999:blog-777.post-{post_id}</id>
<published>2022-11-02T08:15:00.000+07:00</published>
<updated>2022-11-03T08:15:00.000+07:00</updated>
<category scheme="http://schemas.google.com/g/2005#kind" term="http://schemas.google.com/blogger/2008/kind#post"/>
{labels_xml}
<title type="text">{escape(title)}</title>
<content type="html">{escape(html)}</content>
<link rel="alternate" type="text/html" href="https://catatanbunda.blogspot.com/2022/11/{post_id}-judul.html" title="{escape(title)}"/>
<author><name>{escape(author)}</name></author>
{control}
</entry>
"""


def blogger_settings_entry():
    return """<entry>
<id>tag:blogger.com,1999:blog-777.settings.BLOG_NAME</id>
<category scheme="http://schemas.google.com/g/2005#kind" term="http://schemas.google.com/blogger/2008/kind#settings"/>
<title type="text">Nama blog</title><content type="text">Catatan Bunda</content>
</entry>
"""


def blogger(*entries):
    return BLOGGER_HEAD + "".join(entries) + "</feed>\n"


def png_bytes(color=(200, 120, 80)):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(buffer, "PNG")
    return buffer.getvalue()
