"""Keep the search index true to what readers see.

An article is indexed with the names of everyone credited on it (ArticlePage.
credited_names); when a contributor's public name changes, her articles' entries
change with it, in the background.
"""

from wagtail.search.index import insert_or_update_object

from django_tasks import task

from blog.models import ArticlePage


@task()
def reindex_credited_articles(contributor_id):
    articles = ArticlePage.objects.filter(
        credits__contributor_id=contributor_id
    ).distinct()
    for article in articles:
        insert_or_update_object(article)
    return len(articles)
