"""Small exports written by the tests themselves, in the shapes real tools write.

WordPress WXR as WordPress.com and self-hosted WordPress write it (1.0 to 1.2, its
namespaces under http or https, attachments, pages, menu items, postmeta, comments,
sticky and password-protected posts); Blogger's Atom export (also as Blogger
really writes it: `app:` used without its declaration); Jekyll and Hugo folders.
"""

import io
from xml.sax.saxutils import escape

from PIL import Image

SITE = "https://blog-lama.example"


def wxr_head(version="1.2", scheme="http", *, site=SITE, authors=None):
    namespace = f"{scheme}://wordpress.org/export/{version}/"
    authors = authors or [("rina", "Rina Marlina")]
    author_xml = "".join(
        f"<wp:author><wp:author_id>{n}</wp:author_id>"
        f"<wp:author_login><![CDATA[{login}]]></wp:author_login>"
        f"<wp:author_display_name><![CDATA[{name}]]></wp:author_display_name>"
        "</wp:author>\n"
        for n, (login, name) in enumerate(authors, 1)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- generator="WordPress/6.4.2" created="2024-01-02 03:04" -->
<rss version="2.0"
    xmlns:excerpt="{namespace}excerpt/"
    xmlns:content="http://purl.org/rss/1.0/modules/content/"
    xmlns:wfw="http://wellformedweb.org/CommentAPI/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:wp="{namespace}">
<channel>
<title>Blog Lama Komunitas</title>
<link>{site}</link>
<wp:wxr_version>{version}</wp:wxr_version>
<wp:base_site_url>{site}</wp:base_site_url>
<wp:base_blog_url>{site}</wp:base_blog_url>
{author_xml}"""


WXR_HEAD = wxr_head()
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
    password="",
    sticky=False,
    excerpt="",
    guid=None,
    link=None,
    meta=(),
    comments=0,
    attachment_url="",
    parent=0,
    site=SITE,
):
    """One <item>. `categories`/`tags`: names, or (name, nicename) pairs."""
    slug = f"tulisan-{post_id}" if slug is None else slug

    def term(domain, value):
        name, nicename = value if isinstance(value, tuple) else (value, value.lower())
        return (
            f'<category domain="{domain}" nicename="{escape(nicename)}">'
            f"<![CDATA[{name}]]></category>"
        )

    terms = "".join(term("category", c) for c in categories) + "".join(
        term("post_tag", t) for t in tags
    )
    postmeta = "".join(
        f"<wp:postmeta><wp:meta_key><![CDATA[{key}]]></wp:meta_key>"
        f"<wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>"
        for key, value in meta
    )
    comment_xml = "".join(
        f"<wp:comment><wp:comment_id>{post_id * 100 + n}</wp:comment_id>"
        "<wp:comment_author><![CDATA[Pembaca]]></wp:comment_author>"
        "<wp:comment_content><![CDATA[Terima kasih sudah menulis ini.]]>"
        "</wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
        "</wp:comment>"
        for n in range(comments)
    )
    if link is None:
        link = f"{site}/{date[:4]}/{date[5:7]}/{date[8:10]}/{slug}/"
    attachment = (
        f"<wp:attachment_url><![CDATA[{attachment_url}]]></wp:attachment_url>"
        if attachment_url
        else ""
    )
    return f"""<item>
<title>{escape(title)}</title>
<link>{escape(link)}</link>
<pubDate>Sun, 14 May 2023 02:30:00 +0000</pubDate>
<dc:creator><![CDATA[{creator}]]></dc:creator>
<guid isPermaLink="false">{escape(guid or f"{site}/?p={post_id}")}</guid>
<description></description>
<content:encoded><![CDATA[{content}]]></content:encoded>
<excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id>
<wp:post_date><![CDATA[{date}]]></wp:post_date>
<wp:post_date_gmt><![CDATA[{date}]]></wp:post_date_gmt>
<wp:comment_status><![CDATA[open]]></wp:comment_status>
<wp:post_name><![CDATA[{slug}]]></wp:post_name>
<wp:status><![CDATA[{status}]]></wp:status>
<wp:post_parent>{parent}</wp:post_parent>
<wp:menu_order>0</wp:menu_order>
<wp:post_type><![CDATA[{post_type}]]></wp:post_type>
<wp:post_password><![CDATA[{password}]]></wp:post_password>
<wp:is_sticky>{1 if sticky else 0}</wp:is_sticky>
{attachment}{terms}
{postmeta}{comment_xml}
</item>
"""


def wxr_attachment(post_id, url, *, parent=0):
    name = url.rsplit("/", 1)[-1]
    return wxr_item(
        post_id,
        name.rsplit(".", 1)[0],
        "",
        post_type="attachment",
        status="inherit",
        slug=name.rsplit(".", 1)[0],
        link=f"{SITE}/?attachment_id={post_id}",
        guid=url,
        attachment_url=url,
        parent=parent,
    )


def wxr_menu_item(post_id):
    # WordPress gives menu items no title and a numeric slug, all with one shape.
    return wxr_item(
        post_id,
        "",
        "",
        post_type="nav_menu_item",
        slug=str(post_id),
        meta=[("_menu_item_type", "custom"), ("_menu_item_url", f"{SITE}/")],
    )


def wxr(*items, head=WXR_HEAD):
    return head + "".join(items) + WXR_TAIL


BLOGGER_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:app="http://purl.org/atom/app#">
<id>tag:blogger.com,1999:blog-777</id>
<title type="text">Catatan Bunda</title>
<link href="https://catatanbunda.blogspot.com/" rel="alternate" type="text/html"/>
"""
# As Blogger's own export is written: app:, gd:, thr: used, only some declared.
BLOGGER_HEAD_UNDECLARED = """<?xml version="1.0" encoding="utf-8"?>
<?xml-stylesheet href="https://www.blogger.com/styles/atom.css" type="text/css"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:gd="http://schemas.google.com/g/2005" xmlns:thr="http://purl.org/syndication/thread/1.0">
 <id>tag:blogger.com,1999:blog-777.archive
 </id>
 <title type="text">Catatan Bunda </title>
 <link href="https://catatanbunda.blogspot.com/" rel="alternate" type="text/html"/>
"""


def blogger_entry(
    post_id,
    title,
    html,
    *,
    labels=(),
    draft=False,
    author="Sari Lestari",
    kind="post",
    link=True,
):
    labels_xml = "".join(
        f'<category scheme="http://www.blogger.com/atom/ns#" term="{escape(label)}"/>'
        for label in labels
    )
    control = "<app:control><app:draft>yes</app:draft></app:control>" if draft else ""
    alternate = (
        '<link rel="alternate" type="text/html" '
        f'href="https://catatanbunda.blogspot.com/2022/11/{post_id}-judul.html" '
        f'title="{escape(title)}"/>'
        if link
        else ""
    )
    return f"""<entry>
<id>tag:blogger.com,1999:blog-777.{kind}-{post_id}</id>
<published>2022-11-02T08:15:00.000+07:00</published>
<updated>2022-11-03T08:15:00.000+07:00</updated>
{control}
<category scheme="http://schemas.google.com/g/2005#kind" term="http://schemas.google.com/blogger/2008/kind#{kind}"/>
{labels_xml}
<title type="text">{escape(title)}</title>
<content type="html">{escape(html)}</content>
{alternate}
<author><name>{escape(author)}</name><gd:image rel="http://schemas.google.com/g/2005#thumbnail" src="//lh3.googleusercontent.com/a=s35"/></author>
<thr:total>0</thr:total>
</entry>
"""


def blogger_settings_entry():
    return """<entry>
<id>tag:blogger.com,1999:blog-777.settings.BLOG_NAME</id>
<category scheme="http://schemas.google.com/g/2005#kind" term="http://schemas.google.com/blogger/2008/kind#settings"/>
<title type="text">Nama blog</title><content type="text">Catatan Bunda</content>
</entry>
"""


def blogger(*entries, head=BLOGGER_HEAD):
    if head is BLOGGER_HEAD:
        head = head.replace(
            'xmlns:app="http://purl.org/atom/app#"',
            'xmlns:app="http://purl.org/atom/app#" '
            'xmlns:gd="http://schemas.google.com/g/2005" '
            'xmlns:thr="http://purl.org/syndication/thread/1.0"',
        )
    return head + "".join(entries) + "</feed>\n"


def png_bytes(color=(200, 120, 80)):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(buffer, "PNG")
    return buffer.getvalue()
