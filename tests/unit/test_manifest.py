"""manifest.yml declares what the app listens for, at the URL `rapport serve` answers."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_manifest_points_every_url_at_slack_events() -> None:
    manifest = yaml.safe_load((ROOT / "manifest.yml").read_text())
    urls = [c["url"] for c in manifest["features"]["slash_commands"]]
    urls.append(manifest["settings"]["event_subscriptions"]["request_url"])
    urls.append(manifest["settings"]["interactivity"]["request_url"])
    assert urls and all(url.endswith("/slack/events") for url in urls)


def test_manifest_declares_the_design_commands_and_shortcut() -> None:
    manifest = yaml.safe_load((ROOT / "manifest.yml").read_text())
    commands = {c["command"] for c in manifest["features"]["slash_commands"]}
    assert commands == {"/note", "/customer", "/followup", "/crm"}
    shortcuts = {s["callback_id"] for s in manifest["features"]["shortcuts"]}
    assert shortcuts == {"save_as_note"}
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    needed = {"commands", "chat:write", "app_mentions:read", "users:read", "files:write", "channels:history"}
    assert needed <= scopes


def test_procfile_runs_web_and_worker() -> None:
    lines = (ROOT / "Procfile").read_text().splitlines()
    assert "web: rapport serve --port $PORT" in lines
    assert "worker: rapport worker" in lines
