"""Jobs: the only services that post to Slack on their own, woken by the scheduler (bot.app.scheduler).

reminders.py  the reminder Dispatcher: claims due follow-ups and posts each once.
digests.py    the DigestDispatcher: claims each subscription's week and posts its summary and
              chart once; `send_now` posts one at once ("/crm digest send").
"""
