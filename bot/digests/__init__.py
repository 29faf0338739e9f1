"""The weekly summary of a segment: when it is due, what it holds, its history, where it goes.

schedule.py       the schedule a subscription is written in, and its latest due time.
subscriptions.py  a channel's subscriptions: subscribe, list, unsubscribe.
build.py          what a summary holds (Digest), built from the segment and the week's changes.
history.py        the segment's size by stage at the end of each of the last 12 weeks (its chart).
delivery.py       where one summary goes: a subscription's week, or one sent at once.

Posting summaries on a clock, and at once, is bot.jobs.digests; drawing the chart, bot.render.chart.
"""
