"""What the apps above plug into the article form, so that `blog` imports none of them.

- ARTICLE_SAVING_HOOK: fn(form, page), called by ArticlePageForm.save once the form
  is valid and its credits are on `page` (in memory), before anything is stored; it
  may change `page`'s body and add credits (the importer reads a post's ending there).
"""

ARTICLE_SAVING_HOOK = "serambi_article_saving"
