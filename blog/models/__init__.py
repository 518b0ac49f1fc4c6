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
from .care import ContentNoteSuggestion, SuggestionsInput
from .index import ARTICLES_PER_PAGE, FEED_ITEMS, BlogIndexPage
from .reads import ArticleReadDay
from .taxonomy import ArticleTag, Category, CategoryQuerySet

__all__ = [
    "ARTICLES_PER_PAGE",
    "FEED_ITEMS",
    "RELATED_ARTICLES",
    "RESERVED_ARTICLE_SLUGS",
    "SuggestionsInput",
    "WORDS_PER_MINUTE",
    "ArticleCredit",
    "ArticlePage",
    "ArticlePageForm",
    "ArticlePageQuerySet",
    "ArticleReadDay",
    "ArticleTag",
    "BlogIndexPage",
    "Category",
    "ContentNoteSuggestion",
    "CategoryQuerySet",
    "public_articles",
]
