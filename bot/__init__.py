"""Rapport's application: one package per domain, the composition root, and the entry point.

app/        the composition root (settings, runtime, Bolt app and middleware, web, scheduler, CLI).
cli.py      the `rapport` console script and `python -m bot.cli`.
core/       the shared kernel: errors, validation, clock, workspace defaults, i18n and the catalog.
language/   the note language (pure).
customers/, notes/, followups/, home/, insights/, digests/   the domains.
render/     how every answer looks.
jobs/       the dispatchers that post to Slack on a clock.
console/    the local console's Slack side.

The README's "How it is built" has the layers and the import contracts that keep them.
"""
