"""The Bolt app's middleware, in the order the factory installs it (each runs on every request
that passed Bolt's signature check, before any listener):

  attach_runtime         the runtime (settings, database, clock) into the context (handlers.context).
  open_outbox            an empty outbox for the main listener's replies (handlers.replies).
  skip_retried_mentions  a retried @rapport delivery already answered is dropped by its event id.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, BoltResponse

from bot.app.runtime import Runtime
from bot.notes import capture
from handlers.context import KEY, runtime
from handlers.replies import OUTBOX, Outbox

Middleware = Callable[..., BoltResponse | None]


def attach_runtime(rt: Runtime) -> Middleware:
    def attach(context: BoltContext, next: Callable[[], None]) -> None:
        context[KEY] = rt
        next()

    return attach


def open_outbox(context: BoltContext, next: Callable[[], None]) -> None:
    """Every request's main listener finds an empty outbox in its context."""
    context[OUTBOX] = Outbox()
    next()


def skip_retried_mentions(
    body: dict[str, Any], context: BoltContext, next: Callable[[], None]
) -> BoltResponse | None:
    """An @rapport mention posts a card: a retry of one already answered is dropped, so a card is
    posted at most once (the other events are safe to receive twice: handlers.capture)."""
    event_id = body.get("event_id")
    kind = (body.get("event") or {}).get("type")
    if body.get("type") == "event_callback" and kind == "app_mention" and event_id:
        rt = runtime(context)
        if not capture.first_delivery(
            db=rt.db, team_id=str(body.get("team_id")), event_id=str(event_id), now=rt.clock()
        ):
            return BoltResponse(status=200, body="")
    next()
    return None
