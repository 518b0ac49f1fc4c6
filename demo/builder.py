"""Builds the demo site from the data files that content.py reads.

Every step first looks its object up by a stable key (username, slug, the home page's
own fields), so a second run finds everything in place and changes nothing. Pages are
published through revisions, as an editor would, and then backdated so the site
reads as if it had been growing for months.
"""

import io
import uuid
from collections import Counter
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page, PageLogEntry, Revision, Site

from blog.models import ArticleCredit, ArticlePage, BlogIndexPage, Category
from contributors.models import ContributorIndexPage, ContributorLink, ContributorPage
from images.models import CustomImage
from stories.models import StoryFormPage
from website.models import (
    HelplineSettings,
    HomePage,
    HomePageFeaturedArticle,
    SiteSettings,
)

from . import content, illustrations
from .content import ARTICLES
from .editorial import seed_editorial_demo

# How the summary names each kind of thing it created.
LABELS = {
    "users": "akun pengguna",
    "categories": "kategori",
    "contributors": "profil kontributor",
    "articles": "artikel",
    "images": "gambar",
    "pages": "halaman diperbarui",
    "settings": "pengaturan situs",
    "memberships": "keanggotaan grup",
    "editorial": "contoh alur redaksi",
}


class DemoBuilder:
    def __init__(self, stdout, style):
        self.stdout = stdout
        self.style = style
        self.created = Counter()
        self.now = timezone.now()
        self.users = {}

    # --- entry point

    def build(self):
        """Create whatever is missing; return a Counter of what was created."""
        site = Site.objects.filter(is_default_site=True).first()
        home = site.root_page.specific if site else None
        if not isinstance(home, HomePage):
            raise CommandError(
                _(
                    "Situs bawaan tidak berakar di beranda Serambi. Jalankan migrate dulu."
                )
            )
        self.ensure_users()
        self.ensure_site_settings(site)
        self.ensure_helplines(site)
        blog_index = self.ensure_index(
            home, BlogIndexPage, "Artikel", "artikel", content.BLOG_INDEX_INTRO
        )
        contributor_index = self.ensure_index(
            home,
            ContributorIndexPage,
            "Kontributor",
            "kontributor",
            content.CONTRIBUTOR_INDEX_INTRO,
        )
        categories = self.ensure_categories()
        contributors = self.ensure_contributors(contributor_index)
        articles = self.ensure_articles(blog_index, categories, contributors)
        self.ensure_home(home, articles)
        self.ensure_story_form(home)
        self.ensure_editorial_examples()
        return self.created

    # --- accounts

    def ensure_users(self):
        User = get_user_model()
        for spec in content.USERS:
            user = User.objects.filter(username=spec.username).first()
            if user is None:
                create = (
                    User.objects.create_superuser
                    if spec.is_superuser
                    else User.objects.create_user
                )
                user = create(
                    username=spec.username,
                    email=spec.email,
                    password=spec.password,
                    first_name=spec.first_name,
                    last_name=spec.last_name,
                )
                self.created["users"] += 1
            self.users[spec.username] = user
            if spec.group:
                self.ensure_membership(user, spec.group)

    def ensure_membership(self, user, group_name):
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            self.stdout.write(
                self.style.WARNING(
                    _("Grup '%(group)s' belum ada; %(user)s tidak dimasukkan ke grup.")
                    % {"group": group_name, "user": user.username}
                )
            )
            return
        if not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
            self.created["memberships"] += 1

    # --- site-wide settings and sections

    def ensure_site_settings(self, site):
        site_settings = SiteSettings.for_site(site)
        model_default = SiteSettings._meta.get_field("tagline").default
        changed = []
        for name, value in content.SITE_SETTINGS.items():
            current = getattr(site_settings, name)
            # Fill only what nobody has set yet: the model's own default tagline
            # counts as unset, anything an editor typed does not.
            if not current or (name == "tagline" and current == model_default):
                setattr(site_settings, name, value)
                changed.append(name)
        if changed:
            site_settings.save()
            self.created["settings"] += 1

    def ensure_helplines(self, site):
        helpline_settings = HelplineSettings.for_site(site)
        if helpline_settings.helplines:
            return
        helpline_settings.helplines = [
            ("helpline", helpline) for helpline in content.HELPLINES
        ]
        helpline_settings.save()
        self.created["settings"] += 1

    def ensure_index(self, home, model, title, slug, intro):
        page = model.objects.first()
        if page is None:
            page = model(title=title, slug=slug, intro=intro, live=False)
            home.add_child(instance=page)
        elif page.intro:
            return page
        else:
            page.intro = intro
        self.publish(page, self.users["admin"], self.now - timedelta(days=365))
        self.created["pages"] += 1
        return page

    def ensure_story_form(self, home):
        """ "Kirim ceritamu" at /kirim-cerita/, with the model's own texts."""
        if StoryFormPage.objects.exists():
            return
        page = StoryFormPage(
            title="Kirim ceritamu",
            slug="kirim-cerita",
            live=False,
            owner=self.users["admin"],  # a demo page (demo.guard)
        )
        home.add_child(instance=page)
        self.publish(page, self.users["admin"], self.now - timedelta(days=30))
        self.created["pages"] += 1

    def ensure_categories(self):
        categories = {}
        for slug, name, description in content.CATEGORIES:
            category, created = Category.objects.get_or_create(
                slug=slug, defaults={"name": name, "description": description}
            )
            categories[slug] = category
            self.created["categories"] += created
        return categories

    # --- people

    def ensure_contributors(self, index):
        admin = self.users["admin"]
        pages = {}
        for spec in content.CONTRIBUTORS:
            page = (
                ContributorPage.objects.child_of(index).filter(slug=spec.slug).first()
            )
            if page is not None:
                pages[spec.slug] = page
                continue
            user = self.users.get(spec.username)
            if user is not None and ContributorPage.objects.filter(user=user).exists():
                user = None
            photo = None
            if spec.avatar is not None:
                avatar = spec.avatar
                photo = self.make_image(
                    # The title is admin-only, but a pen-name author's stays neutral too.
                    title=f"Potret {spec.pen_name or spec.title}",
                    filename=f"potret-{spec.slug}",
                    png=illustrations.draw_avatar(
                        avatar.skin,
                        avatar.outfit,
                        avatar.background,
                        hijab=avatar.hijab,
                        hair=avatar.hair,
                        glasses=avatar.glasses,
                    ),
                    alt=avatar.alt,
                    credit="Ilustrasi: Sekar Ayu Pramesti",
                    user=user or admin,
                )
            page = ContributorPage(
                title=spec.title,
                slug=spec.slug,
                pen_name=spec.pen_name,
                use_pen_name_only=spec.use_pen_name_only,
                short_bio=spec.short_bio,
                bio=spec.bio,
                photo=photo,
                user=user,
                owner=user or admin,
                live=False,
                links=[
                    ContributorLink(platform=platform, url=url, label=label)
                    for platform, url, label in spec.links
                ],
            )
            index.add_child(instance=page)
            self.publish(
                page,
                admin,
                self.now - timedelta(days=spec.joined_days_ago),
                author=user,
            )
            pages[spec.slug] = page
            self.created["contributors"] += 1
        return pages

    # --- articles

    def ensure_articles(self, index, categories, contributors):
        editor = self.users["editor"]
        articles = {}
        for position, spec in enumerate(ARTICLES):
            page = ArticlePage.objects.child_of(index).filter(slug=spec.slug).first()
            if page is not None:
                articles[spec.slug] = page
                continue
            credited = [(contributors[slug], role) for slug, role in spec.credits]
            writer = next(
                c for c, role in credited if role == ArticleCredit.Role.WRITER
            )
            illustrator = next(
                (c for c, role in credited if role == ArticleCredit.Role.ILLUSTRATOR),
                None,
            )
            author = writer.user or editor
            hero = None
            if spec.hero is not None:
                hero = self.picture(
                    spec.hero,
                    title=f"Ilustrasi: {spec.title}",
                    filename=spec.slug,
                    illustrator=illustrator,
                )
            page = ArticlePage(
                title=spec.title,
                slug=spec.slug,
                standfirst=spec.standfirst,
                excerpt=spec.excerpt,
                content_note=spec.content_note,
                category=categories[spec.category],
                hero_image=hero,
                body=self.stream(spec, illustrator),
                owner=author,
                live=False,
                credits=[
                    ArticleCredit(contributor=contributor, role=role, sort_order=order)
                    for order, (contributor, role) in enumerate(credited)
                ],
            )
            index.add_child(instance=page)
            page.tags.add(*spec.tags)
            # Evening hours vary so listings do not all show the same time.
            published = self.now - timedelta(
                days=spec.days_ago, hours=(position * 5) % 11
            )
            self.publish(page, editor, published, author=author)
            articles[spec.slug] = page
            self.created["articles"] += 1
        return articles

    def stream(self, spec, illustrator):
        """Turn the block tuples content.py reads from an article file into raw
        StreamField data."""
        blocks = []
        for kind, *args in spec.body:
            if kind == "paragraph":
                value = "".join(f"<p>{text}</p>" for text in args)
            elif kind == "heading":
                value = {"text": args[0], "level": "h2"}
            elif kind == "pull_quote":
                value = {"quote": args[0], "attribution": args[1]}
            elif kind == "key_points":
                value = {
                    "title": args[0],
                    "points": [
                        {"type": "item", "value": point, "id": str(uuid.uuid4())}
                        for point in args[1]
                    ],
                }
            elif kind == "callout":
                value = {"title": args[0], "text": args[1]}
            elif kind == "image":
                picture, caption = args
                image = self.picture(
                    picture,
                    title=f"Ilustrasi: {caption}",
                    filename=f"{spec.slug}-isi",
                    illustrator=illustrator,
                    size=illustrations.BODY_SIZE,
                )
                value = {"image": image.pk, "caption": caption}
            else:
                raise ValueError(f"Unknown demo block {kind!r} in {spec.slug}")
            blocks.append({"type": kind, "value": value, "id": str(uuid.uuid4())})
        return blocks

    # --- home page

    def ensure_home(self, home, articles):
        changed = False
        if not home.intro:
            home.intro = content.HOME_INTRO
            home.invitation_heading = content.HOME_INVITATION_HEADING
            home.invitation_text = content.HOME_INVITATION_TEXT
            changed = True
        if not home.featured_articles.exists():
            featured = [spec.slug for spec in ARTICLES if spec.featured]
            home.featured_articles = [
                HomePageFeaturedArticle(article=articles[slug], sort_order=order)
                for order, slug in enumerate(featured)
                if slug in articles
            ]
            changed = True
        if changed:
            admin = self.users["admin"]
            home.save_revision(user=admin, log_action=True).publish(
                user=admin, skip_permission_checks=True
            )
            self.created["pages"] += 1

    # --- helpers

    def picture(self, picture, *, title, filename, illustrator, size=None):
        credit = f"Ilustrasi: {illustrator.public_name}" if illustrator else ""
        return self.make_image(
            title=title,
            filename=filename,
            png=illustrations.draw_scene(
                picture.scene,
                picture.palette,
                picture.seed,
                size=size or illustrations.HERO_SIZE,
            ),
            alt=picture.alt,
            credit=credit,
            user=(illustrator.user if illustrator else None) or self.users["admin"],
        )

    def make_image(self, *, title, filename, png, alt, credit, user):
        image = CustomImage(
            title=title[:255],
            description=alt,
            credit=credit,
            uploaded_by_user=user,
            file=ImageFile(io.BytesIO(png), name=f"{filename}.png"),
        )
        image._set_image_file_metadata()
        image.save()
        self.created["images"] += 1
        return image

    def publish(self, page, publisher, when, author=None):
        """Publish through a revision, then move its history back to `when`."""
        revision = page.save_revision(user=author or publisher, log_action=True)
        # The seed acts for the site's staff; who may publish what is the workflow's
        # business, not the demo's.
        revision.publish(user=publisher, skip_permission_checks=True)
        Page.objects.filter(pk=page.pk).update(
            first_published_at=when,
            last_published_at=when,
            latest_revision_created_at=when,
        )
        Revision.objects.filter(pk=revision.pk).update(created_at=when)
        PageLogEntry.objects.filter(page_id=page.pk).update(timestamp=when)
        page.first_published_at = page.last_published_at = when

    def ensure_editorial_examples(self):
        """Articles in review and sent back, last, inside the same transaction."""
        if seed_editorial_demo(self.stdout):
            self.created["editorial"] += 1


def describe(created):
    """'14 artikel, 23 gambar, …' for the summary line."""
    return ", ".join(
        f"{count} {LABELS.get(key, key)}" for key, count in created.items() if count
    )
