from django import template

register = template.Library()


@register.inclusion_tag("blog/reads_summary.html")
def reads_summary(reads, article_id):
    """An article's reads from a reads_for() mapping: totals and a sparkline."""
    return {"summary": reads.get(article_id) if reads else None}
