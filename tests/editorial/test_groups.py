"""The groups and the workflow exist after migrate, with the permissions the issue lists."""

from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission, Workflow

from blog.models import BlogIndexPage


def page_permissions(group):
    return {
        (perm.page.specific_class.__name__, perm.permission.codename)
        for perm in GroupPagePermission.objects.filter(group=group)
    }


def test_contributors_may_only_add_under_the_blog_index(blog_index):
    group = Group.objects.get(name="Contributors")
    assert page_permissions(group) == {("BlogIndexPage", "add_page")}
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert codenames == {"access_admin", "add_image", "choose_image"}


def test_editors_hold_the_site_but_not_user_management(home_page):
    group = Group.objects.get(name="Editors")
    assert page_permissions(group) == {
        ("HomePage", codename)
        for codename in [
            "add_page",
            "change_page",
            "publish_page",
            "lock_page",
        ]
    }
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert "change_contributor_user" in codenames
    assert not codenames & {"add_user", "change_user", "delete_user"}


def test_review_workflow_covers_articles_and_profiles(blog_index, contributor_index):
    workflow = Workflow.objects.get(name="Tinjauan redaksi")
    assert blog_index.get_workflow() == workflow
    assert contributor_index.get_workflow() == workflow
    [task] = [task.specific for task in workflow.tasks.all()]
    assert list(task.groups.values_list("name", flat=True)) == ["Editors"]
    # Wagtail's default workflow no longer applies anywhere.
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()


def test_a_blog_index_created_later_gets_the_same_setup(blog_index):
    new_index = BlogIndexPage(title="Arsip", slug="arsip")
    blog_index.get_parent().add_child(instance=new_index)
    assert new_index.get_workflow().name == "Tinjauan redaksi"
    assert ("BlogIndexPage", "add_page") in page_permissions(
        Group.objects.get(name="Contributors")
    )
