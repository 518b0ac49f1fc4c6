"""The models of sign-in: the sealed authenticator device (two_factor.models)."""

from .two_factor.models import SealedTOTPDevice  # noqa: F401  (a model)
