"""Domain errors. Each carries a message key the renderer turns into words a user can act on."""

from __future__ import annotations

from typing import Any


class RapportError(Exception):
    """Base for errors that a user (or an operator) should read."""


class ConfigError(RapportError):
    """A setting is missing or malformed; the message names the variable."""


class UserError(RapportError):
    """Something the user asked for cannot be done; `key` picks the localized message."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class NotFound(UserError):
    pass


class NotAllowed(UserError):
    pass
