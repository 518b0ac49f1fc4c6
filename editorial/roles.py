"""The two editorial roles and the review workflow, as rows in the database.

`configure(apps)` is written against an app registry so the same code serves the data
migration (historical models) and the signal that runs when a section index is
created later. It is idempotent: running it again puts everything back in place.
"""

CONTRIBUTORS = "Contributors"
EDITORS = "Editors"
WORKFLOW_NAME = "Tinjauan redaksi"
TASK_NAME = "Tinjauan redaksi"
# Its first name: "Persetujuan" beside the workflow's "Tinjauan" read as two steps.
OLD_TASK_NAMES = ["Persetujuan redaksi"]

# Wagtail's own starter group and its default workflow would compete with ours.
WAGTAIL_MODERATORS = "Moderators"
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

# (app_label, codename) of plain Django permissions.
CONTRIBUTOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
]
EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtaildocs", "delete_document"),
    ("blog", "add_category"),
    ("blog", "change_category"),
    ("blog", "delete_category"),
    # The content notes offered to writers (blog.ContentNoteSuggestion).
    ("blog", "add_contentnotesuggestion"),
    ("blog", "change_contentnotesuggestion"),
    ("blog", "delete_contentnotesuggestion"),
    # The helplines under hard articles and on /bantuan/ (website.HelplineSettings).
    ("website", "change_helplinesettings"),
    # Linking a profile to an account, and the onboarding view that does it.
    ("contributors", "change_contributor_user"),
]

# Collection permissions on the root collection. Contributors may upload and choose
# images; with "add" they may also edit the images they uploaded, not anyone else's.
CONTRIBUTOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]

# Page permissions. Contributors get only "add" on the blog index: Wagtail lets them
# edit the pages they own there, and nothing else. Editors hold the whole site, but
# not "unlock": with it one editor could lift another's lock. Whoever holds a lock
# can always release it; a superuser can release a forgotten one.
CONTRIBUTOR_BLOG_PAGE_PERMISSIONS = ["add_page"]
EDITOR_SITE_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
]


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _set_page_permissions(apps, group, page, codenames):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page_id=page.pk,
            permission=_permission(apps, "wagtailcore", codename),
        )


def configure(apps):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    Collection = apps.get_model("wagtailcore", "Collection")
    HomePage = apps.get_model("website", "HomePage")
    BlogIndexPage = apps.get_model("blog", "BlogIndexPage")
    ContributorIndexPage = apps.get_model("contributors", "ContributorIndexPage")

    contributors, _ = Group.objects.get_or_create(name=CONTRIBUTORS)
    editors, _ = Group.objects.get_or_create(name=EDITORS)

    # Wagtail's starter "Editors" group edits every page from the tree root: our
    # groups hold exactly the page permissions below, nothing inherited.
    GroupPagePermission.objects.filter(group__in=[contributors, editors]).delete()

    for group, permissions in (
        (contributors, CONTRIBUTOR_PERMISSIONS),
        (editors, EDITOR_PERMISSIONS),
    ):
        group.permissions.set(
            [_permission(apps, app, codename) for app, codename in permissions]
        )

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for group, permissions in (
            (contributors, CONTRIBUTOR_COLLECTION_PERMISSIONS),
            (editors, EDITOR_COLLECTION_PERMISSIONS),
        ):
            wanted = [_permission(apps, app, codename) for app, codename in permissions]
            GroupCollectionPermission.objects.filter(group=group).exclude(
                collection=root_collection, permission__in=wanted
            ).delete()
            for permission in wanted:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

    for home in HomePage.objects.all():
        _set_page_permissions(apps, editors, home, EDITOR_SITE_PAGE_PERMISSIONS)

    _retire_wagtail_moderators(apps)
    _ensure_workflow(apps, editors)
    for index in [*BlogIndexPage.objects.all(), *ContributorIndexPage.objects.all()]:
        attach_index(apps, index)


def attach_index(apps, index):
    """Put a section index under review and, for the blog, open it to contributors."""
    Group = apps.get_model("auth", "Group")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    BlogIndexPage = apps.get_model("blog", "BlogIndexPage")

    contributors, _ = Group.objects.get_or_create(name=CONTRIBUTORS)
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    if BlogIndexPage.objects.filter(pk=index.pk).exists():
        _set_page_permissions(
            apps, contributors, index, CONTRIBUTOR_BLOG_PAGE_PERMISSIONS
        )
    WorkflowPage.objects.update_or_create(
        page_id=index.pk, defaults={"workflow": _ensure_workflow(apps, editors)}
    )


def _retire_wagtail_moderators(apps):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW):
        # Only retire it if nothing is moving through it.
        if WorkflowState.objects.filter(
            workflow=workflow, status__in=["in_progress", "needs_changes"]
        ).exists():
            continue
        workflow.workflow_pages.all().delete()
        workflow.workflow_content_types.all().delete()
        workflow.active = False
        workflow.save(update_fields=["active"])
    Group.objects.filter(name=WAGTAIL_MODERATORS, user__isnull=True).delete()


def _ensure_workflow(apps, editors):
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    if not GroupApprovalTask.objects.filter(name=TASK_NAME).exists():
        GroupApprovalTask.objects.filter(name__in=OLD_TASK_NAMES).update(name=TASK_NAME)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        # Historical models skip Task.__init__, which normally sets the content type.
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME,
            active=True,
            content_type=ContentType.objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )[0],
        )
    task.groups.set([editors])
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])

    workflow, _ = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    return workflow


def contributor_accounts():
    """Active Contributors accounts that have a profile, by the profile's name: the
    people an editor can give an illustration job or an imported article to."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            groups__name=CONTRIBUTORS,
            is_active=True,
            contributor_profile__isnull=False,
        )
        .select_related("contributor_profile")
        .order_by("contributor_profile__title")
    )
