"""Delete stories, with the contact detail they hold, N days after the decision.

N is each site's `StorySettings.retention_days` (30 by default); a story still
waiting for a decision is kept. Run by the scheduler (settings.SCHEDULED_JOBS); safe
to run again.
"""

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Site

from stories.models import StorySettings, StorySubmission


class Command(BaseCommand):
    help = "Delete decided stories (and their contact) after the retention period."

    def handle(self, *args, **options):
        now = timezone.now()
        deleted = 0
        for site in Site.objects.select_related("root_page"):
            cutoff = StorySettings.for_site(site).purge_before(now)
            on_site = Q(page__path__startswith=site.root_page.path)
            if site.is_default_site:
                on_site |= Q(page__isnull=True)  # its form page was deleted
            count, _ = StorySubmission.objects.filter(
                on_site, decided_at__lt=cutoff
            ).delete()
            deleted += count
        self.stdout.write(f"Deleted {deleted} decided stories")
