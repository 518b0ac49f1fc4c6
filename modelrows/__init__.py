"""Model instances built from database rows for less than Django's constructor costs.

Not an app (no models, no settings): the lowest layer, usable by every app."""
