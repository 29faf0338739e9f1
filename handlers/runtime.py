"""Handlers reach the runtime (database, clock, settings) through the Bolt context."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext

from bot.runtime import Runtime

KEY = "rapport_runtime"


def runtime(context: BoltContext) -> Runtime:
    rt = context.get(KEY)
    if not isinstance(rt, Runtime):
        raise RuntimeError("the Rapport runtime middleware did not run")
    return rt


def team_of(body: dict[str, Any]) -> str:
    """The workspace of an interactive payload (buttons, forms, shortcuts)."""
    return str((body.get("team") or {}).get("id") or body["user"]["team_id"])
