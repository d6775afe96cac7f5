"""Errors saywho reports to users: each carries a one-line, human-readable reason."""

from __future__ import annotations


class SaywhoError(Exception):
    """Base class: the message is shown to the user as is, without a traceback."""


class InputError(SaywhoError):
    """The input cannot be read as an article (empty, binary, wrong encoding, too large, no article text)."""
