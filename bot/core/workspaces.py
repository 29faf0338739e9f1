"""The workspace a request belongs to: its row, created on first contact with this installation's
defaults (time zone, currency, language)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from storage.models import Workspace
from storage.workspaces import ensure_workspace


@dataclass(frozen=True)
class WorkspaceDefaults:
    tz: str
    currency: str
    locale: str


def workspace_for(session: Session, team_id: str, defaults: WorkspaceDefaults, now: datetime) -> Workspace:
    """The workspace's row, created with this installation's defaults on first contact."""
    return ensure_workspace(
        session=session,
        team_id=team_id,
        tz=defaults.tz,
        currency=defaults.currency,
        locale=defaults.locale,
        now=now,
    )
