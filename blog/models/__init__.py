"""The blog's models. Import them from here, not from the modules behind it."""

from .articles import (
    RELATED_ARTICLES,
    RESERVED_ARTICLE_SLUGS,
    WORDS_PER_MINUTE,
    ArticleCredit,
    ArticlePage,
    ArticlePageForm,
    ArticlePageQuerySet,
    public_articles,
)
from .index import ARTICLES_PER_PAGE, FEED_ITEMS, BlogIndexPage
from .taxonomy import ArticleTag, Category, CategoryQuerySet

__all__ = [
    "ARTICLES_PER_PAGE",
    "FEED_ITEMS",
    "RELATED_ARTICLES",
    "RESERVED_ARTICLE_SLUGS",
    "WORDS_PER_MINUTE",
    "ArticleCredit",
    "ArticlePage",
    "ArticlePageForm",
    "ArticlePageQuerySet",
    "ArticleTag",
    "BlogIndexPage",
    "Category",
    "CategoryQuerySet",
    "public_articles",
]
