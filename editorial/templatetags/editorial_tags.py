from django import template

from editorial.permissions import is_editor

register = template.Library()


@register.filter
def sees_whole_site(user):
    """Editors and administrators; contributors see their own work only."""
    return is_editor(user)
