"""The composition root: everything that wires Rapport together and runs it.

config.py      settings from the environment (one pydantic-settings object).
runtime.py     the Runtime listeners and jobs share: settings, database, clock.
bootstrap.py   opening the runtime (the database brought up to date where that is ours to do).
factory.py     the Bolt app: Web API client, middleware, handlers.register_all.
middleware.py  the app's middleware (the runtime, the outbox, retried mentions).
web.py         HTTP mode: the request checks before Bolt, /slack/events and /healthz.
scheduler.py   APScheduler's clock for the jobs (bot.jobs) and the 6-hourly recompute.
console.py     the local console workspace: the same app, against the stand-in in bot.console.
cli.py         the `rapport` command line (bot/cli.py is its entry point).
"""
