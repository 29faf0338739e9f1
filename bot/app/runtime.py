"""What every handler needs at hand: settings, the database and the clock."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.app.config import Settings
from bot.core.clock import Clock, system_clock
from bot.core.workspaces import WorkspaceDefaults
from storage.db import Database


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
