"""Runtime configuration: one Settings object, read from the environment.

A missing or malformed setting stops start-up with one line that names the variable,
because an operator reading a log should not have to decode a pydantic traceback.
"""

from __future__ import annotations

from functools import cached_property
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.core.errors import ConfigError

_PLACEHOLDERS = {"changeme", "change-me", "secret", "xxx", "your-signing-secret", "todo"}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", case_sensitive=False, extra="ignore")

    database_url: str = Field(default="sqlite:///rapport.db", alias="DATABASE_URL")
    slack_bot_token: str | None = Field(default=None, alias="SLACK_BOT_TOKEN")
    slack_app_token: str | None = Field(default=None, alias="SLACK_APP_TOKEN")
    slack_signing_secret: str | None = Field(default=None, alias="SLACK_SIGNING_SECRET")
    slack_api_url: str | None = Field(default=None, alias="SLACK_API_URL")
    default_tz: str = Field(default="UTC", alias="RAPPORT_DEFAULT_TZ")
    default_currency: str = Field(default="USD", alias="RAPPORT_DEFAULT_CURRENCY")
    locale: Literal["en", "zh"] = Field(default="en", alias="RAPPORT_LOCALE")
    port: int = Field(default=3000, alias="PORT", ge=1, le=65535)
    scheduler: Literal["on", "off"] = Field(default="on", alias="RAPPORT_SCHEDULER")
    # How long a dispatcher may hold a claimed reminder before others take it over.
    reminder_lease_seconds: int = Field(default=60, alias="RAPPORT_REMINDER_LEASE", ge=2, le=3600)

    @field_validator("default_tz")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r} (use an IANA name like Asia/Shanghai)") from exc
        return value

    @field_validator("default_currency")
    @classmethod
    def _iso_currency(cls, value: str) -> str:
        if len(value) != 3 or not value.isalpha():
            raise ValueError(f"{value!r} is not a three-letter ISO 4217 code like USD or CNY")
        return value.upper()

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not value.startswith(("http://", "https://")) or not value.endswith("/"):
            raise ValueError(f"{value!r} must be an http(s) URL ending in '/', like https://slack.com/api/")
        return value

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        if not value.startswith(("sqlite", "postgresql")):
            raise ValueError(f"{value!r} is not a sqlite:/// or postgresql+psycopg:// URL")
        if value.startswith("postgres://") or value.startswith("postgresql://"):
            # psycopg 3 is the driver we ship; the bare scheme would ask SQLAlchemy for psycopg2.
            value = "postgresql+psycopg://" + value.split("://", 1)[1]
        return value

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.default_tz)

    @property
    def has_slack(self) -> bool:
        return bool(self.slack_bot_token)

    def require_signing_secret(self) -> str:
        secret = self.slack_signing_secret
        if not secret:
            raise ConfigError("SLACK_SIGNING_SECRET is not set: HTTP mode verifies every request with it")
        if secret.lower() in _PLACEHOLDERS:
            raise ConfigError(
                "SLACK_SIGNING_SECRET is a placeholder: copy the signing secret from your Slack app"
            )
        return secret


def load_settings() -> Settings:
    """Read the environment; turn the first validation problem into one readable ConfigError."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]) if first.get("loc") else "configuration"
        message = str(first.get("msg", "invalid value")).removeprefix("Value error, ")
        raise ConfigError(f"{name}: {message}") from None
