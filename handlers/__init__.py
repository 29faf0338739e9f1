"""Slack listeners: each module turns one kind of payload into a service call and a rendered reply."""

from __future__ import annotations

from slack_bolt import App

from handlers import (
    actions,
    cards,
    commands,
    complaints,
    crm,
    events,
    failures,
    home,
    reminders,
    shortcuts,
    views,
)


def register_all(app: App) -> None:
    commands.register(app)
    actions.register(app)
    views.register(app)
    reminders.register(app)
    home.register(app)
    events.register(app)
    crm.register(app)
    shortcuts.register(app)
    complaints.register(app)
    cards.register(app)
    commands.register_fallback(app)
    failures.register(app)
