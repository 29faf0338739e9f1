"""Settings: defaults, and one clear line naming a bad variable."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.app.config import Settings, load_settings
from bot.core.errors import ConfigError


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "DATABASE_URL",
        "SLACK_BOT_TOKEN",
        "SLACK_APP_TOKEN",
        "SLACK_SIGNING_SECRET",
        "SLACK_API_URL",
        "RAPPORT_DEFAULT_TZ",
        "RAPPORT_DEFAULT_CURRENCY",
        "RAPPORT_LOCALE",
        "PORT",
    ):
        monkeypatch.delenv(name, raising=False)


def test_defaults_are_the_embedded_ones() -> None:
    settings = load_settings()
    assert settings.database_url == "sqlite:///rapport.db"
    assert (settings.default_tz, settings.default_currency, settings.locale, settings.port) == (
        "UTC",
        "USD",
        "en",
        3000,
    )
    assert not settings.has_slack


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("RAPPORT_DEFAULT_TZ", "Mars/Olympus", "RAPPORT_DEFAULT_TZ: unknown time zone"),
        ("RAPPORT_DEFAULT_CURRENCY", "dollars", "RAPPORT_DEFAULT_CURRENCY: 'dollars' is not a three-letter"),
        ("RAPPORT_LOCALE", "fr", "RAPPORT_LOCALE"),
        ("PORT", "eighty", "PORT"),
        ("SLACK_API_URL", "https://slack.com/api", "SLACK_API_URL: 'https://slack.com/api' must be"),
        ("DATABASE_URL", "mysql://x", "DATABASE_URL: 'mysql://x' is not"),
    ],
)
def test_malformed_setting_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, says: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as problem:
        load_settings()
    assert str(problem.value).startswith(says)
    assert "\n" not in str(problem.value)


def test_plain_postgresql_url_uses_psycopg3(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@h/db")
    assert load_settings().database_url == "postgresql+psycopg://u@h/db"


def test_currency_is_upper_cased(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAPPORT_DEFAULT_CURRENCY", "cny")
    assert load_settings().default_currency == "CNY"


@pytest.mark.parametrize("secret", [None, "changeme"])
def test_http_mode_refuses_a_missing_or_placeholder_signing_secret(secret: str | None) -> None:
    settings = Settings(SLACK_SIGNING_SECRET=secret)
    with pytest.raises(ConfigError, match="SLACK_SIGNING_SECRET"):
        settings.require_signing_secret()


def test_cli_stops_with_one_line_naming_the_variable() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "serve"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "RAPPORT_DEFAULT_TZ": "Nowhere/Land"},
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "rapport: RAPPORT_DEFAULT_TZ: unknown time zone 'Nowhere/Land' (use an IANA name like Asia/Shanghai)"
    ]


def test_serve_without_signing_secret_stops_with_one_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "serve"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "SLACK_BOT_TOKEN": "xoxb-1"},
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "rapport: SLACK_SIGNING_SECRET is not set: HTTP mode verifies every request with it"
    ]
