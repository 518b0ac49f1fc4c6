"""A database made before the apps were split out of `website` keeps everything:
images with their tags and renditions, what points at them, the page cache's token,
the e-mail waiting in the queue, an authenticator with its sealed secret and the
permissions on it.

Migrates the test database back to where every app stood before the split (the new
apps at zero), writes rows there with the historical models, as the old code wrote
them, then migrates forward and reads them back through today's models.
"""

from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django.utils.module_loading import import_string

import pytest

# Where each app stood at the last commit before the split.
BEFORE_THE_SPLIT = [
    ("images", None),
    ("caching", None),
    ("operations", None),
    ("accounts", None),
    ("website", "0012_search_title_body_index"),
    ("blog", "0013_article_body_table_and_preformatted"),
    ("contributors", "0003_short_bio_room_for_real_bios"),
    ("importer", "0003_export_fidelity"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor


def models_at(executor, targets):
    """The models of every app as the database now has them: the targets' apps where
    they were sent, every other app at its latest."""
    executor.loader.build_graph()
    moved = {app for app, _ in targets}
    nodes = [
        node for node in executor.loader.graph.leaf_nodes() if node[0] not in moved
    ]
    return executor.loader.project_state(
        nodes + [target for target in targets if target[1]]
    ).apps


def latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def old_rows(apps):
    """What the old code kept: an image with a tag and a rendition, a contributor
    whose photo it is, the importer's record of it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Collection = apps.get_model("wagtailcore", "Collection")
    Locale = apps.get_model("wagtailcore", "Locale")
    CustomImage = apps.get_model("website", "CustomImage")
    CustomRendition = apps.get_model("website", "CustomRendition")
    Tag = apps.get_model("taggit", "Tag")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    Page = apps.get_model("wagtailcore", "Page")
    ContributorPage = apps.get_model("contributors", "ContributorPage")
    ImportedImage = apps.get_model("importer", "ImportedImage")

    image = CustomImage.objects.create(
        title="Ilustrasi pagi",
        file="original_images/pagi.jpg",
        width=800,
        height=600,
        credit="Ilustrasi: Sekar",
        description="Seorang ibu menyiram tanaman",
        collection=Collection.objects.get_or_create(
            depth=1, defaults={"path": "0001", "name": "Root"}
        )[0],
    )
    image_type, _ = ContentType.objects.get_or_create(
        app_label="website", model="customimage"
    )
    TaggedItem.objects.create(
        tag=Tag.objects.create(name="pagi", slug="pagi"),
        content_type=image_type,
        object_id=image.pk,
    )
    CustomRendition.objects.create(
        image=image,
        filter_spec="width-400",
        focal_point_key="",
        file="images/pagi.width-400.jpg",
        width=400,
        height=300,
    )
    # The tree the migrations made, or (after another test flushed the database) a
    # root of its own.
    locale = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]
    root = Page.objects.filter(depth=1).first() or Page.objects.create(
        title="Root",
        draft_title="Root",
        slug="root",
        path="0001",
        depth=1,
        url_path="/",
        locale=locale,
        content_type=ContentType.objects.get_or_create(
            app_label="wagtailcore", model="page"
        )[0],
    )
    page_type, _ = ContentType.objects.get_or_create(
        app_label="contributors", model="contributorpage"
    )
    contributor = ContributorPage.objects.create(
        title="Ratna Dewi",
        draft_title="Ratna Dewi",
        slug="ratna-dewi",
        path=root.path + "00ZZ",
        depth=root.depth + 1,
        url_path=root.url_path + "ratna-dewi/",
        content_type=page_type,
        locale=locale,
        photo=image,
    )
    root.numchild += 1
    root.save(update_fields=["numchild"])
    ImportedImage.objects.create(sha256="a" * 64, image=image)
    PageCacheGeneration = apps.get_model("website", "PageCacheGeneration")
    PageCacheGeneration.objects.update_or_create(
        pk=1, defaults={"token": "d1f0c0ffee" + "0" * 22}
    )
    # An e-mail still waiting in the queue, named by the code's old path.
    apps.get_model("django_tasks_database", "DBTaskResult").objects.create(
        task_path="website.mail.deliver_email",
        args_kwargs={"args": [], "kwargs": {"data": "x", "attempt": 1}},
        backend_name="default",
        queue_name="default",
        run_after=timezone.now(),
        status="READY",
    )
    return image.pk, contributor.pk


SECRET = bytes(range(20))


def old_device(apps):
    """An editor's authenticator as the old code kept it: a TOTPDevice row with its
    secret sealed (website.two_factor.secrets then, the same format today), and a group
    holding a permission on the proxy model, whose content type was website's."""
    from accounts.two_factor.secrets import seal

    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("auth", "User")
    TOTPDevice = apps.get_model("otp_totp", "TOTPDevice")

    device_type, _ = ContentType.objects.get_or_create(
        app_label="website", model="sealedtotpdevice"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=device_type,
        codename="change_sealedtotpdevice",
        defaults={"name": "Can change TOTP device (sealed secret)"},
    )
    group = Group.objects.create(name="Penjaga kunci")
    group.permissions.add(permission)
    user = User.objects.create(username="sekar-lama", password="!")
    user.groups.add(group)
    device = TOTPDevice.objects.create(
        user=user, name="Serambi", confirmed=True, key=seal(SECRET.hex())
    )
    return device.pk, device_type.pk, user.pk


# serialized_rollback: the tests after it on the same worker find the rows migrations
# made (and their content type ids) again, not ones a post-migrate signal re-created.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_made_before_the_split_keeps_its_rows():
    from django.contrib.contenttypes.models import ContentType

    from caching.models import PageCacheGeneration
    from caching.pages import current_generation, forget_generation
    from contributors.models import ContributorPage
    from images.models import CustomImage, CustomRendition
    from importer.models import ImportedImage

    old_apps = models_at(migrate(BEFORE_THE_SPLIT), BEFORE_THE_SPLIT)
    image_pk, contributor_pk = old_rows(old_apps)
    device_pk, device_type_pk, user_pk = old_device(old_apps)

    migrate(latest())

    image = CustomImage.objects.get(pk=image_pk)
    assert (image.title, image.credit, image.description) == (
        "Ilustrasi pagi",
        "Ilustrasi: Sekar",
        "Seorang ibu menyiram tanaman",
    )
    assert image.file.name == "original_images/pagi.jpg"
    assert list(image.tags.names()) == ["pagi"]
    assert list(CustomImage.objects.filter(tags__name="pagi")) == [image]
    assert list(
        CustomRendition.objects.filter(image=image).values_list(
            "filter_spec", flat=True
        )
    ) == ["width-400"]
    assert ContributorPage.objects.get(pk=contributor_pk).photo == image
    assert ImportedImage.objects.get(sha256="a" * 64).image == image
    assert not ContentType.objects.filter(app_label="website", model="customimage")
    assert ContentType.objects.get_for_model(CustomImage).app_label == "images"
    # The worker finds the waiting e-mail's code where it lives now.
    from django_tasks_db.models import DBTaskResult

    from operations.mail import deliver_email

    waiting = DBTaskResult.objects.get()
    assert waiting.task_path == "operations.mail.deliver_email"
    assert import_string(waiting.task_path) is deliver_email
    # Pages cached before the upgrade stay valid: the token is the same.
    forget_generation()
    assert PageCacheGeneration.read() == "d1f0c0ffee" + "0" * 22
    assert current_generation() == "d1f0c0ffee" + "0" * 22
    # A new image after the move gets the next key, past the moved one.
    assert (
        CustomImage.objects.create(
            title="Baru", file="original_images/baru.jpg", width=1, height=1
        ).pk
        > image_pk
    )
    # The authenticator still opens its secret and accepts the code the phone shows,
    # through the model's new home; its content type (and so the permission on it)
    # moved with it.
    from django.contrib.auth import get_user_model

    from django_otp.oath import TOTP

    from accounts.models import SealedTOTPDevice

    device = SealedTOTPDevice.objects.get(pk=device_pk)
    assert device.bin_key == SECRET
    totp = TOTP(SECRET, device.step, device.t0, device.digits, device.drift)
    assert device.verify_token(f"{totp.token():06d}")
    device_type = ContentType.objects.get_for_model(
        SealedTOTPDevice, for_concrete_model=False
    )
    assert (device_type.pk, device_type.app_label) == (device_type_pk, "accounts")
    assert not ContentType.objects.filter(app_label="website", model="sealedtotpdevice")
    user = get_user_model().objects.get(pk=user_pk)
    assert user.has_perm("accounts.change_sealedtotpdevice")
