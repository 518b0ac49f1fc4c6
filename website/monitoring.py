"""Server errors reach the operators: e-mail to ADMINS, and Sentry when configured.

Imported by the settings, so nothing here may import Django models.
"""

from email.utils import getaddresses


def parse_admins(value):
    """ADMINS from "Name <a@example.org>, b@example.org" as Django wants it."""
    return [(name, address) for name, address in getaddresses([value]) if address]


def init_sentry(dsn, environment="production", release=None):
    """Report unhandled errors to Sentry, only when a DSN is set.

    No personal data: readers' addresses and contributors' names and sessions stay
    out of the reports (send_default_pii off), and no performance traces are sent.
    """
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=environment,
        release=release,
        send_default_pii=False,
        traces_sample_rate=0.0,
    )
    return True
