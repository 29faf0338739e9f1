"""The one way a listener reaches the runtime (settings, database, clock), and where a payload
comes from (its workspace, its channel). The runtime rides in the Bolt context, put there by
bot.app.middleware.attach_runtime."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext

from bot.app.runtime import Runtime

KEY = "rapport_runtime"


def attached(context: BoltContext) -> Runtime | None:
    """The runtime of a verified request; None when the middleware did not run (Bolt runs it only
    after the signature check passed)."""
    rt = context.get(KEY)
    return rt if isinstance(rt, Runtime) else None


def runtime(context: BoltContext) -> Runtime:
    rt = attached(context)
    if rt is None:
        raise RuntimeError("the Rapport runtime middleware did not run")
    return rt


def team_of(body: dict[str, Any]) -> str:
    """The workspace of an interactive payload (buttons, forms, shortcuts)."""
    return str((body.get("team") or {}).get("id") or body["user"]["team_id"])


def channel_of(body: dict[str, Any]) -> str | None:
    """The channel a click happened in (a message's, or its container's), if any."""
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
    return str(channel) if channel else None
