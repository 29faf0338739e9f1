"""Slack listeners, by feature: each module turns its payloads into service calls and rendered replies.

notes.py       /note, Undo, Edit (button and form), a card's Add note.
customers.py   /customer, @rapport, "did you mean" and Create, a card's All notes, Share, Edit profile.
followups.py   /followup, Done, a card's Add follow-up, a reminder's Done, Snooze and Reassign.
complaints.py  Resolve and Reopen on a card's open complaints.
capture.py     capture channels, the capture reaction, the "Save as customer note" shortcut.
home.py        App Home and its search box.
crm/           /crm and its sub-commands (crm/routes.py registers them).
fallback.py    an answer for a command no listener took (registered after them all).
failures.py    the one error handler.
Shared: context.py (the runtime and where a payload comes from), replies.py (every way a
listener answers: queued, and sent after the answer by `send_later`), people.py (the acting
person's time zone).
"""

from __future__ import annotations

from slack_bolt import App

from handlers import capture, complaints, customers, failures, fallback, followups, home, notes
from handlers.crm import routes


def register_all(app: App) -> None:
    notes.register(app)
    customers.register(app)
    followups.register(app)
    complaints.register(app)
    capture.register(app)
    home.register(app)
    routes.register(app)
    fallback.register(app)  # after every other command listener: it takes any command
    failures.register(app)
