"""What every handler needs at hand: settings, the database and the clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from bot.clock import Clock, system_clock
from bot.config import Settings
from storage.db import Database
from storage.models import Workspace
from storage.workspaces import ensure_workspace


@dataclass(frozen=True)
class WorkspaceDefaults:
    tz: str
    currency: str
    locale: str


@dataclass
class Runtime:
    settings: Settings
    db: Database
    clock: Clock = field(default=system_clock)

    def __deepcopy__(self, memo: dict[int, object]) -> Runtime:
        # Bolt deep-copies the request context for lazy listeners; the runtime is shared
        # infrastructure (an engine, a clock), so the copy is the runtime itself.
        return self

    @property
    def defaults(self) -> WorkspaceDefaults:
        return WorkspaceDefaults(
            tz=self.settings.default_tz, currency=self.settings.default_currency, locale=self.settings.locale
        )


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
