"""Keeps seed_demo away from a database that holds anyone's real content.

DEBUG alone does not protect a production database: the development settings have
DEBUG on, and DATABASE_URL can point them anywhere. So seed_demo looks at what is
there first. It may add to an empty site (what migrations made: the root, the home
page, the two section indexes) or to its own earlier demo, and to nothing else.

Demo content is recognised by its accounts: every demo account, the builder's and the
editorial app's, has an address under a reserved domain that no one can receive mail
at, and every demo page is owned by one of them.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.models import Page

from blog.models import BlogIndexPage
from contributors.models import ContributorIndexPage
from website.models import HomePage

DEMO_EMAIL_DOMAINS = ("serambi.example", "serambi.local")
# The pages migrations create, which every Serambi database has.
SITE_SKELETON = (HomePage, BlogIndexPage, ContributorIndexPage)
SHOWN = 5


def demo_users():
    address = Q()
    for domain in DEMO_EMAIL_DOMAINS:
        address |= Q(email__iendswith=f"@{domain}")
    return get_user_model().objects.filter(address)


def foreign_users():
    return get_user_model().objects.exclude(pk__in=demo_users().values("pk"))


def foreign_pages():
    return (
        Page.objects.filter(depth__gt=1)
        .not_type(*SITE_SKELETON)
        .exclude(owner__in=demo_users())
    )


def foreign_content():
    """What seed_demo did not create, as short lines for its refusal message."""
    users = foreign_users().order_by("pk")
    pages = foreign_pages().order_by("path")
    lines = [f"user {user.get_username()!r}" for user in users[:SHOWN]]
    lines += [f"page {page.title!r} ({page.url_path})" for page in pages[:SHOWN]]
    hidden = users.count() + pages.count() - len(lines)
    if hidden > 0:
        lines.append(f"… {hidden} more")
    return lines
