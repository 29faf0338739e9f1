"""Follow-ups and the reminders they become.

agenda.py            follow-ups set by hand (`/followup`), listed, marked done; who may act on one.
reminder_context.py  what a reminder shows: the follow-up, its customer, its note, the latest notes.
reminder_actions.py  Done, Snooze and Reassign on a posted reminder, each at most once.

Posting reminders on a clock is bot.jobs.reminders.
"""
