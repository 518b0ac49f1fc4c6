"""What the apps above plug into contributor pages, so this app imports none of them.

`contributors` is the lowest layer: `blog` credits contributors and `editorial` decides
who edits what, so they register here (in their own `wagtail_hooks.py`) rather than
being imported from below:

- PERMISSION_TESTER_HOOK: fn(user, page) -> a PagePermissionTester for her profile;
- ARTICLES_HOOK: fn(contributor, request) -> her live, public articles, newest first,
  with what a card shows;
- FEED_HOOK: fn(contributor, articles, request) -> the RSS response of her feed.
"""

from wagtail import hooks

PERMISSION_TESTER_HOOK = "serambi_contributor_permission_tester"
ARTICLES_HOOK = "serambi_contributor_articles"
FEED_HOOK = "serambi_contributor_feed"


def registered(name):
    """The function registered last under `name`, or None when no app registered one."""
    functions = hooks.get_hooks(name)
    return functions[-1] if functions else None
