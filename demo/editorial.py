"""Demo accounts and articles in every state, so the dashboards show something.

Called by `manage.py seed_demo` (development only). Idempotent. The texts are in
`data/editorial.toml`.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.test.utils import override_settings

from blog.models import ArticleCredit, ArticlePage, BlogIndexPage
from contributors.models import ContributorIndexPage, ContributorPage
from editorial.roles import CONTRIBUTORS, EDITORS

from .content import EDITORIAL, paragraphs_html

DEMO_PASSWORD = "serambi-demo"  # noqa: S105 - development demo only, documented
EDITOR = ("redaksi", "Rina", "Redaksi")
CONTRIBUTOR = ("kontributor", "Dewi", "Anggraini")

IN_REVIEW = EDITORIAL["in_review"]
CHANGES_REQUESTED = EDITORIAL["changes_requested"]


def _user(username, first_name, last_name, group):
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@serambi.local",
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.add(Group.objects.get(name=group))
    return user


def _profile_for(user):
    profile = ContributorPage.objects.filter(user=user).first()
    if profile is None:
        profile = (
            ContributorPage.objects.filter(user__isnull=True).order_by("pk").first()
        )
    if profile is None:
        index = ContributorIndexPage.objects.get()
        profile = ContributorPage(
            title=user.get_full_name(),
            slug="dewi-anggraini",
            short_bio="Ibu dari dua anak, menulis di sela pekerjaan di pasar.",
        )
        index.add_child(instance=profile)
        profile.save_revision().publish()
    ContributorPage.objects.filter(pk=profile.pk).update(user=user, owner=user)
    profile.refresh_from_db()
    return profile


def _draft(blog_index, owner, profile, content):
    article = ArticlePage.objects.filter(slug=content["slug"]).first()
    if article is not None:
        return article, False
    article = ArticlePage(
        title=content["title"],
        slug=content["slug"],
        standfirst=content["standfirst"],
        body=[
            ("heading", {"text": "Awalnya", "level": "h2"}),
            ("paragraph", paragraphs_html(content["body"])),
        ],
        owner=owner,
        live=False,
    )
    blog_index.add_child(instance=article)
    ArticleCredit.objects.create(
        page=article, contributor=profile, role=ArticleCredit.Role.WRITER
    )
    article.save_revision(user=owner)
    return ArticlePage.objects.get(pk=article.pk), True


def seed_editorial_demo(stdout=None):
    if not settings.DEBUG:
        return
    blog_index = BlogIndexPage.objects.first()
    if blog_index is None:
        return
    # Demo submissions would otherwise print a screenful of console e-mail.
    with (
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"
        ),
        transaction.atomic(),
    ):
        # Reuse the accounts seed_demo made, if any, so the demo has one cast.
        User = get_user_model()
        editor = (
            User.objects.filter(groups__name=EDITORS, is_active=True)
            .order_by("pk")
            .first()
        ) or _user(*EDITOR, EDITORS)
        contributor = (
            User.objects.filter(
                groups__name=CONTRIBUTORS,
                is_active=True,
                contributor_profile__isnull=False,
            )
            .order_by("pk")
            .first()
        ) or _user(*CONTRIBUTOR, CONTRIBUTORS)
        profile = _profile_for(contributor)

        article, created = _draft(blog_index, contributor, profile, IN_REVIEW)
        if created:
            article.get_workflow().start(article, contributor)

        article, created = _draft(blog_index, contributor, profile, CHANGES_REQUESTED)
        if created:
            workflow_state = article.get_workflow().start(article, contributor)
            workflow_state.current_task_state.specific.reject(
                user=editor, comment=CHANGES_REQUESTED["comment"]
            )

    if stdout is not None:
        stdout.write(
            f"Redaksi: '{editor.get_username()}' melihat satu artikel menunggu tinjauan; "
            f"'{contributor.get_username()}' melihat satu artikel perlu perbaikan."
        )
