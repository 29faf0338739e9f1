"""Workspaces: created on first contact with the defaults of this installation."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from storage.models import Workspace
from storage.upsert import insert_ignore


def ensure_workspace(
    *, session: Session, team_id: str, tz: str, currency: str, locale: str, now: datetime
) -> Workspace:
    workspace = session.get(Workspace, team_id)
    if workspace is not None:
        return workspace
    insert_ignore(
        session=session,
        model=Workspace,
        rows=[{"team_id": team_id, "tz": tz, "currency": currency, "locale": locale, "created_at": now}],
        conflict=["team_id"],
    )
    workspace = session.get(Workspace, team_id, populate_existing=True)
    assert workspace is not None  # inserted just now, or by a concurrent request
    return workspace
